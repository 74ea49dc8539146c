/**
 * Means over strata (e.g. the tests of a suite) where each stratum weighs the same: the estimate is
 * the mean of the stratum means, its variance Σ sᵢ²/nᵢ / k², and the degrees of freedom come from the
 * Welch–Satterthwaite approximation. The strata are fixed (the inference is about these tests, not a
 * population of tests); with one stratum the difference test is exactly Welch's.
 */
import type { Sample, SampleSummary } from './sample.js';
import { summarize } from './sample.js';
import { studentTQuantile, studentTTwoSidedP } from './student-t.js';
import type { TTestOptions, TTestResult } from './t-test.js';

/** The stratified mean with its standard error, df and confidence interval. */
export interface StratifiedMean {
  estimate: number;
  stdError: number;
  df: number;
  ci: [number, number];
  level: number;
}

interface Term {
  variance: number;
  df: number;
}

function combine(terms: readonly Term[], weight: number): { variance: number; df: number } {
  let variance = 0;
  let den = 0;
  let dfSum = 0;
  for (const t of terms) {
    const v = weight * weight * t.variance;
    variance += v;
    den += (v * v) / t.df;
    dfSum += t.df;
  }
  return { variance, df: den > 0 ? (variance * variance) / den : dfSum };
}

function term(s: SampleSummary): Term {
  return { variance: (s.std * s.std) / s.n, df: s.n - 1 };
}

function interval(estimate: number, stdError: number, df: number, level: number): [number, number] {
  if (stdError === 0) return [estimate, estimate];
  const half = studentTQuantile(1 - (1 - level) / 2, df) * stdError;
  return [estimate - half, estimate + half];
}

/** The mean of the strata's means with its Satterthwaite CI; NaN spread when a stratum has fewer than 2 values. */
export function stratifiedMean(strata: readonly Sample[], options: TTestOptions = {}): StratifiedMean {
  const level = options.level ?? 0.95;
  const s = strata.map(summarize);
  const k = s.length;
  const estimate = k ? s.reduce((sum, x) => sum + x.mean, 0) / k : NaN;
  if (!k || s.some((x) => x.n < 2)) return { estimate, stdError: NaN, df: NaN, ci: [NaN, NaN], level };
  const { variance, df } = combine(s.map(term), 1 / k);
  const stdError = Math.sqrt(variance);
  return { estimate, stdError, df, ci: interval(estimate, stdError, df, level), level };
}

/**
 * Welch's test generalized to strata: the mean over strata of mean(xᵢ) − mean(yᵢ), each stratum
 * weighing the same. Degenerate cases follow `welchTTest` (a stratum with < 2 values on a side → p = 1).
 */
export function stratifiedWelchTTest(strata: ReadonlyArray<readonly [Sample, Sample]>, options: TTestOptions = {}): TTestResult {
  const level = options.level ?? 0.95;
  const pairs = strata.map(([x, y]) => [summarize(x), summarize(y)] as const);
  const k = pairs.length;
  const estimate = k ? pairs.reduce((sum, [a, b]) => sum + a.mean - b.mean, 0) / k : NaN;
  if (!k || pairs.some(([a, b]) => a.n < 2 || b.n < 2)) return { estimate, stdError: NaN, t: NaN, df: NaN, pValue: 1, ci: [NaN, NaN], level };
  const { variance, df } = combine(
    pairs.flatMap(([a, b]) => [term(a), term(b)]),
    1 / k,
  );
  const stdError = Math.sqrt(variance);
  if (stdError === 0) {
    const t = estimate === 0 ? 0 : estimate > 0 ? Infinity : -Infinity;
    return { estimate, stdError, t, df, pValue: estimate === 0 ? 1 : 0, ci: [estimate, estimate], level };
  }
  const t = estimate / stdError;
  return { estimate, stdError, t, df, pValue: studentTTwoSidedP(t, df), ci: interval(estimate, stdError, df, level), level };
}
