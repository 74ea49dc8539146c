import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret } from '@atp/kernel';
import type { ATPEvent } from '@atp/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapter } from '../src/mcp-adapter.js';
import type { McpAdapter } from '../src/mcp-adapter.js';
import { eventually, freePort, isDead, rejectionOf, sampleCallContext } from '@atp/testkit';
import { EVERYTHING, init, lines, makeRequest, startHttpEverything } from './helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'atp-mcp-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const payloads = (events: ATPEvent[], type: string): Array<Record<string, unknown>> => events.filter((e) => e.event_type === type).map((e) => e.payload);

describe('against the reference server (server-everything, stdio)', () => {
  let adapter: McpAdapter;
  beforeAll(() => {
    adapter = createAdapter({ command: process.execPath, args: [EVERYTHING, 'stdio'] }, init);
  });
  afterAll(async () => {
    await adapter.close();
  });

  it('shares one server between concurrent first requests', async () => {
    const runs = ['a', 'b', 'c'].map((m, i) => adapter.run(makeRequest(`c-${i}`, { tool: 'echo', arguments: { message: m } }), sampleCallContext().context));
    const responses = await Promise.all(runs);
    expect(responses.map((r) => r.artifacts[0])).toEqual(['a', 'b', 'c'].map((m) => ({ type: 'file', path: 'output.txt', content_type: 'text/plain', content: `Echo: ${m}`, size_bytes: 6 + m.length })));
    expect(adapter.sessionCount).toBe(1);
  }, 60_000);

  it('reports the call as tool_call events around the MCP progress notifications', async () => {
    const { context, events } = sampleCallContext();
    const response = await adapter.run(makeRequest('p-1', { tool: 'trigger-long-running-operation', arguments: { duration: 0.3, steps: 3 } }), context);
    expect(response.status).toBe('completed');
    expect(response.metrics?.tool_calls).toBe(1);
    expect(events.map((e) => [e.sequence, e.event_type, e.task_id])).toEqual([
      [0, 'tool_call', 'p-1'],
      [1, 'progress', 'p-1'],
      [2, 'progress', 'p-1'],
      [3, 'progress', 'p-1'],
      [4, 'tool_call', 'p-1'],
    ]);
    expect(payloads(events, 'progress')).toEqual([1, 2, 3].map((step) => ({ progress: step, current_step: step, total: 3, percentage: Math.round((step / 3) * 10000) / 100, source: 'trigger-long-running-operation' })));
    const [started, ended] = payloads(events, 'tool_call');
    expect(started).toEqual({ tool: 'trigger-long-running-operation', input: { duration: 0.3, steps: 3 }, status: 'started', call_id: 'p-1-1' });
    expect(ended).toMatchObject({ tool: 'trigger-long-running-operation', input: { duration: 0.3, steps: 3 }, status: 'success', call_id: 'p-1-1', output: { text: 'Long running operation completed. Duration: 0.3 seconds, Steps: 3.', is_error: false } });
    expect(ended!['duration_ms']).toBeGreaterThanOrEqual(250);
  }, 60_000);

  it('turns isError into a failed response with the tool text as the error', async () => {
    const { context, events } = sampleCallContext();
    const response = await adapter.run(makeRequest('e-1', { tool: 'get-sum', arguments: { a: 'two', b: 2 } }), context);
    expect(response.status).toBe('failed');
    expect(response.error).toBe('MCP error -32602: Input validation error: Invalid arguments for tool get-sum: Invalid input: expected number, received string at a');
    expect(payloads(events, 'tool_call')[1]).toMatchObject({ status: 'error', output: { is_error: true } });
  }, 30_000);

  it('passes a refusal when the task expects one (expect_error), and fails a success', async () => {
    const refused = await adapter.run(makeRequest('n-1', { tool: 'get-sum', arguments: { a: 'two', b: 2 }, expect_error: true }), sampleCallContext().context);
    expect([refused.status, refused.error]).toEqual(['completed', null]);
    expect(refused.artifacts[1]).toEqual({ type: 'structured', name: 'output', data: { text: 'MCP error -32602: Input validation error: Invalid arguments for tool get-sum: Invalid input: expected number, received string at a', is_error: true } });
    const accepted = await adapter.run(makeRequest('n-2', { tool: 'get-sum', arguments: { a: 2, b: 2 }, expect_error: true }), sampleCallContext().context);
    expect([accepted.status, accepted.error]).toEqual(['failed', 'tool "get-sum" succeeded, but the task expects an error (input_data.expect_error: true)']);
  }, 30_000);

  it('converts images, structured content and resources', async () => {
    const image = await adapter.run(makeRequest('i-1', { tool: 'get-tiny-image' }), sampleCallContext().context);
    expect(image.artifacts.map((a) => (a.type === 'structured' ? a.name : a.path))).toEqual(['output.txt', 'output', 'image']);
    const structured = await adapter.run(makeRequest('s-1', { tool: 'get-structured-content', arguments: { location: 'Chicago' } }), sampleCallContext().context);
    expect(structured.artifacts.find((a) => a.type === 'structured' && a.name === 'structured_content')).toEqual({ type: 'structured', name: 'structured_content', data: { temperature: 36, conditions: 'Light rain / drizzle', humidity: 82 } });
    const resource = await adapter.run(makeRequest('r-1', { resource: 'demo://resource/dynamic/text/4' }), sampleCallContext().context);
    expect(resource.status).toBe('completed');
    expect(resource.metrics?.tool_calls).toBe(0);
    expect(resource.artifacts.map((a) => (a.type === 'structured' ? a.name : a.path))).toEqual(['output.txt', 'output', '4']);
    const missing = await adapter.run(makeRequest('r-2', { resource: 'demo://resource/nowhere/1' }), sampleCallContext().context);
    expect(missing.status).toBe('failed');
    expect(missing.error).toBe('reading resource "demo://resource/nowhere/1" failed: MCP error -32602: Resource demo://resource/nowhere/1 not found');
  }, 30_000);

  it('cancels a call when the runner aborts, and keeps the server for the next request', async () => {
    const controller = new AbortController();
    const pending = adapter.run(makeRequest('x-1', { tool: 'trigger-long-running-operation', arguments: { duration: 20, steps: 2 } }), sampleCallContext({ signal: controller.signal }).context);
    setTimeout(() => controller.abort(new Error('cancelled')), 300);
    const error = await rejectionOf(pending);
    expect(error.message).toBe('the call to tool "trigger-long-running-operation" was cancelled');
    const next = await adapter.run(makeRequest('x-2', { tool: 'echo', arguments: { message: 'still here' } }), sampleCallContext().context);
    expect(next.artifacts[0]).toMatchObject({ content: 'Echo: still here' });
    expect(adapter.sessionCount).toBe(1);
  }, 30_000);

  it('stops the server on close', async () => {
    const pid = adapter.serverPid!;
    expect(isDead(pid)).toBe(false);
    await adapter.close();
    expect(await eventually(() => isDead(pid), 5000)).toBe(true);
    expect((await rejectionOf(adapter.run(makeRequest('z', { tool: 'echo' }), sampleCallContext().context))).message).toBe('the mcp adapter was already closed');
  }, 30_000);
});

describe('a server that misbehaves (flaky-server.mjs, written with the SDK)', () => {
  const pidFile = join(scratch, 'flaky.pids');
  const grandchildFile = join(scratch, 'grandchild.pid');
  let adapter: McpAdapter;
  beforeAll(() => {
    adapter = createAdapter(
      { command: 'node', args: ['flaky-server.mjs'], environment: { PID_FILE: pidFile, GRANDCHILD_PID_FILE: grandchildFile }, timeout_seconds: 2, tools_filter: ['ok', 'die', 'chatty', 'slow', 'broken'], log_level: 'debug' },
      init,
    );
  });
  afterAll(async () => {
    await adapter.close();
  });

  it('turns MCP log notifications into progress events of the request in flight', async () => {
    const { context, events } = sampleCallContext();
    const response = await adapter.run(makeRequest('l-1', { tool: 'chatty' }), context);
    expect(response.status).toBe('completed');
    expect(payloads(events, 'progress')).toEqual([
      { message: '[info] chatty: first step done', level: 'info', logger: 'chatty', data: 'first step done', source: 'log' },
      { message: '[warning] {"step":2,"note":"almost there"}', level: 'warning', data: { step: 2, note: 'almost there' }, source: 'log' },
    ]);
  }, 30_000);

  it('fails the request of a server that dies mid-call, then starts it again', async () => {
    const { context, events } = sampleCallContext();
    const error = await rejectionOf(adapter.run(makeRequest('d-1', { tool: 'die' }), context));
    expect(error.message).toBe('MCP server "test-server" (node flaky-server.mjs) exited (exit code 7) during the call to tool "die"; last stderr lines:\n' + `  flaky server ready (pid ${lines(pidFile)[0]})\n  about to crash: simulated fatal error`);
    expect([error.kind, error.retryable]).toEqual(['other', true]);
    expect(payloads(events, 'tool_call')[1]).toMatchObject({ tool: 'die', status: 'error', output: { error: 'MCP error -32000: Connection closed' } });
    const next = await adapter.run(makeRequest('d-2', { tool: 'ok' }), sampleCallContext().context);
    expect(lines(pidFile)).toHaveLength(2);
    expect(next.artifacts[0]).toMatchObject({ content: `ok from pid ${lines(pidFile)[1]}` });
    expect(adapter.sessionCount).toBe(2);
  }, 30_000);

  it('restarts a server that died between requests', async () => {
    process.kill(adapter.serverPid!, 'SIGKILL');
    await eventually(() => adapter.serverPid === undefined, 5000);
    const response = await adapter.run(makeRequest('k-1', { tool: 'ok' }), sampleCallContext().context);
    expect(response.artifacts[0]).toMatchObject({ content: `ok from pid ${lines(pidFile)[2]}` });
    expect(adapter.sessionCount).toBe(3);
  }, 30_000);

  it('times out a call after timeout_seconds, keeping the session', async () => {
    const error = await rejectionOf(adapter.run(makeRequest('t-1', { tool: 'slow', arguments: { ms: 5000 } }), sampleCallContext().context));
    expect([error.kind, error.message]).toEqual(['timeout', 'MCP server "test-server" (node flaky-server.mjs) did not answer the call to tool "slow" within 2s (timeout_seconds of the agent config)']);
    const broken = await adapter.run(makeRequest('t-2', { tool: 'broken' }), sampleCallContext().context);
    expect([broken.status, broken.error]).toEqual(['failed', 'the database is read-only']);
    expect(adapter.sessionCount).toBe(3);
  }, 30_000);

  it('kills the whole process group on close', async () => {
    const pid = adapter.serverPid!;
    const grandchild = Number(lines(grandchildFile)[0]);
    expect(isDead(grandchild)).toBe(false);
    await adapter.close();
    expect(await eventually(() => isDead(pid) && isDead(grandchild), 5000)).toBe(true);
  }, 30_000);
});

describe('against the reference server over Streamable HTTP', () => {
  it('streams progress, and opens a new session when the server restarted between requests', async () => {
    let server = await startHttpEverything('streamableHttp');
    const adapter = createAdapter({ url: `http://127.0.0.1:${server.port}/mcp` }, init);
    try {
      const { context, events } = sampleCallContext();
      const first = await adapter.run(makeRequest('h-1', { tool: 'trigger-long-running-operation', arguments: { duration: 0.2, steps: 2 } }), context);
      expect(first.status).toBe('completed');
      expect(events.map((e) => e.event_type)).toEqual(['tool_call', 'progress', 'progress', 'tool_call']);
      server.child.kill('SIGKILL');
      await new Promise((r) => server.child.once('exit', r));
      server = await startHttpEverything('streamableHttp', server.port);
      const second = sampleCallContext();
      const response = await adapter.run(makeRequest('h-2', { tool: 'echo', arguments: { message: 'again' } }), second.context);
      expect(response.artifacts[0]).toMatchObject({ content: 'Echo: again' });
      // One logical call: the attempt on the dead session was never executed by the server.
      expect(second.events.map((e) => [e.event_type, e.payload['status']])).toEqual([
        ['tool_call', 'started'],
        ['tool_call', 'success'],
      ]);
      expect(adapter.sessionCount).toBe(2);
    } finally {
      await adapter.close();
      server.child.kill('SIGKILL');
    }
  }, 90_000);
});

describe('start-up failures', () => {
  it('reports a server that crashes at start with its exit code and stderr, hiding secrets', async () => {
    const adapter = createAdapter({ command: 'node', args: ['crash-at-start.mjs', new Secret('--password=hunter2-secret')] }, init);
    const error = await rejectionOf(adapter.run(makeRequest('s-1', { tool: 'echo' }), sampleCallContext().context));
    expect([error.kind, error.message]).toEqual([
      'other',
      'MCP server "test-server" (node crash-at-start.mjs ***) exited during start-up (exit code 3) before completing the MCP initialize handshake; last stderr lines:\n  starting with args ***\n  fatal: cannot open database /nonexistent/db.sqlite',
    ]);
    await adapter.close();
  }, 30_000);

  it('gives up on a server that never answers initialize within startup_timeout, and kills it', async () => {
    const pidFile = join(scratch, 'silent.pids');
    const adapter = createAdapter({ command: 'node', args: ['silent-server.mjs'], environment: { PID_FILE: pidFile }, startup_timeout: 1.5 }, init);
    const error = await rejectionOf(adapter.run(makeRequest('s-2', { tool: 'echo' }), sampleCallContext().context));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/^MCP server "test-server" \(node silent-server\.mjs\) did not complete the MCP initialize handshake within 1\.5s \(startup_timeout\)/);
    const pid = Number(lines(pidFile)[0]);
    expect(await eventually(() => isDead(pid), 5000)).toBe(true);
    await adapter.close();
  }, 30_000);

  it('stops waiting for a starting server when the adapter is closed (Ctrl-C)', async () => {
    const pidFile = join(scratch, 'silent-close.pids');
    const adapter = createAdapter({ command: 'node', args: ['silent-server.mjs'], environment: { PID_FILE: pidFile } }, init);
    const pending = rejectionOf(adapter.run(makeRequest('s-3', { tool: 'echo' }), sampleCallContext().context));
    expect(await eventually(() => lines(pidFile).length === 1, 15_000)).toBe(true);
    const t0 = Date.now();
    await adapter.close();
    expect(Date.now() - t0).toBeLessThan(5000);
    expect((await pending).message).toBe('MCP server "test-server" (node silent-server.mjs): start-up was cancelled because the run is shutting down');
    expect(isDead(Number(lines(pidFile)[0]))).toBe(true);
  }, 30_000);

  it('names a missing program, and hints when arguments were put into command', async () => {
    const adapter = createAdapter({ command: 'node flaky-server.mjs' }, init);
    const error = await rejectionOf(adapter.run(makeRequest('s-4', null), sampleCallContext().context));
    expect([error.kind, error.message]).toEqual([
      'not_found',
      'MCP server "test-server" (node flaky-server.mjs): command not found: node flaky-server.mjs (command is one program: put its arguments in args, or write command as a list)',
    ]);
    await adapter.close();
  });

  it('reports an HTTP server that cannot be reached', async () => {
    const port = await freePort();
    const adapter = createAdapter({ url: `http://127.0.0.1:${port}/mcp`, headers: { Authorization: 'Bearer sekrit-token' } }, init);
    const error = await rejectionOf(adapter.run(makeRequest('s-5', null), sampleCallContext().context));
    expect([error.kind, error.retryable]).toEqual(['connection', true]);
    expect(error.message).toMatch(new RegExp(`^cannot connect to MCP server "test-server" \\(http://127\\.0\\.0\\.1:${port}/mcp\\) over Streamable HTTP: fetch failed \\(connect ECONNREFUSED 127\\.0\\.0\\.1:${port}\\)$`));
    await adapter.close();
  });
});
