import { describe, expect, it } from 'vitest';
import { confidenceInterval, describe as describeSample, incompleteBeta, logGamma, passAtK, passHatK, studentTCdf, studentTQuantile, studentTTwoSidedP } from '../src/stats/index.js';

// Reference values: R's pt/qt (df = 1, 4, 5, 7, 10, 30), the closed-form CDF for df = 3,
// numerical integration of the density for (0.5, 30), and the binomial identity for pbeta(0.3, 2, 5).
describe('Student t distribution', () => {
  it.each([
    [2.0, 10, 0.963305982614630],
    [1.0, 1, 0.75],
    [-1.5, 3, 0.1152919326224115],
    [0.5, 30, 0.6896384975574837],
  ])('cdf(%f, df=%f) = %f', (t, df, p) => {
    expect(studentTCdf(t, df)).toBeCloseTo(p, 6);
  });

  it.each([
    [0.975, 1, 12.706204736174698],
    [0.975, 4, 2.776445105197793],
    [0.975, 10, 2.228138851986274],
    [0.975, 30, 2.042272456301238],
    [0.95, 5, 2.015048372669157],
    [0.025, 7, -2.364624251592785],
  ])('quantile(%f, df=%f) = %f', (p, df, t) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(t, 6);
  });

  it('two-sided p of the 97.5% quantile is 0.05', () => {
    expect(studentTTwoSidedP(2.228138851986274, 10)).toBeCloseTo(0.05, 9);
    expect(studentTTwoSidedP(0, 10)).toBe(1);
  });

  it('incomplete beta and log-gamma match references', () => {
    expect(incompleteBeta(0.3, 2, 5)).toBeCloseTo(0.579825, 6);
    expect(incompleteBeta(0.5, 0.5, 0.5)).toBeCloseTo(0.5, 12);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 10);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 10);
  });
});

describe('descriptive statistics', () => {
  it('describes a sample with a Student-t 95% CI', () => {
    const s = describeSample([80, 82, 78]);
    expect(s).toEqual({ n: 3, mean: 80, std: 2, min: 78, max: 82, median: 80, ci95: [expect.any(Number), expect.any(Number)] });
    // mean ± t(0.975, 2) · 2/√3 = 80 ± 4.302653 · 1.154701
    expect(s.ci95[0]).toBeCloseTo(80 - 4.968275, 5);
    expect(s.ci95[1]).toBeCloseTo(80 + 4.968275, 5);
  });

  it('collapses the CI when n < 2', () => {
    expect(confidenceInterval([42])).toEqual([42, 42]);
    expect(describeSample([])).toMatchObject({ n: 0, mean: 0, std: 0 });
  });

  it('computes unbiased pass@k and pass^k', () => {
    expect(passAtK(10, 3, 1)).toBeCloseTo(0.3, 12);
    expect(passAtK(5, 0, 2)).toBe(0);
    expect(passAtK(5, 4, 2)).toBe(1);
    expect(passHatK(10, 3, 1)).toBeCloseTo(0.3, 12);
    expect(passHatK(10, 8, 2)).toBeCloseTo((8 * 7) / (10 * 9), 12);
    expect(passHatK(4, 4, 4)).toBe(1);
    expect(passHatK(4, 3, 4)).toBe(0);
  });
});
