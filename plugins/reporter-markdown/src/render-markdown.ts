import type { RunReport, TestResult } from '@atp/kernel';
import { code, formatDuration, formatPercent, formatScore, inline, table } from './markdown-text.js';

/** Options of the Markdown rendering. */
export interface MarkdownRenderOptions {
  title: string;
  maxFailures: number;
  includePassed: boolean;
}

/** Status markers, used consistently: passed, failed, attention (interrupted or flaky). */
export const MARK = { passed: '✅', failed: '❌', warning: '⚠️' } as const;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Why a test failed, in one line: the run error with its kind, else the first failed check, else the runs that failed. */
export function failureCause(test: TestResult): string {
  if (test.error) return `${test.failureKind ?? 'error'}: ${test.error}`;
  for (const evaluation of test.evaluations) {
    const check = evaluation.checks.find((c) => !c.passed);
    if (check) {
      const where = evaluation.assertion === check.name ? check.name : `${evaluation.assertion} › ${check.name}`;
      return `${where}: ${check.message ?? 'failed'}`;
    }
  }
  if (test.runs.total > 1) return `${test.runs.passed}/${test.runs.total} runs passed`;
  return 'failed';
}

function verdictLine(report: RunReport, title: string): string {
  const { total, passed, failed } = report.summary;
  const suite = inline(report.suite.name);
  if (report.summary.interrupted) return `## ${MARK.warning} ${inline(title)} · ${suite}: interrupted, ${passed} of ${plural(total, 'test')} passed`;
  if (total === 0) return `## ${MARK.failed} ${inline(title)} · ${suite}: no test ran`;
  if (report.summary.success) return `## ${MARK.passed} ${inline(title)} · ${suite}: all ${plural(total, 'test')} passed`;
  return `## ${MARK.failed} ${inline(title)} · ${suite}: ${failed} of ${plural(total, 'test')} failed`;
}

function totalsLine(report: RunReport, agents: readonly string[]): string {
  const { total, passed, failed, successRate } = report.summary;
  const flaky = report.tests.filter((t) => t.flaky).length;
  const parts = [
    `**${total}** ${total === 1 ? 'test' : 'tests'}`,
    `**${passed}** passed`,
    `**${failed}** failed`,
    ...(flaky > 0 ? [`**${flaky}** flaky`] : []),
    ...(report.notRun?.length ? [`**${report.notRun.length}** not run`] : []),
    `${formatPercent(successRate)} success`,
    plural(report.runsPerTest, 'run') + ' per test',
    formatDuration(report.durationMs),
    `${agents.length === 1 ? 'agent' : 'agents'} ${agents.map((a) => inline(a, 60)).join(', ')}`,
  ];
  return parts.join(' · ');
}

const testCell = (test: TestResult): string => `**${inline(test.testId, 80)}** ${inline(test.testName, 120)}`;

function failedSection(failed: readonly TestResult[], multiAgent: boolean, multiRun: boolean, max: number): string[] {
  if (failed.length === 0) return [];
  const lines = ['', `### Failed tests (${failed.length})`];
  const shown = failed.slice(0, max);
  if (shown.length > 0) {
    const header = ['', 'Test', ...(multiAgent ? ['Agent'] : []), 'Score', ...(multiRun ? ['Runs passed'] : []), 'Cause'];
    const align: Array<'l' | 'r'> = ['l', 'l', ...(multiAgent ? ['l' as const] : []), 'r', ...(multiRun ? ['r' as const] : []), 'l'];
    const rows = shown.map((t) => [
      t.flaky ? MARK.warning : MARK.failed,
      testCell(t),
      ...(multiAgent ? [inline(t.agent, 60)] : []),
      formatScore(t.score),
      ...(multiRun ? [`${t.runs.passed}/${t.runs.total}`] : []),
      inline(failureCause(t)),
    ]);
    lines.push('', ...table(header, align, rows));
  }
  const hidden = failed.length - shown.length;
  if (hidden > 0) lines.push('', `…and ${plural(hidden, 'more failed test')} (max\\_failures: ${max}).`);
  return lines;
}

function flakySection(flaky: readonly TestResult[], multiAgent: boolean): string[] {
  if (flaky.length === 0) return [];
  const rows = flaky.map((t) => {
    const stats = t.statistics;
    const score = stats && stats.n > 1 ? `${stats.mean.toFixed(1)} [${stats.ci95[0].toFixed(1)}–${stats.ci95[1].toFixed(1)}]` : formatScore(t.score);
    return [MARK.warning, testCell(t), ...(multiAgent ? [inline(t.agent, 60)] : []), `${t.runs.passed}/${t.runs.total}`, formatPercent(t.successRate), score];
  });
  const header = ['', 'Test', ...(multiAgent ? ['Agent'] : []), 'Runs passed', 'Pass rate', 'Mean score [95% CI]'];
  const align: Array<'l' | 'r'> = ['l', 'l', ...(multiAgent ? ['l' as const] : []), 'r', 'r', 'r'];
  return ['', `### Flaky tests (${flaky.length})`, '', ...table(header, align, rows)];
}

function agentsSection(report: RunReport, agents: readonly string[]): string[] {
  const rows = agents.map((agent) => {
    const tests = report.tests.filter((t) => t.agent === agent);
    const passed = tests.filter((t) => t.passed).length;
    const scores = tests.map((t) => t.score).filter((s): s is number => s !== null);
    const mean = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
    const mark = tests.length > 0 && passed === tests.length ? MARK.passed : MARK.failed;
    return [mark, inline(agent, 60), `${passed}/${tests.length}`, formatPercent(tests.length ? passed / tests.length : 0), formatScore(mean), String(tests.filter((t) => t.flaky).length)];
  });
  return ['', '### Agents', '', ...table(['', 'Agent', 'Passed', 'Success rate', 'Mean score', 'Flaky'], ['l', 'l', 'r', 'r', 'r', 'r'], rows)];
}

function notRunSection(report: RunReport, multiAgent: boolean, max: number): string[] {
  const notRun = report.notRun ?? [];
  if (notRun.length === 0) return [];
  const shown = notRun.slice(0, max);
  const rows = shown.map((t) => [MARK.warning, `**${inline(t.testId, 80)}** ${inline(t.testName, 120)}`, ...(multiAgent ? [inline(t.agent, 60)] : [])]);
  const lines = ['', `### Not run (${notRun.length})`, '', 'The run stopped before these tests finished a run.', '', ...table(['', 'Test', ...(multiAgent ? ['Agent'] : [])], ['l', 'l', ...(multiAgent ? ['l' as const] : [])], rows)];
  const hidden = notRun.length - shown.length;
  if (hidden > 0) lines.push('', `…and ${plural(hidden, 'more test')} not run.`);
  return lines;
}

function passedSection(passed: readonly TestResult[], multiAgent: boolean): string[] {
  if (passed.length === 0) return [];
  const rows = passed.map((t) => [MARK.passed, testCell(t), ...(multiAgent ? [inline(t.agent, 60)] : []), formatScore(t.score), formatDuration(t.durationMs)]);
  const header = ['', 'Test', ...(multiAgent ? ['Agent'] : []), 'Score', 'Duration'];
  const align: Array<'l' | 'r'> = ['l', 'l', ...(multiAgent ? ['l' as const] : []), 'r', 'r'];
  // GitHub renders Markdown inside <details> when blank lines surround it.
  return ['', '<details>', `<summary>Passed tests (${passed.length})</summary>`, '', ...table(header, align, rows), '', '</details>'];
}

/** Render the run as compact Markdown for pull-request comments and CI job summaries: a pure function of the report. */
export function renderMarkdown(report: RunReport, options: MarkdownRenderOptions): string {
  const agents = report.agents.length ? report.agents : [...new Set(report.tests.map((t) => t.agent))];
  const multiAgent = agents.length > 1;
  const multiRun = report.tests.some((t) => t.runs.total > 1);
  const lines = [verdictLine(report, options.title), '', totalsLine(report, agents)];
  if (report.error) lines.push('', `${MARK.warning} ${inline(report.error, 500)}`);
  lines.push(...failedSection(report.tests.filter((t) => !t.passed), multiAgent, multiRun, options.maxFailures));
  lines.push(...flakySection(report.tests.filter((t) => t.flaky), multiAgent));
  lines.push(...notRunSection(report, multiAgent, options.maxFailures));
  if (multiAgent) lines.push(...agentsSection(report, agents));
  if (options.includePassed) lines.push(...passedSection(report.tests.filter((t) => t.passed), multiAgent));
  const file = report.suite.file ? ` · suite ${code(report.suite.file)}` : '';
  lines.push('', `<sub>Run ${code(report.runId)}${file} · ${inline(report.startedAt, 40)}</sub>`, '');
  return lines.join('\n');
}
