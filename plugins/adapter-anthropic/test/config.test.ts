import { afterEach, describe, expect, it, vi } from 'vitest';
import { validatePlugin } from '@atp/kernel';
import plugin, { ANTHROPIC_PRICES, AnthropicAgentConfigSchema, costUsd, findPrice } from '../src/index.js';

function issues(input: unknown): string[] {
  const parsed = AnthropicAgentConfigSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('anthropic plugin and config', () => {
  it('is a valid plugin registering the lazy anthropic adapter', async () => {
    expect(() => validatePlugin(plugin, '@atp/adapter-anthropic')).not.toThrow();
    expect(plugin.adapters?.map((a) => a.name)).toEqual(['anthropic']);
    expect(typeof (await plugin.adapters![0]!.load()).createAdapter).toBe('function');
  });

  it('applies defaults (max_tokens is required by the API: 1024)', () => {
    const parsed = AnthropicAgentConfigSchema.parse({ model: 'claude-3-5-haiku-latest', api_key: 'k' });
    expect(parsed).toEqual({
      model: 'claude-3-5-haiku-latest',
      api_key: 'k',
      max_tokens: 1024,
      max_steps: 10,
      stream: false,
      tools: [],
      response_file: 'response.md',
      timeout_seconds: 300,
      max_retries: 2,
      retry_count: 0,
      retry_delay_seconds: 1,
    });
    expect(AnthropicAgentConfigSchema.parse(parsed)).toEqual(parsed);
    expect(issues({ model: 'm', api_key: 'k', temperature: 1.5, system: 'x' })).toEqual(['temperature: Too big: expected number to be <=1', ': Unrecognized key: "system"']);
  });

  it('names ANTHROPIC_API_KEY when no credential is found', () => {
    vi.stubEnv('ANTHROPIC_API_KEY', '');
    vi.stubEnv('ANTHROPIC_AUTH_TOKEN', '');
    vi.stubEnv('ANTHROPIC_BASE_URL', '');
    expect(issues({ model: 'claude-sonnet-4' })).toEqual([
      'api_key: no Anthropic API key: set the ANTHROPIC_API_KEY environment variable (or api_key: ${MY_KEY} in the agent config)',
    ]);
    vi.stubEnv('ANTHROPIC_AUTH_TOKEN', 'tok');
    expect(issues({ model: 'claude-sonnet-4' })).toEqual([]);
    expect(issues({ model: 'claude-sonnet-4', api_key: 'a', auth_token: 'b' })).toEqual(['auth_token: give api_key or auth_token, not both']);
    vi.stubEnv('ANTHROPIC_AUTH_TOKEN', '');
    expect(issues({ model: 'claude-sonnet-4', base_url: 'http://127.0.0.1:4000' })).toEqual([]);
  });

  it('prices models, cache writes at 1.25× and reads at 0.1× the input price', () => {
    expect(findPrice('claude-sonnet-4-20250514', ANTHROPIC_PRICES)).toEqual({ input_per_1k: 0.003, output_per_1k: 0.015 });
    expect(findPrice('claude-3-5-haiku-latest', ANTHROPIC_PRICES)).toBe(ANTHROPIC_PRICES['claude-3-5-haiku']);
    expect(findPrice('claude-3-haiku-20240307', ANTHROPIC_PRICES)).toBe(ANTHROPIC_PRICES['claude-3-haiku']);
    expect(findPrice('claude-opus-4-1', ANTHROPIC_PRICES)).toBeUndefined();
    expect(costUsd({ input_per_1k: 0.003, output_per_1k: 0.015 }, { input: 1100, output: 20, cacheRead: 0, cacheWrite: 1000 })).toBe(0.00435);
    expect(costUsd({ input_per_1k: 0.003, output_per_1k: 0.015 }, { input: 1050, output: 30, cacheRead: 1000, cacheWrite: 0 })).toBe(0.0009);
  });
});
