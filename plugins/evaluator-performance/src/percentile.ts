/**
 * The p-th percentile of `values` by linear interpolation at index p/100·(n−1) of the sorted values
 * (reference §3.10); undefined for an empty sample.
 */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const index = (p / 100) * (sorted.length - 1);
  const low = Math.floor(index);
  const high = Math.ceil(index);
  const fraction = index - low;
  return sorted[low]! + (sorted[high]! - sorted[low]!) * fraction;
}
