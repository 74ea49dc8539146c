import { dirname, resolve } from 'node:path';
import { ATPRequestSchema, ATPResponseSchema, silentLogger, type AssertionSpec, type EvaluationInput, type PlanTest } from '@atp/kernel';

/** What a test case varies; everything else gets a plausible default. */
export interface InputOptions {
  type: string;
  config?: Record<string, unknown>;
  workspace?: string;
  /** The suite file the assertion came from (for snapshot_file). */
  suiteFile?: string;
}

/** Build a whole EvaluationInput for a filesystem assertion. */
export function makeInput(options: InputOptions): EvaluationInput {
  const request = ATPRequestSchema.parse({ task_id: 'task-1', task: { description: 'Write files' } });
  const response = ATPResponseSchema.parse({ task_id: 'task-1', status: 'completed' });
  const assertion: AssertionSpec = { id: options.type, type: options.type, config: options.config ?? {}, critical: false };
  if (options.suiteFile) assertion.location = { file: options.suiteFile, line: 1, column: 1 };
  const test: PlanTest = {
    id: 't1',
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
  const input: EvaluationInput = {
    assertion,
    test,
    request,
    response,
    events: [],
    suiteDir: assertion.location ? dirname(resolve(assertion.location.file)) : process.cwd(),
    results: new Map(),
    evaluate: async (a) => ({ assertion: a.id, type: a.type, passed: false, score: 0, checks: [], critical: false, skipped: { reason: 'unsupported_assertion_type', message: `no evaluator for "${a.type}"` } }),
    signal: new AbortController().signal,
    logger: silentLogger,
  };
  if (options.workspace !== undefined) input.workspace = options.workspace;
  return input;
}
