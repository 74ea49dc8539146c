/**
 * Rounding to 2 decimals exactly as Python's `round(x, 2)` does (the reference's metrics are
 * rounded that way): on the exact binary value of `x`, ties to even. `Math.round(x * 100) / 100`
 * differs on values such as 0.125 (Python: 0.12) and on products that pick up binary error.
 */
export function round2(x: number): number {
  if (!Number.isFinite(x)) return x;
  const negative = x < 0;
  // toFixed(60) is the exact decimal expansion of the double for the magnitudes metrics have.
  const exact = Math.abs(x).toFixed(60);
  const [intPart = '0', frac = ''] = exact.split('.');
  const kept = frac.slice(0, 2);
  const rest = frac.slice(2);
  let cents = BigInt(intPart) * 100n + BigInt(kept);
  const firstDropped = rest[0] ?? '0';
  const beyondHalf = /[1-9]/.test(rest.slice(1));
  if (firstDropped > '5' || (firstDropped === '5' && (beyondHalf || cents % 2n === 1n))) cents += 1n;
  const value = Number(cents) / 100;
  return negative && value !== 0 ? -value : value;
}
