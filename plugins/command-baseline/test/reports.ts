/** Hand-built run reports for the unit tests: a test result from a list of per-run scores. */
import type { JobResult, RunReport, TestResult } from '@atp/kernel';

/** One run: a score (null: not scored) and whether it passed (default: score ≥ 90). */
export interface RunSpec {
  score: number | null;
  passed?: boolean;
  status?: TestResult['status'];
  durationMs?: number;
}

const spec = (r: number | null | RunSpec): RunSpec => (typeof r === 'object' && r !== null ? r : { score: r });

/** A test result over runs given as scores or run specs. */
export function testOf(testId: string, runs: ReadonlyArray<number | null | RunSpec>, options: { agent?: string; testName?: string } = {}): TestResult {
  const runResults = runs.map((r, i) => {
    const s = spec(r);
    const passed = s.passed ?? (s.score !== null && s.score >= 90);
    return { run: i + 1, status: s.status ?? (s.score === null && !passed ? 'failed' : 'completed'), score: s.score, passed, durationMs: s.durationMs ?? 1000 };
  }) as TestResult['runResults'];
  const passed = runResults.filter((r) => r.passed).length;
  const scores = runResults.flatMap((r) => (r.score === null ? [] : [r.score]));
  const n = runResults.length;
  return {
    testId,
    testName: options.testName ?? `Test ${testId}`,
    agent: options.agent ?? 'agent-a',
    tags: [],
    passed: n > 0 && passed === n,
    score: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
    status: 'completed',
    runs: { total: n, successful: runResults.filter((r) => r.status === 'completed').length, passed },
    successRate: n ? passed / n : 0,
    passHatK: passed === n ? 1 : 0,
    durationMs: runResults.reduce((s, r) => s + r.durationMs, 0),
    evaluations: [],
    runResults,
    flaky: passed > 0 && passed < n,
  };
}

/** A report over tests (agents in order of appearance unless given). */
export function reportOf(tests: TestResult[], fields: Partial<RunReport> = {}): RunReport {
  const passed = tests.filter((t) => t.passed).length;
  return {
    runId: 'run-1',
    suite: { name: 'suite-x', version: '1.0' },
    agents: [...new Set(tests.map((t) => t.agent))],
    startedAt: '2026-01-05T10:00:00.000Z',
    finishedAt: '2026-01-05T10:00:10.000Z',
    durationMs: 10_000,
    runsPerTest: Math.max(1, ...tests.map((t) => t.runs.total)),
    tests,
    summary: { total: tests.length, passed, failed: tests.length - passed, successRate: tests.length ? passed / tests.length : 0, success: passed === tests.length, interrupted: false },
    ...fields,
  };
}

/** A job result carrying metrics, for the token and cost means of a baseline. */
export function jobOf(testId: string, run: number, metrics: { total_tokens?: number; cost_usd?: number }, agent = 'agent-a'): JobResult {
  return {
    jobId: `${testId}#${agent}#${run}`,
    testId,
    agent,
    run,
    taskId: `task-${run}`,
    status: 'completed',
    startedAt: '2026-01-05T10:00:00.000Z',
    durationMs: 1000,
    attempts: 1,
    response: { status: 'completed', metrics, error: null, trace_id: null, artifactCount: 0 },
    eventCount: 0,
    evaluations: [],
    score: null,
    passed: true,
  } as JobResult;
}
