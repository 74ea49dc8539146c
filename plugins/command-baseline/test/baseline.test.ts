import { describe, expect, it } from 'vitest';
import { buildBaseline, compareWithBaseline, runScores, type BaselineFile } from '../src/index.js';
import { jobOf, reportOf, testOf } from './reports.js';

describe('runScores', () => {
  it('keeps scores, counts unscored failed runs as 0 and leaves out unscored passing runs', () => {
    expect(
      runScores([
        { score: 80, passed: false, status: 'completed' },
        { score: null, passed: false, status: 'timeout' },
        { score: null, passed: true, status: 'completed' },
        { score: 95.5, passed: true, status: 'completed' },
      ]),
    ).toEqual([80, 0, 95.5]);
  });
});

describe('buildBaseline', () => {
  it('records per-test statistics with the per-run scores (§7.6 + scores)', () => {
    const report = reportOf([
      testOf('t-1', [80, 85, 90, 95], { testName: 'First' }),
      testOf('t-2', [{ score: 80, durationMs: 500 }, { score: null, status: 'timeout', durationMs: 2000 }, { score: 90, durationMs: 1500 }], { testName: 'Second' }),
      testOf('t-3', [{ score: null, passed: true }], { testName: 'No assertions' }),
    ]);
    const jobs = [jobOf('t-1', 1, { total_tokens: 100, cost_usd: 0.001 }), jobOf('t-1', 2, { total_tokens: 300 }), jobOf('t-2', 1, {})];
    const baseline = buildBaseline(report, jobs, new Date('2026-02-01T00:00:00.000Z'));
    expect(baseline).toEqual({
      version: '1.0',
      created_at: '2026-02-01T00:00:00.000Z',
      suite_name: 'suite-x',
      agent_name: 'agent-a',
      runs_per_test: 4,
      tests: {
        't-1': {
          test_id: 't-1',
          test_name: 'First',
          mean_score: 87.5,
          std: 6.455,
          n_runs: 4,
          ci_95: [77.2287, 97.7713],
          success_rate: 0.5,
          mean_duration: 1,
          mean_tokens: 200,
          mean_cost: 0.001,
          scores: [80, 85, 90, 95],
        },
        't-2': {
          test_id: 't-2',
          test_name: 'Second',
          mean_score: 56.6667,
          std: 49.3288,
          n_runs: 3,
          ci_95: [-65.8729, 179.2063],
          success_rate: 0.3333,
          mean_duration: 1.3333,
          scores: [80, 0, 90],
        },
        't-3': { test_id: 't-3', test_name: 'No assertions', mean_score: null, std: null, n_runs: 1, ci_95: null, success_rate: 1, mean_duration: 1, scores: [] },
      },
    });
  });
});

// A baseline as the original ATP wrote it: summaries only, no per-run scores.
const originalBaseline: BaselineFile = {
  version: '1.0',
  created_at: '2026-01-01T00:00:00',
  suite_name: 'suite-x',
  agent_name: 'agent-a',
  runs_per_test: 5,
  tests: {
    'case-19': { test_id: 'case-19', test_name: 'Welch regression', mean_score: 90, std: 2, n_runs: 5, ci_95: [87.5167, 92.4833], success_rate: 1, mean_duration: 1.2 },
    gone: { test_id: 'gone', test_name: 'Removed test', mean_score: 70, std: 1, n_runs: 5, ci_95: [68.7583, 71.2417], success_rate: 1 },
  },
};

describe('compareWithBaseline', () => {
  it('reference case §8.3 row 19: regression with the exact p-value; new and removed tests', () => {
    const report = reportOf([testOf('case-19', [80, 82, 78], { testName: 'Welch regression' }), testOf('fresh', [90, 91], { testName: 'New test' })]);
    const c = compareWithBaseline(originalBaseline, report, { comparedAt: new Date('2026-02-02T00:00:00.000Z') });
    expect(c).toEqual({
      version: '1.0',
      suite_name: 'suite-x',
      agent_name: 'agent-a',
      baseline_agent_name: 'agent-a',
      baseline_created_at: '2026-01-01T00:00:00',
      compared_at: '2026-02-02T00:00:00.000Z',
      alpha: 0.05,
      min_delta: 0,
      runs_per_test: 3,
      summary: { total_tests: 3, regressions: 1, improvements: 0, no_changes: 0, new_tests: 1, removed_tests: 1, has_regressions: true, has_improvements: false },
      comparisons: [
        {
          test_id: 'case-19',
          test_name: 'Welch regression',
          change_type: 'regression',
          current: { mean: 80, std: 2, n_runs: 3, ci_95: [75.0317, 84.9683], success_rate: 0 },
          baseline: { mean: 90, std: 2, n_runs: 5, ci_95: [87.5167, 92.4833], success_rate: 1 },
          delta: -10,
          delta_percent: -11.11,
          statistics: { t_statistic: -6.8465, df: 4.339, p_value: 0.00176107, is_significant: true, effect_size: -4.3431, ci_95_of_delta: [-13.9333, -6.0667] },
        },
        { test_id: 'fresh', test_name: 'New test', change_type: 'new_test', current: { mean: 90.5, std: 0.7071, n_runs: 2, ci_95: [84.1469, 96.8531], success_rate: 1 } },
        { test_id: 'gone', test_name: 'Removed test', change_type: 'removed_test', baseline: { mean: 70, std: 1, n_runs: 5, ci_95: [68.7583, 71.2417], success_rate: 1 } },
      ],
      flaky_tests: [],
    });
  });

  const withScores = (scores: number[]): BaselineFile => ({
    ...originalBaseline,
    tests: { t: { test_id: 't', test_name: 'T', mean_score: 0, std: 0, n_runs: scores.length, ci_95: [0, 0], success_rate: 1, scores } },
  });

  it('uses the per-run scores when the baseline has them (not the summary)', () => {
    const c = compareWithBaseline(withScores([90, 92, 88, 91, 89]), reportOf([testOf('t', [80, 82, 78])]));
    expect(c.comparisons[0]).toMatchObject({
      change_type: 'regression',
      delta: -10,
      statistics: { t_statistic: -7.3855, df: 3.5328, p_value: 0.00287336, is_significant: true, ci_95_of_delta: [-13.9637, -6.0363] },
    });
  });

  it('reports improvements, and --min-delta turns small significant changes into no change', () => {
    const baseline = withScores([70, 72, 68, 71]);
    const report = reportOf([testOf('t', [80, 83, 79, 82])]);
    expect(compareWithBaseline(baseline, report).comparisons[0]).toMatchObject({ change_type: 'improvement', delta: 10.75, statistics: { p_value: 0.000139228 } });
    const damped = compareWithBaseline(baseline, report, { minDelta: 11 });
    expect(damped.comparisons[0]).toMatchObject({ change_type: 'no_change', statistics: { is_significant: true } });
    expect(damped.summary).toMatchObject({ improvements: 0, no_changes: 1, has_improvements: false });
  });

  it('a stricter alpha keeps a borderline change as no change', () => {
    const c = compareWithBaseline(withScores([90, 92, 88, 91, 89]), reportOf([testOf('t', [80, 82, 78])]), { alpha: 0.001 });
    expect(c.comparisons[0]).toMatchObject({ change_type: 'no_change', statistics: { is_significant: false } });
  });

  it('single runs and unscored tests give no test, with a note for the latter', () => {
    const one = compareWithBaseline(withScores([90]), reportOf([testOf('t', [10])]));
    expect(one.comparisons[0]).toMatchObject({ change_type: 'no_change', delta: -80, statistics: { p_value: 1, t_statistic: null, df: null, ci_95_of_delta: null } });
    const unscored = compareWithBaseline(withScores([90, 91]), reportOf([testOf('t', [{ score: null, passed: true }])]));
    expect(unscored.comparisons[0]).toMatchObject({ change_type: 'no_change', note: expect.stringContaining('no scored runs') });
    expect(unscored.comparisons[0]!.statistics).toBeUndefined();
  });

  it('lists the flaky tests of the current run with their pass rate', () => {
    const c = compareWithBaseline(withScores([90, 91]), reportOf([testOf('t', [95, 50, 95, 92])]));
    expect(c.flaky_tests).toEqual([
      { test_id: 't', test_name: 'Test t', agent: 'agent-a', passed_runs: 3, total_runs: 4, pass_rate: 0.75, pass_rate_ci95: [0.300642, 0.954413] },
    ]);
  });
});
