import { describe, expect, it } from 'vitest';
import {
  cohensD,
  compareSamples,
  differenceConfidenceInterval,
  erfc,
  hedgesCorrection,
  hedgesG,
  holmAdjust,
  linearRegression,
  normalCdf,
  normalQuantile,
  oneSampleTTest,
  pairedTTest,
  passAtK,
  passHatK,
  regularizedGammaP,
  regularizedGammaQ,
  studentTCdf,
  studentTQuantile,
  stratifiedMean,
  stratifiedWelchTTest,
  studentTTest,
  studentTTwoSidedP,
  summarize,
  welchSatterthwaiteDf,
  welchTTest,
  wilsonInterval,
} from '../src/stats/index.js';

// Reference values: R's documented `sleep` example (`t.test(extra ~ group, data = sleep)`:
// t = -1.8608, df = 17.776, p-value = 0.07939, CI -3.3654832 0.2054832; paired: t = -4.0621, df = 9,
// p-value = 0.002833, CI -2.4598858 -0.7001142), given here with the full digits scipy 1.17 prints for
// the same calls (stats.ttest_ind/ttest_rel/ttest_1samp/ttest_ind_from_stats, linregress, norm, binomtest
// .proportion_ci(method='wilson')); Newcombe (1998, Stat Med 17:857) Table I for the Wilson intervals.
const sleep1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const sleep2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
const P = 1e-6;
const close = (actual: number, expected: number, tolerance = P): void => {
  expect(Math.abs(actual - expected)).toBeLessThan(tolerance);
};

describe('Welch t-test', () => {
  it('matches R/scipy on the sleep data', () => {
    const r = welchTTest(sleep1, sleep2);
    close(r.estimate, -1.58, 1e-12);
    close(r.t, -1.8608134674868526, 1e-9);
    close(r.df, 17.776473516178488, 1e-9);
    close(r.pValue, 0.0793941401873583);
    close(r.ci[0], -3.3654832307117104);
    close(r.ci[1], 0.20548323071171137);
    expect(r.level).toBe(0.95);
  });

  it('matches scipy on unequal sizes, with a 99% interval', () => {
    const a = [71.2, 68.4, 75.0, 80.1, 69.9, 73.3, 77.8, 70.0, 74.6, 72.2, 76.5, 79.0];
    const b = [65.0, 70.2, 62.8, 68.9, 71.5, 66.0, 64.4];
    const r = welchTTest(a, b, { level: 0.99 });
    close(r.t, 4.2586533120015675);
    close(r.df, 14.421659584115167);
    close(r.pValue, 0.0007460696365536446);
    close(r.ci[0], 2.1374440570382545);
    close(r.ci[1], 11.919698800104651);
  });

  it('accepts summaries: reference case §8.3 row 19 (baseline 90 ± 2, n 5 vs [80, 82, 78])', () => {
    const r = welchTTest([80, 82, 78], { n: 5, mean: 90, std: 2 });
    close(r.t, -6.846531968814577);
    close(r.df, 4.338983050847458);
    // The exact p; ATP v1's piecewise approximation gave ≈ 0.0013.
    close(r.pValue, 0.0017610694385515435);
    close(r.ci[0], -13.933315697179964);
    close(r.ci[1], -6.066684302820035);
    close(welchSatterthwaiteDf(summarize([80, 82, 78]), { n: 5, mean: 90, std: 2 }), 4.338983050847458, 1e-12);
  });

  it('handles samples with fewer than two values: no variance, p = 1', () => {
    expect(welchTTest([5], [1, 2, 3])).toEqual({ estimate: 3, stdError: NaN, t: NaN, df: NaN, pValue: 1, ci: [NaN, NaN], level: 0.95 });
    expect(welchTTest([], [1, 2]).pValue).toBe(1);
    expect(welchTTest([], [1, 2]).estimate).toBeNaN();
  });

  it('handles zero variance: p = 1 for equal means, p = 0 and t = ±∞ otherwise', () => {
    expect(welchTTest([3, 3, 3], [3, 3])).toEqual({ estimate: 0, stdError: 0, t: 0, df: 3, pValue: 1, ci: [0, 0], level: 0.95 });
    expect(welchTTest([1, 1], [3, 3, 3])).toEqual({ estimate: -2, stdError: 0, t: -Infinity, df: 3, pValue: 0, ci: [-2, -2], level: 0.95 });
    // One constant sample is fine: the other carries the variance (df = n − 1 of the other).
    const r = welchTTest([5, 5, 5], [1, 2, 3]);
    close(r.df, 2, 1e-12);
    close(r.t, 3 / (1 / Math.sqrt(3)), 1e-12);
  });

  it('rejects a confidence level outside (0, 1)', () => {
    expect(() => welchTTest([1, 2], [3, 4], { level: 95 })).toThrow(RangeError);
  });
});

describe('Student, one-sample and paired t-tests', () => {
  it('pooled two-sample test matches scipy (equal_var=True)', () => {
    const r = studentTTest(sleep1, sleep2);
    close(r.t, -1.8608134674868524);
    expect(r.df).toBe(18);
    close(r.pValue, 0.07918671421593822);
  });

  it('paired test matches R on the sleep data', () => {
    const r = pairedTTest(sleep1, sleep2);
    close(r.t, -4.062127683382037);
    expect(r.df).toBe(9);
    close(r.pValue, 0.002832890197384273);
    close(r.ci[0], -2.459885763276983);
    close(r.ci[1], -0.7001142367230175);
    expect(() => pairedTTest([1, 2], [1])).toThrow(/equal length/);
  });

  it('one-sample test matches scipy', () => {
    const r = oneSampleTTest(sleep1);
    close(r.t, 1.3257101407138212);
    close(r.pValue, 0.21759778006844888);
    close(r.ci[0], -0.5297804135262321);
    close(r.ci[1], 2.029780413526232);
    expect(oneSampleTTest([4], 1).pValue).toBe(1);
    expect(oneSampleTTest([4, 4], 1)).toMatchObject({ t: Infinity, pValue: 0 });
  });
});

describe('intervals', () => {
  it.each([
    [81, 263, 0.2552885198782742, 0.36620957698280004],
    [15, 148, 0.06238639953073629, 0.16048724172330803],
    [0, 20, 0, 0.16112515805281935],
    [1, 29, 0.006113214292762667, 0.17175521879320282],
    [8, 10, 0.4901624715366418, 0.9433178485456248],
    [10, 10, 0.7224672001371109, 1],
  ])('Wilson interval of %i/%i', (c, n, lo, hi) => {
    const [l, h] = wilsonInterval(c, n);
    close(l, lo, 1e-9);
    close(h, hi, 1e-9);
  });

  it('Wilson: n = 0 knows nothing; bad input is an error', () => {
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 2, 1.5)).toThrow(RangeError);
  });

  it('difference of means CI is the Welch interval', () => {
    const [lo, hi] = differenceConfidenceInterval(sleep1, sleep2);
    close(lo, -3.3654832307117104);
    close(hi, 0.20548323071171137);
  });
});

describe('effect sizes', () => {
  it("Cohen's d and Hedges' g (exact J) on the sleep data", () => {
    close(cohensD(sleep1, sleep2), -0.8321810813495395, 1e-12);
    close(hedgesG(sleep1, sleep2), -0.7969352391911222, 1e-12);
    close(hedgesCorrection(18), 0.95764642702372, 1e-12);
    // J approaches 1 − 3/(4·df − 1) for large df.
    close(hedgesCorrection(200), 1 - 3 / 799, 1e-5);
  });

  it('degenerate cases', () => {
    expect(cohensD([1], [2])).toBeNaN();
    expect(cohensD([2, 2], [2, 2])).toBe(0);
    expect(cohensD([3, 3], [2, 2])).toBe(Infinity);
    expect(hedgesG([1, 2], [3])).toBeNaN();
  });
});

describe('compareSamples', () => {
  it('reference case §8.3 row 19: a significant regression with the exact p-value', () => {
    const c = compareSamples({ n: 5, mean: 90, std: 2 }, [80, 82, 78]);
    expect(c.delta).toBe(-10);
    close(c.delta_percent!, -11.111111111111111, 1e-9);
    close(c.t!, -6.846531968814577);
    close(c.df!, 4.338983050847458);
    close(c.p_value, 0.0017610694385515435);
    expect(c.significant).toBe(true);
    // Hedges' g: d = −10 / pooled sd 2 = −5, J(6) = 0.868627…
    close(c.effect_size!, -4.343133439137066, 1e-9);
    close(c.ci95_of_delta![0], -13.933315697179964);
    close(c.ci95_of_delta![1], -6.066684302820035);
  });

  it('not significant on the sleep data at α = 0.05, significant at α = 0.1', () => {
    expect(compareSamples(sleep1, sleep2).significant).toBe(false);
    const c = compareSamples(sleep1, sleep2, { alpha: 0.1 });
    expect(c.significant).toBe(true);
    close(c.delta, 1.58, 1e-12);
    close(c.delta_percent!, (1.58 / 0.75) * 100, 1e-9);
    close(c.t!, 1.8608134674868526, 1e-9);
  });

  it('uses null for what cannot be computed', () => {
    expect(compareSamples([0, 0], [1])).toEqual({
      delta: 1,
      delta_percent: null,
      t: null,
      df: null,
      p_value: 1,
      significant: false,
      effect_size: null,
      ci95_of_delta: null,
    });
    expect(() => compareSamples([1, 2], [3, 4], { alpha: 0 })).toThrow(RangeError);
  });
});

describe('linear regression', () => {
  it('matches scipy.stats.linregress', () => {
    const fit = linearRegression([0, 1, 2, 3, 4, 5], [0.9, 0.85, 0.9, 0.7, 0.65, 0.6]);
    close(fit.slope, -0.06571428571428573, 1e-12);
    close(fit.intercept, 0.930952380952381, 1e-12);
    close(fit.slopeStdError, 0.013502330360721747, 1e-12);
    close(fit.pValue, 0.008238201930429605);
    close(fit.rSquared, 0.8555256064690026, 1e-12);
    expect(fit.df).toBe(4);
  });

  it('degenerate fits', () => {
    expect(linearRegression([1], [2])).toMatchObject({ n: 1, pValue: 1 });
    expect(linearRegression([1], [2]).slope).toBeNaN();
    expect(linearRegression([1, 1, 1], [1, 2, 3]).slope).toBeNaN();
    expect(linearRegression([0, 1], [1, 3])).toMatchObject({ slope: 2, intercept: 1, pValue: 1 });
    expect(linearRegression([0, 1, 2], [5, 5, 5])).toMatchObject({ slope: 0, t: 0, pValue: 1 });
    expect(linearRegression([0, 1, 2], [4, 2, 0])).toMatchObject({ slope: -2, t: -Infinity, pValue: 0 });
    expect(() => linearRegression([1, 2], [1])).toThrow(RangeError);
  });
});

describe('distributions', () => {
  it('normal CDF and quantile to full precision', () => {
    close(normalQuantile(0.975), 1.959963984540054, 1e-12);
    close(normalQuantile(0.001), -3.090232306167813, 1e-12);
    close(normalQuantile(1e-12), -7.034483825301131, 1e-10);
    close(normalCdf(1.5), 0.9331927987311419, 1e-14);
    close(normalCdf(-3), 0.0013498980316300933, 1e-15);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    close(erfc(0.5), 0.4795001221869535, 1e-15);
    close(regularizedGammaP(2, 3) + regularizedGammaQ(2, 3), 1, 1e-15);
    // P(2, 3) = 1 − e^{−3}(1 + 3)
    close(regularizedGammaP(2, 3), 1 - Math.exp(-3) * 4, 1e-14);
  });

  it('Student t at fractional df and in the far tail', () => {
    close(studentTCdf(-2, 2.5), 0.07869574787898295);
    close(studentTTwoSidedP(40, 3), 3.4380680789158506e-5, 1e-12);
    close(studentTTwoSidedP(2.5, 4.339), 0.06193283530958987);
    close(studentTQuantile(0.975, 4.338983050847458), 2.6929571664182825);
    // df = ∞ is the normal distribution.
    close(studentTTwoSidedP(1.959963984540054, Infinity), 0.05, 1e-12);
    close(studentTQuantile(0.975, Infinity), 1.959963984540054, 1e-12);
  });
});

describe('pass@k, pass^k and Holm', () => {
  it('pass@k matches the HumanEval numpy estimator', () => {
    close(passAtK(10, 3, 5), 0.9166666666666666, 1e-12);
    close(passAtK(20, 2, 10), 0.763157894736842, 1e-12);
    close(passAtK(200, 13, 100), 0.9999194971988055, 1e-12);
    close(passHatK(10, 8, 3), 0.4666666666666667, 1e-12);
  });

  it('Holm adjusted p-values keep the input order and are monotone', () => {
    expect(holmAdjust([0.01, 0.04, 0.03])).toEqual([0.03, 0.06, 0.06]);
    expect(holmAdjust([0.5, 0.9])).toEqual([1, 1]);
    expect(holmAdjust([0.2, 0.4])).toEqual([0.4, 0.4]);
    expect(holmAdjust([])).toEqual([]);
  });
});

describe('stratified means (each stratum weighs the same)', () => {
  // Reference: the Satterthwaite formulas evaluated with numpy/scipy 1.17 (var = Σ sᵢ²/nᵢ / k²).
  const A = [
    [91, 93, 86, 100, 93],
    [80, 79, 86],
  ];
  const B = [
    [85, 84, 88, 90],
    [70, 72, 75, 71, 69],
  ];

  it('stratified Welch test matches the formula', () => {
    const r = stratifiedWelchTTest([
      [A[0]!, B[0]!],
      [A[1]!, B[1]!],
    ]);
    close(r.estimate, 8.05833333333333, 1e-12);
    close(r.stdError, 1.788407889095152, 1e-12);
    close(r.df, 8.483529727084587, 1e-9);
    close(r.t, 4.505869931836667, 1e-9);
    close(r.pValue, 0.0017135334759275683);
    close(r.ci[0], 3.9748161658223946);
    close(r.ci[1], 12.141850500844265);
  });

  it('with one stratum it is exactly Welch', () => {
    const s = stratifiedWelchTTest([[sleep1, sleep2]]);
    const w = welchTTest(sleep1, sleep2);
    close(s.t, w.t, 1e-12);
    close(s.df, w.df, 1e-9);
    close(s.pValue, w.pValue, 1e-12);
  });

  it('stratified mean and its CI match the formula', () => {
    const m = stratifiedMean(A);
    close(m.estimate, 87.13333333333333, 1e-12);
    close(m.stdError, 1.5682615994930325, 1e-12);
    close(m.df, 5.432764260506902, 1e-9);
    close(m.ci[0], 83.1966887042366);
    close(m.ci[1], 91.06997796243004);
  });

  it('a stratum with fewer than 2 values gives no test', () => {
    expect(stratifiedWelchTTest([[[1], [2, 3]]]).pValue).toBe(1);
    expect(stratifiedMean([[1, 2], [3]]).ci[0]).toBeNaN();
    expect(stratifiedWelchTTest([
      [[2, 2], [1, 1]],
      [[3, 3], [1, 1]],
    ])).toMatchObject({ estimate: 1.5, t: Infinity, pValue: 0 });
  });
});
