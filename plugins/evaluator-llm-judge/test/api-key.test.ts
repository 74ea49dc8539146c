import { Secret } from '@atp/kernel';
import { describe, expect, it } from 'vitest';
import { resolveApiKey } from '../src/api-key.js';

describe('resolveApiKey', () => {
  const judge = { provider: 'openai' as const, model: 'gpt-4o-mini' };
  it('prefers api_key, then api_key_env, then the provider variable', () => {
    expect(resolveApiKey({ ...judge, api_key: new Secret('k1') }, { OPENAI_API_KEY: 'k3' })).toEqual({ ok: true, key: 'k1' });
    expect(resolveApiKey({ ...judge, api_key_env: 'MINE' }, { MINE: 'k2', OPENAI_API_KEY: 'k3' })).toEqual({ ok: true, key: 'k2' });
    expect(resolveApiKey(judge, { OPENAI_API_KEY: 'k3' })).toEqual({ ok: true, key: 'k3' });
  });
  it('names the variable to set when the key is missing', () => {
    expect(resolveApiKey(judge, {})).toEqual({ ok: false, message: 'the openai judge (gpt-4o-mini) needs an API key: set OPENAI_API_KEY, or name another variable with judge.api_key_env' });
    expect(resolveApiKey({ ...judge, api_key_env: 'MINE' }, {})).toEqual({ ok: false, message: 'the openai judge (gpt-4o-mini) needs an API key: set MINE (named by judge.api_key_env)' });
    expect(resolveApiKey({ provider: 'azure', model: 'gpt-4o', base_url: 'https://x.openai.azure.com' }, {})).toEqual({ ok: false, message: 'the azure judge (gpt-4o) needs an API key: set AZURE_OPENAI_API_KEY, or name another variable with judge.api_key_env' });
    expect(resolveApiKey({ ...judge, api_key: new Secret(' ') }, {})).toEqual({ ok: false, message: 'the openai judge (gpt-4o-mini) has an empty judge.api_key: set the variable it refers to' });
  });
  it('lets a judge on a custom base_url (a local server) go without a key', () => {
    expect(resolveApiKey({ ...judge, base_url: 'http://127.0.0.1:11434/v1' }, {})).toEqual({ ok: true });
    expect(resolveApiKey({ provider: 'anthropic', model: 'c', base_url: 'http://127.0.0.1:1' }, {})).toEqual({ ok: true });
  });
});
