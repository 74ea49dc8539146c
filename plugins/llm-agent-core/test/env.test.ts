import { afterEach, describe, expect, it, vi } from 'vitest';
import { envValue } from '../src/env.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('envValue', () => {
  it('gives a set variable as it is, and undefined for an unset or blank one', () => {
    expect(envValue('KEY', { KEY: ' sk-1 ' })).toBe(' sk-1 ');
    expect(envValue('KEY', { KEY: '' })).toBeUndefined();
    expect(envValue('KEY', { KEY: ' \t' })).toBeUndefined();
    expect(envValue('KEY', {})).toBeUndefined();
  });

  it('reads process.env by default', () => {
    vi.stubEnv('ATP_LLM_CORE_TEST_VAR', 'value');
    expect(envValue('ATP_LLM_CORE_TEST_VAR')).toBe('value');
    vi.stubEnv('ATP_LLM_CORE_TEST_VAR', '  ');
    expect(envValue('ATP_LLM_CORE_TEST_VAR')).toBeUndefined();
  });
});
