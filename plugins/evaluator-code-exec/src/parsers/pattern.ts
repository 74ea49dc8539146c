import { lastMatch, type TestCounts } from '../test-counts.js';

/** Python's named groups `(?P<name>…)` become JavaScript's `(?<name>…)`, so ported suites keep working. */
export function toJsRegexSource(pattern: string): string {
  return pattern.replace(/\(\?P<([A-Za-z_]\w*)>/g, '(?<$1>');
}

/**
 * Counts from a user pattern with named groups `passed`, `failed`, `total`, `skipped`, `errors`
 * (the last match in the output). total defaults to passed + failed; undefined when nothing matched.
 */
export function parseWithPattern(output: string, regex: RegExp): TestCounts | undefined {
  const m = lastMatch(output, regex);
  if (!m) return undefined;
  const group = (name: string): number | undefined => {
    const value = m.groups?.[name];
    return value === undefined || value === '' || !Number.isFinite(Number(value)) ? undefined : Number(value);
  };
  const passed = group('passed') ?? 0;
  const failed = group('failed') ?? 0;
  return { passed, failed, skipped: group('skipped') ?? 0, errors: group('errors') ?? 0, total: group('total') ?? passed + failed, format: 'pattern' };
}
