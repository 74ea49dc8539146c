import { describe, expect, it } from 'vitest';
import { percentile } from '../src/percentile.js';
import { testObservation } from '../src/regression.js';

describe('percentile (linear interpolation at p/100·(n−1))', () => {
  it.each([
    [[100, 200, 300, 400, 500], 50, 300],
    [[500, 100, 400, 200, 300], 95, 480],
    [[100, 200, 300, 400, 500], 99, 496],
    [[100, 200], 50, 150],
    [[100, 200, 300, 400], 95, 385],
    [[42], 99, 42],
  ])('%j p%i = %d', (values, p, expected) => {
    expect(percentile(values, p)).toBeCloseTo(expected, 10);
  });

  it('is undefined for no values', () => {
    expect(percentile([], 50)).toBeUndefined();
  });
});

describe('testObservation (one run against a baseline sample)', () => {
  // Expected p-values from scipy.stats.t.sf(|t|, n − 1) · 2 with t = (x − mean) / (std·√(1 + 1/n)).
  it.each([
    [130, 100, 10, 10, 2.860388, 0.018768522060029734],
    [112, 100, 10, 20, 1.17108, 0.2560445887484589],
    [80, 100, 10, 5, -1.825742, 0.14192744777405542],
    [1500, 1000, 100, 30, 4.918694, 3.179804451210512e-5],
  ])('x=%d mean=%d std=%d n=%d', (x, mean, std, n, t, p) => {
    const result = testObservation(x, mean, std, n);
    expect(result.t).toBeCloseTo(t, 5);
    expect(result.df).toBe(n - 1);
    expect(result.p).toBeCloseTo(p, 8);
  });

  it('cannot test against fewer than 2 samples', () => {
    expect(testObservation(500, 100, 10, 1)).toEqual({ t: 0, df: 0, p: 1 });
  });

  it('with no spread, any difference is significant and none is not', () => {
    expect(testObservation(101, 100, 0, 10)).toEqual({ t: Infinity, df: 9, p: 0 });
    expect(testObservation(99, 100, 0, 10)).toEqual({ t: -Infinity, df: 9, p: 0 });
    expect(testObservation(100, 100, 0, 10)).toEqual({ t: 0, df: 9, p: 1 });
  });
});
