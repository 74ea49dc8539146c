import type { TestCounts } from '../test-counts.js';
import { rate } from '../report.js';

/** The count fields every test-running check reports (null when the output had no counts). */
export function countDetails(counts: TestCounts | undefined, passRateValue: number | undefined): Record<string, unknown> {
  return {
    passed: counts?.passed ?? null,
    failed: counts?.failed ?? null,
    skipped: counts?.skipped ?? null,
    ...(counts && counts.errors > 0 ? { errors: counts.errors } : {}),
    total: counts?.total ?? null,
    pass_rate: passRateValue === undefined ? null : rate(passRateValue),
    ...(counts ? { format: counts.format } : {}),
  };
}

/** `2 passed, 1 failed, 1 skipped of 4 (vitest)`. */
export function describeCounts(counts: TestCounts): string {
  const parts = [`${counts.passed} passed`, `${counts.failed} failed`];
  if (counts.skipped) parts.push(`${counts.skipped} skipped`);
  if (counts.errors) parts.push(`${counts.errors} errors`);
  return `${parts.join(', ')} of ${counts.total} (${counts.format})`;
}
