import { describe, expect, it } from 'vitest';
import { compareAgents } from '../src/index.js';
import { reportOf, testOf } from './reports.js';

// Three agents on two tests, 4 runs each. Expected values: scipy 1.17 (ttest_ind equal_var=False,
// binomtest(...).proportion_ci(method='wilson')) and the stratified Satterthwaite formula with numpy.
const SCORES = {
  t1: { A: [90, 92, 94, 96], B: [85, 86, 88, 85], C: [60, 70, 65, 75] },
  t2: { A: [80, 82, 84, 86], B: [81, 83, 80, 84], C: [50, 55, 60, 52] },
} as const;
const report = reportOf(
  (['t1', 't2'] as const).flatMap((t) => (['A', 'B', 'C'] as const).map((a) => testOf(t, SCORES[t][a], { agent: a, testName: `Task ${t}` }))),
);
const near = (x: number | null | undefined, y: number, tolerance = 1e-6): void => {
  expect(x).not.toBeNull();
  expect(Math.abs(x! - y)).toBeLessThan(tolerance);
};

describe('compareAgents', () => {
  const c = compareAgents(report);

  it('ranks the agents by the mean of their per-test means, with stratified CIs', () => {
    expect(c.agents).toEqual(['A', 'B', 'C']);
    expect(c.overall.ranking.map((r) => [r.rank, r.agent, r.mean_score, r.beats])).toEqual([
      [1, 'A', 88, ['B', 'C']],
      [2, 'B', 84, ['C']],
      [3, 'C', 60.875, []],
    ]);
    const [a, b, cc] = c.overall.ranking;
    near(a!.ci95![0], 85.76628530483529);
    near(a!.ci95![1], 90.23371469516471);
    near(b!.ci95![0], 82.56559318422627);
    near(cc!.ci95![1], 65.80399078402917);
    // Pass rate (runs scoring ≥ 90 pass in these fixtures): A passes 4 of 8 runs.
    expect(a).toMatchObject({ passed_runs: 4, total_runs: 8, success_rate: 0.5, tests: 2, flaky_tests: 0 });
    near(a!.success_ci95[0], 0.21521606221387757, 1e-9);
    near(a!.success_ci95[1], 0.7847839377861224, 1e-9);
  });

  it('tests each overall pair with the stratified Welch test and Holm-adjusts the family', () => {
    const pairs = c.overall.pairs;
    expect(pairs.map((p) => [p.a, p.b, p.method, p.significant, p.better])).toEqual([
      ['A', 'B', 'stratified', true, 'A'],
      ['A', 'C', 'stratified', true, 'A'],
      ['B', 'C', 'stratified', true, 'B'],
    ]);
    near(pairs[0]!.delta, 4, 1e-12);
    near(pairs[0]!.df, 10.051282051282051, 1e-9);
    near(pairs[0]!.p_value, 0.004051018150698515);
    near(pairs[0]!.p_adjusted, 0.004051018150698515);
    near(pairs[1]!.p_value, 2.5234258215459142e-6, 1e-9);
    near(pairs[1]!.p_adjusted, 7.570277464637743e-6, 1e-9);
    near(pairs[2]!.p_adjusted, 4.456767840060516e-5, 1e-9);
  });

  it('compares every pair on each test with Welch, Holm-adjusted per test', () => {
    const [t1, t2] = c.tests;
    expect(t1!.best).toBe('A');
    expect(t1!.agents.map((a) => [a.agent, a.mean, a.n])).toEqual([
      ['A', 93, 4],
      ['B', 86, 4],
      ['C', 67.5, 4],
    ]);
    near(t1!.pairs[0]!.p_value, 0.006117918265296936);
    near(t1!.pairs[0]!.p_adjusted, 0.012235836530593873);
    near(t1!.pairs[0]!.df, 4.651376146788991, 1e-9);
    near(t1!.pairs[1]!.p_adjusted, 0.005869969817220861);
    // On t2, A and B are close: not significant; both beat C.
    expect(t2!.pairs.map((p) => [p.a, p.b, p.delta, p.significant, p.better, p.method])).toEqual([
      ['A', 'B', 1, false, null, 'welch'],
      ['A', 'C', 28.75, true, 'A', 'welch'],
      ['B', 'C', 27.75, true, 'B', 'welch'],
    ]);
    near(t2!.pairs[0]!.p_value, 0.5529034097296233);
    near(t2!.pairs[2]!.p_adjusted, 0.0005761302722464386, 1e-9);
  });

  it('lists flaky tests with their pass rate', () => {
    expect(c.flaky_tests).toEqual([]);
    const flakyReport = reportOf([testOf('t', [95, 80, 91], { agent: 'A' }), testOf('t', [95, 96, 97], { agent: 'B' })]);
    expect(compareAgents(flakyReport).flaky_tests).toEqual([
      { test_id: 't', test_name: 'Test t', agent: 'A', passed_runs: 2, total_runs: 3, pass_rate: 0.666667, pass_rate_ci95: [0.20766, 0.938508] },
    ]);
  });

  it('falls back to a paired t-test over tests when each test ran once', () => {
    const once = reportOf([
      testOf('t1', [90], { agent: 'A' }),
      testOf('t1', [80], { agent: 'B' }),
      testOf('t2', [85], { agent: 'A' }),
      testOf('t2', [70], { agent: 'B' }),
      testOf('t3', [95], { agent: 'A' }),
      testOf('t3', [86], { agent: 'B' }),
    ]);
    const pair = compareAgents(once).overall.pairs[0]!;
    // Differences 10, 15, 9: scipy ttest_rel → t = 6.10658, df = 2, p = 0.025784.
    expect(pair.method).toBe('paired');
    near(pair.delta, 34 / 3, 1e-12);
    near(pair.t, 6.1065802689103466, 1e-9);
    near(pair.p_value, 0.025783966395870238);
    // Per-test pairs cannot be tested with one run each.
    expect(compareAgents(once).tests[0]!.pairs[0]).toMatchObject({ p_value: 1, significant: false, t: null });
  });

  it('with one agent there is nothing to compare', () => {
    const single = compareAgents(reportOf([testOf('t', [90, 95])]));
    expect(single.overall.pairs).toEqual([]);
    expect(single.tests[0]!.pairs).toEqual([]);
    expect(single.overall.ranking).toMatchObject([{ rank: 1, agent: 'agent-a', mean_score: 92.5 }]);
  });

  it('rejects an alpha outside (0, 1)', () => {
    expect(() => compareAgents(report, { alpha: 5 })).toThrow(RangeError);
  });
});
