import type { SampleStats } from '../results.js';
import { studentTQuantile } from './student-t.js';

/** Arithmetic mean (0 for an empty sample). */
export function mean(values: readonly number[]): number {
  if (!values.length) return 0;
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** Sample standard deviation (n − 1); 0 when n < 2. */
export function sampleStd(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  let s = 0;
  for (const v of values) s += (v - m) ** 2;
  return Math.sqrt(s / (values.length - 1));
}

/** Median (0 for an empty sample). */
export function median(values: readonly number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Two-sided confidence interval of the mean with Student's t; [mean, mean] when n < 2. */
export function confidenceInterval(values: readonly number[], level = 0.95): [number, number] {
  const m = mean(values);
  const n = values.length;
  if (n < 2) return [m, m];
  const t = studentTQuantile(1 - (1 - level) / 2, n - 1);
  const half = (t * sampleStd(values)) / Math.sqrt(n);
  return [m - half, m + half];
}

/** n, mean, std, min, max, median and the 95% CI of a sample. */
export function describe(values: readonly number[]): SampleStats {
  return {
    n: values.length,
    mean: mean(values),
    std: sampleStd(values),
    min: values.length ? Math.min(...values) : 0,
    max: values.length ? Math.max(...values) : 0,
    median: median(values),
    ci95: confidenceInterval(values),
  };
}

function logChoose(n: number, k: number): number {
  let s = 0;
  for (let i = 0; i < k; i++) s += Math.log(n - i) - Math.log(i + 1);
  return s;
}

/** Unbiased pass@k: probability that at least one of k runs drawn from n (c passed) passes. */
export function passAtK(n: number, c: number, k: number): number {
  if (k > n || n === 0) return c > 0 ? 1 : 0;
  if (n - c < k) return 1;
  return 1 - Math.exp(logChoose(n - c, k) - logChoose(n, k));
}

/** Unbiased pass^k: probability that k runs drawn from n (c passed) all pass. */
export function passHatK(n: number, c: number, k: number): number {
  if (n === 0 || c < k) return 0;
  return Math.exp(logChoose(c, k) - logChoose(n, k));
}
