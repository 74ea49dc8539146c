import { ATPRequestSchema, ATPResponseSchema, silentLogger, type ATPResponseInput, type AssertionSpec, type EvalCheck, type EvaluationInput, type PlanTest } from '@atp/kernel';
import { createEvaluator } from '../src/style-evaluator.js';

/** A whole EvaluationInput around a protocol-valid response. */
export function makeInput(type: string, config: Record<string, unknown>, artifacts: ATPResponseInput['artifacts']): EvaluationInput {
  const request = ATPRequestSchema.parse({ task_id: 'task-1', task: { description: 'Write a summary' } });
  const response = ATPResponseSchema.parse({ task_id: 'task-1', status: 'completed', artifacts });
  const assertion: AssertionSpec = { id: type, type, config, critical: false };
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
  return {
    assertion,
    test,
    request,
    response,
    events: [],
    suiteDir: process.cwd(),
    results: new Map(),
    evaluate: async (a) => ({ assertion: a.id, type: a.type, passed: false, score: 0, checks: [], critical: false }),
    signal: new AbortController().signal,
    logger: silentLogger,
  };
}

/** Evaluate one assertion against a single text artifact `out.md`. */
export async function evaluate(type: string, config: Record<string, unknown>, text: string): Promise<EvalCheck[]> {
  return (await createEvaluator().evaluate(makeInput(type, config, [{ path: 'out.md', content: text }]))).checks;
}
