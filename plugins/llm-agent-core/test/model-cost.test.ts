import { describe, expect, it } from 'vitest';
import type { Logger } from '@atp/kernel';
import type { ModelTurn, ModelUsage } from '../src/agent-loop.js';
import { modelCost, type ModelCostOptions } from '../src/model-cost.js';
import type { Price } from '../src/pricing.js';

const PRICES: Readonly<Record<string, Price>> = { 'model-a': { input_per_1k: 1, output_per_1k: 2 } };

function turn(model: string, usage: Partial<ModelUsage> = {}): ModelTurn {
  return { text: '', toolCalls: [], usage: { input: 1000, output: 500, cacheRead: 0, cacheWrite: 0, ...usage }, model, finishReason: 'stop' };
}

function recording(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, debug: (m) => void lines.push(`debug: ${m}`), info: (m) => void lines.push(`info: ${m}`), warn: (m) => void lines.push(`warn: ${m}`), error: (m) => void lines.push(`error: ${m}`) };
}

function options(extra: Partial<ModelCostOptions> = {}): ModelCostOptions {
  return { pricing: undefined, prices: PRICES, model: 'model-a', costOf: (price, usage) => usage.input * price.input_per_1k + usage.output * price.output_per_1k, logger: recording(), warnUnknown: true, ...extra };
}

const UNKNOWN = (model: string) => `no price known for model "${model}": cost_usd is not reported; set pricing: {input_per_1k, output_per_1k} in the agent config`;

describe('modelCost', () => {
  it('prices the model the API answered with, else the configured model', () => {
    const cost = modelCost(options({ model: 'unlisted' }));
    expect(cost(turn('model-a-2025-01-01'))).toBe(2000);
    expect(modelCost(options())(turn('served-name'))).toBe(2000);
  });

  it('the agent’s pricing overrides the table; the provider’s costOf gets the whole usage', () => {
    const seen: Array<[Price, ModelUsage]> = [];
    const cost = modelCost(options({ pricing: { input_per_1k: 0.5, output_per_1k: 0.25 }, costOf: (price, usage) => (seen.push([price, usage]), 7) }));
    expect(cost(turn('model-a', { cacheRead: 10 }))).toBe(7);
    expect(seen).toEqual([[{ input_per_1k: 0.5, output_per_1k: 0.25 }, { input: 1000, output: 500, cacheRead: 10, cacheWrite: 0 }]]);
  });

  it('an unknown price gives undefined and is said once per model: a warning, or a debug line', () => {
    const logger = recording();
    const cost = modelCost(options({ model: 'mystery', logger }));
    expect(cost(turn('mystery'))).toBeUndefined();
    expect(cost(turn('mystery'))).toBeUndefined();
    expect(cost(turn('mystery-2'))).toBeUndefined();
    expect(logger.lines).toEqual([`warn: ${UNKNOWN('mystery')}`, `warn: ${UNKNOWN('mystery-2')}`]);

    const local = recording();
    expect(modelCost(options({ model: 'llama3.1', logger: local, warnUnknown: false }))(turn('llama3.1'))).toBeUndefined();
    expect(local.lines).toEqual([`debug: ${UNKNOWN('llama3.1')}`]);
  });

  it('each cost function remembers on its own what it has said', () => {
    const logger = recording();
    modelCost(options({ model: 'x', logger }))(turn('x'));
    modelCost(options({ model: 'x', logger }))(turn('x'));
    expect(logger.lines).toHaveLength(2);
  });
});
