/**
 * Baseline comparisons in the JSON shape `atp baseline compare --json` writes (the data contract of
 * `extensions.baseline_comparison`), and run reports carrying them.
 */
import type { RunReport } from '@atp/kernel';
import { multiRun, runReport, XSS } from '@atp/testkit/reports';

const side = (mean: number | null, ci: [number, number] | null, n: number, success: number, std: number | null = 5) => ({ mean, std, n_runs: n, ci_95: ci, success_rate: success });

/** Six tests: two regressions, an improvement, no change, no scored runs, a new and a removed test. */
export const comparisonJson = {
  version: '1.0',
  suite_name: 'shifting',
  agent_name: 'scripted',
  baseline_agent_name: 'scripted',
  baseline_created_at: '2026-01-04T09:00:00.000Z',
  compared_at: '2026-01-05T10:00:04.000Z',
  alpha: 0.05,
  min_delta: 0,
  runs_per_test: 10,
  summary: { total_tests: 7, regressions: 2, improvements: 1, no_changes: 2, new_tests: 1, removed_tests: 1, has_regressions: true, has_improvements: true },
  comparisons: [
    {
      test_id: 't-same',
      test_name: 'Unchanged task',
      change_type: 'no_change',
      current: side(85.1, [81.2, 89.0], 10, 0.9),
      baseline: side(86.4, [83.0, 89.8], 10, 1),
      delta: -1.3,
      delta_percent: -1.5,
      statistics: { t_statistic: -0.56, df: 17.6, p_value: 0.582371, is_significant: false, effect_size: -0.2404, ci_95_of_delta: [-6.18, 3.58] },
    },
    {
      test_id: 't-small',
      test_name: 'Small regression',
      change_type: 'regression',
      current: side(80.2, [77.9, 82.5], 10, 1),
      baseline: side(86.5, [84.1, 88.9], 10, 1),
      delta: -6.3,
      delta_percent: -7.28,
      statistics: { t_statistic: -4.14, df: 17.9, p_value: 0.000617, is_significant: true, effect_size: -1.7751, ci_95_of_delta: [-9.5, -3.1] },
    },
    {
      test_id: 't-big',
      test_name: 'Big regression',
      change_type: 'regression',
      current: side(69.5, [63.1, 75.9], 10, 0.6),
      baseline: side(90.1, [87.9, 92.3], 10, 1),
      delta: -20.6,
      delta_percent: -22.86,
      statistics: { t_statistic: -6.72, df: 11.2, p_value: 0.0000302, is_significant: true, effect_size: -2.8703, ci_95_of_delta: [-27.33, -13.87] },
    },
    {
      test_id: 't-up',
      test_name: 'Improved task',
      change_type: 'improvement',
      current: side(95.8, [93.9, 97.7], 10, 1),
      baseline: side(88, [85.2, 90.8], 10, 0.9),
      delta: 7.8,
      delta_percent: 8.86,
      statistics: { t_statistic: 5.01, df: 16.1, p_value: 0.000125, is_significant: true, effect_size: 2.1475, ci_95_of_delta: [4.5, 11.1] },
    },
    {
      test_id: 't-none',
      test_name: 'No assertions',
      change_type: 'no_change',
      current: side(null, null, 0, 1, null),
      baseline: side(null, null, 0, 1, null),
      note: 'no scored runs on one side (a test without assertions): nothing to compare',
    },
    { test_id: 't-new', test_name: 'Brand new task', change_type: 'new_test', current: side(72.4, [66.0, 78.8], 10, 0.7) },
    { test_id: 't-gone', test_name: 'Retired task', change_type: 'removed_test', baseline: side(91.0, [89.2, 92.8], 10, 1) },
  ],
  flaky_tests: [{ test_id: 't-big', test_name: 'Big regression', agent: 'scripted', passed_runs: 6, total_runs: 10, pass_rate: 0.6, pass_rate_ci95: [0.3127, 0.8318] }],
};

/** The run the comparison was made from (one agent, ten runs per test), carrying the comparison. */
export function baselineReport(comparison: unknown = comparisonJson, extra: Record<string, unknown> = {}): RunReport {
  return runReport(
    [
      multiRun('t-same', 'Unchanged task', 'scripted', [80, 86, 90, 84, 86]),
      multiRun('t-big', 'Big regression', 'scripted', [60, 70, 80, 58, 79], 65),
    ],
    { agents: ['scripted'], runsPerTest: 5, suite: { name: 'shifting', version: '1.0' }, extensions: { cost: { total_usd: 0.01 }, ...extra, baseline_comparison: comparison } },
  );
}

/** A comparison whose names, agents and notes all carry markup. */
export const xssComparison = {
  ...comparisonJson,
  suite_name: `suite ${XSS}`,
  agent_name: `agent ${XSS}`,
  baseline_agent_name: `base ${XSS}`,
  baseline_created_at: `date ${XSS}`,
  compared_at: `at ${XSS}`,
  comparisons: [
    { ...comparisonJson.comparisons[2]!, test_id: `id${XSS}`, test_name: `Name ${XSS}` },
    { ...comparisonJson.comparisons[4]!, test_id: `none${XSS}`, note: `note ${XSS}` },
    { ...comparisonJson.comparisons[5]!, test_id: `new${XSS}`, test_name: `New ${XSS}` },
  ],
};
