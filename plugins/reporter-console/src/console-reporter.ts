import { STAGE_REPORT } from '@atp/kernel';
import type { JobInfo, JobResult, Reporter, ReporterInit, RunReport, RunStartInfo, TapOnlyHooks, TestResult } from '@atp/kernel';
import { consoleReporterConfigSchema, type ConsoleReporterConfig } from './config.js';
import { testLabel } from './format.js';
import { renderProgressLine, type ProgressState } from './progress.js';
import { nameWidthFor, renderSummary, renderTestLine, type TestLineContext } from './render-summary.js';

/** Where live progress goes (process.stderr in the CLI). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  /** Terminal width; the live line is cut to fit so `\r` can redraw it. */
  columns?: number;
}

/** Seams for tests: the progress stream, the clock and the redraw interval. */
export interface ConsoleReporterOptions {
  stream?: ProgressStream;
  now?: () => number;
  /** Milliseconds between redraws of the clock on the live line; 0 disables the timer. */
  tickMs?: number;
}

/** How progress is shown: redrawn in place, one plain line per finished test, or not at all. */
export type ProgressMode = 'live' | 'plain' | 'off';

const CLEAR_LINE = '\r\u001b[2K';
const DEFAULT_COLUMNS = 80;
const MIN_COLUMNS = 20;

/** Pick the progress mode: live only when stdout is a terminal and the progress stream is one too. */
export function progressMode(config: ConsoleReporterConfig, init: Pick<ReporterInit, 'isTTY'>, stream: ProgressStream): ProgressMode {
  if (!config.progress) return 'off';
  return init.isTTY && stream.isTTY === true ? 'live' : 'plain';
}

/** Create the console reporter with explicit seams (the module's `createReporter` uses the process's). */
export function createConsoleReporter(config: ConsoleReporterConfig, init: ReporterInit, options: ConsoleReporterOptions = {}): Reporter {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const tickMs = options.tickMs ?? 1000;
  const mode = progressMode(config, init, stream);
  // Plain lines end up in CI logs and files: no ANSI codes there, whatever the colour setting.
  const lineColor = mode === 'live' && init.color;

  let lineContext: TestLineContext = { color: lineColor, multiAgent: false, nameWidth: 30 };
  let state: ProgressState | undefined;
  let drawn = false;
  let printedTests = false;
  let testsTotal = 0;
  let testsDone = 0;
  let timer: ReturnType<typeof setInterval> | undefined;

  const write = (text: string): void => {
    try {
      stream.write(text);
    } catch {
      // A closed stderr (EPIPE) must not fail the run: progress is a courtesy.
    }
  };
  const draw = (): void => {
    if (mode !== 'live' || !state) return;
    // A pseudo-terminal without a size reports 0 columns: fall back rather than print nothing.
    const columns = stream.columns !== undefined && stream.columns >= MIN_COLUMNS ? stream.columns : DEFAULT_COLUMNS;
    // One column short of the width, so the cursor never wraps and `\r` keeps redrawing one line.
    const width = columns - 1;
    write(CLEAR_LINE + renderProgressLine(state, now(), { color: init.color, width }));
    drawn = true;
  };
  const clear = (): void => {
    if (drawn) write(CLEAR_LINE);
    drawn = false;
  };
  const stop = (): void => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
    clear();
    state = undefined;
  };

  const onRunStart = (info: RunStartInfo): void => {
    const names = new Map(info.plan.tests.map((t) => [t.id, t.name]));
    const agents = new Set(info.jobs.map((job) => job.agent));
    const multiAgent = agents.size > 1;
    const labels = new Set(info.jobs.map((job) => testLabel(names.get(job.testId) ?? job.testId, job.agent, multiAgent)));
    lineContext = { color: lineColor, multiAgent, nameWidth: nameWidthFor([...labels]) };
    testsTotal = new Set(info.jobs.map((job) => `${job.testId}\u0000${job.agent}`)).size;
    if (mode !== 'live') return;
    state = { total: info.pendingJobs, done: 0, passed: 0, failed: 0, startedAt: now(), running: [] };
    draw();
    if (tickMs > 0) {
      timer = setInterval(draw, tickMs);
      // The clock must never keep the process alive.
      timer.unref?.();
    }
  };
  const onJobStart = (info: JobInfo): void => {
    if (!state) return;
    state.running.push({ jobId: info.job.id, label: testLabel(info.test.name, info.job.agent, lineContext.multiAgent) });
    draw();
  };
  const onEvaluated = (result: JobResult): void => {
    if (!state) return;
    state.running = state.running.filter((job) => job.jobId !== result.jobId);
    state.done += 1;
    if (result.passed) state.passed += 1;
    else state.failed += 1;
    draw();
  };
  const onTestEnd = (test: TestResult): void => {
    const line = renderTestLine(test, lineContext);
    printedTests = true;
    if (mode === 'live') {
      clear();
      write(`${line}\n`);
      draw();
    } else {
      // Plain progress lines are numbered so a CI log that merges stderr and stdout tells them from the summary.
      testsDone += 1;
      write(`[${String(testsDone).padStart(String(testsTotal).length)}/${testsTotal}] ${line.trimStart()}\n`);
    }
  };

  return {
    apply(hooks: TapOnlyHooks): void {
      if (mode === 'off') return;
      const options = { stage: STAGE_REPORT };
      hooks.runStart.tap(options, onRunStart);
      hooks.testEnd.tap(options, onTestEnd);
      hooks.runEnd.tap(options, stop);
      if (mode === 'live') {
        hooks.jobStart.tap(options, onJobStart);
        hooks.evaluated.tap(options, onEvaluated);
      }
    },
    finish(report: RunReport): void {
      stop();
      const summary = renderSummary(report, { color: init.color, verbose: init.verbose });
      init.write(printedTests && !init.outputFile ? `\n${summary}` : summary);
    },
  };
}

/** Create the console reporter: live progress on stderr when it is a terminal, the summary through `init.write`. */
export function createReporter(config: ConsoleReporterConfig, init: ReporterInit): Reporter {
  return createConsoleReporter(consoleReporterConfigSchema.parse(config ?? {}), init);
}
