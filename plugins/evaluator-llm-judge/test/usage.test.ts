import { describe, expect, it } from 'vitest';
import { UsageMeter } from '../src/usage.js';

describe('UsageMeter', () => {
  it('sums calls and prices them only with explicit judge pricing', () => {
    const m = new UsageMeter({ provider: 'openai', model: 'gpt-4o-mini' });
    expect(m.records()).toEqual([]);
    m.add({ inputTokens: 1000, outputTokens: 100 });
    m.add({ inputTokens: 500, outputTokens: 50 });
    expect(m.records()).toEqual([{ provider: 'openai', model: 'gpt-4o-mini', input_tokens: 1500, output_tokens: 150, calls: 2, role: 'judge' }]);
    const priced = new UsageMeter({ provider: 'openai', model: 'house', pricing: { input_per_1k: 0.001, output_per_1k: 0.002 } });
    priced.add({ inputTokens: 1500, outputTokens: 150 });
    // 1.5 × 0.001 + 0.15 × 0.002 = 0.0018
    expect(priced.records()[0]?.cost_usd).toBe(0.0018);
  });
});
