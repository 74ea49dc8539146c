import { studentTTwoSidedP } from '@atp/kernel';

/** The comparison of one run's value with a baseline's mean, standard deviation and sample size. */
export interface ObservationTest {
  /** (x − mean) / (std · √(1 + 1/n)); ±Infinity when std is 0 and x differs. */
  t: number;
  /** n − 1. */
  df: number;
  /** Two-sided p-value (1 when it cannot be tested: n < 2). */
  p: number;
}

/**
 * Is one new observation `x` consistent with a baseline sample (mean, std, n)? This is Welch's
 * statistic with the current side being a single run: its variance cannot be estimated from one
 * value, so it is taken from the baseline — t = (x − mean) / (s·√(1/1 + 1/n)) — and the
 * Welch–Satterthwaite degrees of freedom reduce to the baseline's n − 1, the only variance estimate.
 * (Two-sample Welch with n₁ = 1 is undefined — the reference's approximation returns p = 1 there, so
 * it could never flag a regression.) The p-value is exact (Student's t CDF from the kernel).
 */
export function testObservation(x: number, mean: number, std: number, n: number): ObservationTest {
  if (n < 2) return { t: 0, df: Math.max(0, n - 1), p: 1 };
  const df = n - 1;
  if (std === 0) return x === mean ? { t: 0, df, p: 1 } : { t: x > mean ? Infinity : -Infinity, df, p: 0 };
  const t = (x - mean) / (std * Math.sqrt(1 + 1 / n));
  return { t, df, p: studentTTwoSidedP(t, df) };
}
