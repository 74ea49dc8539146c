/** Corrections for testing several hypotheses at once. */

/**
 * Holm–Bonferroni adjusted p-values (same order as the input): compare each with α to keep the
 * family-wise error rate at α. Uniformly more powerful than plain Bonferroni.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
