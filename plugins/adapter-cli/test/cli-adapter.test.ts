import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Secret } from '@atp/kernel';
import { createAdapter } from '../src/cli-adapter.js';
import type { CliAdapter } from '../src/cli-adapter.js';
import type { CliAdapterConfigInput } from '../src/config.js';
import { eventually, isDead, rejectionOf, sampleCallContext } from '@atp/testkit';
import { fixtures, init, makeRequest, structuredData } from './helpers.js';

const node = process.execPath;
const agent = join(fixtures, 'agent.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'atp-cli-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const open: CliAdapter[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((a) => a.close()));
});

function adapter(config: Partial<CliAdapterConfigInput>): CliAdapter {
  const a = createAdapter({ command: [node, agent, 'ok'], ...config }, init);
  open.push(a);
  return a;
}

const run = (mode: string, config: Partial<CliAdapterConfigInput> = {}, extra: string[] = []) =>
  adapter({ command: [node, agent, mode, ...extra], ...config }).run(makeRequest(), sampleCallContext().context);

describe('cli adapter: one-shot exchange', () => {
  it('sends the request on stdin, emits stderr events, tolerates plain-text stderr and reads the response', async () => {
    // The string form is shell-split (quotes honoured) without running a shell.
    const a = adapter({ command: `"${node}" '${agent}' ok` });
    const { context, events } = sampleCallContext();
    const response = await a.run(makeRequest('t-1', { description: 'summarise the notes' }), context);
    expect(response.status).toBe('completed');
    expect(response.artifacts[0]).toEqual({
      type: 'structured',
      name: 'echo',
      data: { description: 'summarise the notes', endsWithNewline: true, cwd: fixtures },
      content_type: undefined,
    });
    expect(events.map((e) => [e.sequence, e.event_type, e.task_id])).toEqual([
      [0, 'progress', 't-1'],
      [5, 'tool_call', 't-1'],
      [6, 'progress', 't-1'],
    ]);
  });

  it('runs in working_dir relative to the suite directory', async () => {
    const response = await adapter({ working_dir: '..' }).run(makeRequest(), sampleCallContext().context);
    expect(structuredData<{ cwd: string }>(response).cwd).toBe(join(fixtures, '..'));
    const error = await rejectionOf(adapter({ working_dir: 'no/such/dir' }).run(makeRequest(), sampleCallContext().context));
    expect(error.message).toBe(`working_dir does not exist: ${join(fixtures, 'no/such/dir')}`);
  });

  it('reports a crash with the exit code and the last stderr lines', async () => {
    const error = await rejectionOf(run('crash'));
    expect(error.name).toBe('AdapterError');
    expect(error.kind).toBe('other');
    expect(error.message).toBe('command exited with code 1; stderr (last 2 lines):\n  loading model\n  fatal: boom');
  });

  it('names the signal that killed the agent', async () => {
    const error = await rejectionOf(run('signal'));
    expect(error.message).toBe('command was killed by signal SIGKILL');
  });

  it('fails a valid response with a non-zero exit code (as the reference does)', async () => {
    const error = await rejectionOf(run('exit3'));
    expect(error.kind).toBe('other');
    expect(error.message).toBe(
      'command exited with code 3 (its response on stdout is discarded: a non-zero exit status means the run failed); stderr (last line):\n  something went wrong after answering',
    );
  });

  it('explains garbage, a log line before the JSON, several documents, an invalid response and empty stdout', async () => {
    const garbage = await rejectionOf(run('garbage'));
    expect(garbage.kind).toBe('protocol');
    expect(garbage.message).toBe('agent wrote non-JSON to stdout (line 1: "this is not json {"); write logs to stderr instead');
    expect((await rejectionOf(run('log-before'))).message).toBe(
      'agent wrote non-JSON to stdout (line 1: "Starting agent..."); write logs to stderr instead',
    );
    expect((await rejectionOf(run('two-docs'))).message).toBe(
      'agent wrote 2 JSON documents to stdout; it must write exactly one, the ATP response (write events to stderr)',
    );
    expect((await rejectionOf(run('invalid-response'))).message).toMatch(/^invalid ATP response on stdout: status: /);
    expect((await rejectionOf(run('empty'))).message).toBe(
      'the agent wrote nothing to stdout; it must write one ATP response as JSON; stderr (last line):\n  nothing to say',
    );
  });

  it('reports a missing command as not_found', async () => {
    const error = await rejectionOf(adapter({ command: 'definitely-not-a-command-xyz --flag' }).run(makeRequest(), sampleCallContext().context));
    expect(error.name).toBe('AdapterError');
    expect(error.kind).toBe('not_found');
    expect(error.message).toBe('command not found: definitely-not-a-command-xyz');
  });

  it('does not fail when the agent exits without reading a large request (EPIPE)', async () => {
    const a = adapter({ command: [node, agent, 'ignore-stdin'] });
    const response = await a.run(makeRequest('t-1', { description: 'z'.repeat(99_000) }), sampleCallContext().context);
    expect(response.status).toBe('completed');
  });
});

describe('cli adapter: limits, timeouts and process trees', () => {
  it('kills the whole process tree on timeout', async () => {
    const pidFile = join(tmp, 'grandchild.pid');
    const a = adapter({ command: [node, agent, 'hang', pidFile], timeout_seconds: 1, kill_grace_seconds: 0.2 });
    const { context, events } = sampleCallContext();
    const started = Date.now();
    const error = await rejectionOf(a.run(makeRequest(), context));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(
      'the agent did not finish within 1s (timeout_seconds of the agent config); its process tree was killed; stderr (last line):\n  still thinking',
    );
    expect(events).toHaveLength(1);
    const grandchild = Number(readFileSync(pidFile, 'utf8'));
    expect(grandchild).toBeGreaterThan(0);
    // The grandchild ignores SIGTERM: only the SIGKILL after the grace period gets it.
    expect(await eventually(() => isDead(grandchild))).toBe(true);
  });

  it('uses the test time limit when it is smaller, and kills the tree on abort', async () => {
    const pidFile = join(tmp, 'grandchild2.pid');
    const a = adapter({ command: [node, agent, 'hang', pidFile], kill_grace_seconds: 0.2 });
    // Long enough for the agent to start its grandchild even on a loaded machine.
    const limited = await rejectionOf(a.run(makeRequest(), sampleCallContext({ timeoutMs: 1500 }).context));
    expect(limited.message).toMatch(/^the agent did not finish within 1\.50s \(the test's time limit\)/);
    expect(await eventually(() => isDead(Number(readFileSync(pidFile, 'utf8'))))).toBe(true);

    const controller = new AbortController();
    const pending = a.run(makeRequest(), sampleCallContext({ signal: controller.signal }).context);
    await eventually(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8') !== '');
    setTimeout(() => controller.abort(new Error('Ctrl-C')), 300);
    const aborted = await rejectionOf(pending);
    expect(aborted.kind).toBe('timeout');
    expect(aborted.message).toBe("the run was aborted (Ctrl-C); the agent's process tree was killed");
  });

  it('stops an agent that writes more than max_output_bytes (10 MB by default)', async () => {
    const started = Date.now();
    const error = await rejectionOf(run('big-stdout'));
    expect(error.kind).toBe('protocol');
    expect(error.message).toBe(
      'the agent wrote more than max_output_bytes (10485760 bytes) to stdout and was killed; raise max_output_bytes in the agent config, or put large outputs in files',
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    const small = await rejectionOf(run('big-stdout', { max_output_bytes: 4096 }));
    expect(small.message).toMatch(/more than max_output_bytes \(4096 bytes\)/);
  });

  it('reads big stderr and big stdout at the same time without deadlock', async () => {
    const { context, events } = sampleCallContext();
    const response = await adapter({ command: [node, agent, 'big-both'], timeout_seconds: 30 }).run(makeRequest(), context);
    expect(response.status).toBe('completed');
    expect((response.artifacts[0] as { content: string }).content).toHaveLength(5 * 1024 * 1024);
    expect(events.length).toBeGreaterThan(5);
  }, 30_000);
});

describe('cli adapter: environment', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });

  const envOf = async (config: Partial<CliAdapterConfigInput>, names: string[]) => {
    const response = await adapter({ command: [node, agent, 'env', names.join(',')], ...config }).run(makeRequest(), sampleCallContext().context);
    return structuredData<{ keys: string[]; values: Record<string, string | null> }>(response);
  };

  it('passes only PATH, HOME, LANG, TERM and the configured variables by default', async () => {
    process.env.OPENAI_API_KEY = 'sk-should-not-leak';
    process.env.HARMLESS_SETTING = 'x';
    const { keys, values } = await envOf({ environment: { AGENT_MODE: 'test', MY_TOKEN: new Secret('tok-123456') } }, ['AGENT_MODE', 'MY_TOKEN']);
    expect(keys.filter((k) => !['PATH', 'HOME', 'LANG', 'TERM'].includes(k))).toEqual(['AGENT_MODE', 'MY_TOKEN']);
    expect(values).toEqual({ AGENT_MODE: 'test', MY_TOKEN: 'tok-123456' });
  });

  it('filters credentials out of an inherited environment unless allowed', async () => {
    process.env.OPENAI_API_KEY = 'sk-should-not-leak';
    process.env.AWS_SECRET_ACCESS_KEY = 'aws-should-not-leak';
    process.env.GITHUB_TOKEN = 'gh-should-not-leak';
    process.env.HARMLESS_SETTING = 'x';
    process.env.LC_ALL = 'C';
    const inherited = await envOf({ inherit_environment: true }, ['OPENAI_API_KEY', 'AWS_SECRET_ACCESS_KEY', 'GITHUB_TOKEN', 'HARMLESS_SETTING', 'LC_ALL']);
    expect(inherited.values).toEqual({ OPENAI_API_KEY: null, AWS_SECRET_ACCESS_KEY: null, GITHUB_TOKEN: null, HARMLESS_SETTING: 'x', LC_ALL: 'C' });
    const allowed = await envOf({ inherit_environment: true, allowed_env_vars: ['OPENAI_*'] }, ['OPENAI_API_KEY', 'GITHUB_TOKEN']);
    expect(allowed.values).toEqual({ OPENAI_API_KEY: 'sk-should-not-leak', GITHUB_TOKEN: null });
    // allowed_env_vars also applies without inheritance.
    const minimal = await envOf({ allowed_env_vars: ['HARMLESS_SETTING'] }, ['HARMLESS_SETTING', 'OPENAI_API_KEY']);
    expect(minimal.values).toEqual({ HARMLESS_SETTING: 'x', OPENAI_API_KEY: null });
  });

  it('redacts secret values an agent echoes into an error', async () => {
    const token = 'svc-token-0123456789';
    const error = await rejectionOf(run('echo-secret', { environment: { MY_SERVICE_TOKEN: new Secret(token) } }));
    expect(error.message).toBe('command exited with code 2; stderr (last line):\n  my token is ***');
  });
});
