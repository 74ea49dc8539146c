/**
 * Hand-built RunReport fixtures covering what a reporter must render: passes, assertion failures,
 * timeouts, adapter and agent failures, runs never started, multi-run statistics, flaky tests, several
 * agents, an interrupted run, and markup in every field that can reach a report.
 */
import type { ScoreBreakdown } from '@atp/kernel';
import { check, evaluation, multiRun, runReport, testResult } from './builders.js';

/** A score breakdown (§3.13) that adds up to 95. */
export const breakdown95: ScoreBreakdown = {
  final_score: 95,
  components: {
    quality: { normalized: 1, weight: 0.3, weighted: 0.3, details: {} },
    completeness: { normalized: 1, weight: 0.5, weighted: 0.5, details: { passed: 2, total: 2 } },
    efficiency: { normalized: 0.75, weight: 0.2, weighted: 0.15, details: { steps: 2, max_steps: 5 } },
    cost: { normalized: 1, weight: 0, weighted: 0, details: {} },
  },
};

/** Passes: two passing artifact checks, a breakdown, a tag. */
export const passing = testResult({
  testId: 'fa-001',
  testName: 'Create greeting file',
  tags: ['smoke'],
  score: 95,
  durationMs: 1204.4,
  breakdown: breakdown95,
  evaluations: [
    evaluation('artifact_exists', 'artifact_exists', [check('artifact_exists', true, 'Artifact found: greet.txt', { details: { path: 'greet.txt', found: true } })]),
    evaluation('contains', 'contains', [check('contains', true, "Found 'Hello, ATP!' in greet.txt")]),
  ],
});

/** Fails an assertion; also has a passing check with a partial score and evidence. */
export const failingAssertion = testResult({
  testId: 'fa-002',
  testName: 'Read missing file',
  passed: false,
  score: 40,
  durationMs: 812,
  evaluations: [
    evaluation('artifact_exists', 'artifact_exists', [check('artifact_exists', true, 'Artifact found: greet.txt')]),
    evaluation('contains', 'contains', [check('contains', false, "expected 'Hello, ATP!' in greet.txt, got 'Hi'")]),
    evaluation('security', 'security', [check('security_scan', true, '1 medium finding: email address', { score: 0.33333, evidence: 'a.b@***.com', details: {} })]),
  ],
});

/** The run timed out (§8.3 row 11): no evaluation, the cause is on the run. */
export const timedOut = testResult({
  testId: 'fa-003',
  testName: 'Slow task',
  passed: false,
  score: null,
  status: 'timeout',
  error: 'Test execution timed out after 1.0s',
  failureKind: 'timeout',
  runs: { total: 1, successful: 0, passed: 0 },
  durationMs: 1003,
});

/** The adapter could not reach the agent. */
export const adapterError = testResult({
  testId: 'fa-004',
  testName: 'Unreachable agent',
  passed: false,
  score: null,
  status: 'failed',
  error: 'connect ECONNREFUSED 127.0.0.1:9 (after 3 attempts)',
  failureKind: 'adapter',
  runs: { total: 1, successful: 0, passed: 0 },
  durationMs: 15,
});

/** The agent answered `status: failed` itself. */
export const agentFailure = testResult({
  testId: 'fa-005',
  testName: 'Agent gives up',
  passed: false,
  score: 0,
  status: 'failed',
  error: 'Agent reported: could not find the file',
  failureKind: 'agent',
  runs: { total: 1, successful: 0, passed: 0 },
  durationMs: 230,
});

/** Five runs, all passing, with score statistics. */
export const stableMultiRun = testResult({
  testId: 'mr-001',
  testName: 'Stable multi-run',
  score: 90.2,
  runs: { total: 5, successful: 5, passed: 5 },
  successRate: 1,
  passHatK: 1,
  durationMs: 6021.7,
  statistics: { n: 5, mean: 90.2, std: 0.9082951062292475, min: 89, max: 91.5, median: 90, ci95: [89.07220266685049, 91.32779733314952] },
  evaluations: [evaluation('contains', 'contains', [check('contains', true, "Found 'done'")])],
  runResults: [89, 90, 91.5, 90, 90.5].map((score, i) => ({ run: i + 1, status: 'completed' as const, score, passed: true, error: undefined, durationMs: 1200 + i })),
});

/** Five runs, three pass: flaky, so the test fails; the first run's checks all passed. */
export const flaky = testResult({
  testId: 'mr-002',
  testName: 'Flaky task',
  passed: false,
  flaky: true,
  score: 67.6,
  runs: { total: 5, successful: 5, passed: 3 },
  successRate: 0.6,
  passHatK: 0,
  durationMs: 6100,
  statistics: { n: 5, mean: 67.6, std: 27.591665408235148, min: 35, max: 90, median: 85, ci95: [33.340422412110186, 101.8595775878898] },
  evaluations: [evaluation('contains', 'contains', [check('contains', true, "Found 'done'")])],
  runResults: [90, 40, 85, 35, 88].map((score, i) => ({ run: i + 1, status: 'completed' as const, score, passed: score > 50, error: undefined, durationMs: 1220 })),
});

/** Never ran: the run was interrupted before it started. */
export const notRun = testResult({
  testId: 'fa-006',
  testName: 'Never started',
  passed: false,
  score: null,
  status: 'cancelled',
  error: 'skipped: shutdown requested',
  failureKind: 'cancelled',
  runs: { total: 1, successful: 0, passed: 0 },
  durationMs: 0,
});

/** Four single-run tests: pass, assertion failure, timeout, adapter error. */
export const smokeReport = runReport([passing, failingAssertion, timedOut, adapterError]);

/** Two five-run tests: stable and flaky. */
export const multiRunReport = runReport([stableMultiRun, flaky], { runsPerTest: 5, durationMs: 12121.7, suite: { name: 'multi_run', version: '1.0' } });

/** The same two tests against two agents. */
export const twoAgentReport = runReport(
  [
    { ...passing, agent: 'alpha' },
    testResult({ testId: 'fa-001', testName: 'Create greeting file', agent: 'beta', passed: false, score: 40, durationMs: 900, evaluations: failingAssertion.evaluations }),
  ],
  { agents: ['alpha', 'beta'] },
);

/** Ctrl-C after the first test: one passed, one never ran. */
export const interruptedReport = runReport([passing, notRun], { error: 'interrupted: 1 test was not run (SIGINT)', durationMs: 1500 }, true);

/** A run stopped by Ctrl-C as the kernel reports it: one test finished, two never finished a run (`notRun`). */
export const stoppedEarlyReport = runReport(
  [passing],
  {
    error: 'interrupted: jobs not started were skipped and in-flight jobs were aborted',
    durationMs: 1500,
    notRun: [
      { testId: 'fa-006', testName: 'Never started', agent: 'demo-agent', tags: ['smoke'] },
      { testId: 'fa-007', testName: `Cut short <${'&'}>`, agent: 'demo-agent', tags: [] },
    ],
  },
  true,
);

/** Three agents, two five-run tests each: gamma is clearly best, alpha flaky on the second test. */
export const threeAgentReport = runReport(
  [
    multiRun('cmp-1', 'Summarise the file', 'alpha', [89, 90, 91.5, 90, 90.5]),
    multiRun('cmp-1', 'Summarise the file', 'beta', [70, 75, 80, 72, 78]),
    multiRun('cmp-1', 'Summarise the file', 'gamma', [95, 96, 94, 97, 95]),
    multiRun('cmp-2', 'Fix the bug', 'alpha', [90, 40, 85, 35, 88]),
    multiRun('cmp-2', 'Fix the bug', 'beta', [60, 65, 62, 70, 58]),
    multiRun('cmp-2', 'Fix the bug', 'gamma', [80, 82, 79, 81, 83]),
  ],
  { agents: ['alpha', 'beta', 'gamma'], runsPerTest: 5, suite: { name: 'compare', version: '1.0' } },
);

/** Agent output with markup everywhere it can reach a report. */
export const XSS = `<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">"'&`;

/** A failing test whose name, messages, evidence, details and error all carry markup. */
export const xssReport = runReport(
  [
    testResult({
      testId: 'x-1<b>',
      testName: `Name ${XSS}`,
      agent: `agent${XSS}`,
      tags: [`tag${XSS}`],
      passed: false,
      score: 10,
      error: `error ${XSS}`,
      failureKind: 'agent',
      evaluations: [
        evaluation(`id${XSS}`, 'contains', [check(`check${XSS}`, false, `message ${XSS}`, { evidence: `evidence ${XSS}`, details: { html: XSS } })]),
      ],
    }),
  ],
  { suite: { name: `suite ${XSS}`, version: '1.0', file: `file${XSS}.yaml` }, error: `run error ${XSS}`, agents: [`agent${XSS}`] },
);
