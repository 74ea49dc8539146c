import type { ResponseStatus } from '../protocol/index.js';
import type { PlanTest } from '../plan.js';
import type { JobResult, TestResult } from '../results.js';
import { describe, passHatK } from '../stats/index.js';

/**
 * Aggregate the runs of one test against one agent (§3.14 with every run evaluated):
 * the test passes when every run passed; its score is the mean run score; runs that
 * disagree make it flaky.
 */
export function aggregateTest(test: PlanTest, agent: string, runs: readonly JobResult[]): TestResult {
  const sorted = [...runs].sort((a, b) => a.run - b.run);
  const scores = sorted.map((r) => r.score).filter((s): s is number => s !== null);
  const passed = sorted.filter((r) => r.passed).length;
  const successful = sorted.filter((r) => r.status === 'completed').length;
  const first = sorted[0];
  const firstError = sorted.find((r) => r.error);
  const status: ResponseStatus = sorted.some((r) => r.status === 'timeout')
    ? 'timeout'
    : successful === sorted.length
      ? 'completed'
      : successful > 0
        ? 'partial'
        : sorted.some((r) => r.status === 'cancelled')
          ? 'cancelled'
          : 'failed';
  const n = sorted.length;
  return {
    testId: test.id,
    testName: test.name,
    agent,
    tags: test.tags,
    passed: n > 0 && passed === n,
    score: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 : null,
    status,
    ...(firstError?.error ? { error: firstError.error } : {}),
    ...(firstError?.failureKind ? { failureKind: firstError.failureKind } : {}),
    runs: { total: n, successful, passed },
    successRate: n ? passed / n : 0,
    passHatK: passHatK(n, passed, n),
    ...(n > 1 && scores.length ? { statistics: describe(scores) } : {}),
    durationMs: sorted.reduce((s, r) => s + r.durationMs, 0),
    evaluations: first?.evaluations ?? [],
    ...(first?.breakdown ? { breakdown: first.breakdown } : {}),
    runResults: sorted.map((r) => ({ run: r.run, status: r.status, score: r.score, passed: r.passed, error: r.error, durationMs: r.durationMs })),
    flaky: passed > 0 && passed < n,
  };
}
