/** Rendering of artifact text with every sensitive value masked. */
import { oneLine } from './mask.js';

/** A sensitive value in an artifact: its range and how it is shown. `rank` orders overlapping values (lower wins). */
export interface SensitiveSpan {
  start: number;
  end: number;
  masked: string;
  rank: number;
}

/** Sensitive spans sorted by start, for finding the ones that overlap a range without scanning them all. */
export class SpanIndex {
  readonly #spans: SensitiveSpan[];
  readonly #longest: number;
  constructor(spans: readonly SensitiveSpan[]) {
    this.#spans = [...spans].sort((a, b) => a.start - b.start);
    this.#longest = this.#spans.reduce((m, s) => Math.max(m, s.end - s.start), 0);
  }

  /** The spans that overlap `[start, end)`. */
  overlapping(start: number, end: number): SensitiveSpan[] {
    // First span that could reach `start`: its start is at least start − longest.
    let lo = 0;
    let hi = this.#spans.length;
    const from = start - this.#longest;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#spans[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    const out: SensitiveSpan[] = [];
    for (let i = lo; i < this.#spans.length && this.#spans[i]!.start < end; i++) {
      if (this.#spans[i]!.end > start) out.push(this.#spans[i]!);
    }
    return out;
  }
}

/**
 * `text[start, end)` with each sensitive value replaced by its masked form. Where values overlap,
 * the best-ranked one is shown masked and the remaining covered characters become a single `…`,
 * so no character of any sensitive value is printed unless its own mask keeps it.
 */
export function maskedSlice(text: string, start: number, end: number, spans: readonly SensitiveSpan[] | SpanIndex): string {
  const relevant = spans instanceof SpanIndex ? spans.overlapping(start, end) : spans.filter((s) => s.start < end && s.end > start);
  if (relevant.length === 0) return oneLine(text.slice(start, end));
  const chosen: SensitiveSpan[] = [];
  for (const span of [...relevant].sort((a, b) => a.rank - b.rank || b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    if (!chosen.some((c) => c.start < span.end && c.end > span.start)) chosen.push(span);
  }
  chosen.sort((a, b) => a.start - b.start);
  let out = '';
  let i = start;
  let next = 0;
  while (i < end) {
    const span = chosen[next];
    if (span && span.start <= i) {
      out += span.masked;
      i = span.end;
      next++;
      continue;
    }
    const limit = span ? Math.min(span.start, end) : end;
    let run = '';
    let covered = false;
    for (; i < limit; i++) {
      const isCovered = relevant.some((s) => s.start <= i && i < s.end);
      if (isCovered) {
        if (!covered) run += '…';
        covered = true;
      } else {
        run += text[i];
        covered = false;
      }
    }
    out += run;
  }
  return oneLine(out);
}
