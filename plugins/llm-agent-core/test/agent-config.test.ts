import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isAdapterError } from '@atp/kernel';
import { agentConfigFields, parseAgentConfig, zHttpUrl } from '../src/agent-config.js';

const Schema = z.strictObject({ model: z.string().min(1), base_url: zHttpUrl('base_url').optional(), ...agentConfigFields('429/5xx') });

function issues(input: unknown): string[] {
  const parsed = Schema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('zHttpUrl', () => {
  it('accepts absolute http(s) URLs and names the key otherwise, the value cut at 80 characters', () => {
    expect(issues({ model: 'm', base_url: 'http://127.0.0.1:8080/v1' })).toEqual([]);
    expect(issues({ model: 'm', base_url: 'https://api.example.com' })).toEqual([]);
    expect(issues({ model: 'm', base_url: 'localhost:11434' })).toEqual(['base_url: base_url must be an absolute http:// or https:// URL (got "localhost:11434")']);
    expect(issues({ model: 'm', base_url: 'ftp://files.example.com' })).toEqual(['base_url: base_url must be an absolute http:// or https:// URL (got "ftp://files.example.com")']);
    const long = `not a url ${'x'.repeat(100)}`;
    expect(issues({ model: 'm', base_url: long })).toEqual([`base_url: base_url must be an absolute http:// or https:// URL (got ${JSON.stringify(`${long.slice(0, 80)}…`)})`]);
  });
});

describe('agentConfigFields', () => {
  it('has the shared keys in order, with their defaults', () => {
    expect(Object.keys(agentConfigFields('x'))).toEqual(['max_steps', 'stream', 'tools', 'response_file', 'pricing', 'timeout_seconds', 'max_retries', 'retry_count', 'retry_delay_seconds']);
    expect(Schema.parse({ model: 'm' })).toEqual({ model: 'm', max_steps: 10, stream: false, tools: [], response_file: 'response.md', timeout_seconds: 300, max_retries: 2, retry_count: 0, retry_delay_seconds: 1 });
  });

  it('names what the SDK retries in the max_retries description', () => {
    expect(agentConfigFields('408/409/429/5xx/529').max_retries.description).toBe('Retries of 408/409/429/5xx/529 and connection errors by the SDK, honouring Retry-After');
    expect(agentConfigFields('429/5xx').pricing.description).toBe('USD per 1K tokens, overriding the built-in price of the model');
  });

  it('validates each key, in key order', () => {
    expect(
      issues({ model: 'm', max_steps: 0, stream: 'yes', response_file: '../out.md', pricing: { input_per_1k: -1, output_per_1k: 1 }, timeout_seconds: 0, max_retries: 11, retry_count: -1, retry_delay_seconds: -1 }).map((i) => i.split(':')[0]),
    ).toEqual(['max_steps', 'stream', 'response_file', 'pricing.input_per_1k', 'timeout_seconds', 'max_retries', 'retry_count', 'retry_delay_seconds']);
    expect(issues({ model: 'm', pricing: { input_per_1k: 1, output_per_1k: 1, currency: 'EUR' } })).toEqual(['pricing: Unrecognized key: "currency"']);
  });
});

describe('parseAgentConfig', () => {
  it('returns the config with defaults applied', () => {
    expect(parseAgentConfig(Schema, { model: 'm', max_steps: 3 }, 'acme')).toMatchObject({ model: 'm', max_steps: 3, timeout_seconds: 300 });
  });

  it('throws a non-retryable AdapterError naming the adapter and every issue with its path', () => {
    let error: unknown;
    try {
      parseAgentConfig(Schema, { model: '', max_steps: 0, extra: 1 }, 'acme');
    } catch (e) {
      error = e;
    }
    expect(isAdapterError(error)).toBe(true);
    expect(error).toMatchObject({
      kind: 'other',
      retryable: false,
      message: 'invalid acme agent config: model: Too small: expected string to have >=1 characters; max_steps: Too small: expected number to be >=1; Unrecognized key: "extra"',
    });
  });
});
