/** The "Baseline comparison" section: cards, the two interval charts, the ordered and sortable table, new and removed tests. */
import type { BaselineComparisonView, ChangeType, ScoreSummaryView, TestComparisonView } from './baseline-comparison.js';
import { escapeHtml } from './escape.js';
import { formatDelta, formatInterval, formatP, formatPercent, formatScore } from './format.js';
import { renderIntervalChart, type IntervalGroup, type IntervalPoint } from './interval-chart.js';

/** Table order: what needs attention first. */
const RANK: Readonly<Record<ChangeType, number>> = { regression: 0, improvement: 1, no_change: 2, new_test: 3, removed_test: 4 };

const LABELS: Readonly<Record<ChangeType, string>> = {
  regression: 'regression',
  improvement: 'improvement',
  no_change: 'no change',
  new_test: 'new',
  removed_test: 'removed',
};

const BADGE_TONES: Readonly<Record<ChangeType, string>> = {
  regression: 'fail',
  improvement: 'pass',
  no_change: 'neutral',
  new_test: 'flaky',
  removed_test: 'error',
};

/** The comparisons in display order: regressions (largest drop first), improvements (largest gain first), unchanged, new, removed. */
export function orderComparisons(comparisons: readonly TestComparisonView[]): TestComparisonView[] {
  const within = (a: TestComparisonView, b: TestComparisonView): number => {
    if (a.change_type === 'regression') return (a.delta ?? 0) - (b.delta ?? 0);
    if (a.change_type === 'improvement') return (b.delta ?? 0) - (a.delta ?? 0);
    return 0;
  };
  return comparisons
    .map((c, i) => ({ c, i }))
    .sort((a, b) => RANK[a.c.change_type] - RANK[b.c.change_type] || within(a.c, b.c) || a.i - b.i)
    .map(({ c }) => c);
}

const testLabel = (c: TestComparisonView): string => `${c.test_id} ${c.test_name}`;
const signedInterval = (ci: readonly [number, number]): string => `[${formatDelta(ci[0])}, ${formatDelta(ci[1])}]`;

function sideText(side: ScoreSummaryView): string {
  if (side.mean === null) return 'no score';
  return `${formatScore(side.mean)}${side.ci_95 ? ` [${formatInterval(side.ci_95)}]` : ''}`;
}

function sideTitle(c: TestComparisonView, which: 'baseline' | 'current', side: ScoreSummaryView | undefined): string {
  const name = which === 'baseline' ? 'baseline' : 'this run';
  if (!side) return `${testLabel(c)} — ${name}: ${which === 'baseline' ? 'not in the baseline' : 'not run'}`;
  const ci = side.ci_95 ? `, 95% CI ${formatInterval(side.ci_95)}` : '';
  return `${testLabel(c)} — ${name}: mean ${formatScore(side.mean)}${ci}, n=${side.n_runs}, success ${formatPercent(side.success_rate)}`;
}

function card(label: string, value: string, tone = '', sub = ''): string {
  return `<div class="card ${tone}"><div class="label">${escapeHtml(label)}</div><div class="value">${escapeHtml(value)}</div>${sub ? `<div class="sub">${escapeHtml(sub)}</div>` : ''}</div>`;
}

function cards(view: BaselineComparisonView): string {
  const count = (type: ChangeType): number => view.comparisons.filter((c) => c.change_type === type).length;
  const regressions = count('regression');
  const improvements = count('improvement');
  const flaky = view.flaky_tests?.length ?? 0;
  const test = `Welch's t-test${view.min_delta ? `, changes under ${view.min_delta} points ignored` : ''}`;
  const list = [
    card('Regressions', String(regressions), regressions > 0 ? 'fail' : ''),
    card('Improvements', String(improvements), improvements > 0 ? 'pass' : ''),
    card('Unchanged', String(count('no_change'))),
    card('New', String(count('new_test')), '', 'not in the baseline'),
    card('Removed', String(count('removed_test')), '', 'in the baseline, not run'),
    card('Baseline', view.baseline_agent_name, '', `recorded ${view.baseline_created_at}`),
    card('Significance', `α = ${view.alpha}`, '', test),
  ];
  if (view.runs_per_test !== undefined) list.push(card('Runs per test', String(view.runs_per_test), '', 'this run'));
  if (flaky > 0) list.push(card('Flaky now', String(flaky), 'flaky', 'runs disagreed'));
  return `<div class="cards" role="group" aria-label="Baseline comparison summary">${list.join('')}</div>`;
}

function legend(types: readonly ChangeType[]): string {
  const items = [
    '<li><span class="swatch side-baseline"></span>baseline</li>',
    ...types.map((t) => `<li><span class="swatch chg-${t}"></span>this run: ${escapeHtml(LABELS[t])}</li>`),
  ];
  return `<ul class="legend" aria-label="Chart colours">${items.join('')}</ul>`;
}

function scoreChart(ordered: readonly TestComparisonView[]): string {
  const point = (c: TestComparisonView, which: 'baseline' | 'current'): IntervalPoint => {
    const side = which === 'baseline' ? c.baseline : c.current;
    return {
      key: which === 'baseline' ? 'baseline' : 'current',
      value: side?.mean ?? null,
      interval: side && side.mean !== null ? side.ci_95 : null,
      tone: which === 'baseline' ? 'side-baseline' : `chg-${c.change_type}`,
      title: sideTitle(c, which, side),
      text: side ? sideText(side) : which === 'baseline' ? 'not in baseline' : 'not run',
    };
  };
  const groups: IntervalGroup[] = ordered.map((c) => ({ label: testLabel(c), points: [point(c, 'baseline'), point(c, 'current')] }));
  const types = [...new Set(ordered.filter((c) => c.current).map((c) => c.change_type))].sort((a, b) => RANK[a] - RANK[b]);
  return (
    '<figure><figcaption>Mean score per test: baseline and this run (95% CI)</figcaption>' +
    legend(types) +
    renderIntervalChart(groups, {
      className: 'chart-baseline-scores',
      ariaLabel: 'Mean score per test, baseline and this run, with 95% confidence intervals',
      domain: [0, 100],
      ticks: [0, 25, 50, 75, 100],
    }) +
    '</figure>'
  );
}

/** The smallest of 1, 2, 5 × 10^k at or above `m` (the half-width of the Δ axis). */
export function niceBound(m: number): number {
  if (!(m > 0) || !Number.isFinite(m)) return 10;
  const power = 10 ** Math.floor(Math.log10(m));
  for (const step of [1, 2, 5, 10]) if (step * power >= m - 1e-9) return step * power;
  return 10 * power;
}

function deltaChart(ordered: readonly TestComparisonView[], alpha: number): string {
  const compared = ordered.filter((c): c is TestComparisonView & { delta: number } => c.delta !== undefined);
  if (compared.length === 0) return '<p class="muted">No test was scored on both sides, so there is no change to chart.</p>';
  const extent = Math.max(...compared.flatMap((c) => [Math.abs(c.delta), ...(c.statistics?.ci_95_of_delta ?? []).map(Math.abs)]));
  const bound = niceBound(extent);
  const groups: IntervalGroup[] = compared.map((c) => {
    const ci = c.statistics?.ci_95_of_delta ?? null;
    const p = c.statistics ? `, p ${formatP(c.statistics.p_value)}` : '';
    return {
      label: testLabel(c),
      points: [
        {
          key: '',
          value: c.delta,
          interval: ci,
          tone: `chg-${c.change_type}`,
          title: `${testLabel(c)} — Δ ${formatDelta(c.delta)}${ci ? `, 95% CI ${signedInterval(ci)}` : ''}${p}: ${LABELS[c.change_type]}`,
          text: `${formatDelta(c.delta)}${ci ? ` ${signedInterval(ci)}` : ''}`,
        },
      ],
    };
  });
  return (
    '<figure><figcaption>Change in mean score, this run − baseline (Δ with its 95% CI)</figcaption>' +
    `<p class="muted">The dashed line is no change. A whisker clear of it is a 95% interval that excludes zero${alpha === 0.05 ? ' — a significant change at α = 0.05' : ''}.</p>` +
    renderIntervalChart(groups, {
      className: 'chart-baseline-delta',
      ariaLabel: 'Change in mean score per test with the 95% confidence interval of the difference',
      domain: [-bound, bound],
      ticks: [-bound, -bound / 2, 0, bound / 2, bound],
      reference: 0,
      tickLabel: (v) => (v === 0 ? '0' : `${v > 0 ? '+' : ''}${Number(v.toPrecision(6))}`),
    }) +
    '</figure>'
  );
}

const numCell = (text: string, value: number | null | undefined, cls = ''): string =>
  `<td class="num${cls ? ` ${cls}` : ''}"${value === null || value === undefined ? '' : ` data-value="${value}"`}>${text}</td>`;

function scoreCell(side: ScoreSummaryView | undefined): string {
  if (!side) return numCell('—', undefined, 'muted');
  if (side.mean === null) return numCell('no score', undefined, 'muted');
  const ci = side.ci_95 ? ` <span class="muted">[${escapeHtml(formatInterval(side.ci_95))}]</span>` : '';
  return numCell(`${escapeHtml(formatScore(side.mean))}${ci}`, side.mean);
}

function comparedRow(c: TestComparisonView): string {
  const s = c.statistics;
  const percent = c.delta_percent !== undefined && c.delta_percent !== null ? ` <span class="muted">(${escapeHtml(formatDelta(c.delta_percent))}%)</span>` : '';
  const note = c.note ? `<div class="muted note">${escapeHtml(c.note)}</div>` : '';
  const runs = `${c.baseline?.n_runs ?? '—'} → ${c.current?.n_runs ?? '—'}`;
  const success = `${c.baseline ? formatPercent(c.baseline.success_rate) : '—'} → ${c.current ? formatPercent(c.current.success_rate) : '—'}`;
  return (
    `<tr data-change="${c.change_type}">` +
    `<td data-value="${escapeHtml(c.test_id.toLowerCase())}"><span class="test-id">${escapeHtml(c.test_id)}</span> <span class="test-name">${escapeHtml(c.test_name)}</span>${note}</td>` +
    `<td data-value="${RANK[c.change_type]}"><span class="badge ${BADGE_TONES[c.change_type]}">${escapeHtml(LABELS[c.change_type])}</span></td>` +
    scoreCell(c.baseline) +
    scoreCell(c.current) +
    (c.delta !== undefined ? numCell(`${escapeHtml(formatDelta(c.delta))}${percent}`, c.delta) : numCell('—', undefined, 'muted')) +
    numCell(s?.ci_95_of_delta ? escapeHtml(signedInterval(s.ci_95_of_delta)) : '—', undefined, s?.ci_95_of_delta ? '' : 'muted') +
    (s ? numCell(escapeHtml(formatP(s.p_value)), s.p_value, s.is_significant ? 'significant' : '') : numCell('—', undefined, 'muted')) +
    (s && s.effect_size !== null ? numCell(escapeHtml(s.effect_size.toFixed(2)), s.effect_size) : numCell('—', undefined, 'muted')) +
    numCell(escapeHtml(runs), c.current?.n_runs) +
    numCell(escapeHtml(success), c.current?.success_rate) +
    '</tr>'
  );
}

function sortableHead(label: string, type: 'text' | 'number', cls = '', sorted = false, title = ''): string {
  const hint = title ? ` title="${escapeHtml(title)}"` : '';
  return `<th scope="col"${cls ? ` class="${cls}"` : ''} data-sort="${type}"${sorted ? ' aria-sort="ascending"' : ''}><button type="button"${hint}>${escapeHtml(label)}</button></th>`;
}

function comparedTable(rows: readonly TestComparisonView[]): string {
  if (rows.length === 0) return '<p class="muted">No test of this run is in the baseline.</p>';
  const head =
    sortableHead('Test', 'text') +
    sortableHead('Change', 'number', '', true) +
    sortableHead('Baseline [95% CI]', 'number', 'num') +
    sortableHead('Now [95% CI]', 'number', 'num') +
    sortableHead('Δ (Δ%)', 'number', 'num') +
    '<th scope="col" class="num">95% CI of Δ</th>' +
    sortableHead('p', 'number', 'num') +
    sortableHead('g', 'number', 'num', false, "Hedges' g (effect size)") +
    sortableHead('Runs', 'number', 'num', false, 'scored runs: baseline → now') +
    sortableHead('Success', 'number', 'num', false, 'share of runs passed: baseline → now');
  return (
    '<div class="table-scroll"><table class="baseline-tests sortable" aria-label="Per-test comparison with the baseline; click a column heading to sort">' +
    `<thead><tr>${head}</tr></thead><tbody>${rows.map(comparedRow).join('')}</tbody></table></div>`
  );
}

function otherTable(rows: readonly TestComparisonView[]): string {
  if (rows.length === 0) return '';
  const body = rows.map((c) => {
    const side = c.change_type === 'new_test' ? c.current : c.baseline;
    return (
      `<tr data-change="${c.change_type}"><td><span class="test-id">${escapeHtml(c.test_id)}</span> <span class="test-name">${escapeHtml(c.test_name)}</span></td>` +
      `<td><span class="badge ${BADGE_TONES[c.change_type]}">${escapeHtml(c.change_type === 'new_test' ? 'new: not in the baseline' : 'removed: in the baseline, not run')}</span></td>` +
      scoreCell(side) +
      numCell(side ? String(side.n_runs) : '—', side?.n_runs) +
      numCell(side ? escapeHtml(formatPercent(side.success_rate)) : '—', side?.success_rate) +
      '</tr>'
    );
  });
  return (
    '<h3>New and removed tests</h3>' +
    '<table class="baseline-other" aria-label="New and removed tests"><thead><tr><th scope="col">Test</th><th scope="col">Status</th>' +
    '<th scope="col" class="num">Mean score [95% CI]</th><th scope="col" class="num">Runs</th><th scope="col" class="num">Success rate</th></tr></thead>' +
    `<tbody>${body.join('')}</tbody></table>`
  );
}

/** The "Baseline comparison" section of a validated comparison. */
export function renderBaseline(view: BaselineComparisonView): string {
  const ordered = orderComparisons(view.comparisons);
  const compared = ordered.filter((c) => c.change_type !== 'new_test' && c.change_type !== 'removed_test');
  const other = ordered.filter((c) => c.change_type === 'new_test' || c.change_type === 'removed_test');
  const intro =
    `<p class="muted">Suite <strong>${escapeHtml(view.suite_name)}</strong>. This run: agent <strong>${escapeHtml(view.agent_name)}</strong>, compared at ${escapeHtml(view.compared_at)}. ` +
    `Baseline: agent <strong>${escapeHtml(view.baseline_agent_name)}</strong>, recorded ${escapeHtml(view.baseline_created_at)}. ` +
    `Each test is compared with Welch&#39;s t-test on its per-run scores (two-sided, α = ${escapeHtml(String(view.alpha))}); intervals are 95% confidence intervals.</p>`;
  const mismatch =
    view.agent_name !== view.baseline_agent_name
      ? `<div class="banner error" role="note"><strong>Different agents:</strong> the baseline was recorded with agent &quot;${escapeHtml(view.baseline_agent_name)}&quot;, this run used &quot;${escapeHtml(view.agent_name)}&quot;.</div>`
      : '';
  const body =
    view.comparisons.length === 0
      ? '<p class="muted">The comparison holds no test.</p>'
      : scoreChart(ordered) + deltaChart(ordered, view.alpha) + '<h3>Per test</h3>' + comparedTable(compared) + otherTable(other);
  return `<section id="baseline" class="comparison baseline" aria-labelledby="baseline-heading"><h2 id="baseline-heading">Baseline comparison</h2>${intro}${mismatch}${cards(view)}${body}</section>`;
}
