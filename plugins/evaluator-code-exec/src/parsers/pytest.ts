import { lastMatch, type TestCounts } from '../test-counts.js';

// `==== 1 failed, 2 passed, 1 skipped in 0.05s ====` (or the same without the rule, with -q).
const SUMMARY = /^[=\s]*((?:\d+ (?:passed|failed|skipped|errors?|xfailed|xpassed|deselected|warnings?|rerun)(?:, |\s+))+)in [\d.]+s(?: \([^)]*\))?[=\s]*$/m;
const ITEM = /(\d+) (passed|failed|skipped|errors?|xfailed|xpassed|deselected|warnings?|rerun)/g;

/**
 * Counts from pytest's summary line. The pass rate is passed / (passed + failed + skipped + errors)
 * (reference §3.5); xfailed, xpassed and deselected tests are not in the denominator.
 */
export function parsePytest(output: string): TestCounts | undefined {
  const line = lastMatch(output, SUMMARY);
  if (!line) return undefined;
  const n: Record<string, number> = {};
  for (const [, count, kind] of line[1]!.matchAll(ITEM)) n[kind!.replace(/s$/, '')] = Number(count);
  const passed = n.passed ?? 0;
  const failed = n.failed ?? 0;
  const skipped = n.skipped ?? 0;
  const errors = n.error ?? 0;
  return { passed, failed, skipped, errors, total: passed + failed + skipped + errors, format: 'pytest' };
}

/** True when pytest said it ran nothing. */
export function pytestRanNothing(output: string): boolean {
  return /no tests ran|collected 0 items/.test(output);
}
