import { dirname, resolve } from 'node:path';
import {
  ATPEventSchema,
  ATPRequestSchema,
  ATPResponseSchema,
  DEFAULT_WEIGHTS,
  silentLogger,
  type ATPEventInput,
  type ATPRequest,
  type ATPRequestInput,
  type ATPResponseInput,
  type AssertionSpec,
  type EvalResult,
  type EvaluationInput,
  type Logger,
  type PlanTest,
} from '@atp/kernel';

/** What {@link sampleEvaluationInput} varies; everything else gets a plausible default. */
export interface SampleEvaluationInputOptions<TConfig = Record<string, unknown>> {
  /** The assertion type (also its id). */
  type: string;
  /** The assertion config, as the compiler hands it over (default `{}`). */
  config?: TConfig;
  /** A compiled expression on the assertion (composites). */
  expr?: AssertionSpec['expr'];
  /** Where the assertion stands in its suite; `suiteDir` defaults to that file's directory. */
  location?: AssertionSpec['location'];
  /** The task id of the request, response and events (default `task-1`). */
  taskId?: string;
  /** The task description of the default request (default "Create hello.txt"). */
  description?: string;
  /** The whole request instead of the default one (validated with the protocol schema). */
  request?: ATPRequest | ATPRequestInput;
  /** Response fields over `{ task_id, status: 'completed' }` (validated with the protocol schema). */
  response?: Partial<ATPResponseInput>;
  /** The run's events; `task_id` and `sequence` (their position) are filled in. */
  events?: Array<Omit<ATPEventInput, 'task_id' | 'sequence'> & { sequence?: number }>;
  /** The test's id (default `t1`) and name (default "test one"). */
  testId?: string;
  testName?: string;
  constraints?: PlanTest['constraints'];
  /** The sandbox workspace of the run. */
  workspace?: string;
  /** The suite's directory (default: the directory of `location.file`, else the working directory). */
  suiteDir?: string;
  /** Results of assertions evaluated before this one (composites read them). */
  results?: EvalResult[];
  /** How inline assertions are evaluated (default: every one is skipped as an unsupported type). */
  evaluate?: (assertion: AssertionSpec) => Promise<EvalResult>;
  signal?: AbortSignal;
  logger?: Logger;
}

const unsupported = async (a: AssertionSpec): Promise<EvalResult> => ({
  assertion: a.id,
  type: a.type,
  passed: false,
  score: 0,
  checks: [],
  critical: false,
  skipped: { reason: 'unsupported_assertion_type', message: `no evaluator for "${a.type}"` },
});

/** A whole EvaluationInput for one assertion, built from protocol-valid request, response and events, as the runner hands it to an evaluator. */
export function sampleEvaluationInput<TConfig = Record<string, unknown>>(options: SampleEvaluationInputOptions<TConfig>): EvaluationInput<TConfig> {
  const taskId = options.taskId ?? 'task-1';
  const request = ATPRequestSchema.parse(options.request ?? { task_id: taskId, task: { description: options.description ?? 'Create hello.txt' } });
  const response = ATPResponseSchema.parse({ task_id: taskId, status: 'completed', ...options.response });
  const events = (options.events ?? []).map((e, i) => ATPEventSchema.parse({ task_id: taskId, sequence: i, ...e }));
  const assertion = { id: options.type, type: options.type, config: options.config ?? {}, critical: false } as AssertionSpec & { config: TConfig };
  if (options.expr) assertion.expr = options.expr;
  if (options.location) assertion.location = options.location;
  const test: PlanTest = {
    id: options.testId ?? 't1',
    name: options.testName ?? 'test one',
    tags: [],
    task: request.task,
    constraints: options.constraints ?? {},
    timeoutMs: 60_000,
    assertions: [assertion],
    scoring: DEFAULT_WEIGHTS,
    runs: 1,
    agents: [],
  };
  return {
    assertion,
    test,
    request,
    response,
    events,
    ...(options.workspace !== undefined ? { workspace: options.workspace } : {}),
    suiteDir: options.suiteDir ?? (assertion.location ? dirname(resolve(assertion.location.file)) : process.cwd()),
    results: new Map((options.results ?? []).map((r) => [r.assertion, r])),
    evaluate: options.evaluate ?? unsupported,
    signal: options.signal ?? new AbortController().signal,
    logger: options.logger ?? silentLogger,
  };
}
