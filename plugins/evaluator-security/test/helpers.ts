import { ATPRequestSchema, ATPResponseSchema, silentLogger, type ATPResponseInput, type AssertionSpec, type EvalCheck, type EvaluationInput, type PlanTest } from '@atp/kernel';
import { createEvaluator } from '../src/security-evaluator.js';

/** A whole EvaluationInput around a protocol-valid response. */
export function makeInput(config: Record<string, unknown>, artifacts: ATPResponseInput['artifacts'], type = 'security'): EvaluationInput {
  const request = ATPRequestSchema.parse({ task_id: 'task-1', task: { description: 'Write a report' } });
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

/** Run the evaluator on one text file artifact (or several) and return its single check. */
export async function scan(config: Record<string, unknown>, ...texts: string[]): Promise<EvalCheck> {
  const artifacts = texts.map((content, i) => ({ path: i === 0 ? 'out.txt' : `out${i}.txt`, content }));
  const out = await createEvaluator().evaluate(makeInput(config, artifacts));
  if (out.checks.length !== 1) throw new Error(`expected one check, got ${out.checks.length}`);
  return out.checks[0]!;
}

/** The finding types of a check's details, in order. */
export function findingTypes(check: EvalCheck): string[] {
  return ((check.details?.['findings'] ?? []) as Array<{ type: string }>).map((f) => f.type);
}
