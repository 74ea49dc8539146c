import type { AssertionSpec, Plan, PlanTest } from '@atp/kernel';
import { describe, expect, it } from 'vitest';
import { checkJudgeCredentials, judgeAssertions } from '../src/credentials.js';
import { parseConfig } from './helpers.js';

const judged = (id: string, judge: Record<string, unknown>): AssertionSpec => ({ id, type: 'llm_eval', config: parseConfig({ prompt: 'x', judge }) as unknown as Record<string, unknown>, critical: false, location: { file: 'suite.yaml', line: 9, column: 7 } });
const test = (assertions: AssertionSpec[]): PlanTest => ({ id: 't', name: 't', tags: [], task: { description: 'd', input_data: null, expected_artifacts: null }, constraints: {}, timeoutMs: 1000, assertions, scoring: { quality_weight: 0.4, completeness_weight: 0.3, efficiency_weight: 0.2, cost_weight: 0.1 }, runs: 1, agents: [] });
const plan = (tests: PlanTest[]): Plan => ({ planVersion: 1, suite: { name: 's', version: '1' }, agents: [], tests, jobs: [] });

describe('judge credentials', () => {
  const inner = judged('leaf', { provider: 'anthropic', model: 'claude-3-haiku' });
  const composite: AssertionSpec = { id: 'all', type: 'composite', config: {}, critical: false, expr: { kind: 'not', operand: { kind: 'assertion', assertion: inner } } };
  const p = plan([test([judged('a', { provider: 'openai', model: 'gpt-4o' }), composite, { id: 'c', type: 'contains', config: {}, critical: false }])]);

  it('finds judge assertions, composite leaves included', () => {
    expect(judgeAssertions(p, new Set(['llm_eval'])).map((a) => a.id)).toEqual(['a', 'leaf']);
  });

  it('throws one located diagnostic per missing key, naming the variable', () => {
    let error: unknown;
    try {
      checkJudgeCredentials(p, new Set(['llm_eval']), {});
    } catch (e) {
      error = e;
    }
    expect((error as { diagnostics: unknown }).diagnostics).toEqual([
      { code: 'ATP_CONFIG_INVALID', severity: 'error', message: 'the openai judge (gpt-4o) needs an API key: set OPENAI_API_KEY, or name another variable with judge.api_key_env', file: 'suite.yaml', start: { line: 9, column: 7, offset: 0 }, hint: 'export the variable (or put it in .env); keys are never printed' },
      { code: 'ATP_CONFIG_INVALID', severity: 'error', message: 'the anthropic judge (claude-3-haiku) needs an API key: set ANTHROPIC_API_KEY, or name another variable with judge.api_key_env', file: 'suite.yaml', start: { line: 9, column: 7, offset: 0 }, hint: 'export the variable (or put it in .env); keys are never printed' },
    ]);
    expect(() => checkJudgeCredentials(p, new Set(['llm_eval']), { OPENAI_API_KEY: 'a', ANTHROPIC_API_KEY: 'b' })).not.toThrow();
  });
});
