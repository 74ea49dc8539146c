/** One call that answers "did it change?" for two samples of scores: Welch test, CI of the delta, effect size. */
import type { Sample } from './sample.js';
import { summarize } from './sample.js';
import { welchTTest } from './t-test.js';
import { hedgesG } from './effect-size.js';

/** How a current sample differs from a baseline sample. Quantities that cannot be computed are null. */
export interface SampleComparison {
  /** mean(current) − mean(baseline). */
  delta: number;
  /** delta as a percentage of |mean(baseline)|; null when the baseline mean is 0. */
  delta_percent: number | null;
  /** Welch's t of current vs baseline (±Infinity when both samples are constant and differ); null when a sample has < 2 values. */
  t: number | null;
  /** Welch–Satterthwaite degrees of freedom; null when a sample has < 2 values. */
  df: number | null;
  /** Exact two-sided p-value of Welch's test (1 when it cannot be computed). */
  p_value: number;
  /** p_value < alpha. */
  significant: boolean;
  /** Hedges' g of current vs baseline (bias-corrected standardized difference); null when n₁ + n₂ < 4. */
  effect_size: number | null;
  /** Welch 95% confidence interval of delta; null when a sample has < 2 values. */
  ci95_of_delta: [number, number] | null;
}

/** Options of `compareSamples`. */
export interface CompareSamplesOptions {
  /** Significance level (default 0.05). */
  alpha?: number;
}

const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** Compare a current sample with a baseline sample (raw values or summaries) by Welch's t-test. */
export function compareSamples(baseline: Sample, current: Sample, options: CompareSamplesOptions = {}): SampleComparison {
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be between 0 and 1, got ${alpha}`);
  const base = summarize(baseline);
  const test = welchTTest(current, baseline, { level: 0.95 });
  const g = hedgesG(current, baseline);
  return {
    delta: test.estimate,
    delta_percent: base.mean === 0 || Number.isNaN(base.mean) ? null : (test.estimate / Math.abs(base.mean)) * 100,
    t: orNull(test.t),
    df: orNull(test.df),
    p_value: test.pValue,
    significant: test.pValue < alpha,
    effect_size: orNull(g),
    ci95_of_delta: Number.isNaN(test.ci[0]) ? null : test.ci,
  };
}
