import { describe, expect, it } from 'vitest';
import { Secret, validatePlugin } from '@atp/kernel';
import plugin, { HttpAdapterConfigSchema } from '../src/index.js';

describe('@atp/adapter-http plugin', () => {
  it('is a valid plugin registering the lazy http adapter', async () => {
    expect(validatePlugin(plugin, '@atp/adapter-http')).toBe(plugin);
    const entry = plugin.adapters[0]!;
    expect(entry.name).toBe('http');
    expect(entry.configSchema).toBe(HttpAdapterConfigSchema);
    const module = await entry.load();
    expect(typeof ('createAdapter' in module ? module.createAdapter : undefined)).toBe('function');
  });
});

describe('HttpAdapterConfigSchema', () => {
  it('applies the reference defaults', () => {
    expect(HttpAdapterConfigSchema.parse({ endpoint: 'https://agent.example/run' })).toEqual({
      timeout_seconds: 300,
      retry_count: 0,
      retry_delay_seconds: 1,
      enable_cost_tracking: true,
      endpoint: 'https://agent.example/run',
      stream_endpoint: null,
      health_endpoint: null,
      headers: {},
      verify_ssl: true,
      allow_internal: false,
      max_response_bytes: 10 * 1024 * 1024,
      max_connections: 32,
    });
  });

  it('rejects unknown keys (the reference silently ignored them)', () => {
    const result = HttpAdapterConfigSchema.safeParse({ endpoint: 'http://a.example', timeout: 5, api_key: 'x' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['timeout', 'api_key'] })]);
  });

  it('validates URLs without echoing secret ones, and header names', () => {
    const bad = HttpAdapterConfigSchema.safeParse({ endpoint: 'ftp://a.example/x' });
    expect(bad.error?.issues[0]?.message).toBe('endpoint must use http:// or https://, not ftp:// (got "ftp://a.example/x")');
    const secret = HttpAdapterConfigSchema.safeParse({ endpoint: new Secret('not a url sk-123456') });
    expect(secret.error?.issues[0]?.message).toBe('endpoint must be an absolute http:// or https:// URL');
    const header = HttpAdapterConfigSchema.safeParse({ endpoint: 'http://a.example', headers: { 'Content-Length': '3', 'bad name': 'x' } });
    expect(header.error?.issues.map((i) => i.message)).toEqual([
      'header "Content-Length" is set by the adapter and cannot be configured',
      "invalid header name \"bad name\": use letters, digits and !#$%&'*+.^_`|~-",
    ]);
    const reserved = HttpAdapterConfigSchema.safeParse({ endpoint: 'http://a.example', headers: { 'Content-Length': '3' } });
    expect(reserved.error?.issues[0]).toMatchObject({ path: ['headers', 'Content-Length'], message: 'header "Content-Length" is set by the adapter and cannot be configured' });
  });

  it('keeps Secret header values as Secrets', () => {
    const token = new Secret('Bearer abc');
    const parsed = HttpAdapterConfigSchema.parse({ endpoint: 'http://a.example', headers: { Authorization: token } });
    expect(parsed.headers.Authorization).toBe(token);
  });
});
