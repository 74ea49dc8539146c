/** Confidence intervals of a pass rate (Wilson score) and of a difference of means (Welch). */
import type { Sample } from './sample.js';
import { normalQuantile } from './normal.js';
import { welchTTest } from './t-test.js';

/**
 * The Wilson score interval of a proportion: `successes` out of `n` trials at `level` (default 0.95).
 * Unlike the normal ("Wald") interval it stays inside [0, 1] and is sound for 0/n and n/n;
 * with n = 0 nothing is known and the interval is [0, 1].
 */
export function wilsonInterval(successes: number, n: number, level = 0.95): [number, number] {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be between 0 and 1, got ${level}`);
  if (!(n >= 0) || !(successes >= 0) || successes > n) throw new RangeError(`wilsonInterval needs 0 ≤ successes ≤ n, got ${successes} of ${n}`);
  if (n === 0) return [0, 1];
  const z = normalQuantile(1 - (1 - level) / 2);
  const p = successes / n;
  const z2n = (z * z) / n;
  const center = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  // Clamp the rounding noise at 0/n and n/n, where the exact bound is 0 or 1.
  return [successes === 0 ? 0 : Math.max(0, center - half), successes === n ? 1 : Math.min(1, center + half)];
}

/** The Welch confidence interval of mean(x) − mean(y) at `level` (default 0.95); NaN bounds when a sample has < 2 values. */
export function differenceConfidenceInterval(x: Sample, y: Sample, level = 0.95): [number, number] {
  return welchTTest(x, y, { level }).ci;
}
