import type { FailureKind, NotRunTest, RunReport, TestResult } from '@atp/kernel';
import { escapeXmlText, xmlAttributes } from './xml.js';

/** How a test appears in JUnit: nothing, `<skipped>`, `<error>` or `<failure>`. */
export type JUnitOutcome =
  | { kind: 'passed' }
  | { kind: 'skipped'; message: string }
  | { kind: 'error' | 'failure'; type: string; message: string };

/** Options of the XML rendering. */
export interface JUnitRenderOptions {
  includeProperties: boolean;
  includeSystemOut: boolean;
}

/** Infrastructure failures: the test could not be judged, so they are `<error>`s. */
export const ERROR_TYPES: Readonly<Partial<Record<FailureKind, string>>> = {
  timeout: 'TimeoutError',
  adapter: 'AdapterError',
  protocol: 'ProtocolError',
  internal: 'InternalError',
  cancelled: 'Cancelled',
};

/** Failures that are the agent's own: the test ran and the agent did not do the job. */
export const FAILURE_TYPES: Readonly<Partial<Record<FailureKind, string>>> = {
  agent: 'AgentFailure',
  budget: 'BudgetExceeded',
};

const MESSAGE_LIMIT = 200;

/** The `message` attribute: one line, at most 200 characters (the element text has everything). */
export function shortMessage(text: string): string {
  const line = text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return line.length > MESSAGE_LIMIT ? `${line.slice(0, MESSAGE_LIMIT - 1)}…` : line;
}

/** `assertion: check: message` for every failed check of the test's (first run's) evaluations. */
export function failedCheckLines(test: TestResult): string[] {
  return test.evaluations.flatMap((evaluation) =>
    evaluation.checks.filter((check) => !check.passed).map((check) => `${evaluation.assertion}: ${check.name}: ${check.message ?? 'failed'}`),
  );
}

/** Whether the test never ran because the run was interrupted (every run cancelled by ATP, none completed). */
function notRun(test: TestResult): boolean {
  return test.failureKind === 'cancelled' && test.runs.successful === 0 && test.runResults.every((run) => run.status === 'cancelled');
}

/**
 * Decide the JUnit element of a test from its failure kind, never from the wording of a message:
 * infrastructure kinds are errors, agent and assertion problems are failures.
 */
export function classify(test: TestResult): JUnitOutcome {
  if (test.passed) return { kind: 'passed' };
  if (notRun(test)) return { kind: 'skipped', message: shortMessage(test.error ?? 'not run: the run was interrupted') };
  const kind = test.failureKind;
  const errorType = kind ? ERROR_TYPES[kind] : undefined;
  if (kind && errorType) return { kind: 'error', type: errorType, message: shortMessage(test.error ?? `${kind} error`) };
  const failureType = kind ? FAILURE_TYPES[kind] : undefined;
  if (failureType) return { kind: 'failure', type: failureType, message: shortMessage(test.error ?? `${kind} failure`) };
  const firstFailedCheck = failedCheckLines(test)[0];
  const runsPassed = test.runs.total > 1 ? `${test.runs.passed}/${test.runs.total} runs passed` : undefined;
  return { kind: 'failure', type: 'AssertionError', message: shortMessage(test.error ?? firstFailedCheck ?? runsPassed ?? 'Test failed') };
}

const seconds = (ms: number): string => (Number.isFinite(ms) && ms > 0 ? ms / 1000 : 0).toFixed(3);
const scoreText = (score: number | null): string => (score === null ? 'none' : `${score.toFixed(1)}/100`);

/** One run: `run 2: completed, failed, score 40.00, 1.220s - error`. */
function runText(run: TestResult['runResults'][number]): string {
  const score = run.score === null ? 'no score' : `score ${run.score.toFixed(2)}`;
  const checks = run.failedChecks?.length ? ` - failed: ${run.failedChecks.join('; ')}` : '';
  return `run ${run.run}: ${run.status}, ${run.passed ? 'passed' : 'failed'}, ${score}, ${seconds(run.durationMs)}s${run.error ? ` - ${run.error}` : ''}${checks}`;
}

function runsLine(test: TestResult): string | undefined {
  if (test.runs.total <= 1) return undefined;
  return `Runs: ${test.runs.passed}/${test.runs.total} passed${test.flaky ? ' (flaky)' : ''}`;
}

/** The text inside `<failure>`/`<error>`: score, runs, the error with its kind, the failed checks. */
export function outcomeText(test: TestResult): string {
  const lines = [`Score: ${scoreText(test.score)}`];
  const runs = runsLine(test);
  if (runs) lines.push(runs);
  if (test.error) lines.push(`Error${test.failureKind ? ` (${test.failureKind})` : ''}: ${test.error}`);
  const failed = failedCheckLines(test);
  if (failed.length > 0) lines.push('Failed checks:', ...failed.map((line) => `  - ${line}`));
  // Checks are only kept for the first run: for the others, say which runs failed and why.
  const failedRuns = test.runs.total > 1 ? test.runResults.filter((run) => !run.passed) : [];
  if (failedRuns.length > 0) lines.push('Failed runs:', ...failedRuns.map((run) => `  - ${runText(run)}`));
  return lines.join('\n');
}

/** The text of `<system-out>`: id, agent, score, statistics, runs and every assertion's check lines. */
export function systemOutText(test: TestResult): string {
  const lines = [`Test ID: ${test.testId}`, `Agent: ${test.agent}`, `Score: ${scoreText(test.score)}`];
  const stats = test.statistics;
  if (stats && stats.n > 1) {
    const f = (n: number) => n.toFixed(2);
    lines.push(
      `Statistics: n ${stats.n}, mean ${f(stats.mean)}, std ${f(stats.std)}, 95% CI [${f(stats.ci95[0])}, ${f(stats.ci95[1])}], ` +
        `median ${f(stats.median)}, min ${f(stats.min)}, max ${f(stats.max)}, pass^k ${test.passHatK.toFixed(4)}`,
    );
  }
  const runs = runsLine(test);
  if (runs) {
    lines.push(runs);
    for (const run of test.runResults) lines.push(`  ${runText(run)}`);
  }
  if (test.tags.length > 0) lines.push(`Tags: ${test.tags.join(', ')}`);
  if (test.evaluations.length > 0) {
    lines.push('Assertions:');
    for (const evaluation of test.evaluations) {
      const verdict = evaluation.skipped
        ? `skipped (${evaluation.skipped.reason}): ${evaluation.skipped.message}`
        : `${evaluation.passed ? 'passed' : 'failed'}, score ${evaluation.score.toFixed(2)}`;
      lines.push(`  ${evaluation.assertion} (${evaluation.type}): ${verdict}`);
      for (const check of evaluation.checks) {
        lines.push(`    ${check.passed ? '✓' : '✗'} ${check.name}: ${check.score.toFixed(2)}${check.message ? ` - ${check.message}` : ''}`);
      }
    }
  }
  return lines.join('\n');
}

/** The `name` of a test case: `<test_id>: <test_name>`, plus ` [agent]` when the run has several agents. */
export function testCaseName(test: Pick<TestResult, 'testId' | 'testName' | 'agent'>, multiAgent: boolean): string {
  return `${test.testId}: ${test.testName}${multiAgent ? ` [${test.agent}]` : ''}`;
}

function testCaseXml(test: TestResult, report: RunReport, options: JUnitRenderOptions, outcome: JUnitOutcome): string[] {
  const attributes = xmlAttributes([
    ['name', testCaseName(test, report.agents.length > 1)],
    ['classname', report.suite.name],
    ['time', seconds(test.durationMs)],
  ]);
  const children: string[] = [];
  if (outcome.kind === 'skipped') {
    children.push(`<skipped${xmlAttributes([['message', outcome.message]])}/>`);
  } else if (outcome.kind !== 'passed') {
    children.push(`<${outcome.kind}${xmlAttributes([['message', outcome.message], ['type', outcome.type]])}>${escapeXmlText(outcomeText(test))}</${outcome.kind}>`);
  }
  if (options.includeSystemOut) children.push(`<system-out>${escapeXmlText(systemOutText(test))}</system-out>`);
  if (children.length === 0) return [`    <testcase${attributes}/>`];
  return [`    <testcase${attributes}>`, ...children.map((child) => `      ${child}`), '    </testcase>'];
}

/** The message of a test the run stopped before it finished a run: why the run stopped, when known. */
function notRunMessage(report: RunReport): string {
  return shortMessage(`not run: ${report.error ?? (report.summary.interrupted ? 'the run was interrupted' : 'the run stopped early')}`);
}

/** A `<testcase>` with `<skipped>` for a test the run never finished (so CI sees it, rather than losing it). */
function notRunCaseXml(test: NotRunTest, report: RunReport): string {
  const attributes = xmlAttributes([
    ['name', testCaseName(test, report.agents.length > 1)],
    ['classname', report.suite.name],
    ['time', seconds(0)],
  ]);
  return [`    <testcase${attributes}>`, `      <skipped${xmlAttributes([['message', notRunMessage(report)]])}/>`, '    </testcase>'].join('\n');
}

/** Render the run as JUnit XML: a pure function of the report. */
export function renderJUnit(report: RunReport, options: JUnitRenderOptions): string {
  const outcomes = report.tests.map(classify);
  const notRun = report.notRun ?? [];
  const count = (kind: JUnitOutcome['kind']) => outcomes.filter((o) => o.kind === kind).length + (kind === 'skipped' ? notRun.length : 0);
  const totals: Array<[string, string | number]> = [
    ['tests', report.tests.length + notRun.length],
    ['failures', count('failure')],
    ['errors', count('error')],
  ];
  const time: [string, string] = ['time', seconds(report.durationMs)];
  const timestamp: [string, string] = ['timestamp', report.startedAt];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${xmlAttributes([['name', 'ATP Tests'], ...totals, time, timestamp])}>`,
    `  <testsuite${xmlAttributes([['name', report.suite.name], ...totals, ['skipped', count('skipped')], time, timestamp])}>`,
  ];
  if (options.includeProperties) {
    const properties: Array<[string, string]> = [
      ['agent_name', report.agents.join(', ')],
      ['runs_per_test', String(report.runsPerTest)],
      ['success_rate', `${(report.summary.successRate * 100).toFixed(2)}%`],
      ['run_id', report.runId],
    ];
    if (report.summary.interrupted) properties.push(['interrupted', 'true']);
    lines.push('    <properties>');
    for (const [name, value] of properties) lines.push(`      <property${xmlAttributes([['name', name], ['value', value]])}/>`);
    lines.push('    </properties>');
  }
  report.tests.forEach((test, i) => lines.push(...testCaseXml(test, report, options, outcomes[i] ?? classify(test))));
  for (const test of notRun) lines.push(notRunCaseXml(test, report));
  if (report.error) lines.push(`    <system-err>${escapeXmlText(report.error)}</system-err>`);
  lines.push('  </testsuite>', '</testsuites>');
  return `${lines.join('\n')}\n`;
}
