import { describe, expect, it } from 'vitest';
import { Secret, redactDeep, secretsIn } from '../src/index.js';

describe('secretsIn', () => {
  it('finds Secrets, the variables inside them, and values under credential-like keys, scheme words stripped', () => {
    const config = {
      endpoint: 'http://127.0.0.1:1/agent',
      headers: {
        Authorization: 'Bearer abcdef0123456789',
        'X-Api-Key': new Secret('Key k3y/with+plus', ['k3y/with+plus']),
        'X-Trace': 'not-a-secret',
      },
      nested: [{ api_key: 'sk-live-1' }],
      short: new Secret('ab'),
    };
    const found = secretsIn(config);
    expect(found).toEqual(expect.arrayContaining(['Bearer abcdef0123456789', 'abcdef0123456789', 'Key k3y/with+plus', 'k3y/with+plus', 'k3y%2Fwith%2Bplus', 'sk-live-1']));
    expect(found).not.toContain('not-a-secret');
    expect(found).not.toContain('Bearer');
    expect(found).not.toContain('ab');
    // Longest first, so a value is redacted whole before its parts.
    expect(found.indexOf('Bearer abcdef0123456789')).toBeLessThan(found.indexOf('abcdef0123456789'));
  });
});

describe('secretsIn: settings are not credentials', () => {
  it('ignores provider-prefixed settings and short keyed values; knows credential header names that end in a credential word', () => {
    const found = secretsIn({
      environment: { OPENAI_MODEL: 'gpt-4o', AWS_REGION: 'us-east-1', DB_HOST: 'localhost', AUTH_MODE: 'none', max_tokens: '40000' },
      auth: 'none',
      headers: { 'X-Goog-Api-Key': 'goog-key-123', 'Ocp-Apim-Subscription-Key': 'azure-key-456', 'X-Token': 'xtoken-789', Authorization: 'Basic pa"ss\\word99' },
      env: { OPENAI_API_KEY: 'sk-abcdef' },
    });
    for (const setting of ['gpt-4o', 'us-east-1', 'localhost', 'none', '40000']) expect(found).not.toContain(setting);
    expect(found).toEqual(expect.arrayContaining(['goog-key-123', 'azure-key-456', 'xtoken-789', 'pa"ss\\word99', 'sk-abcdef']));
  });
});

describe('redactDeep', () => {
  it('visits shared and circular references once and leaves keys alone', () => {
    const shared: Record<string, unknown> = { note: 'key sk-abcdef here' };
    let deep: Record<string, unknown> = shared;
    for (let i = 0; i < 40; i++) deep = { left: deep, right: deep };
    const cyclic: Record<string, unknown> = { text: 'sk-abcdef' };
    cyclic['self'] = cyclic;
    cyclic['other'] = cyclic;
    const out = redactDeep({ deep, cyclic, 'sk-abcdef': 1 }, ['sk-abcdef']);
    // Reaching here at all means each shared node was visited once, not 2^40 times.
    let node = out.deep as Record<string, unknown>;
    for (let i = 0; i < 40; i++) node = node['left'] as Record<string, unknown>;
    expect(node['note']).toBe('key *** here');
    expect(out.cyclic['text']).toBe('***');
    expect(Object.keys(out)).toContain('sk-abcdef');
  });

  it('replaces secrets in strings at any depth and leaves untouched values as the same objects', () => {
    const clean = { a: [{ b: 'fine' }], n: 1 };
    expect(redactDeep(clean, ['tok_123456'])).toBe(clean);
    const dirty = { error: 'auth failed for tok_123456', payload: { 'tok_123456': ['x tok_123456 y', 2, null] }, clean };
    const out = redactDeep(dirty, ['tok_123456']);
    expect(out).toEqual({ error: 'auth failed for ***', payload: { 'tok_123456': ['x *** y', 2, null] }, clean });
    expect(out.clean).toBe(clean);
    expect(dirty.error).toBe('auth failed for tok_123456'); // the input is not modified
  });
});
