import { getEventListeners } from 'node:events';
import { mkdtempSync, readFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AdapterError,
  Kernel,
  definePlugin,
  expandJobs,
  runPlan,
  DEFAULT_WEIGHTS,
  type ATPRequest,
  type ATPResponse,
  type Plan,
  type PlanTest,
  type AdapterCallContext,
  type RunTiming,
} from '../src/index.js';

type Behaviour = (req: ATPRequest, ctx: AdapterCallContext, n: number) => Promise<ATPResponse>;

const ok = (req: ATPRequest, extra: Partial<ATPResponse> = {}): ATPResponse =>
  ({ version: '1.0', task_id: req.task_id, status: 'completed', artifacts: [{ type: 'file', path: 'out.txt', content: 'hello' }], metrics: null, error: null, trace_id: null, ...extra }) as ATPResponse;
const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((res, rej) => {
    const t = setTimeout(res, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), rej(new Error('aborted'))));
  });

/** A kernel with an in-process adapter whose behaviour is picked by the task description, and a `has_text` evaluator. */
async function setup(behaviours: Record<string, Behaviour>, cwd = mkdtempSync(join(tmpdir(), 'atp-runner-')), adapterExtra: { maxConcurrency?: number } = {}) {
  const kernel = new Kernel({ config: { cwd, plugins: [], usingDefaultPreset: false, agents: {}, defaults: { runs_dir: '.atp/runs', parallel: 1, retries: 0, fail_fast: false, sandbox: false }, reporters: {}, settings: {} } });
  const calls = new Map<string, number>();
  const timings: Array<RunTiming | undefined> = [];
  let inFlight = 0;
  const stats = { maxInFlight: 0 };
  await kernel.use(
    definePlugin({
      name: 'test-plugins',
      apiVersion: 1,
      adapters: [
        {
          name: 'fake',
          description: 'in-process fake',
          load: async () => ({
            createAdapter: () => ({
              ...adapterExtra,
              run: async (req: ATPRequest, ctx: AdapterCallContext) => {
                const key = req.task.description;
                const n = (calls.get(key) ?? 0) + 1;
                calls.set(key, n);
                inFlight++;
                stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
                try {
                  return await behaviours[key]!(req, ctx, n);
                } finally {
                  inFlight--;
                }
              },
            }),
          }),
        },
      ],
      evaluators: [
        {
          name: 'has_text',
          description: 'artifact contains text',
          load: async () => ({
            createEvaluator: () => ({
              evaluate: ({ assertion, response }) => {
                const text = String((assertion.config as { text: string }).text);
                const found = response.artifacts.some((a) => a.type === 'file' && (a.content ?? '').includes(text));
                return { checks: [{ name: 'has_text', passed: found, score: found ? 1 : 0, message: found ? 'found' : `"${text}" not found` }] };
              },
            }),
          }),
        },
        { name: 'crashes', description: 'throws', load: async () => ({ createEvaluator: () => ({ evaluate: () => { throw new Error('kaboom'); } }) }) },
        {
          name: 'timed',
          description: 'records the timing it is given',
          load: async () => ({
            createEvaluator: () => ({
              evaluate: ({ timing }) => {
                timings.push(timing);
                return { checks: [{ name: 'timed', passed: true, score: 1, message: 'ok' }] };
              },
            }),
          }),
        },
      ],
    }),
  );
  return { kernel, calls, stats, cwd, timings };
}

function test(id: string, extra: Partial<PlanTest> = {}): PlanTest {
  return {
    id,
    name: `test ${id}`,
    tags: [],
    task: { description: id, input_data: null, expected_artifacts: null },
    constraints: {},
    timeoutMs: 5000,
    assertions: [{ id: 'has_text', type: 'has_text', config: { text: 'hello' }, critical: false }],
    scoring: DEFAULT_WEIGHTS,
    runs: 1,
    agents: [],
    ...extra,
  };
}

function plan(tests: PlanTest[]): Plan {
  return { planVersion: 1, suite: { name: 'suite', version: '1.0' }, agents: [{ name: 'fake-agent', adapter: 'fake', config: {} }], tests, jobs: expandJobs(tests, [], 'fake-agent') };
}

describe('runPlan', () => {
  it('runs with bounded concurrency and fires hooks in order', async () => {
    const tests = ['a', 'b', 'c', 'd', 'e'].map((id) => test(id));
    const behaviours = Object.fromEntries(tests.map((t) => [t.id, async (req: ATPRequest, ctx: AdapterCallContext) => {
      ctx.emit({ version: '1.0', task_id: req.task_id, timestamp: new Date().toISOString(), sequence: 0, event_type: 'progress', payload: {} });
      await sleep(30);
      return ok(req);
    }])) as Record<string, Behaviour>;
    const { kernel, stats } = await setup(behaviours);
    const seen: string[] = [];
    for (const h of ['runStart', 'jobStart', 'jobEnd', 'evaluated', 'testEnd', 'runEnd'] as const) {
      (kernel.hooks[h] as unknown as { tap(n: string, f: () => void): void }).tap('spy', () => void seen.push(h));
    }
    kernel.hooks.event.tap('spy', () => void seen.push('event'));
    const report = await runPlan(kernel, plan(tests), { parallel: 2, journal: false });
    expect(stats.maxInFlight).toBe(2);
    expect(report.summary).toEqual({ total: 5, passed: 5, failed: 0, successRate: 1, success: true, interrupted: false });
    expect(report.tests.map((t) => t.testId)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(seen[0]).toBe('runStart');
    expect(seen.at(-1)).toBe('runEnd');
    expect(seen.filter((s) => s === 'event')).toHaveLength(5);
    const firstJob = seen.slice(seen.indexOf('jobStart'));
    expect(firstJob.indexOf('event')).toBeLessThan(firstJob.indexOf('jobEnd'));
    expect(firstJob.indexOf('jobEnd')).toBeLessThan(firstJob.indexOf('evaluated'));
    expect(firstJob.indexOf('evaluated')).toBeLessThan(firstJob.indexOf('testEnd'));
  });

  it('times out a hanging agent (even one that ignores the signal) and keeps going', async () => {
    const { kernel } = await setup({
      hang: () => new Promise(() => undefined),
      fine: async (req) => ok(req),
    });
    const report = await runPlan(kernel, plan([test('hang', { timeoutMs: 200 }), test('fine')]), { journal: false });
    const [hang, fine] = report.tests;
    expect(hang).toMatchObject({ passed: false, status: 'timeout', error: 'Test execution timed out after 0.2s', failureKind: 'timeout', evaluations: [] });
    expect(fine).toMatchObject({ passed: true, status: 'completed' });
    expect(report.summary.success).toBe(false);
  });

  it('retries retryable adapter errors, then records the failure precisely', async () => {
    const { kernel, calls } = await setup({
      flaky: async (req, _c, n) => {
        if (n < 3) throw new AdapterError('connection', 'cannot connect: connection refused');
        return ok(req);
      },
      down: async () => {
        throw new AdapterError('connection', 'cannot connect to http://127.0.0.1:9/: connection refused');
      },
      garbage: async () => {
        throw new AdapterError('protocol', 'agent wrote non-JSON to stdout');
      },
    });
    const report = await runPlan(kernel, plan([test('flaky'), test('down'), test('garbage')]), { retries: 2, retryDelayMs: 1, journal: false });
    expect(calls.get('flaky')).toBe(3);
    expect(report.tests[0]).toMatchObject({ passed: true });
    expect(calls.get('down')).toBe(3);
    expect(report.tests[1]).toMatchObject({ passed: false, status: 'failed', failureKind: 'adapter', error: 'Adapter error: cannot connect to http://127.0.0.1:9/: connection refused' });
    expect(calls.get('garbage')).toBe(1);
    expect(report.tests[2]).toMatchObject({ failureKind: 'protocol', error: 'Adapter error: agent wrote non-JSON to stdout' });
  });

  it('evaluates every run and reports statistics, pass^k and flakiness', async () => {
    const { kernel } = await setup({
      sometimes: async (req, _c, n) => ok(req, n % 2 === 0 ? { artifacts: [] } : {}),
    });
    const report = await runPlan(kernel, plan([test('sometimes', { runs: 4 })]), { journal: false });
    const t = report.tests[0]!;
    expect(t.runs).toEqual({ total: 4, successful: 4, passed: 2 });
    expect(t.runResults.map((r) => r.passed)).toEqual([true, false, true, false]);
    expect(t.flaky).toBe(true);
    expect(t.passed).toBe(false);
    expect(t.successRate).toBe(0.5);
    expect(t.passHatK).toBe(0);
    expect(t.statistics).toMatchObject({ n: 4, mean: 65, min: 30, max: 100 });
  });

  it("starts no more jobs for an agent than its adapter's maxConcurrency; waiting does not count against the timeout", async () => {
    const tests = ['a', 'b', 'c', 'd'].map((id) => test(id, { timeoutMs: 250 }));
    const slow: Behaviour = async (req) => {
      await sleep(150);
      return ok(req);
    };
    const { kernel, stats } = await setup(Object.fromEntries(tests.map((t) => [t.id, slow])), undefined, { maxConcurrency: 1 });
    const report = await runPlan(kernel, plan(tests), { parallel: 4, journal: false });
    expect(stats.maxInFlight).toBe(1);
    expect(report.tests.map((t) => [t.testId, t.passed])).toEqual([['a', true], ['b', true], ['c', true], ['d', true]]);

    const unbounded = await setup(Object.fromEntries(tests.map((t) => [t.id, slow])));
    await runPlan(unbounded.kernel, plan(tests), { parallel: 4, journal: false });
    expect(unbounded.stats.maxInFlight).toBe(4);
  });

  it('a Ctrl-C while jobs wait for a busy agent stops them without running them', async () => {
    const controller = new AbortController();
    const tests = ['a', 'b', 'c'].map((id) => test(id));
    const { kernel, calls } = await setup(
      Object.fromEntries(tests.map((t) => [t.id, async (req: ATPRequest, ctx: AdapterCallContext) => {
        setTimeout(() => controller.abort(), 20);
        await sleep(5000, ctx.signal);
        return ok(req);
      }])) as Record<string, Behaviour>,
      undefined,
      { maxConcurrency: 1 },
    );
    const report = await runPlan(kernel, plan(tests), { parallel: 3, journal: false, signal: controller.signal });
    expect([...calls.keys()]).toEqual(['a']);
    expect(report.summary.interrupted).toBe(true);
    expect(report.notRun?.map((t) => t.testId)).toEqual(['a', 'b', 'c']);
  });

  it('a run that timed out scores 0 and counts in the mean and statistics (a hang never beats a wrong answer)', async () => {
    const { kernel } = await setup({
      third: async (req, ctx, n) => {
        if (n === 3) await new Promise(() => undefined);
        return ok(req);
      },
    });
    const report = await runPlan(kernel, plan([test('third', { runs: 4, timeoutMs: 200 })]), { journal: false });
    const t = report.tests[0]!;
    expect(t.runResults.map((r) => r.score)).toEqual([100, 100, 0, 100]);
    expect(t.score).toBe(75);
    expect(t.statistics).toMatchObject({ n: 4, mean: 75, min: 0 });
    expect(t).toMatchObject({ passed: false, status: 'timeout', failureKind: 'timeout' });
  });

  it('keeps the credentials of the agent config out of results, hooks and the journal, even when the agent echoes them', async () => {
    const token = 'tok_SUPERSECRET_123';
    const { kernel, cwd } = await setup({
      echo: async (req, ctx) => {
        ctx.emit({ version: '1.0', task_id: req.task_id, timestamp: new Date().toISOString(), sequence: 0, event_type: 'error', payload: { message: `rejected Bearer ${token}` } });
        return ok(req, { status: 'failed', error: `auth failed for Bearer ${token} (${encodeURIComponent('k3y/with+plus')})` });
      },
    });
    const p = plan([test('echo')]);
    p.agents[0]!.config = { headers: { Authorization: `Bearer ${token}`, 'X-Api-Key': 'k3y/with+plus' } };
    const seen: string[] = [];
    kernel.hooks.event.tap('spy', (event) => void seen.push(JSON.stringify(event)));
    kernel.hooks.jobEnd.tap('spy', (end) => void seen.push(JSON.stringify(end.response), JSON.stringify(end.events)));
    const report = await runPlan(kernel, p, {});
    expect(report.tests[0]!.error).toBe('auth failed for *** (***)');
    const journal = readFileSync(join(cwd, '.atp/runs', report.runId, 'jobs.jsonl'), 'utf8');
    for (const text of [journal, JSON.stringify(report), ...seen]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain('k3y');
    }
    expect(seen.some((t) => t.includes('rejected ***'))).toBe(true);
  });

  it('a reporter that fails does not stop the others; the failure is an ATP_REPORTER error afterwards', async () => {
    const { kernel } = await setup({ a: async (req) => ok(req) });
    const finished: string[] = [];
    const reporters = [
      { name: 'broken', plugin: 'p', reporter: { finish: () => Promise.reject(new Error('EACCES: permission denied')) } },
      { name: 'fine', plugin: 'p', reporter: { finish: async () => void finished.push('fine') } },
    ];
    const error = await runPlan(kernel, plan([test('a')]), { journal: false, reporters }).catch((e: unknown) => e);
    expect(finished).toEqual(['fine']);
    expect(error).toMatchObject({ exitCode: 2, diagnostics: [{ code: 'ATP_REPORTER', message: 'reporter "broken" could not write its report: EACCES: permission denied' }] });
  });

  it('never redacts ids: a test whose id contains a credential still runs and is reported under its id', async () => {
    const { kernel } = await setup({ 'key-abcdef123': async (req) => ok(req, { status: 'failed', error: 'bad key-abcdef123' }) });
    const p = plan([test('key-abcdef123')]);
    p.agents[0]!.config = { api_key: 'key-abcdef123' };
    const report = await runPlan(kernel, p, { journal: false });
    expect(report.tests.map((t) => [t.testId, t.error])).toEqual([['key-abcdef123', 'bad ***']]);
  });

  it('names the status when an agent fails without an error message', async () => {
    const { kernel } = await setup({ quiet: async (req) => ok(req, { status: 'failed' }) });
    const report = await runPlan(kernel, plan([test('quiet')]), { journal: false });
    expect(report.tests[0]).toMatchObject({ passed: false, failureKind: 'agent', error: 'the agent answered with status "failed" and no error message' });
  });

  it('stops starting jobs after the first failure with --fail-fast', async () => {
    const { kernel, calls } = await setup({ one: async (req) => ok(req, { artifacts: [] }), two: async (req) => ok(req) });
    const report = await runPlan(kernel, plan([test('one'), test('two')]), { failFast: true, journal: false });
    expect(calls.get('two')).toBeUndefined();
    expect(report.tests.map((t) => t.testId)).toEqual(['one']);
    expect(report.error).toBe('stopped after the first failure (--fail-fast)');
    expect(report.notRun).toEqual([{ testId: 'two', testName: 'test two', agent: 'fake-agent', tags: [] }]);
  });

  it('fails an over-budget run and turns evaluator crashes into failed checks', async () => {
    const { kernel } = await setup({ pricey: async (req) => ok(req, { metrics: { cost_usd: 0.5 } }), crash: async (req) => ok(req) });
    const report = await runPlan(
      kernel,
      plan([test('pricey', { constraints: { budget_usd: 0.1 } }), test('crash', { assertions: [{ id: 'crashes', type: 'crashes', config: {}, critical: false }] })]),
      { journal: false },
    );
    expect(report.tests[0]).toMatchObject({ passed: false, failureKind: 'budget', error: "cost $0.5 exceeds the test's budget of $0.1" });
    expect(report.tests[1]!.evaluations[0]).toEqual({
      assertion: 'crashes', type: 'crashes', passed: false, score: 0, critical: false,
      checks: [{ name: 'evaluator_error', passed: false, score: 0, message: 'evaluator "crashes" failed: kaboom' }],
    });
  });

  it('journals each job and resumes only what is missing (a truncated last line reruns)', async () => {
    const { kernel, calls, cwd } = await setup({ a: async (req) => ok(req), b: async (req) => ok(req), c: async (req) => ok(req) });
    const p = plan([test('a'), test('b'), test('c')]);
    const first = await runPlan(kernel, p);
    const file = join(cwd, '.atp/runs', first.runId, 'jobs.jsonl');
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { jobId: string }).jobId)).toEqual(['a::fake-agent::1', 'b::fake-agent::1', 'c::fake-agent::1']);
    // Simulate a kill -9 after job a, in the middle of writing job b.
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, lines[0] + '\n');
    appendFileSync(file, lines[1]!.slice(0, 40));
    calls.clear();
    const resumed = await runPlan(kernel, p, { resume: first.runId });
    expect([...calls.keys()]).toEqual(['b', 'c']);
    expect(resumed.tests.map((t) => t.testId)).toEqual(['a', 'b', 'c']);
    expect(resumed.summary.success).toBe(true);
    const final = readFileSync(file, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { jobId: string }).jobId);
    expect(final.sort()).toEqual(['a::fake-agent::1', 'b::fake-agent::1', 'c::fake-agent::1']);
  });

  it('keeps, for each failed run, the checks that failed (passed runs carry none)', async () => {
    const { kernel } = await setup({
      flaky: async (req, _ctx, n) => ok(req, n === 2 ? { artifacts: [{ type: 'file', path: 'out.txt', content: 'bye' }] } : {}),
    });
    const report = await runPlan(kernel, plan([test('flaky', { runs: 3 })]), { journal: false });
    const [t] = report.tests;
    expect(t!.flaky).toBe(true);
    expect(t!.runResults.map((r) => [r.run, r.passed, r.failedChecks])).toEqual([
      [1, true, undefined],
      [2, false, ['has_text › has_text: "hello" not found']],
      [3, true, undefined],
    ]);
  });

  it('times each run on the harness clock and hands the timing to evaluators', async () => {
    const { kernel, timings } = await setup({
      events: async (req, ctx) => {
        await sleep(40);
        ctx.emit({ version: '1.0', task_id: req.task_id, timestamp: new Date().toISOString(), sequence: 0, event_type: 'progress', payload: {} });
        await sleep(40);
        return ok(req);
      },
      quiet: async (req) => ok(req),
    });
    const timed = { assertions: [{ id: 'timed', type: 'timed', config: {}, critical: false }] };
    await runPlan(kernel, plan([test('events', timed), test('quiet', timed)]), { journal: false });
    const [withEvent, quiet] = timings;
    expect(withEvent!.firstEventMs).toBeGreaterThanOrEqual(35);
    expect(withEvent!.durationMs).toBeGreaterThanOrEqual(withEvent!.firstEventMs! + 35);
    expect(quiet).toEqual({ durationMs: expect.any(Number) });
  });

  it('refuses to resume a run recorded for other jobs, and leaves its journal alone', async () => {
    const { kernel, calls, cwd } = await setup({ a: async (req) => ok(req), b: async (req) => ok(req) });
    const first = await runPlan(kernel, plan([test('a')]));
    const file = join(cwd, '.atp/runs', first.runId, 'jobs.jsonl');
    const before = readFileSync(file, 'utf8');
    calls.clear();
    const error = await runPlan(kernel, plan([test('a'), test('b')]), { resume: first.runId }).catch((e: unknown) => e);
    expect(error).toMatchObject({ diagnostics: [{ code: 'ATP_RESUME', message: `cannot resume run "${first.runId}": it was recorded for other jobs (1 then, 2 now); the suite, its tags, runs or agents changed since` }] });
    expect(calls.size).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('gives every adapter call a live signal: after a timeout, and without firing listeners an earlier call left behind', async () => {
    const seen: Array<{ job: string; aborted: boolean }> = [];
    let leftover = 0;
    const { kernel } = await setup({
      leaky: async (req, ctx) => {
        seen.push({ job: 'leaky', aborted: ctx.signal.aborted });
        ctx.signal.addEventListener('abort', () => leftover++); // never removed
        return ok(req);
      },
      hang: async (req, ctx) => {
        seen.push({ job: 'hang', aborted: ctx.signal.aborted });
        await sleep(10_000, ctx.signal);
        return ok(req);
      },
      after: async (req, ctx) => {
        seen.push({ job: 'after', aborted: ctx.signal.aborted });
        return ok(req);
      },
    });
    const report = await runPlan(kernel, plan([test('leaky'), test('hang', { timeoutMs: 100 }), test('after')]), { journal: false });
    expect(seen).toEqual([
      { job: 'leaky', aborted: false },
      { job: 'hang', aborted: false },
      { job: 'after', aborted: false },
    ]);
    expect(leftover).toBe(0);
    expect(report.tests.map((t) => [t.testId, t.passed])).toEqual([['leaky', true], ['hang', false], ['after', true]]);
  });

  it('an abort stops starting jobs, aborts in-flight ones and reports what finished', async () => {
    const controller = new AbortController();
    const { kernel, calls } = await setup({
      quick: async (req) => ok(req),
      slow: async (req, ctx) => {
        setTimeout(() => controller.abort(), 20);
        await sleep(10_000, ctx.signal);
        return ok(req);
      },
      never: async (req) => ok(req),
    });
    const report = await runPlan(kernel, plan([test('quick'), test('slow'), test('never')]), { signal: controller.signal, journal: false });
    expect(calls.has('never')).toBe(false);
    expect(report.summary).toMatchObject({ interrupted: true, success: false, total: 1, passed: 1 });
    expect(report.tests.map((t) => t.testId)).toEqual(['quick']);
    // The test cut short in flight and the one never started are both listed, in suite order.
    expect(report.notRun?.map((t) => t.testId)).toEqual(['slow', 'never']);
  });

  it('an abort with parallel jobs cancels every in-flight one, even those ignoring the signal, and leaves no listener on the run signal', async () => {
    const controller = new AbortController();
    const started: string[] = [];
    const { kernel } = await setup({
      ...Object.fromEntries(
        ['a', 'b', 'c'].map((id) => [
          id,
          async () => {
            started.push(id);
            if (started.length === 3) setTimeout(() => controller.abort(), 10);
            return new Promise<ATPResponse>(() => undefined); // ignores its signal and never settles
          },
        ]),
      ),
      later: async (req) => ok(req),
    });
    const report = await runPlan(kernel, plan([test('a'), test('b'), test('c'), test('later')]), { signal: controller.signal, parallel: 3, journal: false });
    expect(started.sort()).toEqual(['a', 'b', 'c']);
    expect(report.summary).toMatchObject({ interrupted: true, total: 0 });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('removes its listener from a run signal that was never aborted', async () => {
    const controller = new AbortController();
    const { kernel } = await setup({ x: async (req) => ok(req), y: async (req) => ok(req) });
    const report = await runPlan(kernel, plan([test('x'), test('y')]), { signal: controller.signal, parallel: 2, journal: false });
    expect(report.summary.success).toBe(true);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    expect(report.notRun).toBeUndefined();
  });

  it('records an adapter whose run() throws before returning a promise as a failure, and goes on', async () => {
    const { kernel } = await setup({});
    await kernel.use(
      definePlugin({
        name: 'sync-thrower',
        apiVersion: 1,
        adapters: [
          {
            name: 'thrower',
            description: 'run() throws synchronously',
            load: async () => ({
              createAdapter: () => ({
                run: (req: ATPRequest) => {
                  if (req.task.description === 'boom') throw new Error('synchronous failure');
                  return Promise.resolve(ok(req));
                },
              }),
            }),
          },
        ],
      }),
    );
    const tests = [test('boom'), test('fine')];
    const thrower: Plan = { ...plan(tests), agents: [{ name: 'thrower-agent', adapter: 'thrower', config: {} }], jobs: expandJobs(tests, [], 'thrower-agent') };
    const report = await runPlan(kernel, thrower, { journal: false });
    expect(report.tests.map((t) => [t.testId, t.passed, t.failureKind, t.error])).toEqual([
      ['boom', false, 'internal', 'synchronous failure'],
      ['fine', true, undefined, undefined],
    ]);
  });

  it('refuses unknown agents with a suggestion', async () => {
    const { kernel } = await setup({});
    await expect(runPlan(kernel, plan([test('x')]), { agents: ['fake-agnt'], journal: false })).rejects.toMatchObject({
      diagnostics: [{ code: 'ATP_UNKNOWN_AGENT', message: 'unknown agent "fake-agnt" — did you mean "fake-agent"?' }],
    });
  });
});

describe('evaluationOrder', () => {
  it('puts plain assertions first and composites after the composites they reference', async () => {
    const { evaluationOrder } = await import('../src/runner/evaluate.js');
    const a = { id: 'a', type: 'contains', config: {}, critical: false };
    const outer = { id: 'outer', type: 'composite', config: {}, critical: false, expr: { kind: 'and' as const, operands: [{ kind: 'ref' as const, name: 'inner' }, { kind: 'ref' as const, name: 'a' }] } };
    const inner = { id: 'inner', type: 'composite', config: {}, critical: false, expr: { kind: 'ref' as const, name: 'a' } };
    const b = { id: 'b', type: 'regex', config: {}, critical: false };
    expect(evaluationOrder([outer, a, inner, b]).map((x) => x.id)).toEqual(['a', 'b', 'inner', 'outer']);
  });
});

describe('--sandbox', () => {
  it('gives each job a workspace with the fixture copied in, kept until evaluation ends, then removed', async () => {
    const { mkdirSync, writeFileSync, existsSync } = await import('node:fs');
    const fixture = mkdtempSync(join(tmpdir(), 'atp-fixture-'));
    mkdirSync(join(fixture, 'data'));
    writeFileSync(join(fixture, 'data/config.json'), '{"name":"test-project"}');
    const seen: string[] = [];
    const { kernel } = await setup({
      sandboxed: async (req) => {
        const ws = req.context!.workspace_path!;
        seen.push(ws);
        expect(existsSync(join(ws, 'data/config.json'))).toBe(true);
        writeFileSync(join(ws, 'out.txt'), 'made by the agent');
        return ok(req);
      },
    });
    let existedDuringEvaluation = false;
    await kernel.use(
      definePlugin({
        name: 'ws-check',
        apiVersion: 1,
        evaluators: [{ name: 'ws_file', description: 'file in workspace', load: async () => ({ createEvaluator: () => ({ evaluate: ({ workspace }) => {
          existedDuringEvaluation = Boolean(workspace && existsSync(join(workspace, 'out.txt')));
          return { checks: [{ name: 'ws_file', passed: existedDuringEvaluation, score: existedDuringEvaluation ? 1 : 0 }] };
        } }) }) }],
      }),
    );
    const report = await runPlan(kernel, plan([test('sandboxed', { workspaceFixture: fixture, runs: 2, assertions: [{ id: 'ws_file', type: 'ws_file', config: {}, critical: false }] })]), { sandbox: true, journal: false });
    expect(report.tests[0]!.passed).toBe(true);
    expect(existedDuringEvaluation).toBe(true);
    expect(new Set(seen).size).toBe(2);
    for (const ws of seen) expect(existsSync(ws)).toBe(false);
  });
});

describe('stopping a run early', () => {
  it('--budget stops starting jobs once the reported cost reaches it', async () => {
    const { kernel, calls } = await setup({
      a: async (req) => ok(req, { metrics: { cost_usd: 0.3 } }),
      b: async (req) => ok(req, { metrics: { cost_usd: 0.3 } }),
      c: async (req) => ok(req, { metrics: { cost_usd: 0.3 } }),
    });
    const report = await runPlan(kernel, plan([test('a'), test('b'), test('c')]), { budgetUsd: 0.5, journal: false });
    expect([...calls.keys()]).toEqual(['a', 'b']);
    expect(report.error).toBe('budget of $0.5 reached ($0.6 spent): no new jobs were started');
    expect(report.summary.success).toBe(false);
  });

  it('a plugin can stop the run through runStart control', async () => {
    const { kernel, calls } = await setup({ a: async (req) => ok(req), b: async (req) => ok(req) });
    await kernel.use(
      definePlugin({
        name: 'watchdog',
        apiVersion: 1,
        setup({ hooks }) {
          let control: { stop(reason: string): void } | undefined;
          hooks.runStart.tap('w', (info) => void (control = info.control));
          hooks.evaluated.tap('w', () => control?.stop('watchdog: enough'));
        },
      }),
    );
    const report = await runPlan(kernel, plan([test('a'), test('b')]), { journal: false });
    expect([...calls.keys()]).toEqual(['a']);
    expect(report.error).toBe('watchdog: enough');
  });
});
