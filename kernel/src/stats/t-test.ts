/**
 * Student t-tests with exact two-sided p-values (regularized incomplete beta):
 * Welch's unequal-variance test, the pooled two-sample test, one-sample and paired tests.
 *
 * Degenerate samples, documented once here and in docs/guides/statistics.md:
 * - a sample with fewer than 2 values has no variance estimate → t, df and the CI are NaN, p = 1;
 * - a standard error of exactly 0 (every value equal within each sample) → t = 0 and p = 1 when
 *   the estimate is 0, else t = ±Infinity and p = 0; the CI collapses to the estimate.
 */
import type { Sample, SampleSummary } from './sample.js';
import { summarize } from './sample.js';
import { studentTQuantile, studentTTwoSidedP } from './student-t.js';

/** The result of a t-test. */
export interface TTestResult {
  /** The estimated difference: mean(x) − mean(y), or mean − mu. */
  estimate: number;
  /** Standard error of the estimate. */
  stdError: number;
  t: number;
  /** Degrees of freedom (fractional for Welch). */
  df: number;
  /** Two-sided p-value. */
  pValue: number;
  /** Confidence interval of the estimate at `level`. */
  ci: [number, number];
  level: number;
}

/** Options of the t-tests. */
export interface TTestOptions {
  /** Confidence level of `ci` (default 0.95). */
  level?: number;
}

function result(estimate: number, stdError: number, df: number, level: number): TTestResult {
  if (!(df > 0) || Number.isNaN(stdError) || Number.isNaN(estimate)) {
    return { estimate, stdError: NaN, t: NaN, df: NaN, pValue: 1, ci: [NaN, NaN], level };
  }
  if (stdError === 0) {
    const t = estimate === 0 ? 0 : estimate > 0 ? Infinity : -Infinity;
    return { estimate, stdError, t, df, pValue: estimate === 0 ? 1 : 0, ci: [estimate, estimate], level };
  }
  const t = estimate / stdError;
  const half = studentTQuantile(1 - (1 - level) / 2, df) * stdError;
  return { estimate, stdError, t, df, pValue: studentTTwoSidedP(t, df), ci: [estimate - half, estimate + half], level };
}

function checkLevel(level: number): number {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be between 0 and 1, got ${level}`);
  return level;
}

/** The Welch–Satterthwaite degrees of freedom of two samples' variances of the mean. */
export function welchSatterthwaiteDf(a: SampleSummary, b: SampleSummary): number {
  const va = (a.std * a.std) / a.n;
  const vb = (b.std * b.std) / b.n;
  const den = (va * va) / (a.n - 1) + (vb * vb) / (b.n - 1);
  return den > 0 ? ((va + vb) * (va + vb)) / den : a.n + b.n - 2;
}

/** Welch's two-sample t-test (unequal variances) of mean(x) − mean(y), as R's `t.test(x, y)`. */
export function welchTTest(x: Sample, y: Sample, options: TTestOptions = {}): TTestResult {
  const level = checkLevel(options.level ?? 0.95);
  const a = summarize(x);
  const b = summarize(y);
  const estimate = a.mean - b.mean;
  if (a.n < 2 || b.n < 2) return result(estimate, NaN, NaN, level);
  const stdError = Math.sqrt((a.std * a.std) / a.n + (b.std * b.std) / b.n);
  return result(estimate, stdError, welchSatterthwaiteDf(a, b), level);
}

/** Student's two-sample t-test with pooled variance (equal variances assumed), df = n₁ + n₂ − 2. */
export function studentTTest(x: Sample, y: Sample, options: TTestOptions = {}): TTestResult {
  const level = checkLevel(options.level ?? 0.95);
  const a = summarize(x);
  const b = summarize(y);
  const estimate = a.mean - b.mean;
  const df = a.n + b.n - 2;
  if (a.n < 1 || b.n < 1 || df < 1) return result(estimate, NaN, NaN, level);
  const pooled = ((a.n - 1) * a.std * a.std + (b.n - 1) * b.std * b.std) / df;
  return result(estimate, Math.sqrt(pooled * (1 / a.n + 1 / b.n)), df, level);
}

/** One-sample t-test of mean(x) − mu, df = n − 1. */
export function oneSampleTTest(x: Sample, mu = 0, options: TTestOptions = {}): TTestResult {
  const level = checkLevel(options.level ?? 0.95);
  const a = summarize(x);
  if (a.n < 2) return result(a.mean - mu, NaN, NaN, level);
  return result(a.mean - mu, a.std / Math.sqrt(a.n), a.n - 1, level);
}

/** Paired t-test of mean(x − y) over pairs (x[i], y[i]); throws RangeError when the lengths differ. */
export function pairedTTest(x: readonly number[], y: readonly number[], options: TTestOptions = {}): TTestResult {
  if (x.length !== y.length) throw new RangeError(`paired t-test needs samples of equal length, got ${x.length} and ${y.length}`);
  return oneSampleTTest(
    x.map((v, i) => v - y[i]!),
    0,
    options,
  );
}
