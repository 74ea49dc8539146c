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

describe('redactDeep', () => {
  it('replaces secrets in strings at any depth, keys included, and leaves untouched values as the same objects', () => {
    const clean = { a: [{ b: 'fine' }], n: 1 };
    expect(redactDeep(clean, ['tok_123456'])).toBe(clean);
    const dirty = { error: 'auth failed for tok_123456', payload: { 'tok_123456': ['x tok_123456 y', 2, null] }, clean };
    const out = redactDeep(dirty, ['tok_123456']);
    expect(out).toEqual({ error: 'auth failed for ***', payload: { '***': ['x *** y', 2, null] }, clean });
    expect(out.clean).toBe(clean);
    expect(dirty.error).toBe('auth failed for tok_123456'); // the input is not modified
  });
});
