/**
 * Building blocks shared by the request, response and event schemas.
 */
import { z } from 'zod';
import { MAX_TASK_ID_LENGTH, PROTOCOL_VERSION, SUPPORTED_VERSIONS } from './limits.js';

/** True when `value` is a plain object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short, human-readable rendering of a received value for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** The message for a value that is not one of the allowed enum values. */
export function enumMessage(values: readonly string[], input: unknown): string {
  const allowed = `expected one of ${values.join('|')}`;
  return input === undefined ? `missing required field (${allowed})` : `${allowed}, received ${describeValue(input)}`;
}

const PARENT_SEGMENT = /(?:^|[\\/])\.\.(?:[\\/]|$)/;

/** True when a path, with `\` read as `/`, has a `..` segment. */
export function hasParentSegment(path: string): boolean {
  return path.includes('..') && PARENT_SEGMENT.test(path);
}


/** True for POSIX-absolute (`/x`), backslash-rooted (`\x`) and Windows drive (`C:\x`, `C:/x`) paths. */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(path);
}

/** `version`: defaults to "1.0"; any value outside {@link SUPPORTED_VERSIONS} is rejected. */
export const ProtocolVersionSchema = z
  .enum(SUPPORTED_VERSIONS, {
    error: (iss) =>
      typeof iss.input === 'string'
        ? `unsupported protocol version ${JSON.stringify(iss.input)} (supported: ${SUPPORTED_VERSIONS.join(', ')})`
        : `expected a version string such as "${PROTOCOL_VERSION}", received ${describeValue(iss.input)}`,
  })
  .default(PROTOCOL_VERSION)
  .describe('Protocol version, "MAJOR.MINOR"');

/** A free-form JSON object (`dict[str, Any]`); arrays and null are rejected. */
export const JsonObjectSchema = z.record(z.string(), z.unknown());

/** A free-form JSON object. */
export type JsonObject = z.output<typeof JsonObjectSchema>;

/** A message for a string longer than `max` characters. */
export function tooLong(what: string, max: number): (iss: { input?: unknown }) => string {
  return (iss) =>
    typeof iss.input === 'string'
      ? `${what} must be at most ${max} characters (got ${iss.input.length})`
      : `${what} must be at most ${max} characters`;
}

/** A message for a number below zero. */
export function negativeMessage(iss: { input?: unknown }): string {
  return `must be >= 0, received ${describeValue(iss.input)}`;
}

/** A message for a value that is not an integer. */
export function integerMessage(iss: { input?: unknown }): string {
  if (iss.input === undefined) return 'missing required field (expected integer)';
  const input = iss.input;
  const received =
    typeof input === 'number'
      ? describeValue(input)
      : input === null
      ? 'null'
      : Array.isArray(input)
      ? 'array'
      : typeof input;
  return `expected an integer, received ${received}`;
}

/** A non-negative integer that may be omitted or null (metrics, sizes). */
export function optionalCount() {
  return z.int({ error: integerMessage }).min(0, { error: negativeMessage }).nullish();
}

/** A non-negative number that may be omitted or null (durations, costs). */
export function optionalAmount() {
  return z.number().min(0, { error: negativeMessage }).nullish();
}

/** A `task_id` as carried by responses: trimmed, non-empty, at most 128 characters, any characters. */
export const TrimmedTaskIdSchema = z
  .string()
  .trim()
  .min(1, { error: 'task_id cannot be empty', abort: true })
  .max(MAX_TASK_ID_LENGTH, { error: tooLong('task_id', MAX_TASK_ID_LENGTH) });
