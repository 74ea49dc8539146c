import type { ATPResponseInput, EvalCheck, EvaluationInput } from '@atp/kernel';
import { sampleEvaluationInput } from '@atp/testkit';
import { createEvaluator } from '../src/style-evaluator.js';

/** A whole EvaluationInput around a protocol-valid response. */
export function makeInput(type: string, config: Record<string, unknown>, artifacts: ATPResponseInput['artifacts']): EvaluationInput {
  return sampleEvaluationInput({ type, config, description: 'Write a summary', response: { artifacts } });
}

/** Evaluate one assertion against a single text artifact `out.md`. */
export async function evaluate(type: string, config: Record<string, unknown>, text: string): Promise<EvalCheck[]> {
  return (await createEvaluator().evaluate(makeInput(type, config, [{ path: 'out.md', content: text }]))).checks;
}
