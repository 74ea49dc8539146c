/**
 * Turning zod issues into short, human-readable protocol error messages.
 */
import type { z } from 'zod';
import { describeValue } from './common.js';

/** One validation problem, as reported by zod. */
export type ProtocolIssue = z.core.$ZodIssue;

/** The outcome of parsing a protocol message: the parsed value, or a one-line message and the issues. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string; issues: readonly ProtocolIssue[] };

/** How many issues {@link formatIssues} lists before summarising the rest. */
export const MAX_LISTED_ISSUES = 3;

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** The per-parse error map the protocol parsers use: readable wording for missing and mistyped fields. */
export const protocolErrorMap: z.core.$ZodErrorMap = (iss) => {
  if (iss.code !== 'invalid_type') return undefined;
  const expected = iss.expected === 'record' ? 'object' : iss.expected === 'int' ? 'integer' : iss.expected;
  if (iss.input === undefined) return `missing required field (expected ${expected})`;
  const received = typeof iss.input === 'number' ? describeValue(iss.input) : typeName(iss.input);
  return `expected ${expected}, received ${received}`;
};

/** Render an issue path as `a.b[0].c` (keys that are not identifiers are quoted: `env["1X"]`). */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** One issue as `path: message` (no prefix at the root, or when the message already starts with the path). */
export function formatIssue(issue: ProtocolIssue): string {
  const path = formatIssuePath(issue.path);
  return path === '' || issue.message.startsWith(path) ? issue.message : `${path}: ${issue.message}`;
}

/** A one-line summary of the first `max` issues, e.g. `status: expected one of completed|failed|…`. */
export function formatIssues(issues: readonly ProtocolIssue[], max: number = MAX_LISTED_ISSUES): string {
  if (issues.length === 0) return 'invalid message';
  const listed = issues.slice(0, Math.max(1, max)).map(formatIssue).join('; ');
  const rest = issues.length - Math.max(1, max);
  return rest > 0 ? `${listed} (and ${rest} more ${rest === 1 ? 'issue' : 'issues'})` : listed;
}

/** Parse `raw` with `schema` using {@link protocolErrorMap}, returning a {@link ParseResult}. */
export function parseWith<S extends z.ZodType>(schema: S, raw: unknown): ParseResult<z.output<S>> {
  const result = schema.safeParse(raw, { error: protocolErrorMap });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, message: formatIssues(result.error.issues), issues: result.error.issues };
}
