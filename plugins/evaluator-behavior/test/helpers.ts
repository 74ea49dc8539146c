import { dirname, resolve } from 'node:path';
import {
  ATPEventSchema,
  ATPRequestSchema,
  ATPResponseSchema,
  silentLogger,
  type ATPEventInput,
  type ATPResponseInput,
  type AssertionSpec,
  type EvalResult,
  type EvaluationInput,
  type PlanTest,
} from '@atp/kernel';

/** What a test case varies; everything else gets a plausible default. */
export interface InputOptions {
  type: string;
  config?: Record<string, unknown>;
  response?: Partial<ATPResponseInput>;
  events?: Array<Omit<ATPEventInput, 'task_id' | 'sequence'> & { sequence?: number }>;
  workspace?: string;
  constraints?: PlanTest['constraints'];
  results?: EvalResult[];
  evaluate?: (assertion: AssertionSpec) => Promise<EvalResult>;
  expr?: AssertionSpec['expr'];
}

/** Build a whole EvaluationInput from protocol-valid request, response and events. */
export function makeInput(options: InputOptions): EvaluationInput {
  const request = ATPRequestSchema.parse({ task_id: 'task-1', task: { description: 'Create hello.txt' } });
  const response = ATPResponseSchema.parse({ task_id: 'task-1', status: 'completed', ...options.response });
  const events = (options.events ?? []).map((e, i) => ATPEventSchema.parse({ task_id: 'task-1', sequence: i, ...e }));
  const assertion: AssertionSpec = { id: options.type, type: options.type, config: options.config ?? {}, critical: false };
  if (options.expr) assertion.expr = options.expr;
  const test: PlanTest = {
    id: 't1',
    name: 'test one',
    tags: [],
    task: request.task,
    constraints: options.constraints ?? {},
    timeoutMs: 60_000,
    assertions: [assertion],
    scoring: { quality_weight: 0.4, completeness_weight: 0.3, efficiency_weight: 0.2, cost_weight: 0.1 },
    runs: 1,
    agents: [],
  };
  const input: EvaluationInput = {
    assertion,
    test,
    request,
    response,
    events,
    suiteDir: assertion.location ? dirname(resolve(assertion.location.file)) : process.cwd(),
    results: new Map((options.results ?? []).map((r) => [r.assertion, r])),
    evaluate: options.evaluate ?? (async (a) => ({ assertion: a.id, type: a.type, passed: false, score: 0, checks: [], critical: false, skipped: { reason: 'unsupported_assertion_type', message: `no evaluator for "${a.type}"` } })),
    signal: new AbortController().signal,
    logger: silentLogger,
  };
  if (options.workspace !== undefined) input.workspace = options.workspace;
  return input;
}
