/**
 * A partial matcher for expectations: objects match when every expected key matches (extra keys are
 * allowed), arrays must have the same length, strings may be matched by a RegExp, numbers to 1e-9.
 */

/** A value or a pattern as cases write expectations. */
export type Matcher<T> = T extends string
  ? string | RegExp
  : T extends number | boolean | null | undefined
    ? T
    : T extends ReadonlyArray<infer U>
      ? ReadonlyArray<Matcher<U>>
      : T extends object
        ? { [K in keyof T]?: Matcher<T[K]> }
        : T;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof RegExp);

/** Render a value for a message: strings quoted, long values cut. */
export function show(value: unknown): string {
  if (value instanceof RegExp) return String(value);
  if (value === undefined) return 'undefined';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** The first place `actual` does not match `expected`, as "path: expected X but got Y"; undefined when it matches. */
export function mismatch(actual: unknown, expected: unknown, path = '$'): string | undefined {
  if (expected instanceof RegExp) {
    return typeof actual === 'string' && expected.test(actual) ? undefined : `${path}: expected a string matching ${String(expected)} but got ${show(actual)}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path}: expected an array but got ${show(actual)}`;
    if (actual.length !== expected.length) return `${path}: expected ${expected.length} item${expected.length === 1 ? '' : 's'} but got ${actual.length}: ${show(actual)}`;
    for (let i = 0; i < expected.length; i++) {
      const m = mismatch(actual[i], expected[i], `${path}[${i}]`);
      if (m) return m;
    }
    return undefined;
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) return `${path}: expected an object but got ${show(actual)}`;
    for (const [key, value] of Object.entries(expected)) {
      const m = mismatch(actual[key], value, `${path}.${key}`);
      if (m) return m;
    }
    return undefined;
  }
  if (typeof expected === 'number' && typeof actual === 'number') {
    return Object.is(expected, actual) || Math.abs(expected - actual) < 1e-9 ? undefined : `${path}: expected ${show(expected)} but got ${show(actual)}`;
  }
  return Object.is(actual, expected) ? undefined : `${path}: expected ${show(expected)} but got ${show(actual)}`;
}
