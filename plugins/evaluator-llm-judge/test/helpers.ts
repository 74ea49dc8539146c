import type { ATPResponse, EvaluationInput } from '@atp/kernel';
import { sampleEvaluationInput, sampleRequest, sampleResponse, type SampleResponseOptions } from '@atp/testkit';
import { createLlmEvalConfigSchema, type JudgeFields, type LlmEvalConfig } from '../src/config-schema.js';

/** Parse an assertion config as the compiler would (with an optional project judge). */
export function parseConfig(config: Record<string, unknown>, suiteJudge?: JudgeFields, type = 'llm_eval'): LlmEvalConfig {
  return createLlmEvalConfigSchema(type, () => suiteJudge).parse(config);
}

/** A whole EvaluationInput for one llm_eval assertion on a sample response. */
export function judgeInput(config: LlmEvalConfig, response: ATPResponse | SampleResponseOptions = {}, signal = new AbortController().signal): EvaluationInput<LlmEvalConfig> {
  const request = sampleRequest({ description: 'Write a short summary of the quarterly report', input_data: { quarter: 'Q3' } });
  const res = 'task_id' in response && 'status' in response && Array.isArray((response as ATPResponse).artifacts) ? (response as ATPResponse) : sampleResponse(response as SampleResponseOptions);
  return sampleEvaluationInput({ type: 'llm_eval', config, request, response: res, testName: 'summary', signal });
}

/** A verdict object as a judge returns it. */
export function verdict(score: number, extra: Partial<{ explanation: string; issues: string[]; strengths: string[]; criteria: Array<{ criterion: string; score: number; explanation: string }> }> = {}) {
  return { score, explanation: extra.explanation ?? `scored ${score}`, issues: extra.issues ?? [], strengths: extra.strengths ?? [], criteria: extra.criteria ?? [] };
}
