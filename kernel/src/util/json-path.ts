/**
 * JSON paths of the form `$`, `$.key`, `$[0]`, `$["any key"]`, combined (`$.a.b[0]["c-d"]`).
 * No wildcards, filters or slices: a path names exactly one node or nothing.
 */

/** One step of a JSON path: an object key or an array index. */
export type JsonPathSegment = { kind: 'key'; key: string } | { kind: 'index'; index: number };

/** The result of parsing a JSON path: its segments, or a message saying where it went wrong. */
export type ParsedJsonPath = { ok: true; segments: JsonPathSegment[] } | { ok: false; error: string };

/** The result of resolving a path in a value. */
export type Resolved = { found: true; value: unknown } | { found: false; missingAt: string };

const IDENTIFIER = /^[\p{L}_$][\p{L}\p{N}_$-]*/u;
const INDEX = /^\d+/;

/** Parse a JSON path; errors give the 1-based column and what was expected there. */
export function parseJsonPath(path: string): ParsedJsonPath {
  const error = (column: number, expected: string): ParsedJsonPath => ({
    ok: false,
    error: `invalid JSON path ${JSON.stringify(path)} at column ${column}: ${expected}`,
  });
  if (!path.startsWith('$')) return error(1, 'a path starts with "$"');
  const segments: JsonPathSegment[] = [];
  let i = 1;
  while (i < path.length) {
    const rest = path.slice(i);
    if (rest.startsWith('.')) {
      const ident = IDENTIFIER.exec(rest.slice(1));
      if (!ident) return error(i + 2, 'expected a key name after "." (use ["key"] for other keys)');
      segments.push({ kind: 'key', key: ident[0] });
      i += 1 + ident[0].length;
    } else if (rest.startsWith('[')) {
      const inner = rest.slice(1);
      const index = INDEX.exec(inner);
      if (index) {
        if (inner[index[0].length] !== ']') return error(i + 2 + index[0].length, 'expected "]" after the index');
        segments.push({ kind: 'index', index: Number(index[0]) });
        i += 2 + index[0].length;
        continue;
      }
      const quote = inner[0];
      if (quote !== '"' && quote !== "'") return error(i + 2, 'expected an array index or a quoted key after "["');
      const end = closingQuote(inner, quote);
      if (end < 0) return error(i + 2, `unterminated quoted key (missing ${quote})`);
      if (inner[end + 1] !== ']') return error(i + end + 3, 'expected "]" after the quoted key');
      const key = unquote(inner.slice(0, end + 1), quote);
      if (key === undefined) return error(i + 2, 'invalid escape in the quoted key');
      segments.push({ kind: 'key', key });
      i += end + 3;
    } else {
      return error(i + 1, 'expected "." or "[" to start the next segment');
    }
  }
  return { ok: true, segments };
}

function closingQuote(text: string, quote: string): number {
  for (let j = 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === quote) return j;
  }
  return -1;
}

function unquote(literal: string, quote: string): string | undefined {
  if (quote === '"') {
    try {
      const value: unknown = JSON.parse(literal);
      return typeof value === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  }
  // Single-quoted keys know two escapes: \' and \\.
  let out = '';
  for (let j = 1; j < literal.length - 1; j++) {
    const c = literal[j]!;
    if (c !== '\\') out += c;
    else if (literal[j + 1] === "'" || literal[j + 1] === '\\') out += literal[++j];
    else return undefined;
  }
  return out;
}

/** Render segments back to a canonical path (`$.a[0]["b c"]`). */
export function formatJsonPath(segments: readonly JsonPathSegment[]): string {
  let out = '$';
  for (const s of segments) {
    if (s.kind === 'index') out += `[${s.index}]`;
    else out += /^[\p{L}_$][\p{L}\p{N}_$-]*$/u.test(s.key) ? `.${s.key}` : `[${JSON.stringify(s.key)}]`;
  }
  return out;
}

/** Follow `segments` into `value`: keys into plain objects (own keys only), indexes into arrays. */
export function resolveJsonPath(value: unknown, segments: readonly JsonPathSegment[]): Resolved {
  let current = value;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    if (s.kind === 'index' && Array.isArray(current) && s.index < current.length) {
      current = current[s.index];
    } else if (s.kind === 'key' && isRecord(current) && Object.hasOwn(current, s.key)) {
      current = current[s.key];
    } else {
      return { found: false, missingAt: formatJsonPath(segments.slice(0, i + 1)) };
    }
  }
  return { found: true, value: current };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
