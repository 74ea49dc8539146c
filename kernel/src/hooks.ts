import tapable from 'tapable';
import type { AsyncSeriesHook as AsyncSeriesHookT, AsyncSeriesWaterfallHook as AsyncSeriesWaterfallHookT, SyncHook as SyncHookT } from 'tapable';
import type { ATPEvent, ATPRequest, ATPResponse } from './protocol/index.js';
import type { Plan, PlanJob, PlanTest } from './plan.js';
import type { JobResult, RunReport, TestResult } from './results.js';
import type { ResolvedConfig } from './config/types.js';
import { AtpError, diagnostic } from './diagnostics.js';
import { ErrorCodes } from './codes.js';

const { AsyncSeriesHook, AsyncSeriesWaterfallHook, SyncHook } = tapable;

/** Tap order: lower stages run first. Use these instead of bare numbers. */
export const STAGE_PRE = -100;
/** The default stage. */
export const STAGE_NORMAL = 0;
/** After normal taps: e.g. reporters that read what others computed. */
export const STAGE_REPORT = 100;
/** Last: cleanup and telemetry. */
export const STAGE_POST = 200;

/** A suite as parsed, before compilation (plain data; its shape belongs to the compiler). */
export interface SuiteDocument {
  file: string;
  data: Record<string, unknown>;
}

/** Passed to `runStart`. */
export interface RunStartInfo {
  runId: string;
  plan: Plan;
  /** Every job of this run: the plan's, or expanded again for the agents `--agent` chose (finished ones included on `--resume`). */
  jobs: readonly PlanJob[];
  /** Jobs that will actually run (after `--resume` removed finished ones). */
  pendingJobs: number;
  totalJobs: number;
  parallel: number;
  startedAt: string;
  /** Lets plugins end the run early (a budget tracker, a watchdog): no new job starts after `stop`. */
  control: RunControl;
  /** The run's journal directory (`.atp/runs/<run-id>`), where plugins may write files; absent with `--no-journal`. */
  runDir?: string;
  /** `--budget`: the run's budget in dollars, for plugins that track costs the kernel cannot see. */
  budgetUsd?: number;
}

/** Run control handed to `runStart` taps. */
export interface RunControl {
  /** Stop starting new jobs; jobs in flight finish and are reported. `reason` becomes the report's error. */
  stop(reason: string): void;
  /** Whether the run was stopped (by `stop`, --fail-fast, --budget or Ctrl-C). */
  readonly stopped: boolean;
}

/** Passed to `jobStart` and `event`. */
export interface JobInfo {
  runId: string;
  job: PlanJob;
  test: PlanTest;
  request: ATPRequest;
}

/** Passed to `jobEnd`: the agent answered (or failed); not yet evaluated. */
export interface JobEndInfo extends JobInfo {
  response: ATPResponse;
  events: readonly ATPEvent[];
  durationMs: number;
}

/** The kernel's hooks. Only the kernel calls them; plugins tap. */
export interface KernelHooks {
  /** Fires once after the config is resolved; taps may return an adjusted config. */
  config: AsyncSeriesWaterfallHookT<[ResolvedConfig]>;
  /** Fires for each suite after parsing and before compiling; taps may return an adjusted suite. */
  suite: AsyncSeriesWaterfallHookT<[SuiteDocument]>;
  /** Fires after compilation; taps may return an adjusted plan. */
  plan: AsyncSeriesWaterfallHookT<[Plan]>;
  /** Fires once before the first job starts. */
  runStart: AsyncSeriesHookT<[RunStartInfo]>;
  /** Fires before a job's request is sent to its agent. */
  jobStart: AsyncSeriesHookT<[JobInfo]>;
  /** Fires for every ATP event as the agent streams it. */
  event: SyncHookT<[ATPEvent, JobInfo]>;
  /** Fires when the agent's response (or a synthetic failure response) is in, before evaluation. */
  jobEnd: AsyncSeriesHookT<[JobEndInfo]>;
  /** Fires with one job's scored result. */
  evaluated: AsyncSeriesHookT<[JobResult]>;
  /** Fires when every run of a test against one agent has been evaluated (the aggregate). */
  testEnd: AsyncSeriesHookT<[TestResult]>;
  /** Fires once at the end (also after Ctrl-C) with the final report. */
  runEnd: AsyncSeriesHookT<[RunReport]>;
}

/** Hook names, in firing order. */
export const HOOK_NAMES = ['config', 'suite', 'plan', 'runStart', 'jobStart', 'event', 'jobEnd', 'evaluated', 'testEnd', 'runEnd'] as const;

/** Options a tap may give: its stage (use the STAGE_* constants) or taps it must precede. */
export interface TapOptions {
  stage?: number;
  before?: string | string[];
}

type HookArgs<H> = H extends AsyncSeriesWaterfallHookT<infer A extends unknown[]>
  ? A
  : H extends AsyncSeriesHookT<infer A extends unknown[]>
    ? A
    : H extends SyncHookT<infer A extends unknown[]>
      ? A
      : never;
type HookResult<H> = H extends AsyncSeriesWaterfallHookT<infer A extends unknown[]> ? A[0] : void;

/** The tap side of one hook, as plugins see it: the tap name is always the plugin's name. */
export interface TapOnlyHook<H> {
  tap(options: TapOptions | string, fn: (...args: HookArgs<H>) => HookResult<H>): void;
  tapPromise(options: TapOptions | string, fn: (...args: HookArgs<H>) => Promise<HookResult<H>>): void;
}

/** The hooks as plugins and reporters see them: tap access only. */
export type TapOnlyHooks = { readonly [K in keyof KernelHooks]: TapOnlyHook<KernelHooks[K]> };

/** Create the frozen hooks object of a kernel; every tap is wrapped so its failures name the plugin. */
export function createHooks(): Readonly<KernelHooks> {
  const hooks: KernelHooks = {
    config: new AsyncSeriesWaterfallHook(['config']),
    suite: new AsyncSeriesWaterfallHook(['suite']),
    plan: new AsyncSeriesWaterfallHook(['plan']),
    runStart: new AsyncSeriesHook(['run']),
    jobStart: new AsyncSeriesHook(['job']),
    event: new SyncHook(['event', 'job']),
    jobEnd: new AsyncSeriesHook(['job']),
    evaluated: new AsyncSeriesHook(['result']),
    testEnd: new AsyncSeriesHook(['test']),
    runEnd: new AsyncSeriesHook(['report']),
  };
  for (const name of HOOK_NAMES) {
    const hook = hooks[name] as unknown as { intercept(i: { register(t: TapInfo): TapInfo }): void };
    hook.intercept({ register: (tapInfo) => attributeErrors(tapInfo, name) });
  }
  return Object.freeze(hooks);
}

/**
 * True when a plugin tapped the hook. (tapable's `isUsed()` is always true here: every hook carries
 * the interceptor that attributes errors.) The runner skips untapped per-job hooks with it.
 */
export function hasTaps(hook: { readonly taps: readonly unknown[] }): boolean {
  return hook.taps.length > 0;
}

interface TapInfo {
  type: 'sync' | 'async' | 'promise';
  name: string;
  fn: (...args: unknown[]) => unknown;
}

/** An error raised inside a plugin's tap, re-raised with the plugin and hook named. */
export class PluginError extends AtpError {
  readonly plugin: string;
  readonly hook: string;
  constructor(plugin: string, hook: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    // A plugin that reports its own diagnostics (a missing API key, a bad option) keeps them, located.
    const own = cause instanceof AtpError ? cause.diagnostics : undefined;
    super(
      own
        ? own.map((d) => ({ ...d, message: `${d.message} (plugin "${plugin}", hook "${hook}")` }))
        : diagnostic(ErrorCodes.ATP_PLUGIN_ERROR, `plugin "${plugin}" failed in hook "${hook}": ${reason}`, {
            hint: 'this is a bug in the plugin or its configuration; run with --debug for the stack trace',
          }),
      { cause, exitCode: cause instanceof AtpError ? cause.exitCode : 2 },
    );
    this.name = 'PluginError';
    this.plugin = plugin;
    this.hook = hook;
  }
}

function wrapCause(plugin: string, hook: string, error: unknown): unknown {
  return error instanceof PluginError ? error : new PluginError(plugin, hook, error);
}

function attributeErrors(tapInfo: TapInfo, hook: string): TapInfo {
  const original = tapInfo.fn;
  const plugin = tapInfo.name;
  if (tapInfo.type === 'promise') {
    tapInfo.fn = async (...args: unknown[]) => {
      try {
        return await original(...args);
      } catch (error) {
        throw wrapCause(plugin, hook, error);
      }
    };
  } else if (tapInfo.type === 'async') {
    tapInfo.fn = (...args: unknown[]) => {
      const callback = args.pop() as (err?: unknown, result?: unknown) => void;
      try {
        original(...args, (err?: unknown, result?: unknown) => callback(err ? wrapCause(plugin, hook, err) : err, result));
      } catch (error) {
        callback(wrapCause(plugin, hook, error));
      }
    };
  } else {
    tapInfo.fn = (...args: unknown[]) => {
      try {
        return original(...args);
      } catch (error) {
        throw wrapCause(plugin, hook, error);
      }
    };
  }
  return tapInfo;
}

/** A tap-only view of the hooks whose taps are all named `pluginName`. */
export function tapOnlyHooks(hooks: Readonly<KernelHooks>, pluginName: string): TapOnlyHooks {
  const view: Record<string, unknown> = {};
  for (const name of HOOK_NAMES) {
    const hook = hooks[name] as unknown as {
      tap(o: object, fn: unknown): void;
      tapPromise(o: object, fn: unknown): void;
    };
    const opts = (o: TapOptions | string): object => (typeof o === 'string' ? { name: pluginName } : { ...o, name: pluginName });
    view[name] = Object.freeze({
      tap: (o: TapOptions | string, fn: unknown) => hook.tap(opts(o), fn),
      tapPromise: (o: TapOptions | string, fn: unknown) => hook.tapPromise(opts(o), fn),
    });
  }
  return Object.freeze(view) as TapOnlyHooks;
}
