import { afterEach, describe, expect, it, vi } from 'vitest';
import { ATPRequestSchema, createHooks, tapOnlyHooks, validatePlugin } from '@atp/kernel';
import type { JobInfo, JobResult, KernelHooks, PlanTest, ReporterEntry, ReporterModule, RunStartInfo, TestResult } from '@atp/kernel';
import plugin from '../src/index.js';
import { consoleReporterConfigSchema } from '../src/config.js';
import { createConsoleReporter, progressMode, type ProgressStream } from '../src/console-reporter.js';
import { renderSummary } from '../src/render-summary.js';
import { adapterError, captureInit, check, evaluation, failingAssertion, passing, smokeReport, timedOut } from '@atp/testkit/reports';

const ESC = '\u001b';
const CLEAR = `\r${ESC}[2K`;

/** A progress stream that records every write. */
function fakeStream(isTTY: boolean, columns = 120): ProgressStream & { writes: string[] } {
  const writes: string[] = [];
  return { isTTY, columns, writes, write: (text: string) => void writes.push(text) };
}

function planTest(id: string, name: string): PlanTest {
  return {
    id,
    name,
    tags: [],
    task: { description: name, input_data: null, expected_artifacts: null },
    constraints: {},
    timeoutMs: 300_000,
    assertions: [],
    scoring: { quality_weight: 0.4, completeness_weight: 0.3, efficiency_weight: 0.2, cost_weight: 0.1 },
    runs: 1,
    agents: [],
  };
}

const smokeTests = [passing, failingAssertion, timedOut, adapterError];
const plan: RunStartInfo['plan'] = {
  planVersion: 1,
  suite: { name: 'file_agent_smoke', version: '1.0' },
  agents: [{ name: 'demo-agent', adapter: 'cli', config: {} }],
  tests: smokeTests.map((t) => planTest(t.testId, t.testName)),
  jobs: smokeTests.map((t) => ({ id: `${t.testId}::demo-agent::1`, testId: t.testId, agent: 'demo-agent', run: 1 })),
};
const runStart: RunStartInfo = { runId: 'run-1', plan, jobs: plan.jobs, pendingJobs: 4, totalJobs: 4, parallel: 2, startedAt: '2026-01-05T10:00:00.000Z', control: { stop: () => undefined, stopped: false } };

function jobInfo(test: TestResult): JobInfo {
  const planned = plan.tests.find((t) => t.id === test.testId)!;
  return {
    runId: 'run-1',
    job: { id: `${test.testId}::demo-agent::1`, testId: test.testId, agent: 'demo-agent', run: 1 },
    test: planned,
    request: ATPRequestSchema.parse({ version: '1.0', task_id: `${test.testId}-1`, task: { description: test.testName } }),
  };
}

function jobResult(test: TestResult): JobResult {
  return {
    jobId: `${test.testId}::demo-agent::1`,
    testId: test.testId,
    agent: 'demo-agent',
    run: 1,
    taskId: `${test.testId}-1`,
    status: test.status,
    ...(test.error ? { error: test.error } : {}),
    ...(test.failureKind ? { failureKind: test.failureKind } : {}),
    startedAt: '2026-01-05T10:00:00.000Z',
    durationMs: test.durationMs,
    attempts: 1,
    response: { status: test.status, metrics: null, error: test.error ?? null, trace_id: null, artifactCount: 0 },
    eventCount: 0,
    evaluations: test.evaluations,
    score: test.score,
    passed: test.passed,
  };
}

/** Kernel hooks as the runner has them, and the tap-only view a reporter gets. */
function hooksForTest(): { hooks: Readonly<KernelHooks>; view: ReturnType<typeof tapOnlyHooks> } {
  const hooks = createHooks();
  return { hooks, view: tapOnlyHooks(hooks, '@atp/reporter-console') };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('progressMode', () => {
  it('is live only when stdout and the progress stream are terminals', () => {
    const on = { progress: true };
    expect(progressMode(on, { isTTY: true }, fakeStream(true))).toBe('live');
    expect(progressMode(on, { isTTY: true }, fakeStream(false))).toBe('plain');
    expect(progressMode(on, { isTTY: false }, fakeStream(true))).toBe('plain');
    expect(progressMode({ progress: false }, { isTTY: true }, fakeStream(true))).toBe('off');
  });
});

describe('console reporter off a terminal (CI)', () => {
  it('prints one plain line per finished test, without ANSI codes even when colour is on, then the summary', async () => {
    const stream = fakeStream(false);
    const init = captureInit({ isTTY: false, color: true });
    const reporter = createConsoleReporter({ progress: true }, init, { stream, now: () => 0, tickMs: 0 });
    const { hooks, view } = hooksForTest();
    reporter.apply?.(view);

    await hooks.runStart.promise(runStart);
    for (const test of smokeTests) {
      await hooks.jobStart.promise(jobInfo(test));
      await hooks.evaluated.promise(jobResult(test));
      await hooks.testEnd.promise(test);
    }
    await hooks.runEnd.promise(smokeReport);
    await reporter.finish(smokeReport);

    expect(stream.writes).toEqual([
      '[1/4] ✓ Create greeting file            95.0/100  [1.2s]\n',
      '[2/4] ✗ Read missing file               40.0/100  [812ms]\n',
      '[3/4] ✗ Slow task                       no score  [1.0s]\n',
      '[4/4] ✗ Unreachable agent               no score  [15ms]\n',
    ]);
    expect(init.output).toEqual([`\n${renderSummary(smokeReport, { color: true, verbose: false })}`]);
  });

  it('prints the evidence of failed checks in the final summary, masked as the evaluator gave it', async () => {
    const failing = { ...failingAssertion, evaluations: [evaluation('leak', 'security', [check('secret_leak', false, '1 high finding: API key', { evidence: 'key=sk-***\nnext' })])] };
    const report = { ...smokeReport, tests: [failing] };
    for (const verbose of [false, true]) {
      const init = captureInit({ isTTY: false, verbose });
      const reporter = createConsoleReporter({ progress: false }, init, { stream: fakeStream(false), now: () => 0, tickMs: 0 });
      await reporter.finish(report);
      expect(init.output.join('')).toContain('      - leak: secret_leak: 1 high finding: API key\n          evidence: key=sk-***\\nnext\n');
    }
  });

  it('counts and labels the jobs this run has, not every job of the plan (--agent picked one of two)', async () => {
    const stream = fakeStream(false);
    const reporter = createConsoleReporter({ progress: true }, captureInit({ isTTY: false }), { stream, now: () => 0, tickMs: 0 });
    const { hooks, view } = hooksForTest();
    reporter.apply?.(view);
    const twoAgents = { ...plan, jobs: plan.jobs.flatMap((j) => [j, { ...j, id: j.id.replace('demo-agent', 'other'), agent: 'other' }]) };
    await hooks.runStart.promise({ ...runStart, plan: twoAgents, jobs: plan.jobs });
    const [first] = smokeTests;
    await hooks.jobStart.promise(jobInfo(first!));
    await hooks.evaluated.promise(jobResult(first!));
    await hooks.testEnd.promise(first!);
    expect(stream.writes[0]).toMatch(/^\[1\/4\] ✓ Create greeting file /);
    expect(stream.writes[0]).not.toContain('demo-agent');
  });

  it('prints only the summary with progress off', async () => {
    const stream = fakeStream(false);
    const init = captureInit();
    const reporter = createConsoleReporter({ progress: false }, init, { stream, tickMs: 0 });
    const { hooks, view } = hooksForTest();
    reporter.apply?.(view);
    await hooks.runStart.promise(runStart);
    await hooks.testEnd.promise(passing);
    await reporter.finish(smokeReport);
    expect(stream.writes).toEqual([]);
    expect(init.output).toEqual([renderSummary(smokeReport, { color: false, verbose: false })]);
  });
});

describe('console reporter on a terminal', () => {
  it('redraws one progress line in place and prints finished tests above it', async () => {
    let clock = 1_000_000;
    const stream = fakeStream(true, 121);
    const init = captureInit({ isTTY: true, color: false });
    const reporter = createConsoleReporter({ progress: true }, init, { stream, now: () => clock, tickMs: 0 });
    const { hooks, view } = hooksForTest();
    reporter.apply?.(view);

    await hooks.runStart.promise(runStart);
    await hooks.jobStart.promise(jobInfo(passing));
    clock += 2_000;
    await hooks.jobStart.promise(jobInfo(failingAssertion));
    clock += 2_000;
    await hooks.evaluated.promise(jobResult(passing));
    await hooks.testEnd.promise(passing);
    clock += 1_000;
    await hooks.evaluated.promise(jobResult(failingAssertion));
    await hooks.testEnd.promise(failingAssertion);
    await hooks.runEnd.promise(smokeReport);

    expect(stream.writes).toEqual([
      `${CLEAR}0/4 jobs · 0 passed · 0 failed · 0:00 elapsed · ETA –`,
      `${CLEAR}0/4 jobs · 0 passed · 0 failed · 0:00 elapsed · ETA – · running: Create greeting file`,
      `${CLEAR}0/4 jobs · 0 passed · 0 failed · 0:02 elapsed · ETA – · running: Create greeting file, Read missing file`,
      `${CLEAR}1/4 jobs · 1 passed · 0 failed · 0:04 elapsed · ETA 0:12 · running: Read missing file`,
      CLEAR,
      '  ✓ Create greeting file            95.0/100  [1.2s]\n',
      `${CLEAR}1/4 jobs · 1 passed · 0 failed · 0:04 elapsed · ETA 0:12 · running: Read missing file`,
      `${CLEAR}2/4 jobs · 1 passed · 1 failed · 0:05 elapsed · ETA 0:05`,
      CLEAR,
      '  ✗ Read missing file               40.0/100  [812ms]\n',
      `${CLEAR}2/4 jobs · 1 passed · 1 failed · 0:05 elapsed · ETA 0:05`,
      CLEAR,
    ]);

    await reporter.finish(smokeReport);
    expect(stream.writes).toHaveLength(12);
    expect(init.output).toEqual([`\n${renderSummary(smokeReport, { color: false, verbose: false })}`]);
  });

  it('colours the live line when colour is on and cuts it to the terminal width', async () => {
    const stream = fakeStream(true, 30);
    const reporter = createConsoleReporter({ progress: true }, captureInit({ isTTY: true, color: true }), { stream, now: () => 0, tickMs: 0 });
    const { hooks, view } = hooksForTest();
    reporter.apply?.(view);
    await hooks.runStart.promise(runStart);
    await hooks.jobStart.promise(jobInfo(passing));
    await hooks.evaluated.promise(jobResult(passing));
    const last = stream.writes.at(-1)!;
    // eslint-disable-next-line no-control-regex -- removing the colour codes we just wrote
    const visible = last.slice(CLEAR.length).replace(/\u001b\[\d+m/g, '');
    expect(visible).toBe('1/4 jobs · 1 passed · 0 fail…');
    expect(visible).toHaveLength(29);
    expect(last).toContain(`${ESC}[1m1/4 jobs${ESC}[22m`);
    expect(last).toContain(`${ESC}[32m1 passed${ESC}[39m`);
    await hooks.runEnd.promise(smokeReport);
  });

  it('falls back to 80 columns when the terminal reports no width', async () => {
    const stream = fakeStream(true, 0);
    const reporter = createConsoleReporter({ progress: true }, captureInit({ isTTY: true }), { stream, now: () => 0, tickMs: 0 });
    const { hooks, view } = hooksForTest();
    reporter.apply?.(view);
    await hooks.runStart.promise(runStart);
    await hooks.jobStart.promise(jobInfo(passing));
    expect(stream.writes.at(-1)).toBe(`${CLEAR}0/4 jobs · 0 passed · 0 failed · 0:00 elapsed · ETA – · running: Create greeti…`);
    expect(stream.writes.at(-1)!.length - CLEAR.length).toBe(79);
    await hooks.runEnd.promise(smokeReport);
  });

  it('shows several runs of one test once, with a count', async () => {
    const stream = fakeStream(true);
    const reporter = createConsoleReporter({ progress: true }, captureInit({ isTTY: true }), { stream, now: () => 0, tickMs: 0 });
    const { hooks, view } = hooksForTest();
    reporter.apply?.(view);
    await hooks.runStart.promise({ ...runStart, pendingJobs: 3 });
    for (const run of [1, 2, 3]) {
      const info = jobInfo(passing);
      await hooks.jobStart.promise({ ...info, job: { ...info.job, id: `fa-001::demo-agent::${run}`, run } });
    }
    expect(stream.writes.at(-1)).toBe(`${CLEAR}0/3 jobs · 0 passed · 0 failed · 0:00 elapsed · ETA – · running: Create greeting file ×3`);
    await hooks.runEnd.promise(smokeReport);
  });

  it('redraws the clock on a timer until the run ends', async () => {
    vi.useFakeTimers();
    let clock = 0;
    const stream = fakeStream(true);
    const reporter = createConsoleReporter({ progress: true }, captureInit({ isTTY: true }), { stream, now: () => clock, tickMs: 1000 });
    const { hooks, view } = hooksForTest();
    reporter.apply?.(view);
    await hooks.runStart.promise(runStart);
    clock = 61_000;
    vi.advanceTimersByTime(1000);
    expect(stream.writes.at(-1)).toBe(`${CLEAR}0/4 jobs · 0 passed · 0 failed · 1:01 elapsed · ETA –`);
    await hooks.runEnd.promise(smokeReport);
    const count = stream.writes.length;
    vi.advanceTimersByTime(5000);
    expect(stream.writes).toHaveLength(count);
    expect(stream.writes.at(-1)).toBe(CLEAR);
  });

  it('clears the live line before the summary even when runEnd never fired', async () => {
    const stream = fakeStream(true);
    const init = captureInit({ isTTY: true });
    const reporter = createConsoleReporter({ progress: true }, init, { stream, now: () => 0, tickMs: 1000 });
    const { hooks, view } = hooksForTest();
    reporter.apply?.(view);
    await hooks.runStart.promise(runStart);
    await reporter.finish(smokeReport);
    expect(stream.writes.at(-1)).toBe(CLEAR);
    expect(init.output).toEqual([renderSummary(smokeReport, { color: false, verbose: false })]);
  });

  it('survives a progress stream that throws', async () => {
    const stream: ProgressStream = {
      isTTY: true,
      write: () => {
        throw new Error('EPIPE');
      },
    };
    const init = captureInit({ isTTY: true });
    const reporter = createConsoleReporter({ progress: true }, init, { stream, now: () => 0, tickMs: 0 });
    const { hooks, view } = hooksForTest();
    reporter.apply?.(view);
    await hooks.runStart.promise(runStart);
    await hooks.testEnd.promise(passing);
    await hooks.runEnd.promise(smokeReport);
    await reporter.finish(smokeReport);
    expect(init.output).toHaveLength(1);
  });
});

describe('@atp/reporter-console plugin', () => {
  it('is a valid plugin registering the console reporter', async () => {
    expect(validatePlugin(plugin, '@atp/reporter-console')).toBe(plugin);
    expect(plugin.reporters.map((r) => r.name)).toEqual(['console']);
    const entry: ReporterEntry = plugin.reporters[0]!;
    const loaded = await entry.load();
    const module: ReporterModule = 'default' in loaded ? loaded.default : loaded;
    const init = captureInit({ verbose: true });
    module.createReporter({}, init).finish(smokeReport);
    expect(init.output).toEqual([renderSummary(smokeReport, { color: false, verbose: true })]);
  });

  it('has a strict config schema', () => {
    expect(consoleReporterConfigSchema.parse({})).toEqual({ progress: true });
    expect(consoleReporterConfigSchema.safeParse({ spinner: true }).success).toBe(false);
  });
});
