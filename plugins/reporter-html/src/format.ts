/** A score on the 0–100 scale with one decimal, or an em dash when there is none. */
export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined || !Number.isFinite(score) ? '—' : score.toFixed(1);
}

/** A share 0..1 as a percentage with one decimal. */
export function formatPercent(share: number): string {
  return Number.isFinite(share) ? `${(share * 100).toFixed(1)}%` : '—';
}

/** A duration for people: `850 ms`, `1.20 s`, `2 m 5 s`, `1 h 3 m`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '0 ms';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)} m ${seconds % 60} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} m`;
}

/** An interval `[lo – hi]` with one decimal. */
export function formatInterval(interval: readonly [number, number]): string {
  return `${interval[0].toFixed(1)}–${interval[1].toFixed(1)}`;
}

/** A p-value: `< 0.001` or three decimals. */
export function formatP(p: number): string {
  if (!Number.isFinite(p)) return '—';
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

/** An offset in milliseconds from the start of a run: `+0 ms`, `+1.25 s`. */
export function formatOffset(ms: number): string {
  return `+${formatDuration(Math.max(0, ms))}`;
}

/** A signed difference with one decimal: `+1.5`, `-12.0`, `0.0`. */
export function formatDelta(delta: number): string {
  if (!Number.isFinite(delta)) return '—';
  const rounded = Math.round(delta * 10) / 10;
  return rounded > 0 ? `+${rounded.toFixed(1)}` : (Object.is(rounded, -0) ? 0 : rounded).toFixed(1);
}
