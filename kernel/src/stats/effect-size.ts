/** Standardized effect sizes of a difference of two means. */
import type { Sample } from './sample.js';
import { summarize } from './sample.js';
import { logGamma } from './gamma.js';

/**
 * Cohen's d: (mean(x) − mean(y)) / pooled standard deviation (n₁ + n₂ − 2 denominator).
 * NaN when n₁ + n₂ < 3 or a sample is empty; with a pooled deviation of 0 it is 0 for equal means, else ±Infinity.
 */
export function cohensD(x: Sample, y: Sample): number {
  const a = summarize(x);
  const b = summarize(y);
  const df = a.n + b.n - 2;
  if (a.n < 1 || b.n < 1 || df < 1) return NaN;
  const pooled = Math.sqrt(((a.n - 1) * a.std * a.std + (b.n - 1) * b.std * b.std) / df);
  const diff = a.mean - b.mean;
  if (pooled === 0) return diff === 0 ? 0 : diff > 0 ? Infinity : -Infinity;
  return diff / pooled;
}

/** The exact small-sample correction J(df) = Γ(df/2) / (√(df/2) · Γ((df − 1)/2)) of Hedges' g. */
export function hedgesCorrection(df: number): number {
  if (!(df > 1)) return NaN;
  return Math.exp(logGamma(df / 2) - 0.5 * Math.log(df / 2) - logGamma((df - 1) / 2));
}

/** Hedges' g: Cohen's d times the exact bias correction J(n₁ + n₂ − 2); NaN when n₁ + n₂ < 4. */
export function hedgesG(x: Sample, y: Sample): number {
  const d = cohensD(x, y);
  const df = summarize(x).n + summarize(y).n - 2;
  return d * hedgesCorrection(df);
}
