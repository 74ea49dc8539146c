const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

// C0/C1 controls other than tab, newline and carriage return have no business in a report; the
// HTML parser turns NUL into U+FFFD anyway, and the others would be invisible noise.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Escape text for HTML element content and quoted attribute values (also inside inline SVG):
 * `& < > " '` become entities and control characters are removed.
 */
export function escapeHtml(text: string): string {
  return text.replace(CONTROL_CHARS, '').replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

/** Cut text to `max` characters (counting the ellipsis), on a code-point boundary. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  // Do not split a surrogate pair.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut)}…`;
}

// Evaluator details and event payloads are free-form: a bigint must not make the report fail.
const replacer = (_key: string, value: unknown): unknown => (typeof value === 'bigint' ? value.toString() : value);

/** Pretty JSON of an untrusted value, cut to `max` characters (never throws: cycles become a note). */
export function jsonPreview(value: unknown, max: number): { text: string; truncated: boolean } {
  let text: string;
  try {
    text = JSON.stringify(value, replacer, 2) ?? String(value);
  } catch (error) {
    text = `[not serialisable: ${error instanceof Error ? error.message : String(error)}]`;
  }
  return text.length > max ? { text: truncate(text, max), truncated: true } : { text, truncated: false };
}
