import type { EvalResult, RunReport, TestResult } from '@atp/kernel';
import {
  DETAIL_INDENT,
  escapedExcerpt,
  formatCheckScore,
  formatDuration,
  formatScore,
  indentContinuation,
  oneLine,
  styles,
  testLabel,
  type Styles,
} from './format.js';

/** How to render: colours and the level of detail. */
export interface RenderOptions {
  color: boolean;
  verbose: boolean;
}

/** What one test line needs to know about the run around it. */
export interface TestLineContext {
  color: boolean;
  /** Append ` [agent]` to test names (the run has several agents). */
  multiAgent: boolean;
  /** Width the test label is padded to. */
  nameWidth: number;
}

const MIN_NAME_WIDTH = 30;
/** Where a failed check's evidence line starts: under the check's message. */
const EVIDENCE_INDENT = `${DETAIL_INDENT}    `;
const MAX_NAME_WIDTH = 50;

/** The label width for a set of tests: the longest label, at least 30 and at most 50 characters. */
export function nameWidthFor(labels: readonly string[]): number {
  const longest = labels.reduce((max, label) => Math.max(max, label.length), 0);
  return Math.min(MAX_NAME_WIDTH, Math.max(MIN_NAME_WIDTH, longest));
}

/** Half the width of the 95% confidence interval of the mean score, when the test has run statistics. */
function ciHalfWidth(test: TestResult): number | undefined {
  const stats = test.statistics;
  if (!stats || stats.n < 2) return undefined;
  return (stats.ci95[1] - stats.ci95[0]) / 2;
}

/** One line for a finished test: glyph, name, score (± 95% CI), runs passed, flaky, duration. */
export function renderTestLine(test: TestResult, context: TestLineContext): string {
  const s = styles(context.color);
  const glyph = test.passed ? s.green('✓') : s.red('✗');
  const label = testLabel(test.testName, test.agent, context.multiAgent).padEnd(context.nameWidth);
  const parts = [`  ${glyph} ${label} ${formatScore(test.score)}`];
  const half = ciHalfWidth(test);
  if (half !== undefined) parts.push(`±${half.toFixed(1)}`);
  if (test.runs.total > 1) {
    const runs = `${test.runs.passed}/${test.runs.total} runs passed`;
    parts.push(test.runs.passed === test.runs.total ? runs : s.yellow(runs));
  }
  if (test.flaky) parts.push(s.yellow('flaky'));
  parts.push(s.dim(`[${formatDuration(test.durationMs)}]`));
  return parts.join('  ');
}

function checkLines(evaluation: EvalResult, verbose: boolean, s: Styles): string[] {
  const lines: string[] = [];
  const assertion = oneLine(evaluation.assertion);
  if (evaluation.skipped) {
    const { reason, message } = evaluation.skipped;
    lines.push(s.yellow(`${DETAIL_INDENT}~ ${assertion}: skipped (${oneLine(reason)}): ${indentContinuation(message, `${DETAIL_INDENT}  `)}`));
  }
  for (const check of evaluation.checks) {
    if (!check.passed) {
      const partial = check.score > 0 ? ` (score ${formatCheckScore(check.score)})` : '';
      const message = indentContinuation(check.message ?? 'failed', `${DETAIL_INDENT}  `);
      lines.push(s.red(`${DETAIL_INDENT}- ${assertion}: ${oneLine(check.name)}: ${message}${partial}`));
      // What the evaluator found (already masked by it when sensitive), under the message.
      if (typeof check.evidence === 'string' && check.evidence.trim() !== '') lines.push(s.dim(`${EVIDENCE_INDENT}evidence: ${escapedExcerpt(check.evidence)}`));
    } else if (verbose) {
      const partial = check.score < 1 ? ` (score ${formatCheckScore(check.score)})` : '';
      const message = indentContinuation(check.message ?? 'passed', `${DETAIL_INDENT}  `);
      lines.push(s.dim(`${DETAIL_INDENT}+ ${assertion}: ${oneLine(check.name)}: ${message}${partial}`));
    }
  }
  return lines;
}

function statisticsLine(test: TestResult): string | undefined {
  const stats = test.statistics;
  if (!stats) return undefined;
  const f = (n: number) => n.toFixed(1);
  return (
    `${DETAIL_INDENT}Score over ${stats.n} runs: mean ${f(stats.mean)}, std ${stats.std.toFixed(2)}, ` +
    `95% CI [${f(stats.ci95[0])}, ${f(stats.ci95[1])}], median ${f(stats.median)}, min ${f(stats.min)}, max ${f(stats.max)}; ` +
    `pass^k ${test.passHatK.toFixed(2)}`
  );
}

function runLines(runs: TestResult['runResults'], s: Styles): string[] {
  return runs.flatMap((run) => {
    const glyph = run.passed ? s.green('✓') : s.red('✗');
    const error = run.error ? `  ${oneLine(run.error)}` : '';
    const line = `${DETAIL_INDENT}run ${run.run}: ${glyph} ${run.status.padEnd(9)} ${formatScore(run.score).trim()}  ${s.dim(`[${formatDuration(run.durationMs)}]`)}${error}`;
    return [line, ...(run.failedChecks ?? []).map((check) => `${DETAIL_INDENT}  ${s.red('✗')} ${oneLine(check)}`)];
  });
}

/** Detail lines under a test: the run error with its cause, failing checks; in verbose mode also passing checks and runs. */
export function renderTestDetails(test: TestResult, options: RenderOptions): string[] {
  const s = styles(options.color);
  const lines: string[] = [];
  if (test.error) {
    const kind = test.failureKind ? ` (${test.failureKind})` : '';
    lines.push(s.red(`${DETAIL_INDENT}Error${kind}: ${indentContinuation(test.error, `${DETAIL_INDENT}  `)}`));
  }
  for (const evaluation of test.evaluations) lines.push(...checkLines(evaluation, options.verbose, s));
  if (options.verbose && test.runs.total > 1) {
    const stats = statisticsLine(test);
    if (stats) lines.push(stats);
    lines.push(...runLines(test.runResults, s));
  } else if (test.runs.total > 1) {
    // Checks are only kept for the first run: the failed runs are how the others explain themselves.
    lines.push(...runLines(test.runResults.filter((run) => !run.passed), s));
  }
  return lines;
}

/** The final line: `N passed, M failed[, K not run] (P%) in 1.2s`, plus `(interrupted)` after Ctrl-C. */
export function renderSummaryLine(report: RunReport, color: boolean): string {
  const s = styles(color);
  const { passed, failed, successRate, interrupted } = report.summary;
  const passedText = passed > 0 ? s.green(`${passed} passed`) : `${passed} passed`;
  const failedText = failed > 0 ? s.red(`${failed} failed`) : `${failed} failed`;
  const notRun = report.notRun?.length ?? 0;
  const notRunText = notRun > 0 ? `, ${s.yellow(`${notRun} not run`)}` : '';
  const line = `${passedText}, ${failedText}${notRunText} (${(successRate * 100).toFixed(1)}%) in ${formatDuration(report.durationMs)}`;
  return interrupted ? `${line} ${s.yellow('(interrupted)')}` : line;
}

/** How many not-run tests the summary names before it only counts the rest. */
export const MAX_NOT_RUN_LISTED = 20;

/** The tests a stopped run never finished, so they are not mistaken for passing or forgotten. */
function notRunLines(report: RunReport, multiAgent: boolean, s: Styles): string[] {
  const notRun = report.notRun ?? [];
  if (notRun.length === 0) return [];
  const lines = ['', s.yellow(`Not run (the run stopped before they finished a run): ${notRun.length} ${notRun.length === 1 ? 'test' : 'tests'}`)];
  for (const t of notRun.slice(0, MAX_NOT_RUN_LISTED)) lines.push(`  ${s.yellow('-')} ${testLabel(t.testName, t.agent, multiAgent)}`);
  if (notRun.length > MAX_NOT_RUN_LISTED) lines.push(`  … and ${notRun.length - MAX_NOT_RUN_LISTED} more`);
  return lines;
}

/** The whole end-of-run summary as text: a pure function of the report. */
export function renderSummary(report: RunReport, options: RenderOptions): string {
  const s = styles(options.color);
  const multiAgent = report.agents.length > 1;
  const labels = report.tests.map((t) => testLabel(t.testName, t.agent, multiAgent));
  const context: TestLineContext = { color: options.color, multiAgent, nameWidth: nameWidthFor(labels) };
  const lines: string[] = [s.bold('ATP Test Results'), '='.repeat(50), ''];
  lines.push(`Suite: ${oneLine(report.suite.name)}`);
  if (report.agents.length) lines.push(`${multiAgent ? 'Agents' : 'Agent'}: ${oneLine(report.agents.join(', '))}`);
  if (report.runsPerTest > 1) lines.push(`Runs per test: ${report.runsPerTest}`);
  lines.push('');
  if (report.tests.length === 0) {
    lines.push(report.notRun?.length ? 'No test finished a run.' : 'No tests ran.');
  } else {
    lines.push('Tests:');
    for (const test of report.tests) {
      lines.push(renderTestLine(test, context));
      if (!test.passed || options.verbose) lines.push(...renderTestDetails(test, options));
    }
  }
  lines.push(...notRunLines(report, multiAgent, s));
  lines.push('');
  if (report.error) lines.push(s.red(`Run error: ${indentContinuation(report.error, '  ')}`));
  lines.push(renderSummaryLine(report, options.color));
  return `${lines.join('\n')}\n`;
}
