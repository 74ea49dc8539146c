import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseRequest, silentLogger } from '@atp/kernel';
import type { ATPEvent, ATPRequest, AdapterCallContext, AdapterInit } from '@atp/kernel';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** TCP connections accepted so far. */
  connections: number;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** A real node:http server on 127.0.0.1 (port 0); the handler gets the request body already read. */
export async function startServer(
  handler: (req: IncomingMessage, res: ServerResponse, body: string) => unknown,
): Promise<TestServer> {
  const state = { connections: 0, requests: [] as RecordedRequest[] };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      state.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      void Promise.resolve(handler(req, res, body)).catch((error: unknown) => {
        res.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    });
  });
  server.on('connection', () => {
    state.connections++;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    get connections() {
      return state.connections;
    },
    requests: state.requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (bound, then released). */
export async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A valid ATP request. */
export function makeRequest(taskId = 't-1', description = 'say hello'): ATPRequest {
  const parsed = parseRequest({ version: '1.0', task_id: taskId, task: { description }, metadata: { test_id: 'x' } });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

/** A call context collecting emitted events. */
export function makeContext(options: { timeoutMs?: number; signal?: AbortSignal } = {}): { context: AdapterCallContext; events: ATPEvent[] } {
  const events: ATPEvent[] = [];
  return {
    events,
    context: {
      signal: options.signal ?? new AbortController().signal,
      timeoutMs: options.timeoutMs ?? 30_000,
      emit: (event) => events.push(event),
    },
  };
}

export const init: AdapterInit = { agent: 'test-agent', baseDir: process.cwd(), logger: silentLogger };

export function responseJson(taskId = 't-1', extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ version: '1.0', task_id: taskId, status: 'completed', artifacts: [], ...extra });
}

/** The rejection of a promise (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & { kind?: string; retryable?: boolean }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { kind?: string; retryable?: boolean };
  }
  throw new Error('expected the promise to reject');
}
