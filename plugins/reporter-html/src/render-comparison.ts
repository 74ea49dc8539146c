import type { Comparison } from './comparison.js';
import { renderBarChart, renderLegend, SERIES_COLOURS, type BarGroup } from './bar-chart.js';
import { escapeHtml } from './escape.js';
import { formatInterval, formatP, formatPercent, formatScore } from './format.js';

const SIGNIFICANCE = 0.05;

function pCell(p: number | undefined, diff: number): string {
  if (p === undefined) return '<td class="num muted" title="needs at least two runs per test">—</td>';
  const significant = p < SIGNIFICANCE;
  return `<td class="num${significant ? ' significant' : ''}">${escapeHtml(formatP(p))}${significant ? (diff < 0 ? ' ▼' : ' ▲') : ''}</td>`;
}

function rankingTable(comparison: Comparison, seriesIndex: (agent: string) => number): string {
  const rows = comparison.ranking.map((a) => {
    const vs = a.vsLeader;
    return (
      `<tr><td class="num">${a.rank}</td><td><span class="swatch series-${seriesIndex(a.agent) % SERIES_COLOURS}"></span>${escapeHtml(a.agent)}</td>` +
      `<td class="num">${formatScore(a.mean)}</td><td class="num">${a.ci ? escapeHtml(formatInterval(a.ci)) : '—'}</td>` +
      `<td class="num">${a.passedTests}/${a.tests} (${escapeHtml(formatPercent(a.successRate))})</td>` +
      `<td class="num">${a.passedRuns}/${a.runs} [${escapeHtml(formatPercent(a.runPassInterval[0]))}–${escapeHtml(formatPercent(a.runPassInterval[1]))}]</td>` +
      `<td class="num">${a.flakyTests}</td>` +
      (vs ? `<td class="num">${vs.diff >= 0 ? '+' : ''}${vs.diff.toFixed(1)}</td>${pCell(vs.p, vs.diff)}` : '<td class="num muted">leader</td><td class="num muted">—</td>') +
      '</tr>'
    );
  });
  return (
    '<table class="ranking"><thead><tr><th class="num">Rank</th><th>Agent</th><th class="num">Mean score</th><th class="num">95% CI</th><th class="num">Tests passed</th>' +
    '<th class="num">Runs passed [95% Wilson]</th><th class="num">Flaky</th><th class="num">Δ vs leader</th><th class="num">p</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}


function perTestTable(comparison: Comparison, agents: readonly string[]): string {
  const head = agents.map((a) => `<th>${escapeHtml(a)}</th>`).join('');
  const rows = comparison.rows.map((row) => {
    const cells = row.cells.map((cell) => {
      if (!cell.test) return '<td class="muted">not run</td>';
      const mark = cell.test.passed ? '✓' : '✗';
      const ci = cell.ci ? ` <span class="muted">[${escapeHtml(formatInterval(cell.ci))}]</span>` : '';
      const vs = cell.vsBest;
      const p = vs ? ` <span class="${vs.p < SIGNIFICANCE ? 'significant' : 'muted'}">p ${escapeHtml(formatP(vs.p))}</span>` : '';
      return `<td class="${cell.best ? 'best' : ''}"><span class="mark">${mark}</span> ${formatScore(cell.mean)}${ci}${p}</td>`;
    });
    return `<tr><td><span class="test-id">${escapeHtml(row.testId)}</span> ${escapeHtml(row.testName)}</td>${cells.join('')}</tr>`;
  });
  return `<table class="per-test"><thead><tr><th>Test</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The comparison section of a multi-agent run: ranking, overall and per-test charts with intervals, significance. */
export function renderComparison(comparison: Comparison, agents: readonly string[]): string {
  // Colours follow the order of the report's agents (stable across sections), not the ranking.
  const seriesIndex = (agent: string): number => Math.max(0, agents.indexOf(agent));
  const overall: BarGroup[] = comparison.ranking.map((a) => ({
    label: `${a.rank}. ${a.agent}`,
    bars: [
      {
        series: seriesIndex(a.agent),
        value: a.mean,
        interval: a.ci,
        title: `${a.agent}: mean score ${formatScore(a.mean)}${a.ci ? `, 95% CI ${formatInterval(a.ci)}` : ''} over ${a.scoredTests} tests`,
      },
    ],
  }));
  const success: BarGroup[] = comparison.ranking.map((a) => ({
    label: a.agent,
    bars: [
      {
        series: seriesIndex(a.agent),
        value: a.runs ? (a.passedRuns / a.runs) * 100 : null,
        interval: a.runs ? [a.runPassInterval[0] * 100, a.runPassInterval[1] * 100] : null,
        title: `${a.agent}: ${a.passedRuns}/${a.runs} runs passed, 95% Wilson interval ${formatPercent(a.runPassInterval[0])}–${formatPercent(a.runPassInterval[1])}`,
        label: a.runs ? formatPercent(a.passedRuns / a.runs) : '—',
      },
    ],
  }));
  const perTest: BarGroup[] = comparison.rows.map((row) => ({
    label: `${row.testId} ${row.testName}`,
    bars: row.cells.map((cell, i) => ({
      series: i,
      value: cell.mean,
      interval: cell.ci,
      title: `${cell.agent} — ${row.testId}: ${cell.test ? `${formatScore(cell.mean)}${cell.ci ? ` (95% CI ${formatInterval(cell.ci)}, n=${cell.n})` : ''}` : 'not run'}`,
      ...(cell.test ? {} : { label: 'not run' }),
    })),
  }));
  return (
    '<section id="comparison" class="comparison"><h2>Agent comparison</h2>' +
    '<p class="muted">Agents ranked by mean score (each test weighs the same). Intervals are 95% confidence intervals of run-to-run noise; ' +
    'p-values come from Welch&#39;s t-test against the leader (overall) or the best agent on the test; ▲/▼ mark significant differences (p &lt; 0.05). ' +
    'Single-run tests give no interval.</p>' +
    rankingTable(comparison, seriesIndex) +
    renderLegend(agents) +
    `<figure><figcaption>Mean score by agent (95% CI)</figcaption>${renderBarChart(overall, { className: 'chart-agents', ariaLabel: 'Mean score by agent with 95% confidence intervals', max: 100 })}</figure>` +
    `<figure><figcaption>Runs passed by agent (95% Wilson interval)</figcaption>${renderBarChart(success, { className: 'chart-success', ariaLabel: 'Share of runs passed by agent', max: 100, unit: '%' })}</figure>` +
    `<figure><figcaption>Score per test and agent (95% CI)</figcaption>${renderBarChart(perTest, { className: 'chart-scores chart-per-test', ariaLabel: 'Mean score per test and agent with 95% confidence intervals', max: 100 })}</figure>` +
    perTestTable(comparison, agents) +
    '</section>'
  );
}
