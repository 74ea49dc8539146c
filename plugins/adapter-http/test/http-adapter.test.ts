import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { AtpError, Secret } from '@atp/kernel';
import { createAdapter } from '../src/http-adapter.js';
import type { HttpAdapter } from '../src/http-adapter.js';
import type { HttpAdapterConfigInput } from '../src/config.js';
import { freePort, init, makeContext, makeRequest, rejectionOf, responseJson, startServer } from './helpers.js';
import type { TestServer } from './helpers.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function serve(handler: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const server = await startServer(handler);
  cleanups.push(() => server.close());
  return server;
}

function adapter(config: Partial<HttpAdapterConfigInput> & { endpoint: HttpAdapterConfigInput['endpoint'] }): HttpAdapter {
  const a = createAdapter({ allow_internal: true, ...config }, init);
  cleanups.push(() => a.close());
  return a;
}

describe('http adapter: JSON responses', () => {
  it('POSTs the request as JSON and returns the validated response', async () => {
    const server = await serve((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(responseJson('t-1', { metrics: { total_tokens: 12 } }));
    });
    const a = adapter({ endpoint: `${server.origin}/agent` });
    const { context, events } = makeContext();
    const response = await a.run(makeRequest(), context);
    expect(response).toEqual({
      version: '1.0',
      task_id: 't-1',
      status: 'completed',
      artifacts: [],
      metrics: { total_tokens: 12 },
      error: null,
      trace_id: null,
    });
    expect(events).toEqual([]);
    const sent = server.requests[0]!;
    expect(sent.method).toBe('POST');
    expect(sent.url).toBe('/agent');
    expect(sent.headers['content-type']).toBe('application/json');
    expect(sent.headers.accept).toBe('text/event-stream, application/json');
    expect(JSON.parse(sent.body)).toMatchObject({ task_id: 't-1', task: { description: 'say hello' } });
  });

  it('uses stream_endpoint when set and decompresses gzip bodies', async () => {
    const server = await serve((req, res) => {
      if (req.url !== '/stream') {
        res.statusCode = 404;
        res.end();
        return;
      }
      res.setHeader('content-encoding', 'gzip');
      res.end(gzipSync(responseJson()));
    });
    const a = adapter({ endpoint: `${server.origin}/plain`, stream_endpoint: `${server.origin}/stream` });
    expect((await a.run(makeRequest(), makeContext().context)).status).toBe('completed');
  });

  it('reports a body that is not JSON and a JSON body that is not an ATP response', async () => {
    const server = await serve((req, res) => {
      res.setHeader('content-type', req.url === '/html' ? 'text/html' : 'application/json');
      res.end(req.url === '/html' ? '<html>oops</html>' : JSON.stringify({ task_id: 't-1', status: 'done' }));
    });
    const html = await rejectionOf(adapter({ endpoint: `${server.origin}/html` }).run(makeRequest(), makeContext().context));
    expect(html.kind).toBe('protocol');
    expect(html.message).toBe(`${server.origin}/html did not answer with JSON (content-type text/html): <html>oops</html>`);
    const invalid = await rejectionOf(adapter({ endpoint: `${server.origin}/json` }).run(makeRequest(), makeContext().context));
    expect(invalid.kind).toBe('protocol');
    expect(invalid.message).toMatch(new RegExp(`^invalid ATP response from ${server.origin}/json: status: `));
    expect(invalid.message).toContain('completed');
  });

  it('maps HTTP errors to response errors with the first 200 characters of the body', async () => {
    const body = `boom ${'x'.repeat(400)}`;
    const server = await serve((req, res) => {
      res.statusCode = req.url === '/busy' ? 503 : 500;
      res.end(body);
    });
    const error = await rejectionOf(adapter({ endpoint: `${server.origin}/x` }).run(makeRequest(), makeContext().context));
    expect(error.name).toBe('AdapterError');
    expect(error.kind).toBe('response');
    expect(error.retryable).toBe(false);
    expect(error.message).toBe(`HTTP 500 Internal Server Error: ${body.slice(0, 200)}…`);
    const busy = await rejectionOf(adapter({ endpoint: `${server.origin}/busy` }).run(makeRequest(), makeContext().context));
    expect(busy.message).toBe(`HTTP 503 Service Unavailable: ${body.slice(0, 200)}…`);
    expect(busy.retryable).toBe(true);
  });

  it('follows redirects (307 keeps the POST) up to 5 hops', async () => {
    const server = await serve((req, res) => {
      const m = /^\/hop(\d+)$/.exec(req.url ?? '');
      if (req.url === '/start') {
        res.writeHead(307, { location: '/final' }).end();
      } else if (req.url === '/final') {
        res.end(responseJson());
      } else if (m) {
        res.writeHead(302, { location: `/hop${Number(m[1]) + 1}` }).end();
      } else {
        res.writeHead(404).end();
      }
    });
    expect((await adapter({ endpoint: `${server.origin}/start` }).run(makeRequest(), makeContext().context)).status).toBe('completed');
    const final = server.requests.find((r) => r.url === '/final')!;
    expect(final.method).toBe('POST');
    expect(JSON.parse(final.body).task_id).toBe('t-1');
    const loop = await rejectionOf(adapter({ endpoint: `${server.origin}/hop0` }).run(makeRequest(), makeContext().context));
    expect(loop.message).toBe(`too many redirects (more than 5) starting at ${server.origin}/hop0`);
  });

  it('refuses a response above max_response_bytes, with or without Content-Length', async () => {
    const big = responseJson('t-1', { error: 'x'.repeat(5000) });
    const server = await serve((req, res) => {
      if (req.url === '/chunked') {
        res.write(big.slice(0, 2000));
        res.end(big.slice(2000));
      } else {
        res.setHeader('content-length', Buffer.byteLength(big));
        res.end(big);
      }
    });
    const expected = `the response from ${server.origin}/x is larger than max_response_bytes (1000 bytes); raise max_response_bytes in the agent config if the agent really sends that much`;
    for (const path of ['/sized', '/chunked']) {
      const a = adapter({ endpoint: `${server.origin}/x`, stream_endpoint: `${server.origin}${path}`, max_response_bytes: 1000 });
      const error = await rejectionOf(a.run(makeRequest(), makeContext().context));
      expect(error.kind).toBe('response');
      expect(error.message).toBe(expected.replace('/x', path));
    }
    expect((await adapter({ endpoint: `${server.origin}/sized` }).run(makeRequest(), makeContext().context)).error).toHaveLength(5000);
  });
});

describe('http adapter: SSE', () => {
  function sseServer(write: (res: ServerResponse) => Promise<void> | void) {
    return serve(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
      await write(res);
    });
  }

  it('emits events and returns the final response frame, with multi-line data, CRLF and comments', async () => {
    const server = await sseServer(async (res) => {
      res.write(': hello\r\n\r\n');
      res.write('event: progress\r\ndata: {"payload": {"message": "thinking", "percentage": 10}}\r\n\r\n');
      await sleep(10);
      res.write('event: tool_call\ndata: {"sequence": 1, "event_type": "tool_call",\ndata:  "payload": {"tool": "search", "input": {"q": "x"}, "status": "success"}}\n\n');
      res.write('id: 3\ndata: {"event_type": "reasoning", "payload": {"thought": "multi\\nline"}}\n\n');
      res.write('event: response\ndata: {"version": "1.0", "task_id": "t-1",\ndata: "status": "completed", "artifacts": []}\n\n');
      res.end();
    });
    const { context, events } = makeContext();
    const response = await adapter({ endpoint: `${server.origin}/sse` }).run(makeRequest(), context);
    expect(response.status).toBe('completed');
    expect(events.map((e) => [e.sequence, e.event_type, e.task_id])).toEqual([
      [0, 'progress', 't-1'],
      [1, 'tool_call', 't-1'],
      [2, 'reasoning', 't-1'],
    ]);
    expect(events[0]!.payload).toEqual({ message: 'thinking', percentage: 10 });
    expect(events[1]!.payload).toEqual({ tool: 'search', input: { q: 'x' }, status: 'success' });
    expect(typeof events[0]!.timestamp).toBe('string');
  });

  it('applies the leniency rules: event name as event_type, invalid frames dropped, top-level status is the response', async () => {
    const server = await sseServer((res) => {
      res.write('event: llm_request\ndata: {"payload": {"model": "m"}}\n\n'); // event_type from the SSE name
      res.write('event: not_a_type\ndata: {"payload": {}}\n\n'); // unknown name: progress
      res.write('data: not json at all\n\n'); // dropped
      res.write('data: {"event_type": "nonsense", "payload": {}}\n\n'); // invalid event_type: dropped
      res.write('data: {"payload": "not an object"}\n\n'); // invalid payload: dropped
      res.write('data: {"task_id": "other", "sequence": 9, "timestamp": "2026-01-05T09:00:00Z", "event_type": "error", "payload": {"error_type": "X", "message": "m"}}\n\n');
      res.write('data: {"payload": {"after": true}}\n\n'); // counter continues after 9
      res.write('data: {"task_id": "t-1", "status": "failed", "error": "agent gave up"}\n\n'); // unnamed final frame
      res.write('data: {"payload": {"ignored": true}}\n\n');
      res.end();
    });
    const { context, events } = makeContext();
    const response = await adapter({ endpoint: `${server.origin}/sse` }).run(makeRequest(), context);
    expect(response).toMatchObject({ status: 'failed', error: 'agent gave up' });
    expect(events.map((e) => [e.sequence, e.event_type, e.task_id])).toEqual([
      [0, 'llm_request', 't-1'],
      [1, 'progress', 't-1'],
      [9, 'error', 'other'],
      [10, 'progress', 't-1'],
    ]);
    expect(events[2]!.timestamp).toBe('2026-01-05T09:00:00Z');
  });

  it('accepts a final frame without the closing blank line', async () => {
    const server = await sseServer((res) => {
      res.end(`event: response\ndata: ${responseJson()}`);
    });
    expect((await adapter({ endpoint: `${server.origin}/sse` }).run(makeRequest(), makeContext().context)).status).toBe('completed');
  });

  it('does not wait for the end of a stream the server keeps open after the response', async () => {
    const server = await sseServer((res) => {
      res.write(`event: response\ndata: ${responseJson()}\n\n`);
      // never ends
    });
    const started = Date.now();
    expect((await adapter({ endpoint: `${server.origin}/sse` }).run(makeRequest(), makeContext().context)).status).toBe('completed');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('fails when the stream ends without a response, or with an invalid one', async () => {
    const server = await sseServer((res) => {
      if (server.requests.length === 1) res.end('event: progress\ndata: {"payload": {}}\n\n');
      else res.end('event: response\ndata: {"task_id": "t-1"}\n\n');
    });
    const a = adapter({ endpoint: `${server.origin}/sse` });
    const none = await rejectionOf(a.run(makeRequest(), makeContext().context));
    expect(none.kind).toBe('protocol');
    expect(none.message).toBe(
      `the SSE stream from ${server.origin}/sse ended without a final response (send an "event: response" frame, or a frame whose JSON has a top-level "status")`,
    );
    const invalid = await rejectionOf(a.run(makeRequest(), makeContext().context));
    expect(invalid.kind).toBe('protocol');
    expect(invalid.message).toMatch(/^invalid ATP response in the SSE stream from .*: status: missing required field/);
  });

  it('times out a slow stream, keeping the events received so far', async () => {
    const server = await sseServer(async (res) => {
      res.write('data: {"payload": {"step": 1}}\n\n');
      await sleep(5000);
      res.end();
    });
    const { context, events } = makeContext();
    const started = Date.now();
    const error = await rejectionOf(adapter({ endpoint: `${server.origin}/sse`, timeout_seconds: 0.3 }).run(makeRequest(), context));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(`no complete response from ${server.origin}/sse within 0.30s (timeout_seconds of the agent config)`);
    expect(events).toHaveLength(1);
    // The test's limit applies when it is the smaller one.
    const second = await rejectionOf(adapter({ endpoint: `${server.origin}/sse` }).run(makeRequest(), makeContext({ timeoutMs: 200 }).context));
    expect(second.message).toBe(`no complete response from ${server.origin}/sse within 0.20s (the test's time limit)`);
  });

  it('aborts on the call signal', async () => {
    const server = await sseServer(async (res) => {
      res.write('data: {"payload": {"step": 1}}\n\n');
      await sleep(5000);
      res.end();
    });
    const controller = new AbortController();
    const { context, events } = makeContext({ signal: controller.signal });
    const pending = adapter({ endpoint: `${server.origin}/sse` }).run(makeRequest(), {
      ...context,
      emit: (event) => {
        context.emit(event);
        controller.abort(new Error('Ctrl-C'));
      },
    });
    const error = await rejectionOf(pending);
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(`request to ${server.origin}/sse was aborted (Ctrl-C)`);
    expect(events).toHaveLength(1);
    // An already aborted signal fails before connecting.
    const before = server.requests.length;
    await rejectionOf(adapter({ endpoint: `${server.origin}/sse` }).run(makeRequest(), makeContext({ signal: AbortSignal.abort() }).context));
    expect(server.requests.length).toBe(before);
  });

  it('caps the bytes of an endless stream', async () => {
    const server = await sseServer(async (res) => {
      for (let i = 0; i < 200 && !res.destroyed; i++) {
        res.write(`data: {"payload": {"filler": "${'y'.repeat(100)}"}}\n\n`);
        await sleep(1);
      }
      res.end();
    });
    const error = await rejectionOf(adapter({ endpoint: `${server.origin}/sse`, max_response_bytes: 5000 }).run(makeRequest(), makeContext().context));
    expect(error.message).toMatch(/is larger than max_response_bytes \(5000 bytes\)/);
  });
});

describe('http adapter: connections', () => {
  it('reports connection refused', async () => {
    const port = await freePort();
    const error = await rejectionOf(adapter({ endpoint: `http://127.0.0.1:${port}/x` }).run(makeRequest(), makeContext().context));
    expect(error.name).toBe('AdapterError');
    expect(error.kind).toBe('connection');
    expect(error.retryable).toBe(true);
    expect(error.message).toBe(`cannot connect to http://127.0.0.1:${port}/x: connection refused`);
  });

  it('reports a connection reset while the body is read', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"task_id":');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const error = await rejectionOf(adapter({ endpoint: `${server.origin}/x` }).run(makeRequest(), makeContext().context));
    expect(error.kind).toBe('connection');
    expect(error.message).toMatch(new RegExp(`^connection to ${server.origin}/x failed while reading the response: connection reset`));
  });

  it('reuses one keep-alive connection for sequential requests', async () => {
    const server = await serve((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(responseJson());
    });
    const a = adapter({ endpoint: `${server.origin}/x` });
    for (let i = 0; i < 5; i++) await a.run(makeRequest(), makeContext().context);
    expect(server.requests).toHaveLength(5);
    expect(server.connections).toBe(1);
  });

  it('pools concurrent requests within max_connections and reuses those sockets', async () => {
    const server = await serve(async (_req, res) => {
      await sleep(30);
      res.end(responseJson());
    });
    const a = adapter({ endpoint: `${server.origin}/x`, max_connections: 3 });
    await Promise.all(Array.from({ length: 9 }, () => a.run(makeRequest(), makeContext().context)));
    await Promise.all(Array.from({ length: 3 }, () => a.run(makeRequest(), makeContext().context)));
    expect(server.requests).toHaveLength(12);
    expect(server.connections).toBe(3);
  });

  it('retries once on a new socket when a pooled socket turns out to be closed', async () => {
    const server = await serve((req, res) => {
      // The second request arrives on the reused socket: drop it, as a server closing an idle socket would.
      if (server.requests.length === 2) req.socket.destroy();
      else res.end(responseJson());
    });
    const a = adapter({ endpoint: `${server.origin}/x` });
    await a.run(makeRequest(), makeContext().context);
    expect((await a.run(makeRequest(), makeContext().context)).status).toBe('completed');
    expect(server.requests).toHaveLength(3);
    expect(server.connections).toBe(2);
  });

  it('verifies TLS certificates unless verify_ssl: false', async () => {
    const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
    const server = https.createServer({ key: fixture('self-signed.key'), cert: fixture('self-signed.crt') }, (_req, res) => res.end(responseJson()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
    const error = await rejectionOf(adapter({ endpoint }).run(makeRequest(), makeContext().context));
    expect(error.kind).toBe('connection');
    expect(error.retryable).toBe(false);
    expect(error.message).toBe(`TLS error talking to ${endpoint}: self-signed certificate; set verify_ssl: false to accept a self-signed certificate`);
    expect((await adapter({ endpoint, verify_ssl: false }).run(makeRequest(), makeContext().context)).status).toBe('completed');
  });

  it('close() releases the pool', async () => {
    const server = await serve((_req, res) => res.end(responseJson()));
    const a = createAdapter({ endpoint: `${server.origin}/x`, allow_internal: true }, init);
    await a.run(makeRequest(), makeContext().context);
    await a.close();
    const error = await rejectionOf(a.run(makeRequest(), makeContext().context));
    expect(error.message).toBe('the http adapter was already closed');
  });

  it('health check: healthy below 500, unhealthy at 500 or unreachable', async () => {
    const server = await serve((req, res) => {
      res.statusCode = req.url === '/ok' ? 204 : 500;
      res.end();
    });
    expect(await adapter({ endpoint: `${server.origin}/x` }).healthCheck()).toBe(true);
    expect(await adapter({ endpoint: `${server.origin}/x`, health_endpoint: `${server.origin}/ok` }).healthCheck()).toBe(true);
    expect(await adapter({ endpoint: `${server.origin}/x`, health_endpoint: `${server.origin}/bad` }).healthCheck()).toBe(false);
    const port = await freePort();
    expect(await adapter({ endpoint: `${server.origin}/x`, health_endpoint: `http://127.0.0.1:${port}/` }).healthCheck()).toBe(false);
  });
});

describe('http adapter: SSRF guard', () => {
  const hint = 'is blocked to prevent SSRF; set allow_internal: true in the agent config to test a local agent';
  const always = 'is always blocked to prevent SSRF, even with allow_internal: true';

  it.each([
    ['http://127.0.0.1:9/x', `access to 127.0.0.1 (loopback) ${hint}`],
    ['http://10.0.0.1:9/x', `access to 10.0.0.1 (private network) ${hint}`],
    ['http://192.168.0.10/x', `access to 192.168.0.10 (private network) ${hint}`],
    ['http://[::1]:9/x', `access to ::1 (loopback) ${hint}`],
    ['http://[::ffff:127.0.0.1]:9/x', `access to ::ffff:7f00:1 (IPv4-mapped loopback) ${hint}`],
    ['http://0x7f.1:9/x', `access to 127.0.0.1 (loopback) ${hint}`],
    ['http://169.254.169.254/latest/meta-data/', `access to 169.254.169.254 (cloud metadata service) ${always}`],
    ['http://metadata.google.internal/computeMetadata/v1/', `access to metadata.google.internal (cloud metadata service) ${always}`],
  ])('refuses %s by default, before anything is sent (a config error, exit 2)', (endpoint, message) => {
    let thrown: unknown;
    try {
      createAdapter({ endpoint }, init);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AtpError);
    expect((thrown as AtpError).exitCode).toBe(2);
    expect((thrown as AtpError).diagnostics[0]).toMatchObject({ code: 'ATP_ADAPTER_CONFIG', message: `agent "${init.agent}": ${message}` });
  });

  it('refuses localhost by name too', () => {
    expect(() => createAdapter({ endpoint: 'http://localhost:9/x' }, init)).toThrow(`access to localhost (loopback) ${hint}`);
  });

  it('allows local agents with allow_internal: true, but never metadata', async () => {
    const server = await serve((_req, res) => res.end(responseJson()));
    expect((await adapter({ endpoint: `${server.origin}/x` }).run(makeRequest(), makeContext().context)).status).toBe('completed');
    expect((await adapter({ endpoint: `http://localhost:${server.port}/x` }).run(makeRequest(), makeContext().context)).status).toBe('completed');
    expect(() => adapter({ endpoint: 'http://169.254.169.254/' })).toThrow(`access to 169.254.169.254 (cloud metadata service) ${always}`);
  });

  it('checks every redirect hop', async () => {
    const server = await serve((_req, res) => res.writeHead(302, { location: 'http://169.254.169.254/latest/' }).end());
    const error = await rejectionOf(adapter({ endpoint: `${server.origin}/x` }).run(makeRequest(), makeContext().context));
    expect(error.message).toBe(`access to 169.254.169.254 (cloud metadata service) ${always}`);
  });
});

describe('http adapter: secrets', () => {
  const token = 'sk-test-0123456789abcdef';

  it('sends secret headers but never prints them', async () => {
    const server = await serve((req, res) => {
      res.statusCode = 401;
      res.end(`invalid credentials: ${String(req.headers.authorization)} / ${String(req.headers['x-api-key'])}`);
    });
    const a = adapter({
      endpoint: `${server.origin}/x`,
      headers: { Authorization: new Secret(`Bearer ${token}`), 'X-Api-Key': 'plain-but-sensitive-key', 'X-Trace': 'abc' },
    });
    const error = await rejectionOf(a.run(makeRequest(), makeContext().context));
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${token}`);
    expect(server.requests[0]!.headers['x-api-key']).toBe('plain-but-sensitive-key');
    expect(server.requests[0]!.headers['x-trace']).toBe('abc');
    expect(error.message).toBe('HTTP 401 Unauthorized: invalid credentials: *** / ***');
    expect(error.message).not.toContain(token);
    expect(JSON.stringify(error)).not.toContain(token);
  });

  it('drops credentials on a redirect to another origin', async () => {
    const target = await serve((_req, res) => res.end(responseJson()));
    const origin = await serve((_req, res) => res.writeHead(307, { location: `http://localhost:${target.port}/y` }).end());
    const a = adapter({ endpoint: `${origin.origin}/x`, headers: { Authorization: new Secret(`Bearer ${token}`), 'X-Trace': 'abc' } });
    expect((await a.run(makeRequest(), makeContext().context)).status).toBe('completed');
    expect(origin.requests[0]!.headers.authorization).toBe(`Bearer ${token}`);
    expect(target.requests[0]!.headers.authorization).toBeUndefined();
    expect(target.requests[0]!.headers['x-trace']).toBe('abc');
  });

  it('masks the query of a secret endpoint in messages', async () => {
    const port = await freePort();
    const a = adapter({ endpoint: new Secret(`http://127.0.0.1:${port}/x?key=${token}`) });
    const error = await rejectionOf(a.run(makeRequest(), makeContext().context));
    expect(error.message).toBe(`cannot connect to http://127.0.0.1:${port}/x?***: connection refused`);
  });
});
