import type { Plan, PlanTest } from '@atp/kernel';
import { describe, expect, it } from 'vitest';
import { estimatePlan, estimateTokens, inputChars } from '../src/estimate.js';
import { PricingTable } from '../src/pricing.js';
import { parseUsd } from '../src/usd.js';

const scoring = { quality_weight: 0.4, completeness_weight: 0.3, efficiency_weight: 0.2, cost_weight: 0.1 };
const test = (id: string, task: Partial<PlanTest['task']>, constraints: PlanTest['constraints'], runs: number): PlanTest => ({
  id,
  name: `test ${id}`,
  tags: [],
  task: { description: '', input_data: null, expected_artifacts: null, ...task },
  constraints,
  timeoutMs: 60_000,
  assertions: [],
  scoring,
  runs,
  agents: [],
});

// A: 20 (description) + 4+10 + 5+1 (input_data) + 10 (artifact) + 9+6 (tools) = 65 chars
const A = test('a', { description: 'Summarize the report', input_data: { file: 'report.txt', pages: 3 }, expected_artifacts: ['summary.md'] }, { max_steps: 5, max_tokens: 600, allowed_tools: ['read_file', 'search'] }, 2);
// B: 2 chars, no max_steps (10 assumed)
const B = test('b', { description: 'Hi' }, {}, 1);
const plan: Plan = {
  planVersion: 1,
  suite: { name: 'estimates', version: '1.0' },
  agents: [],
  tests: [A, B],
  jobs: [
    { id: 'a::default::1', testId: 'a', agent: 'default', run: 1 },
    { id: 'a::default::2', testId: 'a', agent: 'default', run: 2 },
    { id: 'b::default::1', testId: 'b', agent: 'default', run: 1 },
  ],
};

describe('estimateTokens', () => {
  it('counts description, input_data keys and values, artifact names and tool names', () => {
    expect(inputChars(A)).toBe(65);
    expect(inputChars(test('c', { description: 'x', input_data: { list: [1, 2], nested: { k: 'v' } } }, {}, 1))).toBe(1 + 4 + 5 + 6 + 9);
  });

  it('uses chars/4 + 200 for input and max_steps for output, capped by max_tokens', () => {
    expect(estimateTokens(A)).toEqual({ chars: 65, input: 216, outputMin: 150, outputMax: 600, steps: 5, stepsAssumed: false });
    expect(estimateTokens(B)).toEqual({ chars: 2, input: 200, outputMin: 300, outputMax: 1500, steps: 10, stepsAssumed: true });
    // small step counts hit the floors 100 / 500
    expect(estimateTokens(test('d', { description: '' }, { max_steps: 1 }, 1))).toMatchObject({ outputMin: 100, outputMax: 500 });
    // max_tokens below the minimum caps both
    expect(estimateTokens(test('e', { description: '' }, { max_steps: 5, max_tokens: 120 }, 1))).toMatchObject({ outputMin: 120, outputMax: 120 });
  });
});

describe('estimatePlan', () => {
  const price = PricingTable.builtIn().lookup('gpt-4o');

  it('computes per-test and total min/max costs (hand-computed)', () => {
    const e = estimatePlan(plan, price);
    // A: min = (216 × 0.0025 + 150 × 0.01) / 1000 = 0.00204, max = (216 × 0.0025 + 600 × 0.01) / 1000 = 0.00654; × 2 runs
    // B: min = (200 × 0.0025 + 300 × 0.01) / 1000 = 0.0035, max = (200 × 0.0025 + 1500 × 0.01) / 1000 = 0.0155
    expect(e).toEqual({
      suite: 'estimates',
      model: 'gpt-4o',
      provider: 'openai',
      pricing: { match: 'exact', key: 'gpt-4o', input_per_1k: '0.0025', output_per_1k: '0.01' },
      tests: [
        { test_id: 'a', name: 'test a', runs: 2, chars: 65, input_tokens: 216, output_tokens_min: 150, output_tokens_max: 600, max_steps: 5, max_steps_assumed: false, cost_min_usd: 0.00408, cost_max_usd: 0.01308 },
        { test_id: 'b', name: 'test b', runs: 1, chars: 2, input_tokens: 200, output_tokens_min: 300, output_tokens_max: 1500, max_steps: 10, max_steps_assumed: true, cost_min_usd: 0.0035, cost_max_usd: 0.0155 },
      ],
      total: { runs: 3, input_tokens: 632, output_tokens_min: 600, output_tokens_max: 2700, cost_min_usd: 0.00758, cost_max_usd: 0.02858 },
    });
  });

  it('says whether the maximum exceeds a budget', () => {
    expect(estimatePlan(plan, price, parseUsd('0.02')).budget).toEqual({ limit_usd: 0.02, exceeded: true });
    expect(estimatePlan(plan, price, parseUsd('0.03')).budget).toEqual({ limit_usd: 0.03, exceeded: false });
  });
});
