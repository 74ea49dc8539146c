import { describe, expect, it } from 'vitest';
import { buildComparison, meanOfMeans, welch, wilsonInterval } from '../src/comparison.js';
import { threeAgentReport } from '@atp/testkit/reports';

const sample = (values: number[]) => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
  return { mean, std, n: values.length };
};

describe('welch', () => {
  // Reference values: scipy.stats.ttest_ind(a, b, equal_var=False).
  it('matches scipy on t, Welch–Satterthwaite df and the two-sided p', () => {
    const r = welch(sample([89, 90, 91.5, 90, 90.5]), sample([90, 40, 85, 35, 88]))!;
    expect(r.t).toBeCloseTo(1.8305446955038185, 9);
    expect(r.df).toBeCloseTo(4.008669371140578, 9);
    expect(r.p).toBeCloseTo(0.14098342641541445, 6);
    const s = welch(sample([70, 75, 80, 72, 78]), sample([60, 65, 62, 70, 58]))!;
    expect(s.t).toBeCloseTo(4.296689244236597, 9);
    expect(s.df).toBeCloseTo(7.870633893919794, 9);
    expect(s.p).toBeCloseTo(0.0027287414130206934, 6);
  });

  it('needs two runs a side, and decides zero-variance samples by their means', () => {
    expect(welch(sample([1]), sample([1, 2]))).toBeUndefined();
    expect(welch({ mean: 5, std: 0, n: 3 }, { mean: 5, std: 0, n: 3 })).toEqual({ diff: 0, t: 0, df: 4, p: 1 });
    expect(welch({ mean: 6, std: 0, n: 3 }, { mean: 5, std: 0, n: 3 })).toEqual({ diff: 1, t: Infinity, df: 4, p: 0 });
  });
});

describe('wilsonInterval', () => {
  // Newcombe (1998), Statistics in Medicine 17:857, Table I, method 3.
  it('matches the published Wilson score intervals', () => {
    const cases: Array<[number, number, number, number]> = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [k, n, lo, hi] of cases) {
      const [l, h] = wilsonInterval(k, n);
      expect(l).toBeCloseTo(lo, 4);
      expect(h).toBeCloseTo(hi, 4);
    }
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
  });
});

describe('meanOfMeans', () => {
  it('averages test means with a Welch–Satterthwaite interval (scipy reference)', () => {
    const r = meanOfMeans([sample([89, 90, 91.5, 90, 90.5]), sample([90, 40, 85, 35, 88])])!;
    expect(r.mean).toBeCloseTo(78.9, 9);
    expect(r.ci![0]).toBeCloseTo(61.775540338947714, 6);
    expect(r.ci![1]).toBeCloseTo(96.0244596610523, 6);
  });

  it('gives no interval with single runs and a point interval without variance', () => {
    expect(meanOfMeans([{ mean: 50, std: 0, n: 1 }])).toEqual({ mean: 50, ci: null });
    expect(meanOfMeans([{ mean: 50, std: 0, n: 4 }])).toEqual({ mean: 50, ci: [50, 50] });
    expect(meanOfMeans([])).toBeUndefined();
  });
});

describe('buildComparison', () => {
  it('ranks agents by mean score and tests each against the leader', () => {
    const { ranking, rows } = buildComparison(threeAgentReport);
    expect(ranking.map((a) => [a.rank, a.agent, a.passedTests, a.tests, a.passedRuns, a.runs, a.flakyTests])).toEqual([
      [1, 'gamma', 2, 2, 10, 10, 0],
      [2, 'alpha', 1, 2, 8, 10, 1],
      [3, 'beta', 2, 2, 10, 10, 0],
    ]);
    const [gamma, alpha, beta] = ranking;
    expect(gamma!.mean).toBeCloseTo((95.4 + 81) / 2, 9);
    expect(gamma!.vsLeader).toBeUndefined();
    // scipy: suite-level Welch difference alpha − gamma over both tests.
    expect(alpha!.vsLeader!.diff).toBeCloseTo(-9.3, 9);
    expect(alpha!.vsLeader!.p).toBeCloseTo(0.20647333620724379, 6);
    expect(alpha!.vsLeader!.tests).toBe(2);
    expect(beta!.vsLeader!.p).toBeLessThan(0.001);
    expect(alpha!.runPassInterval[0]).toBeCloseTo(0.49016247153664183, 6);

    expect(rows.map((r) => r.testId)).toEqual(['cmp-1', 'cmp-2']);
    const cmp1 = rows[0]!.cells;
    expect(cmp1.map((c) => [c.agent, c.best, c.n])).toEqual([
      ['alpha', false, 5],
      ['beta', false, 5],
      ['gamma', true, 5],
    ]);
    expect(cmp1[2]!.vsBest).toBeUndefined();
    expect(cmp1[1]!.vsBest!.p).toBeLessThan(0.001);
    expect(cmp1[0]!.ci![0]).toBeCloseTo(89.07220266685049, 6);
  });

  it('leaves a missing test empty and ranks an agent with no score last', () => {
    const report = { ...threeAgentReport, tests: threeAgentReport.tests.filter((t) => !(t.agent === 'beta')), agents: ['alpha', 'beta', 'gamma'] };
    const { ranking, rows } = buildComparison(report);
    expect(ranking.map((a) => a.agent)).toEqual(['gamma', 'alpha', 'beta']);
    expect(ranking[2]).toMatchObject({ mean: null, ci: null, tests: 0 });
    expect(rows[0]!.cells[1]).toMatchObject({ agent: 'beta', test: undefined, mean: null });
  });
});
