/** Builders of hand-made run reports for reporter tests: checks, assertion results, test results and whole runs. */
import type { EvalCheck, EvalResult, RunReport, TestResult } from '@atp/kernel';
import { runSummary } from '../authoring/run-summary.js';

/** A check; binary score unless `extra.score` says otherwise. */
export function check(name: string, passed: boolean, message?: string, extra: Partial<EvalCheck> = {}): EvalCheck {
  return { name, passed, score: passed ? 1 : 0, ...(message !== undefined ? { message } : {}), ...extra };
}

/** An assertion result; passed and score follow from the checks (mean score, all must pass). */
export function evaluation(assertion: string, type: string, checks: EvalCheck[], extra: Partial<EvalResult> = {}): EvalResult {
  const score = checks.length ? checks.reduce((sum, c) => sum + c.score, 0) / checks.length : 1;
  return { assertion, type, passed: checks.every((c) => c.passed), score, checks, critical: false, ...extra };
}

/** A single-run test result of `demo-agent` (passed, score 100, 1 s) unless the fields say otherwise; `runResults` follows the fields unless given. */
export function testResult(fields: Partial<TestResult> & Pick<TestResult, 'testId' | 'testName'>): TestResult {
  const passed = fields.passed ?? true;
  const base: TestResult = {
    agent: 'demo-agent',
    tags: [],
    passed,
    score: 100,
    status: 'completed',
    runs: { total: 1, successful: 1, passed: passed ? 1 : 0 },
    successRate: passed ? 1 : 0,
    passHatK: passed ? 1 : 0,
    durationMs: 1000,
    evaluations: [],
    runResults: [],
    flaky: false,
    ...fields,
  };
  if (!fields.runResults) {
    base.runResults = [{ run: 1, status: base.status, score: base.score, passed: base.passed, error: base.error, durationMs: base.durationMs }];
  }
  return base;
}

/** A report of suite `file_agent_smoke` over `tests`, the summary computed from them (a run with no test does not succeed). */
export function runReport(tests: TestResult[], fields: Partial<RunReport> = {}, interrupted = false): RunReport {
  return {
    runId: 'run-20260105-100000-abc123',
    suite: { name: 'file_agent_smoke', version: '1.0', file: 'suites/smoke.yaml' },
    agents: ['demo-agent'],
    startedAt: '2026-01-05T10:00:00.000Z',
    finishedAt: '2026-01-05T10:00:03.412Z',
    durationMs: 3412.4,
    runsPerTest: 1,
    tests,
    summary: runSummary(tests, interrupted, (passed) => tests.length > 0 && passed === tests.length && !interrupted),
    ...fields,
  };
}

// t(0.975, 4): the 95% interval of five runs.
const T_975_4 = 2.7764451051977987;

/** A five-run test result of one agent with these run scores (a run passes at `passAt` or more), statistics computed from them. */
export function multiRun(testId: string, testName: string, agent: string, scores: number[], passAt = 50): TestResult {
  const passedRuns = scores.filter((s) => s >= passAt).length;
  const n = scores.length;
  const mean = scores.reduce((a, b) => a + b, 0) / n;
  const std = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const sorted = [...scores].sort((a, b) => a - b);
  return testResult({
    testId,
    testName,
    agent,
    passed: passedRuns === n,
    flaky: passedRuns > 0 && passedRuns < n,
    score: Math.round(mean * 100) / 100,
    runs: { total: n, successful: n, passed: passedRuns },
    successRate: passedRuns / n,
    passHatK: passedRuns === n ? 1 : 0,
    durationMs: 1000 * n,
    statistics: { n, mean, std, min: sorted[0]!, max: sorted[n - 1]!, median: sorted[(n - 1) / 2]!, ci95: [mean - (T_975_4 * std) / Math.sqrt(n), mean + (T_975_4 * std) / Math.sqrt(n)] },
    evaluations: [evaluation('contains', 'contains', [check('contains', passedRuns === n, passedRuns === n ? "Found 'done'" : "expected 'done', got 'nearly'")])],
    runResults: scores.map((score, i) => ({ run: i + 1, status: 'completed' as const, score, passed: score >= passAt, error: undefined, durationMs: 1000 })),
  });
}
