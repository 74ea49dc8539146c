import type { Artifact } from '@atp/kernel';

/** An artifact the judge reads, with its text (possibly truncated). */
export interface JudgedText {
  id: string;
  text: string;
  /** Characters of the original text. */
  chars: number;
  /** True when `text` is a head-and-tail cut of the original. */
  truncated: boolean;
}

const LISTED = 20;

/** The id assertions use: `path` for files and references, `name` for structured artifacts. */
export function artifactId(a: Artifact): string {
  return a.type === 'structured' ? a.name : a.path;
}

/** An artifact's text: inline file content, or structured data pretty-printed; none for references. */
export function artifactText(a: Artifact): string | undefined {
  if (a.type === 'structured') return JSON.stringify(a.data, null, 2);
  if (a.type === 'file' && typeof a.content === 'string' && a.content.length > 0) return a.content;
  return undefined;
}

function available(artifacts: readonly Artifact[]): string {
  if (!artifacts.length) return 'the response has no artifacts';
  const ids = artifacts.slice(0, LISTED).map(artifactId).join(', ');
  return `available: ${ids}${artifacts.length > LISTED ? ` and ${artifacts.length - LISTED} more` : ''}`;
}

/** The artifacts to judge: the named ones (each must exist and have text), else every one with text. */
export function selectTargets(artifacts: readonly Artifact[], paths: readonly string[] | undefined): { ok: true; targets: Array<{ id: string; text: string }> } | { ok: false; message: string } {
  if (paths) {
    const targets: Array<{ id: string; text: string }> = [];
    for (const id of paths) {
      const a = artifacts.find((x) => artifactId(x) === id);
      if (!a) return { ok: false, message: `artifact ${JSON.stringify(id)} not found; ${available(artifacts)}` };
      const text = artifactText(a);
      if (text === undefined) return { ok: false, message: `artifact ${JSON.stringify(id)} has no text to judge (${a.type === 'reference' ? 'a reference: its content is not available' : 'no inline content'})` };
      targets.push({ id, text });
    }
    return { ok: true, targets };
  }
  const targets = artifacts.flatMap((a) => {
    const text = artifactText(a);
    return text === undefined ? [] : [{ id: artifactId(a), text }];
  });
  if (!targets.length) return { ok: false, message: `no artifact has text to judge; ${available(artifacts)}` };
  return { ok: true, targets };
}

/** Head and tail of `text` in `limit` characters, with a marker saying how much was left out. */
export function truncateMiddle(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const marker = (omitted: number): string => `\n[… ${omitted.toLocaleString('en-US')} characters omitted …]\n`;
  const room = Math.max(0, limit - marker(text.length).length);
  const head = Math.ceil((room * 2) / 3);
  const tail = room - head;
  return `${text.slice(0, head)}${marker(text.length - head - tail)}${tail > 0 ? text.slice(text.length - tail) : ''}`;
}

/**
 * Fit texts into `maxChars` for one judge call: texts that fit their fair share stay whole, the others
 * share what is left equally and keep their first two thirds and last third around an omission marker.
 */
export function fitTexts(targets: ReadonlyArray<{ id: string; text: string }>, maxChars: number): JudgedText[] {
  const order = targets.map((t, i) => ({ ...t, i })).sort((a, b) => a.text.length - b.text.length);
  const limits = new Map<number, number>();
  let budget = maxChars;
  order.forEach((t, k) => {
    const share = Math.floor(budget / (order.length - k));
    const take = Math.min(t.text.length, share);
    limits.set(t.i, take);
    budget -= take;
  });
  return targets.map((t, i) => {
    const limit = limits.get(i)!;
    const truncated = t.text.length > limit;
    return { id: t.id, text: truncated ? truncateMiddle(t.text, limit) : t.text, chars: t.text.length, truncated };
  });
}
