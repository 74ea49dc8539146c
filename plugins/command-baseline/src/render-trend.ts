/** Console rendering of a trend. */
import type { Trend, TrendFit } from './trend.js';
import { num, oneLine, percent, pValue, signed, styles, table } from './format.js';
import { renderFlaky } from './render-flaky.js';

function fitLine(label: string, f: TrendFit, unit: string): string {
  const verdict = f.slope === null ? 'not enough reports' : f.regression ? 'significant decline' : f.slope < 0 ? 'decline not significant (or below the threshold)' : 'no decline';
  return `  ${label}: slope ${signed(f.slope)} ${unit} per report (SE ${num(f.slope_std_error)}, t ${num(f.t)}, df ${f.df < 0 ? '—' : f.df}, p ${pValue(f.p_value)}) → ${verdict}`;
}

/** The trend as console text. */
export function renderTrend(trend: Trend, options: { color: boolean }): string {
  const s = styles(options.color);
  const rows = [
    ['#', 'generated at', 'suite', 'passed', 'success', 'mean score', 'file'],
    ...trend.reports.map((p, i) => [String(i + 1), p.generated_at, oneLine(p.suite_name), `${p.passed_tests}/${p.total_tests}`, percent(p.success_rate), num(p.mean_score), oneLine(p.file)]),
  ];
  const lines = [
    s.bold(`Trend over ${trend.reports.length} report${trend.reports.length === 1 ? '' : 's'}`) + s.dim(` (least-squares slope per report, t-test of slope = 0, α = ${trend.alpha}${trend.threshold ? `, threshold ${trend.threshold} points per report` : ''})`),
    table(rows, ['right', 'left', 'left', 'right', 'right', 'right', 'left']).trimEnd(),
    '',
    fitLine('success rate', trend.success_rate, 'percentage points'),
    ...(trend.mean_score ? [fitLine('mean score', trend.mean_score, 'points')] : []),
    '',
    trend.regression ? s.red('Regression: the trend declines significantly') : s.green('No significant decline'),
    ...trend.warnings.map((w) => s.yellow(`warning: ${w}`)),
  ];
  return `${lines.join('\n')}\n${renderFlaky(trend.flaky_tests, { color: options.color, showAgent: trend.flaky_tests.some((f) => f.agent !== ''), title: 'Flaky tests (runs or reports disagree on pass/fail)' })}`;
}
