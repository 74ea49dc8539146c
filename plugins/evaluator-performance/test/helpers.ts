import { dirname, resolve } from 'node:path';
import { ATPEventSchema, ATPRequestSchema, ATPResponseSchema, silentLogger, type ATPEventInput, type ATPResponseInput, type AssertionSpec, type EvaluationInput, type PlanTest } from '@atp/kernel';

/** What a test case varies; everything else gets a plausible default. */
export interface InputOptions {
  config?: Record<string, unknown>;
  type?: string;
  metrics?: ATPResponseInput['metrics'];
  events?: Array<Omit<ATPEventInput, 'task_id' | 'sequence'>>;
  suiteFile?: string;
  testId?: string;
  taskId?: string;
}

/** `llm_request` events with these durations (and optional token counts). */
export function llmEvents(durations: number[], tokens?: { input: number; output: number }): Array<Omit<ATPEventInput, 'task_id' | 'sequence'>> {
  return durations.map((d) => ({ event_type: 'llm_request', payload: { model: 'm', duration_ms: d, ...(tokens ? { input_tokens: tokens.input, output_tokens: tokens.output } : {}) } }));
}

/** Build a whole EvaluationInput for a performance assertion. */
export function makeInput(options: InputOptions = {}): EvaluationInput {
  const taskId = options.taskId ?? 'task-1';
  const request = ATPRequestSchema.parse({ task_id: taskId, task: { description: 'Answer' } });
  const response = ATPResponseSchema.parse({ task_id: taskId, status: 'completed', metrics: options.metrics ?? null });
  const events = (options.events ?? []).map((e, i) => ATPEventSchema.parse({ task_id: taskId, sequence: i, ...e }));
  const type = options.type ?? 'performance';
  const assertion: AssertionSpec = { id: type, type, config: options.config ?? {}, critical: false };
  if (options.suiteFile) assertion.location = { file: options.suiteFile, line: 3, column: 7 };
  const test: PlanTest = {
    id: options.testId ?? 't1',
    name: 'test one',
    tags: [],
    task: request.task,
    constraints: {},
    timeoutMs: 60_000,
    assertions: [assertion],
    scoring: { quality_weight: 0.4, completeness_weight: 0.3, efficiency_weight: 0.2, cost_weight: 0.1 },
    runs: 1,
    agents: [],
  };
  return {
    assertion,
    test,
    request,
    response,
    events,
    suiteDir: assertion.location ? dirname(resolve(assertion.location.file)) : process.cwd(),
    results: new Map(),
    evaluate: async (a) => ({ assertion: a.id, type: a.type, passed: false, score: 0, checks: [], critical: false, skipped: { reason: 'unsupported_assertion_type', message: `no evaluator for "${a.type}"` } }),
    signal: new AbortController().signal,
    logger: silentLogger,
  };
}
