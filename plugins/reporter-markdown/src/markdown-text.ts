/** Longest text put in one table cell. */
export const CELL_LIMIT = 200;

/** Cut text to `max` characters (counting the ellipsis), on a code-point boundary. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut)}…`;
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Inline text safe in Markdown and in a GFM table cell: whitespace (newlines too) folded to single
 * spaces, control characters dropped, then cut to `max`, then every character that could start
 * markup, HTML, an entity, math or a cell boundary backslash-escaped (`\ ` * _ [ ] < > | ~ & $`).
 */
export function inline(text: string, max = CELL_LIMIT): string {
  const line = truncate(text.replace(CONTROLS, '').replace(/\s+/g, ' ').trim(), max);
  return line.replace(/[\\`*_[\]<>|~&$]/g, (c) => `\\${c}`);
}

/** A code span for ATP-generated identifiers; text with a backtick or a pipe falls back to escaped text. */
export function code(text: string): string {
  return /[`|\r\n]/.test(text) ? inline(text) : `\`${text}\``;
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

/** A score on the 0–100 scale with one decimal, or an em dash. */
export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined || !Number.isFinite(score) ? '—' : score.toFixed(1);
}

/** A share 0..1 as a percentage with one decimal. */
export function formatPercent(share: number): string {
  return Number.isFinite(share) ? `${(share * 100).toFixed(1)}%` : '—';
}

/** A GitHub-flavoured Markdown table. */
export function table(header: readonly string[], align: ReadonlyArray<'l' | 'r'>, rows: ReadonlyArray<readonly string[]>): string[] {
  const rule = align.map((a) => (a === 'r' ? '---:' : '---'));
  return [header, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`);
}
