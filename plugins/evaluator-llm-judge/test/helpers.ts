import { silentLogger, type AssertionSpec, type ATPResponse, type EvaluationInput, type PlanTest } from '@atp/kernel';
import { sampleRequest, sampleResponse, type SampleResponseOptions } from '@atp/testkit';
import { createLlmEvalConfigSchema, type JudgeFields, type LlmEvalConfig } from '../src/config-schema.js';

/** Parse an assertion config as the compiler would (with an optional project judge). */
export function parseConfig(config: Record<string, unknown>, suiteJudge?: JudgeFields, type = 'llm_eval'): LlmEvalConfig {
  return createLlmEvalConfigSchema(type, () => suiteJudge).parse(config);
}

/** A whole EvaluationInput for one llm_eval assertion on a sample response. */
export function judgeInput(config: LlmEvalConfig, response: ATPResponse | SampleResponseOptions = {}, signal = new AbortController().signal): EvaluationInput<LlmEvalConfig> {
  const request = sampleRequest({ description: 'Write a short summary of the quarterly report', input_data: { quarter: 'Q3' } });
  const res = 'task_id' in response && 'status' in response && Array.isArray((response as ATPResponse).artifacts) ? (response as ATPResponse) : sampleResponse(response as SampleResponseOptions);
  const assertion = { id: 'llm_eval', type: 'llm_eval', config, critical: false } as AssertionSpec & { config: LlmEvalConfig };
  const test: PlanTest = {
    id: 't1',
    name: 'summary',
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
    response: res,
    events: [],
    suiteDir: process.cwd(),
    results: new Map(),
    evaluate: async (a) => ({ assertion: a.id, type: a.type, passed: false, score: 0, checks: [], critical: false }),
    signal,
    logger: silentLogger,
  };
}

/** A verdict object as a judge returns it. */
export function verdict(score: number, extra: Partial<{ explanation: string; issues: string[]; strengths: string[]; criteria: Array<{ criterion: string; score: number; explanation: string }> }> = {}) {
  return { score, explanation: extra.explanation ?? `scored ${score}`, issues: extra.issues ?? [], strengths: extra.strengths ?? [], criteria: extra.criteria ?? [] };
}
