/** Ordinary least-squares line fit with the slope's standard error and its t-test (df = n − 2). */
import { studentTTwoSidedP } from './student-t.js';

/** The fitted line y = intercept + slope·x and the test of slope = 0. */
export interface LinearFit {
  n: number;
  slope: number;
  intercept: number;
  /** Standard error of the slope; NaN when n < 3. */
  slopeStdError: number;
  t: number;
  df: number;
  /** Two-sided p-value of slope = 0 (1 when it cannot be computed). */
  pValue: number;
  /** Coefficient of determination (NaN when y is constant). */
  rSquared: number;
}

/**
 * Fit y on x by least squares. Fewer than 2 points or a constant x give NaN slope and p = 1;
 * with exactly 2 points the slope is exact but untestable (p = 1); points exactly on a line
 * give t = ±Infinity and p = 0 (t = 0, p = 1 for a flat line).
 */
export function linearRegression(x: readonly number[], y: readonly number[]): LinearFit {
  if (x.length !== y.length) throw new RangeError(`linearRegression needs x and y of equal length, got ${x.length} and ${y.length}`);
  const n = x.length;
  const none: LinearFit = { n, slope: NaN, intercept: NaN, slopeStdError: NaN, t: NaN, df: n - 2, pValue: 1, rSquared: NaN };
  if (n < 2) return none;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) return none;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const rSquared = syy === 0 ? NaN : (sxy * sxy) / (sxx * syy);
  if (n < 3) return { ...none, slope, intercept, rSquared };
  const df = n - 2;
  // Residual sum of squares; clamp the tiny negative values rounding can produce.
  const sse = Math.max(0, syy - slope * sxy);
  const slopeStdError = Math.sqrt(sse / df / sxx);
  if (slopeStdError === 0) {
    const t = slope === 0 ? 0 : slope > 0 ? Infinity : -Infinity;
    return { n, slope, intercept, slopeStdError, t, df, pValue: slope === 0 ? 1 : 0, rSquared };
  }
  const t = slope / slopeStdError;
  return { n, slope, intercept, slopeStdError, t, df, pValue: studentTTwoSidedP(t, df), rSquared };
}
