const CONTEXT = 40;

/** A one-line excerpt of `text` around `[start, start + length)`, for evidence. */
export function excerpt(text: string, start: number, length: number): string {
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(text.length, start + length + CONTEXT);
  const body = text.slice(from, to).replace(/\r?\n/g, '\\n');
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}
