import type { EvalCheck, EvalResult, FailureKind, ScoreBreakdown, TestResult } from '@atp/kernel';
import type { EventSample } from './event-sampler.js';
import { escapeHtml, jsonPreview } from './escape.js';
import { formatDuration, formatInterval, formatPercent, formatScore } from './format.js';
import { renderTimeline } from './timeline.js';

/** Failure kinds that mean the test could not be judged (infrastructure), shown as errors. */
const INFRASTRUCTURE: ReadonlySet<FailureKind> = new Set(['timeout', 'adapter', 'protocol', 'internal', 'cancelled']);

/** What a test's details need besides the result. */
export interface TestRenderOptions {
  /** DOM id of the `<details>` element. */
  id: string;
  multiAgent: boolean;
  open: boolean;
  /** The timeline sample; `undefined` with the timeline on means no events; `null` means the timeline is off. */
  sample: EventSample | undefined | null;
  maxPayloadChars: number;
}

/** The verdict badge: PASS, FAIL, or the infrastructure failure kind (TIMEOUT, ADAPTER, …). */
export function verdict(test: TestResult): { text: string; tone: 'pass' | 'fail' | 'error' } {
  if (test.passed) return { text: 'PASS', tone: 'pass' };
  if (test.failureKind && INFRASTRUCTURE.has(test.failureKind)) return { text: test.failureKind.toUpperCase(), tone: 'error' };
  return { text: 'FAIL', tone: 'fail' };
}

function checkHtml(check: EvalCheck, maxPayloadChars: number): string {
  const parts = [
    `<li class="check ${check.passed ? 'passed' : 'failed'}">`,
    `<span class="mark">${check.passed ? '✓' : '✗'}</span> <code class="check-name">${escapeHtml(check.name)}</code> `,
    `<span class="check-score">${check.score.toFixed(2)}</span>`,
    check.message ? ` <span class="message">${escapeHtml(check.message)}</span>` : '',
  ];
  if (check.evidence !== undefined) parts.push(`<div class="evidence">Evidence: <code>${escapeHtml(check.evidence)}</code></div>`);
  if (check.details && Object.keys(check.details).length > 0) {
    const preview = jsonPreview(check.details, maxPayloadChars);
    parts.push(`<details class="check-details"><summary>details${preview.truncated ? ' (cut)' : ''}</summary><pre>${escapeHtml(preview.text)}</pre></details>`);
  }
  parts.push('</li>');
  return parts.join('');
}

function assertionHtml(result: EvalResult, maxPayloadChars: number): string {
  const state = result.skipped ? 'skipped' : result.passed ? 'passed' : 'failed';
  const mark = result.skipped ? '–' : result.passed ? '✓' : '✗';
  const head =
    `<div class="assertion-head"><span class="mark">${mark}</span> <strong>${escapeHtml(result.assertion)}</strong>` +
    (result.type !== result.assertion ? ` <span class="muted">(${escapeHtml(result.type)})</span>` : '') +
    ` <span class="check-score">${result.score.toFixed(2)}</span>` +
    (result.critical ? ' <span class="badge critical">critical</span>' : '') +
    (result.skipped ? ` <span class="message">skipped (${escapeHtml(result.skipped.reason)}): ${escapeHtml(result.skipped.message)}</span>` : '') +
    '</div>';
  const checks = result.checks.length ? `<ul class="checks">${result.checks.map((c) => checkHtml(c, maxPayloadChars)).join('')}</ul>` : '';
  return `<div class="assertion ${state}">${head}${checks}</div>`;
}

function statisticsHtml(test: TestResult): string {
  const stats = test.statistics;
  const rows: Array<[string, string]> = [];
  if (stats && stats.n > 1) {
    const half = (stats.ci95[1] - stats.ci95[0]) / 2;
    rows.push(
      ['Mean score', `${stats.mean.toFixed(1)} ± ${half.toFixed(1)}`],
      ['95% CI', formatInterval(stats.ci95)],
      ['Std', stats.std.toFixed(2)],
      ['Min / median / max', `${stats.min.toFixed(1)} / ${stats.median.toFixed(1)} / ${stats.max.toFixed(1)}`],
      ['Scored runs', String(stats.n)],
    );
  }
  rows.push(
    ['Success rate', `${formatPercent(test.successRate)} (${test.runs.passed}/${test.runs.total} runs)`],
    [`pass^${test.runs.total}`, test.passHatK.toFixed(3)],
  );
  const cells = rows.map(([k, v]) => `<div class="stat"><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`).join('');
  return `<section class="statistics"><h4>Statistics${test.flaky ? ' <span class="badge flaky">flaky</span>' : ''}</h4><dl class="stats">${cells}</dl></section>`;
}

function runsHtml(test: TestResult): string {
  const rows = test.runResults.map(
    (run) =>
      `<tr class="${run.passed ? 'passed' : 'failed'}"><td class="num">${run.run}</td><td>${escapeHtml(run.status)}</td>` +
      `<td>${run.passed ? '✓ passed' : '✗ failed'}</td><td class="num">${formatScore(run.score)}</td>` +
      `<td class="num">${escapeHtml(formatDuration(run.durationMs))}</td><td class="message">${[run.error, ...(run.failedChecks ?? [])].filter((line): line is string => Boolean(line)).map(escapeHtml).join('<br>')}</td></tr>`,
  );
  return (
    '<section class="runs"><h4>Runs</h4><table class="runs-table"><thead><tr><th class="num">Run</th><th>Status</th><th>Result</th><th class="num">Score</th><th class="num">Duration</th><th>Error / failed checks</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table></section>`
  );
}

function breakdownHtml(breakdown: ScoreBreakdown): string {
  const rows = (['quality', 'completeness', 'efficiency', 'cost'] as const).map((name) => {
    const c = breakdown.components[name];
    return `<tr><td>${name}</td><td class="num">${c.normalized.toFixed(3)}</td><td class="num">${c.weight.toFixed(2)}</td><td class="num">${c.weighted.toFixed(3)}</td></tr>`;
  });
  return (
    `<section class="breakdown"><h4>Score breakdown (final ${breakdown.final_score.toFixed(2)})</h4>` +
    '<table><thead><tr><th>Component</th><th class="num">Normalized</th><th class="num">Weight</th><th class="num">Weighted</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table></section>`
  );
}

/** One test's expandable details: verdict, run error, statistics, runs, assertions with checks, breakdown, timeline. */
export function renderTest(test: TestResult, options: TestRenderOptions): string {
  const v = verdict(test);
  const search = [test.testId, test.testName, test.agent, ...test.tags].join(' ').toLowerCase();
  const summary =
    `<summary><span class="badge ${v.tone}">${escapeHtml(v.text)}</span>` +
    `<span class="test-id">${escapeHtml(test.testId)}</span> <span class="test-name">${escapeHtml(test.testName)}</span>` +
    (options.multiAgent ? ` <span class="agent-tag">${escapeHtml(test.agent)}</span>` : '') +
    (test.flaky ? ' <span class="badge flaky">flaky</span>' : '') +
    `<span class="spacer"></span><span class="test-score">${formatScore(test.score)}</span>` +
    `<span class="test-duration">${escapeHtml(formatDuration(test.durationMs))}</span></summary>`;
  const body: string[] = [];
  const meta = [`agent <strong>${escapeHtml(test.agent)}</strong>`, `status ${escapeHtml(test.status)}`];
  if (test.tags.length) meta.push(`tags ${test.tags.map((t) => `<span class="tag">${escapeHtml(t)}</span>`).join(' ')}`);
  body.push(`<p class="test-meta">${meta.join(' · ')}</p>`);
  if (test.error) {
    body.push(
      `<div class="run-error"><span class="badge ${test.failureKind && INFRASTRUCTURE.has(test.failureKind) ? 'error' : 'fail'}">${escapeHtml(test.failureKind ?? 'error')}</span> ${escapeHtml(test.error)}</div>`,
    );
  }
  body.push(statisticsHtml(test));
  if (test.runResults.length > 0) body.push(runsHtml(test));
  if (test.evaluations.length > 0) {
    const label = test.runs.total > 1 ? 'Assertions (run 1)' : 'Assertions';
    body.push(`<section class="assertions"><h4>${label}</h4>${test.evaluations.map((e) => assertionHtml(e, options.maxPayloadChars)).join('')}</section>`);
  } else {
    body.push('<section class="assertions"><h4>Assertions</h4><p class="muted">No assertion was evaluated.</p></section>');
  }
  if (test.breakdown) body.push(breakdownHtml(test.breakdown));
  if (options.sample !== null) body.push(renderTimeline(options.sample));
  return (
    `<details class="test ${v.tone}" id="${escapeHtml(options.id)}" data-status="${test.passed ? 'passed' : 'failed'}" data-flaky="${test.flaky}" data-search="${escapeHtml(search)}"${options.open ? ' open' : ''}>` +
    summary +
    `<div class="test-body">${body.join('')}</div></details>`
  );
}
