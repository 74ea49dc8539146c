import { Secret } from '@atp/kernel';
import { describe, expect, it } from 'vitest';
import { McpAdapterConfigSchema, transportOf } from '../src/config.js';
import { resolveTarget } from '../src/target.js';

const issues = (input: unknown): string[] => {
  const parsed = McpAdapterConfigSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('McpAdapterConfigSchema', () => {
  it('applies the defaults', () => {
    expect(McpAdapterConfigSchema.parse({ command: 'node' })).toEqual({
      timeout_seconds: 300,
      retry_count: 0,
      retry_delay_seconds: 1,
      enable_cost_tracking: true,
      command: 'node',
      args: [],
      working_dir: null,
      environment: {},
      inherit_environment: false,
      allowed_env_vars: [],
      headers: {},
      sse_fallback: true,
      startup_timeout: 30,
      tools_filter: null,
      resources_filter: null,
      client_name: 'atp',
      client_version: '0.1.0',
      log_level: null,
      kill_grace_seconds: 1,
    });
  });

  it('infers the transport: stdio with a command, http with a url', () => {
    expect(transportOf(McpAdapterConfigSchema.parse({ command: ['node', 'server.js'] }))).toBe('stdio');
    expect(transportOf(McpAdapterConfigSchema.parse({ url: 'http://127.0.0.1:3001/mcp' }))).toBe('http');
    expect(transportOf(McpAdapterConfigSchema.parse({ transport: 'sse', url: 'http://127.0.0.1:3001/sse' }))).toBe('sse');
  });

  it('says what is missing or contradictory', () => {
    expect(issues({})).toEqual(['command: give command (a server started on stdio) or url (a server over HTTP)']);
    expect(issues({ command: 'node', url: 'http://x/mcp' })).toEqual(['url: give either command (stdio) or url (http), not both']);
    expect(issues({ transport: 'stdio', url: 'http://x/mcp' })).toEqual(['command: transport stdio needs command', 'url: url is for transport http or sse; transport stdio starts command']);
    expect(issues({ transport: 'http', command: 'node' })).toEqual(['url: transport http needs url', 'command: command is for transport stdio; transport http connects to url']);
    expect(issues({ url: 'ftp://x/mcp' })).toEqual(['url: url must use http:// or https://, not ftp:// (got "ftp://x/mcp")']);
    expect(issues({ url: 'not a url' })).toEqual(['url: url must be an absolute http:// or https:// URL (got "not a url")']);
    expect(issues({ url: 'http://x/mcp', headers: { 'bad header': 'v' } })).toEqual(['headers.bad header: invalid header name "bad header": use letters, digits and !#$%&\'*+.^_`|~-']);
    expect(issues({ command: 'node', tools_filter: [' echo'] })).toEqual(['tools_filter.0: pattern " echo" has leading or trailing spaces']);
    expect(issues({ command: 'node', startup_timeout: 0, timeout: 5 })).toEqual(['startup_timeout: Too small: expected number to be >0', ': Unrecognized key: "timeout"']);
  });

  it('never echoes a secret url', () => {
    expect(issues({ url: new Secret('ftp://user:hunter22@x/mcp') })).toEqual(['url: url must use http:// or https://, not ftp://']);
  });
});

describe('resolveTarget', () => {
  it('resolves working_dir against the suite directory and hides secret arguments', () => {
    const config = McpAdapterConfigSchema.parse({ command: 'node', args: ['server.js', new Secret('--token=abcd1234')], working_dir: 'servers', environment: { MODE: 'test' } });
    const { target, label, secrets } = resolveTarget(config, '/suite', { PATH: '/bin' });
    expect(target).toEqual({ kind: 'stdio', spec: { file: 'node', args: ['server.js', '--token=abcd1234'], cwd: '/suite/servers', env: { PATH: '/bin', MODE: 'test' } } });
    expect(label).toBe('node server.js ***');
    expect(secrets).toEqual(['--token=abcd1234']);
  });

  it('keeps credentials of HTTP targets out of the label and in the secrets', () => {
    const config = McpAdapterConfigSchema.parse({ url: 'https://user:pa55word@mcp.example.com/mcp?key=abcdefgh12', headers: { Authorization: 'Bearer tok-abcdef', 'X-Trace': 'on' } });
    const { target, label, secrets } = resolveTarget(config, '/suite', {});
    expect(target).toEqual({ kind: 'http', url: 'https://user:pa55word@mcp.example.com/mcp?key=abcdefgh12', headers: { Authorization: 'Bearer tok-abcdef', 'X-Trace': 'on' }, sseFallback: true });
    expect(label).toBe('https://mcp.example.com/mcp?…');
    expect(secrets.sort()).toEqual(['Bearer tok-abcdef', 'abcdefgh12', 'pa55word', 'tok-abcdef']);
  });
});
