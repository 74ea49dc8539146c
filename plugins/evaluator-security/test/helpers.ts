import type { ATPResponseInput, EvalCheck, EvaluationInput } from '@atp/kernel';
import { sampleEvaluationInput } from '@atp/testkit';
import { createEvaluator } from '../src/security-evaluator.js';

/** A whole EvaluationInput around a protocol-valid response. */
export function makeInput(config: Record<string, unknown>, artifacts: ATPResponseInput['artifacts'], type = 'security'): EvaluationInput {
  return sampleEvaluationInput({ type, config, description: 'Write a report', response: { artifacts } });
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
