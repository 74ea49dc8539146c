import { describe, expect, it } from 'vitest';
import { PricingTable, callCost, inferProvider } from '../src/pricing.js';
import { formatUsd, parseUsd } from '../src/usd.js';

const table = PricingTable.builtIn();
const rate = (input: string, output: string) => ({ input: parseUsd(input), output: parseUsd(output) });

describe('PricingTable.lookup', () => {
  it('finds an exact model id', () => {
    expect(table.lookup('gpt-4o-mini')).toEqual({ model: 'gpt-4o-mini', rate: rate('0.00015', '0.0006'), match: 'exact', key: 'gpt-4o-mini', provider: 'openai' });
    expect(table.lookup('claude-sonnet-4')).toMatchObject({ match: 'exact', rate: rate('0.003', '0.015'), provider: 'anthropic' });
  });

  it('finds the azure/ twin of a model (Azure naming), and the bare model of an azure/ id', () => {
    expect(table.lookup('gpt-35-turbo', 'azure')).toEqual({ model: 'gpt-35-turbo', rate: rate('0.0005', '0.0015'), match: 'azure', key: 'azure/gpt-35-turbo', provider: 'azure' });
    expect(table.lookup('azure/gpt-4o')).toMatchObject({ match: 'exact', key: 'azure/gpt-4o', provider: 'azure' });
    expect(table.lookup('azure/o1-mini')).toMatchObject({ match: 'azure', key: 'o1-mini', rate: rate('0.003', '0.012'), provider: 'azure' });
    // an OpenAI model is not priced as its Azure twin when the provider says openai
    expect(table.lookup('gpt-35-turbo', 'openai')).toMatchObject({ match: 'provider_default', provider: 'openai' });
  });

  it('prices dated and versioned ids as their base model (longest base wins)', () => {
    expect(table.lookup('gpt-4o-mini-2024-07-18')).toMatchObject({ match: 'versioned', key: 'gpt-4o-mini', rate: rate('0.00015', '0.0006') });
    expect(table.lookup('claude-3-5-haiku-20241022')).toMatchObject({ match: 'versioned', key: 'claude-3-5-haiku', rate: rate('0.0008', '0.004') });
    expect(table.lookup('gpt-4-turbo-2024-04-09')).toMatchObject({ match: 'versioned', key: 'gpt-4-turbo' });
    expect(table.lookup('gpt-4o-2024-08-06', 'azure')).toMatchObject({ match: 'versioned', key: 'gpt-4o', provider: 'azure' });
  });

  it('falls back to the provider default, given or inferred from the id', () => {
    expect(table.lookup('claude-opus-4-1')).toEqual({ model: 'claude-opus-4-1', rate: rate('0.003', '0.015'), match: 'provider_default', provider: 'anthropic' });
    expect(table.lookup('gemini-2.5-pro')).toMatchObject({ match: 'provider_default', provider: 'google', rate: rate('0.00125', '0.005') });
    expect(table.lookup('my-finetune', 'openai')).toMatchObject({ match: 'provider_default', provider: 'openai', rate: rate('0.0025', '0.01') });
    expect(table.lookup('anthropic.claude-v2')).toMatchObject({ match: 'provider_default', provider: 'bedrock' });
  });

  it('prices an unknown model at 0', () => {
    expect(table.lookup('llama3:8b')).toEqual({ model: 'llama3:8b', rate: rate('0', '0'), match: 'unknown' });
    expect(table.lookup('mystery', 'ollama')).toEqual({ model: 'mystery', rate: rate('0', '0'), match: 'unknown', provider: 'ollama' });
  });

  it('merges overrides over the built-ins', () => {
    const custom = table.withOverrides({
      models: { 'llama3:8b': { input_per_1k: '0.0001', output_per_1k: 0.0002, name: 'Llama 3 8B' }, 'gpt-4o': { input_per_1k: 0.002, output_per_1k: 0.008 } },
      provider_defaults: { ollama: { input_per_1k: 0, output_per_1k: 0 }, openai: { input_per_1k: 0.001, output_per_1k: 0.004 } },
    });
    expect(custom.lookup('llama3:8b')).toMatchObject({ match: 'exact', rate: rate('0.0001', '0.0002') });
    expect(custom.lookup('gpt-4o')).toMatchObject({ match: 'exact', rate: rate('0.002', '0.008') });
    expect(custom.lookup('other', 'ollama')).toMatchObject({ match: 'provider_default', rate: rate('0', '0') });
    expect(custom.lookup('gpt-5')).toMatchObject({ match: 'provider_default', rate: rate('0.001', '0.004') });
    // the original table is unchanged
    expect(table.lookup('gpt-4o').rate).toEqual(rate('0.0025', '0.01'));
  });
});

describe('callCost', () => {
  it('multiplies tokens by the per-1K rates', () => {
    // 1000 × 0.00015/1K + 500 × 0.0006/1K = 0.00015 + 0.0003
    expect(formatUsd(callCost(table.lookup('gpt-4o-mini').rate, 1000, 500), 8)).toBe('0.00045000');
  });
});

describe('inferProvider', () => {
  it('recognises the usual model id families', () => {
    expect(['claude-3-haiku', 'gpt-4o', 'o3-mini', 'gemini-1.5-pro', 'azure/gpt-4', 'anthropic.claude-3-haiku-20240307-v1:0', 'us.anthropic.claude-3', 'mistral-large'].map(inferProvider)).toEqual([
      'anthropic',
      'openai',
      'openai',
      'google',
      'azure',
      'bedrock',
      'bedrock',
      undefined,
    ]);
  });
});

describe('cachedCallCost', () => {
  it('bills Anthropic cache reads at 0.1× and writes at 1.25× the input price; others at the full price', async () => {
    const { cachedCallCost } = await import('../src/pricing.js');
    const sonnet = table.lookup('claude-sonnet-4-20250514');
    // 10,000 input of which 6,000 read and 2,000 written: (2,000 + 1.25 × 2,000 + 0.1 × 6,000) × 0.003/1K = 0.0153; + 100 × 0.015/1K = 0.0015
    expect(formatUsd(cachedCallCost(sonnet.rate, sonnet.provider, { input: 10_000, output: 100, cacheRead: 6000, cacheWrite: 2000 }), 8)).toBe('0.01680000');
    const mini = table.lookup('gpt-4o-mini');
    // OpenAI: all 10,000 input tokens at the input price (0.0015) + 100 output (0.00006)
    expect(formatUsd(cachedCallCost(mini.rate, mini.provider, { input: 10_000, output: 100, cacheRead: 6000, cacheWrite: 0 }), 8)).toBe('0.00156000');
  });
});
