/** Rounding for the JSON files this package writes: non-finite values become null (JSON has no NaN or ∞). */

/** Round to `digits` decimals; NaN and ±Infinity become null. */
export function round(value: number, digits: number): number | null {
  if (!Number.isFinite(value)) return null;
  const r = Number(value.toFixed(digits));
  return Object.is(r, -0) ? 0 : r;
}

/** Round a nullable value. */
export function roundOrNull(value: number | null | undefined, digits: number): number | null {
  return value === null || value === undefined ? null : round(value, digits);
}

/** Round an interval; null when it is missing or a bound is not finite. */
export function roundInterval(ci: readonly [number, number] | null | undefined, digits: number): [number, number] | null {
  if (!ci) return null;
  const lo = round(ci[0], digits);
  const hi = round(ci[1], digits);
  return lo === null || hi === null ? null : [lo, hi];
}

/** A p-value with 6 significant digits (tiny p-values keep their magnitude). */
export function roundP(p: number): number {
  return Number.isFinite(p) ? Number(p.toPrecision(6)) : 1;
}
