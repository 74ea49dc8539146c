import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { ATPEvent, ATPRequest, ATPResponse } from '../protocol/index.js';
import type { Plan, PlanJob, PlanTest } from '../plan.js';
import { expandJobs } from '../plan.js';
import type { EvalResult, FailureKind, JobResult, NotRunTest, RunReport, TestResult } from '../results.js';
import type { Adapter, Evaluator, Logger, Reporter } from '../contracts.js';
import { isAdapterError, failureKindOf } from '../contracts.js';
import { redact, redactDeep, secretsIn } from '../secret.js';
import { AtpError, diagnostic, type Diagnostic } from '../diagnostics.js';
import { ErrorCodes } from '../codes.js';
import type { Kernel } from '../kernel.js';
import type { JobInfo } from '../hooks.js';
import { hasTaps, tapOnlyHooks } from '../hooks.js';
import { silentLogger } from '../logger.js';
import { AdapterPool, resolveAgents, type AgentSelection } from './agents.js';
import { buildRequest } from './request.js';
import { evaluateRun } from './evaluate.js';
import { scoreRun } from './scoring.js';
import { TestAccumulator } from './aggregate.js';
import { Journal, describeJobs, newRunId, type ResumableOptions, type RunMeta } from './journal.js';
import { JobSignals } from './job-signals.js';
import { AgentSlots, limitOf } from './agent-slots.js';

/** A reporter attached to a run, tapped under its plugin's name. */
export interface AttachedReporter {
  name: string;
  plugin: string;
  reporter: Reporter;
}

/** Options of `runPlan`. */
export interface RunPlanOptions extends AgentSelection {
  /** Jobs in flight at once (default 1: sequential, like the reference). */
  parallel?: number;
  /** Stop starting jobs after the first failed one. */
  failFast?: boolean;
  /** Retries of retryable adapter errors (connection refused…). */
  retries?: number;
  retryDelayMs?: number;
  /** Give each job its own workspace directory (fixture copied in). */
  sandbox?: boolean;
  /** Directory of run journals (default `.atp/runs` under the kernel's cwd). */
  runsDir?: string;
  /** Write a journal (default true). */
  journal?: boolean;
  /** Resume this run id: only jobs missing from its journal run. */
  resume?: string;
  /** The options that chose the jobs, kept in the journal's meta.json so `--resume ID` alone resumes them. */
  resumable?: ResumableOptions;
  /** Aborting stops starting jobs, aborts in-flight ones and finishes with what completed. */
  signal?: AbortSignal;
  reporters?: AttachedReporter[];
  /** Stop starting jobs once the agents' reported `cost_usd` reaches this many dollars. */
  budgetUsd?: number;
  /** Directory relative paths of adapter configs resolve against (the suite's). */
  baseDir?: string;
  logger?: Logger;
}

/** Format seconds as the reference does (`300.0s`, `1.5s`). */
export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s.toFixed(1) : String(Math.round(s * 1000) / 1000)}s`;
}

const TIMEOUT = Symbol('timeout');
const CANCEL = Symbol('cancel');

/** Execute a plan: bounded concurrency, timeouts, retries, evaluation, journal, hooks, reporters. */
export async function runPlan(kernel: Kernel, plan: Plan, options: RunPlanOptions = {}): Promise<RunReport> {
  const logger = options.logger ?? kernel.logger ?? silentLogger;
  const signal = options.signal ?? new AbortController().signal;
  const { agents, selected, fallback } = resolveAgents(kernel, plan, options);
  // Credentials in each agent's config: kept out of everything the run records or shows, even when the
  // agent echoes them back (an error quoting the Authorization header, an event payload).
  const secretsOf = new Map<string, readonly string[]>();
  for (const [name, spec] of agents) secretsOf.set(name, secretsIn(spec.config));
  const jobs: PlanJob[] = selected.length || fallback !== plan.jobs[0]?.agent ? expandJobs(plan.tests, selected, fallback) : plan.jobs;
  const testsById = new Map(plan.tests.map((t) => [t.id, t]));
  const runsDir = resolve(kernel.config.cwd, options.runsDir ?? kernel.config.defaults.runs_dir);

  // A resume is checked first, adapters are created next, a new run's journal last: whichever is refused
  // leaves nothing behind (no process started, no run directory for a run that never ran).
  let journal: Journal | undefined;
  let done = new Map<string, JobResult>();
  let runId = newRunId();
  if (options.resume) {
    const resumed = Journal.resume(runsDir, options.resume, describeJobs(jobs));
    journal = resumed.journal;
    done = resumed.done;
    runId = options.resume;
  }
  const pool = new AdapterPool(kernel, agents, options.baseDir ?? kernel.config.cwd, logger);
  let limits: ReadonlyMap<string, number>;
  try {
    limits = await createAdapters(pool, jobs);
  } catch (error) {
    journal?.close();
    throw error;
  }
  if (!options.resume && options.journal !== false) {
    const meta: RunMeta = { runId, createdAt: new Date().toISOString(), suiteFile: plan.suite.file, suiteName: plan.suite.name, ...describeJobs(jobs), ...(options.resumable ? { options: options.resumable } : {}) };
    journal = Journal.create(runsDir, meta);
  }

  for (const r of options.reporters ?? []) r.reporter.apply?.(tapOnlyHooks(kernel.hooks, r.plugin));

  // Jobs still to run are found by skipping finished ones as workers go: no second list of every job.
  const finishedIds = new Set(done.keys());
  let pendingCount = 0;
  for (const j of jobs) if (!finishedIds.has(j.id)) pendingCount++;
  const startedAt = new Date();
  const parallel = Math.max(1, options.failFast ? 1 : (options.parallel ?? 1));
  let stopStarting = false;
  let stopReason: string | undefined;
  const stop = (reason: string): void => {
    if (!stopStarting) stopReason = reason;
    stopStarting = true;
  };
  const control = {
    stop,
    get stopped() {
      return stopStarting || signal.aborted;
    },
  };
  await kernel.hooks.runStart.promise({ runId, plan, jobs, pendingJobs: pendingCount, totalJobs: jobs.length, parallel, startedAt: startedAt.toISOString(), control, ...(journal ? { runDir: journal.dir } : {}), ...(options.budgetUsd !== undefined ? { budgetUsd: options.budgetUsd } : {}) });

  // Aggregation: per (test, agent), buffer run results until every run is in, then emit testEnd.
  const expected = new Map<string, number>();
  for (const j of jobs) expected.set(`${j.testId}\u0000${j.agent}`, (expected.get(`${j.testId}\u0000${j.agent}`) ?? 0) + 1);
  const buffers = new Map<string, TestAccumulator>();
  const finished = new Map<string, TestResult>();
  const record = async (r: JobResult): Promise<void> => {
    const key = `${r.testId}\u0000${r.agent}`;
    let acc = buffers.get(key);
    if (!acc) {
      acc = new TestAccumulator(testsById.get(r.testId)!, r.agent);
      buffers.set(key, acc);
    }
    acc.add(r);
    if (acc.size === expected.get(key)) {
      buffers.delete(key);
      const t = acc.result();
      finished.set(key, t);
      await kernel.hooks.testEnd.promise(t);
    }
  };
  for (const j of jobs) {
    const r = done.get(j.id);
    if (r) await record(r);
  }
  done.clear(); // folded into the accumulators: the full results need not stay in memory

  const inFlight = new InFlightCalls(signal);
  const slots = new AgentSlots(limits, signal);
  const evaluators = new Map<string, Evaluator>();
  let next = 0;
  let spentUsd = 0;

  const executeJob = async (job: PlanJob, signals: JobSignals): Promise<JobResult | undefined> => {
    const test = testsById.get(job.testId)!;
    const workspace = options.sandbox ? await makeWorkspace(test) : undefined;
    try {
      const request = buildRequest(test, workspace);
      const info: JobInfo = { runId, job, test, request };
      if (hasTaps(kernel.hooks.jobStart)) await kernel.hooks.jobStart.promise(info);
      const startedAtJob = new Date();
      const t0 = performance.now();
      /** When the first event of any attempt arrived (ms after t0). */
      const clock: { t0: number; firstEventMs?: number } = { t0 };
      let events: ATPEvent[] = [];
      let response: ATPResponse | undefined;
      let failureKind: FailureKind | undefined;
      let attempts = 0;
      const agentConfig = agents.get(job.agent)?.config ?? {};
      const secrets = secretsOf.get(job.agent) ?? [];
      const retries = options.retries ?? (typeof agentConfig.retry_count === 'number' ? agentConfig.retry_count : kernel.config.defaults.retries);
      const retryDelayMs = options.retryDelayMs ?? (typeof agentConfig.retry_delay_seconds === 'number' ? agentConfig.retry_delay_seconds * 1000 : 1000);
      while (!response) {
        attempts++;
        events = [];
        const outcome = await callAdapter(pool, job.agent, request, test, events, info, kernel, inFlight, signals, clock, secrets);
        if (outcome.kind === 'response') {
          response = outcome.response;
        } else if (outcome.kind === 'cancelled') {
          return undefined;
        } else if (outcome.kind === 'timeout') {
          const elapsed = performance.now() - t0;
          response = synthetic(request.task_id, 'timeout', `Test execution timed out after ${formatSeconds(test.timeoutMs)}`, elapsed);
          failureKind = 'timeout';
        } else {
          const e = outcome.error;
          if (isAdapterError(e) && e.retryable && attempts <= retries && !signal.aborted) {
            logger.debug(`job ${job.id}: retrying after adapter error: ${redact(e.message, secrets)}`);
            await sleep(retryDelayMs, signal);
            continue;
          }
          const elapsed = performance.now() - t0;
          if (isAdapterError(e)) {
            failureKind = failureKindOf(e.kind);
            response = e.kind === 'timeout' ? synthetic(request.task_id, 'timeout', e.message, elapsed) : synthetic(request.task_id, 'failed', `Adapter error: ${e.message}`, elapsed);
          } else {
            failureKind = 'internal';
            response = synthetic(request.task_id, 'failed', e instanceof Error ? e.message : String(e), elapsed);
          }
        }
      }
      const durationMs = performance.now() - t0;
      if (hasTaps(kernel.hooks.jobEnd)) await kernel.hooks.jobEnd.promise({ ...info, response: redactDeep(response, secrets), events: redactDeep(events, secrets), durationMs });

      // A run that timed out or never got a response is not evaluated: it scores 0, so that a hang
      // never scores better than a wrong answer in the test's mean and statistics.
      const unevaluated = failureKind !== undefined;
      const evaluations = unevaluated ? [] : await evaluateRun(kernel, { test, request, response, events, workspace, suiteDir: options.baseDir ?? kernel.config.cwd, timing: { durationMs, ...(clock.firstEventMs !== undefined ? { firstEventMs: clock.firstEventMs } : {}) }, signal, logger }, evaluators);
      let error = response.error ?? undefined;
      const budget = test.constraints.budget_usd;
      const cost = response.metrics?.cost_usd;
      if (!failureKind && budget !== undefined && cost !== undefined && cost !== null && cost > budget) {
        failureKind = 'budget';
        error = `cost $${cost} exceeds the test's budget of $${budget}`;
      }
      if (!failureKind && response.status !== 'completed') {
        failureKind = 'agent';
        if (!error) error = `the agent answered with status "${response.status}" and no error message`;
      }
      const breakdown = evaluations.length ? scoreRun(evaluations, response, test.constraints, test.scoring, weightsOf(test)) : undefined;
      const passed = !failureKind && runPassed(evaluations, referencedOf(test));
      const result: JobResult = {
        jobId: job.id,
        testId: job.testId,
        agent: job.agent,
        run: job.run,
        taskId: request.task_id,
        status: response.status,
        ...(error ? { error } : {}),
        ...(failureKind ? { failureKind } : {}),
        startedAt: startedAtJob.toISOString(),
        durationMs: Math.round(durationMs * 1000) / 1000,
        attempts,
        response: { status: response.status, metrics: response.metrics ?? null, error: response.error ?? null, trace_id: response.trace_id ?? null, artifactCount: response.artifacts.length },
        eventCount: events.length,
        evaluations,
        score: breakdown ? breakdown.final_score : unevaluated ? 0 : null,
        ...(breakdown ? { breakdown } : {}),
        passed,
      };
      const shown = redactResult(result, secrets);
      if (hasTaps(kernel.hooks.evaluated)) await kernel.hooks.evaluated.promise(shown);
      return shown;
    } finally {
      if (workspace) await rm(dirname(workspace), { recursive: true, force: true }).catch(() => undefined);
    }
  };

  const worker = async (): Promise<void> => {
    const signals = new JobSignals();
    while (!stopStarting && !signal.aborted) {
      let job = jobs[next++];
      while (job && finishedIds.has(job.id)) job = jobs[next++];
      if (!job) return;
      if (!(slots.tryAcquire(job.agent) || (await slots.acquire(job.agent)))) return;
      if (stopStarting) {
        slots.release(job.agent); // stopped while this job waited for its agent
        return;
      }
      let result: JobResult | undefined;
      try {
        result = await executeJob(job, signals);
      } finally {
        slots.release(job.agent);
      }
      if (!result) continue;
      journal?.append(result);
      await record(result);
      spentUsd += result.response.metrics?.cost_usd ?? 0;
      if (options.budgetUsd !== undefined && spentUsd >= options.budgetUsd) {
        stop(`budget of $${options.budgetUsd} reached ($${Math.round(spentUsd * 1e6) / 1e6} spent): no new jobs were started`);
      }
      if (options.failFast && !result.passed) stop('stopped after the first failure (--fail-fast)');
    }
  };

  let runError: string | undefined;
  try {
    await Promise.all(Array.from({ length: Math.min(parallel, Math.max(1, pendingCount)) }, worker));
  } finally {
    inFlight.dispose();
    slots.dispose();
    journal?.close();
    await pool.closeAll();
  }
  // Tests cut short (fail-fast, Ctrl-C) are reported with the runs that finished.
  for (const [key, acc] of buffers) finished.set(key, acc.result());
  const interrupted = signal.aborted;
  if (interrupted) runError = 'interrupted: jobs not started were skipped and in-flight jobs were aborted';
  else if (stopStarting) runError = stopReason;

  const order = new Map(plan.tests.map((t, i) => [t.id, i]));
  const agentOrder = [...new Set(jobs.map((j) => j.agent))];
  const tests = [...finished.values()].sort((a, b) => order.get(a.testId)! - order.get(b.testId)! || agentOrder.indexOf(a.agent) - agentOrder.indexOf(b.agent));
  const passedCount = tests.filter((t) => t.passed).length;
  // Tests that never finished a run (the run stopped first) are listed, so no report silently drops them.
  const notRun: NotRunTest[] = [];
  if (finished.size < expected.size) {
    const seen = new Set<string>();
    for (const j of jobs) {
      const key = `${j.testId}\u0000${j.agent}`;
      if (finished.has(key) || seen.has(key)) continue;
      seen.add(key);
      const t = testsById.get(j.testId)!;
      notRun.push({ testId: t.id, testName: t.name, agent: j.agent, tags: t.tags });
    }
    notRun.sort((a, b) => order.get(a.testId)! - order.get(b.testId)! || agentOrder.indexOf(a.agent) - agentOrder.indexOf(b.agent));
  }
  const finishedAt = new Date();
  const report: RunReport = {
    runId,
    suite: { name: plan.suite.name, version: plan.suite.version, ...(plan.suite.file ? { file: plan.suite.file } : {}) },
    agents: agentOrder,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    runsPerTest: Math.max(1, ...plan.tests.map((t) => t.runs)),
    tests,
    summary: {
      total: tests.length,
      passed: passedCount,
      failed: tests.length - passedCount,
      successRate: tests.length ? passedCount / tests.length : 0,
      success: tests.length > 0 && passedCount === tests.length && !interrupted && !stopStarting,
      interrupted,
    },
    ...(runError ? { error: runError } : {}),
    ...(notRun.length ? { notRun } : {}),
    extensions: {},
  };
  await kernel.hooks.runEnd.promise(report);
  // Every reporter gets its turn even when one fails (a full disk, a directory it cannot write): the
  // others' reports and the journal keep the results; the failures are reported together afterwards.
  const failed: Diagnostic[] = [];
  for (const r of options.reporters ?? []) {
    try {
      await r.reporter.finish(report);
    } catch (error) {
      failed.push(diagnostic(ErrorCodes.ATP_REPORTER, `reporter "${r.name}" could not write its report: ${error instanceof Error ? error.message : String(error)}`, { hint: journal ? `the results are kept in ${journal.dir}` : 'the other reporters wrote theirs' }));
    }
  }
  if (failed.length) throw new AtpError(failed, { exitCode: 2 });
  return report;
}

/**
 * Create the adapters of every agent with jobs before anything runs, and return their concurrency limits
 * (for AgentSlots). A config only the adapter can judge (an endpoint the SSRF guard refuses, say) throws
 * an AtpError: the run stops there as a usage error (exit 2) instead of failing every test the same way.
 * Other creation failures set no limit and are recorded per job.
 */
async function createAdapters(pool: AdapterPool, jobs: readonly PlanJob[]): Promise<Map<string, number>> {
  const agents = new Set<string>();
  for (const j of jobs) agents.add(j.agent);
  const limits = new Map<string, number>();
  for (const agent of agents) {
    try {
      limits.set(agent, limitOf(await pool.get(agent)));
    } catch (error) {
      if (error instanceof AtpError || (error instanceof Error && error.name === 'AtpError')) {
        await pool.closeAll();
        throw error;
      }
    }
  }
  return limits;
}

type AdapterOutcome = { kind: 'response'; response: ATPResponse } | { kind: 'timeout' } | { kind: 'cancelled' } | { kind: 'error'; error: unknown };

/**
 * The in-flight adapter calls' cancel functions, all called when the run's signal aborts: one
 * listener on the run signal for the whole run rather than one added and removed per job.
 */
export class InFlightCalls {
  readonly #cancels = new Set<() => void>();
  readonly #signal: AbortSignal;
  readonly #onAbort = (): void => {
    for (const cancel of [...this.#cancels]) cancel();
  };

  constructor(signal: AbortSignal) {
    this.#signal = signal;
    signal.addEventListener('abort', this.#onAbort, { once: true });
  }

  /** Register a call's cancel function; false (and nothing registered) when the run is already aborted. */
  add(cancel: () => void): boolean {
    if (this.#signal.aborted) return false;
    this.#cancels.add(cancel);
    return true;
  }

  delete(cancel: () => void): void {
    this.#cancels.delete(cancel);
  }

  /** Stop listening to the run's signal. */
  dispose(): void {
    this.#signal.removeEventListener('abort', this.#onAbort);
    this.#cancels.clear();
  }
}

/**
 * One adapter call under the test's timeout and the run's cancellation. Settles exactly once: with the
 * response or the adapter's error, or as timed out or cancelled the moment that happens, even when the
 * adapter never settles (a misbehaving adapter can never hang the run).
 */
function callAdapter(
  pool: AdapterPool,
  agent: string,
  request: ATPRequest,
  test: PlanTest,
  events: ATPEvent[],
  info: JobInfo,
  kernel: Kernel,
  inFlight: InFlightCalls,
  signals: JobSignals,
  clock: { t0: number; firstEventMs?: number },
  secrets: readonly string[],
): Promise<AdapterOutcome> {
  return new Promise<AdapterOutcome>((resolve) => {
    const controller = signals.acquire();
    let reason: typeof TIMEOUT | typeof CANCEL | undefined;
    let settled = false;
    const finish = (outcome: AdapterOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      inFlight.delete(cancel);
      resolve(outcome);
    };
    const abort = (why: typeof TIMEOUT | typeof CANCEL): void => {
      if (reason || settled) return;
      reason = why;
      controller.abort(why === TIMEOUT ? new Error('timeout') : new Error('cancelled'));
      finish(why === TIMEOUT ? { kind: 'timeout' } : { kind: 'cancelled' });
    };
    const cancel = (): void => abort(CANCEL);
    const timer = setTimeout(() => abort(TIMEOUT), test.timeoutMs);
    if (!inFlight.add(cancel)) {
      abort(CANCEL);
      return;
    }
    const emit = (event: ATPEvent): void => {
      if (reason) return;
      clock.firstEventMs ??= performance.now() - clock.t0;
      events.push(event);
      if (hasTaps(kernel.hooks.event)) kernel.hooks.event.call(redactDeep(event, secrets), info);
    };
    const onResponse = (response: ATPResponse): void => finish({ kind: 'response', response });
    const onError = (error: unknown): void => finish({ kind: 'error', error });
    const start = (adapter: Adapter): void => {
      if (settled) return;
      try {
        adapter.run(request, { signal: controller.signal, emit, timeoutMs: test.timeoutMs }).then(onResponse, onError);
      } catch (error) {
        onError(error); // an adapter whose run() throws before returning a promise
      }
    };
    const ready = pool.ready(agent);
    if (ready) start(ready);
    else pool.get(agent).then(start, onError);
  });
}

/**
 * A result with the agent's credentials kept out of its free text (the error, the response summary,
 * check messages, evidence and details). Ids, the agent name and assertion ids are never touched: the
 * runner keys its bookkeeping on them.
 */
function redactResult(result: JobResult, secrets: readonly string[]): JobResult {
  if (secrets.length === 0) return result;
  return {
    ...result,
    ...(result.error ? { error: redact(result.error, secrets) } : {}),
    response: redactDeep(result.response, secrets),
    evaluations: result.evaluations.map((e) => ({ ...e, checks: redactDeep(e.checks, secrets), ...(e.skipped ? { skipped: redactDeep(e.skipped, secrets) } : {}) })),
    ...(result.breakdown ? { breakdown: redactDeep(result.breakdown, secrets) } : {}),
  };
}

const referencedCache = new WeakMap<PlanTest, ReadonlyMap<string, readonly string[]>>();

/** Assertions a composite refers to (and not critical), with the composites that decide them. */
function referencedOf(test: PlanTest): ReadonlyMap<string, readonly string[]> {
  let ids = referencedCache.get(test);
  if (!ids) {
    ids = new Map(test.assertions.filter((a) => a.usedBy?.length && !a.critical).map((a) => [a.id, a.usedBy!]));
    referencedCache.set(test, ids);
  }
  return ids;
}

/**
 * A run passes when every assertion passed or was skipped, except that a failed assertion a composite
 * refers to is left to that composite, as long as one of its composites actually decided in this run:
 * with every deciding composite undecided (skipped), the assertion's own failure stands.
 */
export function runPassed(evaluations: readonly EvalResult[], referenced: ReadonlyMap<string, readonly string[]>): boolean {
  let byId: Map<string, EvalResult> | undefined;
  for (const e of evaluations) {
    if (e.passed || e.skipped) continue;
    const deciders = referenced.get(e.assertion);
    if (!deciders) return false;
    byId ??= new Map(evaluations.map((x) => [x.assertion, x]));
    if (!deciders.some((id) => byId!.get(id)?.skipped === undefined && byId!.has(id))) return false;
  }
  return true;
}

const weightCache = new WeakMap<PlanTest, Map<string, number>>();

/** The assertion weights of a test by assertion id, built once per test (every run of a test shares them). */
function weightsOf(test: PlanTest): Map<string, number> {
  let weights = weightCache.get(test);
  if (!weights) {
    weights = new Map(test.assertions.map((a) => [a.id, a.weight ?? 1]));
    weightCache.set(test, weights);
  }
  return weights;
}

function synthetic(taskId: string, status: 'failed' | 'timeout', error: string, elapsedMs: number): ATPResponse {
  return { version: '1.0', task_id: taskId, status, artifacts: [], metrics: { wall_time_seconds: Math.round(elapsedMs) / 1000 }, error, trace_id: null } as ATPResponse;
}

async function makeWorkspace(test: PlanTest): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'atp-sandbox-'));
  const workspace = join(dir, 'workspace');
  if (test.workspaceFixture) await cp(test.workspaceFixture, workspace, { recursive: true });
  else await mkdir(workspace, { recursive: true });
  return workspace;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((res) => {
    const t = setTimeout(res, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      res();
    }, { once: true });
  });
}
