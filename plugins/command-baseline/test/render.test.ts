import { describe, expect, it } from 'vitest';
import { compareAgents, compareWithBaseline, computeTrend, type BaselineFile } from '../src/index.js';
import { renderComparison } from '../src/render-comparison.js';
import { renderAgentComparison } from '../src/render-agents.js';
import { renderTrend } from '../src/render-trend.js';
import { reportOf, testOf } from './reports.js';

const baseline: BaselineFile = {
  version: '1.0',
  created_at: '2026-01-01T00:00:00.000Z',
  suite_name: 'suite-x',
  agent_name: 'a',
  runs_per_test: 5,
  tests: {
    r: { test_id: 'r', test_name: 'Regressed', mean_score: 90, std: 2, n_runs: 5, ci_95: [87.5167, 92.4833], success_rate: 1 },
    gone: { test_id: 'gone', test_name: 'Gone', mean_score: 70, std: 1, n_runs: 5, ci_95: [68.7583, 71.2417], success_rate: 1 },
  },
};

describe('console rendering', () => {
  it('baseline comparison: table, summary, flaky tests; escape sequences in names are stripped', () => {
    const report = reportOf([testOf('r', [80, 82, 78], { agent: 'a', testName: 'Regressed' }), testOf('n', [95, 50], { agent: 'a', testName: 'New \u001b[31mred' })]);
    const text = renderComparison(compareWithBaseline(baseline, report), { color: false });
    expect(text).toBe(
      [
        'Baseline comparison — suite "suite-x", agent "a"',
        `Baseline of 2026-01-01T00:00:00.000Z (agent "a"); Welch's t-test on per-run scores, exact p-values, α = 0.05`,
        '  test         change      baseline mean ±sd    current mean ±sd       Δ      Δ%  95% CI of Δ           p      g',
        '  r Regressed  regression  90.00 ±2.00 (n=5)   80.00 ±2.00 (n=3)  -10.00  -11.1%  [-13.93, -6.07]  0.0018  -4.34',
        '  n New red    new                         —  72.50 ±31.82 (n=2)       —       —  —                     —      —',
        '  gone Gone    removed     70.00 ±1.00 (n=5)                   —       —       —  —                     —      —',
        '',
        'Summary: 1 regression, 0 improvements, 0 unchanged, 1 new, 1 removed',
        '',
        'Flaky tests (runs disagree on pass/fail)',
        '  n  New red  pass rate 50.0%  (1/2 runs)  95% CI [9.5%, 90.5%]',
        '',
      ].join('\n'),
    );
  });

  it('colours only when asked', () => {
    const report = reportOf([testOf('r', [80, 82, 78], { agent: 'a', testName: 'Regressed' })]);
    expect(renderComparison(compareWithBaseline(baseline, report), { color: true })).toContain('\u001b[31mregression\u001b[39m');
    expect(renderComparison(compareWithBaseline(baseline, report), { color: false })).not.toContain('\u001b');
  });

  it('agent comparison: ranking, overall pairs, per-test tables, flaky tests', () => {
    const text = renderAgentComparison(compareAgents(reportOf([testOf('t', [90, 92], { agent: 'x' }), testOf('t', [70, 71, 95], { agent: 'y' })])), { color: false });
    expect(text).toBe(
      [
        'Agent comparison — suite "suite-x", 2 agents, 3 runs per test, α = 0.05',
        '',
        'Ranking',
        '  #  agent  mean score  95% CI           pass rate  95% CI (Wilson)  runs  beats',
        '  1  x           91.00  [78.29, 103.71]     100.0%  [34.2%, 100.0%]   2/2  —',
        '  2  y           78.67  [43.51, 113.83]      33.3%  [6.1%, 79.2%]     1/3  —',
        '',
        "Overall differences (Welch's t-test on the run scores)",
        '  pair    Δ (a − b)  95% CI of Δ           p  p (Holm)  effect  verdict',
        '  x vs y     +12.33  [-22.13, 46.79]  0.2694    0.2694    0.77  no significant difference',
        '',
        'Per test',
        '  t Test t  best: x',
        '    agent     mean     sd  95% CI           pass rate  95% CI (Wilson)  runs',
        '    x        91.00   1.41  [78.29, 103.71]     100.0%  [34.2%, 100.0%]   2/2',
        '    y flaky  78.67  14.15  [43.51, 113.83]      33.3%  [6.1%, 79.2%]     1/3',
        '    pair    Δ (a − b)  95% CI of Δ           p  p (Holm)  effect  verdict',
        '    x vs y     +12.33  [-22.13, 46.79]  0.2694    0.2694    0.77  no significant difference',
        '',
        'Flaky tests (runs disagree on pass/fail)',
        '  t  Test t [y]  pass rate 33.3%  (1/3 runs)  95% CI [6.1%, 79.2%]',
        '',
      ].join('\n'),
    );
  });

  it('one agent: says there is nothing to compare', () => {
    expect(renderAgentComparison(compareAgents(reportOf([testOf('t', [90, 92])])), { color: false })).toContain('Only one agent ran: nothing to compare');
  });

  it('trend: table, both slopes, the verdict and flaky tests', () => {
    const trend = computeTrend(
      [0.9, 0.8, 0.5].map((rate, i) => ({
        file: `r${i}.json`,
        report: { generated_at: `2026-01-0${i + 1}T00:00:00.000Z`, summary: { suite_name: 's', total_tests: 10, passed_tests: rate * 10, success_rate: rate }, tests: [{ test_id: 'a', success: i !== 1, score: 80 - i }] },
      })),
    );
    expect(renderTrend(trend, { color: false })).toBe(
      [
        'Trend over 3 reports (least-squares slope per report, t-test of slope = 0, α = 0.05)',
        '  #  generated at              suite  passed  success  mean score  file',
        '  1  2026-01-01T00:00:00.000Z  s        9/10    90.0%       80.00  r0.json',
        '  2  2026-01-02T00:00:00.000Z  s        8/10    80.0%       79.00  r1.json',
        '  3  2026-01-03T00:00:00.000Z  s        5/10    50.0%       78.00  r2.json',
        '',
        '  success rate: slope -20.00 percentage points per report (SE 5.77, t -3.46, df 1, p 0.1789) → decline not significant (or below the threshold)',
        '  mean score: slope -1.00 points per report (SE 0.00, t −∞, df 1, p < 1e-12) → significant decline',
        '',
        'Regression: the trend declines significantly',
        '',
        'Flaky tests (runs or reports disagree on pass/fail)',
        '  a  a  pass rate 66.7%  (2/3 runs)  95% CI [20.8%, 93.9%]',
        '',
      ].join('\n'),
    );
  });
});
