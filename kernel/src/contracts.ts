import type { ATPEvent, ATPRequest, ATPResponse } from './protocol/index.js';
import type { AssertionSpec, PlanTest } from './plan.js';
import type { EvalResult, EvaluatorOutput, RunReport } from './results.js';
import type { Diagnostic } from './diagnostics.js';
import type { SuiteDocument, TapOnlyHooks } from './hooks.js';
import type { FailureKind } from './results.js';
import type { Kernel } from './kernel.js';
import type { Plan } from './plan.js';

/** A minimal logger passed to plugins; messages go to stderr and are secret-redacted. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** What an adapter gets when it is created. */
export interface AdapterInit {
  /** The agent's name from the suite or config. */
  agent: string;
  /** The directory relative paths in the config refer to (the suite's directory). */
  baseDir: string;
  logger: Logger;
}

/** What an adapter gets for each request. */
export interface AdapterCallContext {
  /** Aborted on timeout or Ctrl-C: stop work and kill child processes. Valid for this call only: remove the listeners you add when the call ends (a signal left clean is reused for the next call). */
  signal: AbortSignal;
  /** Report one ATP event as it happens (leniency rules already applied by the adapter). */
  emit(event: ATPEvent): void;
  /** Milliseconds the runner allows this call. */
  timeoutMs: number;
}

/** A connection to an agent: turns an ATP request into a response plus a stream of events. */
export interface Adapter {
  /** Run one request; throw an AdapterError for infrastructure failures. */
  run(request: ATPRequest, context: AdapterCallContext): Promise<ATPResponse>;
  /**
   * Requests this adapter serves at once (one long-lived process answering serially: 1). The runner
   * starts no more jobs for the agent than that, so time spent queueing never counts against a
   * test's timeout. Unset: as many as `--parallel` allows.
   */
  readonly maxConcurrency?: number;
  /** Release resources (sockets, long-lived processes) at the end of the run. */
  close?(): Promise<void>;
}

/** The module an adapter registry entry loads. */
export interface AdapterModule<TConfig = Record<string, unknown>> {
  createAdapter(config: TConfig, init: AdapterInit): Adapter | Promise<Adapter>;
}

/** The class of an infrastructure failure, which decides how it is reported and retried. */
export type AdapterErrorKind = 'timeout' | 'connection' | 'response' | 'not_found' | 'protocol' | 'other';

/** Thrown by adapters for infrastructure failures (cannot connect, garbage output, crash). */
export class AdapterError extends Error {
  readonly kind: AdapterErrorKind;
  /** Whether retrying may help (connection refused: yes; invalid JSON: no). */
  readonly retryable: boolean;
  constructor(kind: AdapterErrorKind, message: string, options: { retryable?: boolean; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AdapterError';
    this.kind = kind;
    this.retryable = options.retryable ?? (kind === 'connection');
  }
}

/** True for AdapterErrors, also from another copy of the kernel. */
export function isAdapterError(error: unknown): error is AdapterError {
  return error instanceof AdapterError || (error instanceof Error && error.name === 'AdapterError' && typeof (error as { kind?: unknown }).kind === 'string');
}

/**
 * Map an adapter error kind to the run failure kind: output that breaks the ATP protocol is `protocol`;
 * an HTTP error status, a bad redirect or a refused connection is the transport failing, `adapter`.
 */
export function failureKindOf(kind: AdapterErrorKind): FailureKind {
  return kind === 'timeout' ? 'timeout' : kind === 'protocol' ? 'protocol' : 'adapter';
}

/** A run timed on the harness clock, in milliseconds after its request was sent. */
export interface RunTiming {
  /** Until the response (or the failure) was in, retries included. */
  durationMs: number;
  /** Until the agent's first event arrived; absent when it sent none. */
  firstEventMs?: number;
}

/** Everything an evaluator sees for one assertion on one run. */
export interface EvaluationInput<TConfig = Record<string, unknown>> {
  assertion: AssertionSpec & { config: TConfig };
  test: PlanTest;
  request: ATPRequest;
  response: ATPResponse;
  /** The run's events in sequence order. */
  events: readonly ATPEvent[];
  /** The sandbox workspace of the run, when the runner gave one; still present during evaluation. */
  workspace?: string;
  /** The suite file's directory: suite-relative paths in configs (baselines, snapshots, ground truth) resolve here. */
  suiteDir: string;
  /** Results of the test's assertions evaluated so far (composites run last). */
  results: ReadonlyMap<string, EvalResult>;
  /** How long the run took on the harness clock; absent when the run was not timed by the runner (SDK `evaluate`). */
  timing?: RunTiming;
  /** Evaluate an inline assertion (composite tree leaves); unknown types resolve as skipped. */
  evaluate(assertion: AssertionSpec): Promise<EvalResult>;
  signal: AbortSignal;
  logger: Logger;
}

/** An evaluator: scores one assertion. */
export interface Evaluator<TConfig = Record<string, unknown>> {
  evaluate(input: EvaluationInput<TConfig>): Promise<EvaluatorOutput> | EvaluatorOutput;
}

/** The module an evaluator registry entry loads. */
export interface EvaluatorModule<TConfig = Record<string, unknown>> {
  createEvaluator(): Evaluator<TConfig>;
}

/** Where a reporter writes. */
export interface ReporterInit {
  /** The file given by --output-file/--output-dir, or undefined for stdout. */
  outputFile?: string;
  /** Write to stdout (or the output file when set). */
  write(text: string): void;
  /** Whether stdout is an interactive terminal (live display allowed). */
  isTTY: boolean;
  /** Use ANSI colours. */
  color: boolean;
  /** Verbose output requested. */
  verbose: boolean;
  logger: Logger;
}

/** A reporter: taps the run hooks; `finish` receives the final report. */
export interface Reporter {
  /** Tap the hooks it needs (live progress). */
  apply?(hooks: TapOnlyHooks): void;
  /** Produce output for the finished (or interrupted) run. */
  finish(report: RunReport): Promise<void> | void;
}

/** The module a reporter registry entry loads. */
export interface ReporterModule<TConfig = Record<string, unknown>> {
  createReporter(config: TConfig, init: ReporterInit): Reporter;
}

/** An option of a command, in the shape of node's util.parseArgs plus help text. */
export interface CommandOption {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  default?: string | boolean | string[] | boolean[];
  description: string;
  /** Placeholder shown in help (`--output FORMAT`). */
  value?: string;
}

/** What a command receives when it runs. */
export interface CommandContext {
  /** Positional arguments. */
  args: string[];
  /** Parsed options. */
  options: Record<string, string | boolean | string[] | boolean[] | undefined>;
  cwd: string;
  /** The kernel with config and plugins loaded. */
  kernel: Kernel;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Report diagnostics (rendered with code frames) without throwing. */
  report(diagnostics: readonly Diagnostic[]): void;
  /** Aborted on Ctrl-C / SIGTERM. */
  signal: AbortSignal;
  /** Whether output may use ANSI colours. */
  color: boolean;
  /** `--debug` was given. */
  debug: boolean;
}

/** A CLI command's implementation. Returns the exit code. */
export interface CommandModule {
  /** `SUITE...`-style argument summary for help. */
  usage?: string;
  options?: Record<string, CommandOption>;
  /** Allow unknown options / positionals to pass through. */
  allowUnknown?: boolean;
  run(context: CommandContext): Promise<number> | number;
}

/** A compiler turns a suite file into a plan. */
export interface Compiler {
  /** Compile; all problems come back as diagnostics (a plan only when there are no errors). */
  compile(input: CompileInput): Promise<CompileOutput>;
  /** The JSON Schema of the suite format, for `atp schema suite`. */
  jsonSchema?(): object;
}

/** What a compiler gets. */
export interface CompileInput {
  file: string;
  source: string;
  /** Environment for `${VAR}` substitution. */
  env: Readonly<Record<string, string | undefined>>;
  kernel: Kernel;
  /** Tag filter (`smoke,core,!slow`). */
  tags?: string;
  /** Override runs per test. */
  runs?: number;
  /** Fire the kernel's `suite` hook on the parsed suite (given only when plugins tapped it). */
  suiteHook?: (suite: SuiteDocument) => Promise<SuiteDocument>;
}

/** What a compiler returns. */
export interface CompileOutput {
  plan?: Plan;
  diagnostics: Diagnostic[];
}

/** The module a compiler registry entry loads. */
export interface CompilerModule {
  createCompiler(): Compiler;
}

/** A benchmark loader: produces a suite file or plan from a dataset. */
export interface BenchmarkModule {
  load(options: Record<string, unknown>): Promise<Plan>;
}

/** A trace importer: converts external traces to ATP events. */
export interface ImporterModule {
  importTraces(source: string, options: Record<string, unknown>): Promise<Array<{ request: ATPRequest; events: ATPEvent[]; response?: ATPResponse }>>;
}
