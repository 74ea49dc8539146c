/**
 * Local servers speaking the real OpenAI Chat Completions (incl. the Azure route) and Anthropic Messages
 * wire formats over HTTP on 127.0.0.1, answering from a script, with fault injection.
 */
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { anthropicError, anthropicEvents, anthropicMessage, readAnthropicRequest } from './anthropic-wire.js';
import { azureError, openAIChunks, openAICompletion, openAIError, readOpenAIRequest } from './openai-wire.js';
import type { ErrorReply, LlmServer, LlmServerOptions, LlmProvider, MalformedReply, MessageReply, RecordedAuth, RecordedRequest, Reply, ResetReply, Script } from './types.js';
import { EMPTY_VIEW, isObject, type ReadResult } from './view.js';

const MAX_BODY_BYTES = 32 * 1024 * 1024;
const DEFAULT_CHUNK_SIZE = 8;
const REDACTED = '***';
const CREDENTIAL_HEADERS = new Set(['authorization', 'api-key', 'x-api-key']);

type Route = { kind: 'openai' } | { kind: 'azure'; deployment: string } | { kind: 'anthropic' };

/** A thrown response: status, JSON body and headers, written as is. */
interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

function findRoute(provider: LlmProvider, path: string): Route | undefined {
  if (provider === 'anthropic') return path === '/v1/messages' ? { kind: 'anthropic' } : undefined;
  if (path === '/v1/chat/completions' || path === '/chat/completions') return { kind: 'openai' };
  const azure = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/.exec(path);
  return azure ? { kind: 'azure', deployment: decodeURIComponent(azure[1]!) } : undefined;
}

function headerMap(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    out[name] = CREDENTIAL_HEADERS.has(name) ? REDACTED : Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** The credential a request carries for its route, and where. */
function credential(req: IncomingMessage, route: Route | undefined): { header: RecordedAuth['header']; value: string } | undefined {
  const bearer = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''))?.[1]?.trim();
  const own = route?.kind === 'azure' ? req.headers['api-key'] : route?.kind === 'anthropic' ? req.headers['x-api-key'] : undefined;
  if (typeof own === 'string' && own !== '') return { header: route?.kind === 'azure' ? 'api-key' : 'x-api-key', value: own };
  return bearer ? { header: 'authorization', value: bearer } : undefined;
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sleepUnlessClosed(ms: number, res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    if (res.destroyed) return resolve(false);
    const onClose = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(true);
    }, ms);
    res.once('close', onClose);
  });
}

/** Start a testkit LLM server on 127.0.0.1 speaking `options.provider`'s wire format. */
export async function startLlmServer(options: LlmServerOptions): Promise<LlmServer> {
  const { provider } = options;
  const chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
  const requests: RecordedRequest[] = [];
  const script: Script = options.script;
  let cursor = 0;
  let answered = 0;

  const errorAnswer = (route: Route | undefined, status: number, reply: Partial<ErrorReply> = {}, param: string | null = null): Answer => ({
    status,
    body: provider === 'anthropic' ? anthropicError(status, reply) : route?.kind === 'azure' && reply.message !== undefined && status === 401 ? azureError(status, reply.message) : openAIError(status, reply, param),
  });

  const nextReply = async (request: RecordedRequest, route: Route): Promise<Reply | Answer> => {
    try {
      if (typeof script === 'function') return await script(request, { call: answered++ });
      const step = script[cursor];
      if (step === undefined) {
        return {
          ...errorAnswer(route, 400, {
            message: `testkit: the script has no reply for request #${request.index} (it had ${script.length} step${script.length === 1 ? '' : 's'}, all used)`,
          }),
          headers: { 'x-should-retry': 'false' },
        };
      }
      cursor++;
      const context = { call: answered++ };
      return typeof step === 'function' ? await step(request, context) : step;
    } catch (error) {
      return { ...errorAnswer(route, 400, { message: `testkit: the script failed: ${error instanceof Error ? error.message : String(error)}` }), headers: { 'x-should-retry': 'false' } };
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = findRoute(provider, url.pathname);
    const query = Object.fromEntries(url.searchParams.entries());
    const text = raw?.toString('utf8') ?? '';
    let body: unknown = undefined;
    let json = false;
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
        json = true;
      } catch {
        body = text;
      }
    }
    const read: ReadResult = !json
      ? { ok: false, view: EMPTY_VIEW, invalid: { message: 'We could not parse the JSON body of your request.' } }
      : route?.kind === 'anthropic'
        ? readAnthropicRequest(body)
        : readOpenAIRequest(body, route?.kind !== 'azure');
    const cred = credential(req, route);
    const record: RecordedRequest = {
      index: requests.length,
      provider,
      method: req.method ?? 'GET',
      path: url.pathname,
      query,
      headers: headerMap(req),
      body,
      ...(cred ? { auth: { header: cred.header, last4: cred.value.slice(-4), ...(options.apiKey !== undefined ? { valid: cred.value === options.apiKey } : {}) } } : {}),
      ...read.view,
      ...(route?.kind === 'azure' ? { deployment: route.deployment, model: read.view.model ?? route.deployment } : {}),
      ...(query['api-version'] !== undefined ? { apiVersion: query['api-version'] } : {}),
    };
    requests.push(record);
    const requestId = `req_testkit${record.index}`;
    const baseHeaders: Record<string, string> = provider === 'anthropic' ? { 'request-id': requestId } : { 'x-request-id': requestId, 'openai-processing-ms': '1' };

    const send = (answer: Answer): void => {
      if (res.destroyed) return;
      res.writeHead(answer.status, { 'content-type': 'application/json', ...baseHeaders, ...(answer.headers ?? {}) });
      res.end(JSON.stringify(answer.body));
    };

    if (!route) return send(errorAnswer(route, 404, { message: `testkit ${provider} server: no route for ${req.method ?? ''} ${url.pathname}` }));
    if (req.method !== 'POST') return send(errorAnswer(route, 405, { message: `${req.method ?? ''} is not allowed on ${url.pathname}; use POST` }));
    if (raw === undefined) return send(errorAnswer(route, 413, { message: 'Request exceeds the maximum allowed number of bytes.' }));
    const denied = checkAuth(route, cred, options.apiKey);
    if (denied) return send(errorAnswer(route, 401, { message: denied }));
    if (route.kind === 'anthropic' && !req.headers['anthropic-version']) return send(errorAnswer(route, 400, { message: 'anthropic-version: header is required' }));
    if (route.kind === 'azure' && !query['api-version']) return send(errorAnswer(route, 400, { message: "Missing required query parameter 'api-version'." }));
    if (!read.ok) return send(errorAnswer(route, 400, { message: read.invalid.message }, read.invalid.param ?? null));

    const replyOrAnswer = await nextReply(record, route);
    if (!('type' in replyOrAnswer)) return send(replyOrAnswer);
    const reply = replyOrAnswer;
    if (reply.delayMs && !(await sleepUnlessClosed(reply.delayMs, res))) return;
    const model = record.model ?? 'testkit-model';
    const renderCtx = { requestIndex: record.index, model, promptText: record.promptText, created: Math.floor(Date.now() / 1000) };
    const extra = reply.headers ?? {};

    switch (reply.type) {
      case 'hang':
        return; // the socket stays open until the client gives up or the server closes
      case 'reset':
        return resetConnection(req, res, reply, record.stream);
      case 'malformed':
        return sendMalformed(res, reply, record.stream, { ...baseHeaders, ...extra });
      case 'error': {
        const status = provider === 'openai' && reply.status === 529 ? 503 : reply.status;
        const errorBody = errorAnswer(route, status, reply).body;
        if (reply.midStream && record.stream) {
          startStream(res, { ...baseHeaders, ...extra });
          if (provider === 'anthropic') writeEvent(res, 'error', errorBody);
          else res.write(`data: ${JSON.stringify(errorBody)}\n\n`);
          res.end();
          return;
        }
        const headers: Record<string, string> = { ...extra };
        if (reply.retryAfter !== undefined) headers['retry-after'] = String(reply.retryAfter);
        if (reply.retryAfterMs !== undefined) headers['retry-after-ms'] = String(reply.retryAfterMs);
        if (provider === 'anthropic' && status === 529) headers['x-should-retry'] ??= 'true';
        return send({ status, body: errorBody, headers });
      }
      case 'message':
        return sendMessage(res, reply, { ...baseHeaders, ...extra });
    }

    function sendMessage(out: ServerResponse, message: MessageReply, headers: Record<string, string>): void {
      if (!record.stream) {
        const answer = provider === 'anthropic' ? anthropicMessage(message, renderCtx) : openAICompletion(message, renderCtx);
        send({ status: 200, body: answer, headers });
        return;
      }
      startStream(out, headers);
      if (provider === 'anthropic') {
        for (const e of anthropicEvents(message, renderCtx, chunkSize)) writeEvent(out, e.event, e.data);
      } else {
        const streamOptions = isObject(record.body) ? record.body['stream_options'] : undefined;
        const includeUsage = isObject(streamOptions) && streamOptions['include_usage'] === true;
        for (const chunk of openAIChunks(message, renderCtx, chunkSize, includeUsage)) out.write(`data: ${JSON.stringify(chunk)}\n\n`);
        out.write('data: [DONE]\n\n');
      }
      out.end();
    }

    function resetConnection(request: IncomingMessage, out: ServerResponse, r: ResetReply, stream: boolean): void {
      if (r.midStream && stream) {
        startStream(out, baseHeaders);
        if (provider === 'anthropic') writeEvent(out, 'message_start', { type: 'message_start', message: { id: `msg_testkit${record.index}`, type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 } } });
        else out.write(`data: ${JSON.stringify(openAIChunks({ type: 'message', text: '' }, renderCtx, chunkSize, false)[0])}\n\n`);
        setTimeout(() => request.socket.destroy(), 20);
        return;
      }
      request.socket.destroy();
    }
  };

  function checkAuth(route: Route, cred: { value: string } | undefined, expected: string | undefined): string | undefined {
    if (expected === undefined) return undefined;
    if (!cred) {
      if (route.kind === 'anthropic') return 'x-api-key header is required';
      if (route.kind === 'azure') return 'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.';
      return "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).";
    }
    if (cred.value === expected) return undefined;
    // The key is quoted back on purpose (OpenAI quotes part of it): tests prove adapters redact it.
    if (route.kind === 'anthropic') return `invalid x-api-key: ${cred.value}`;
    if (route.kind === 'azure') return `Access denied due to invalid subscription key ${cred.value}. Make sure to provide a valid key for an active subscription.`;
    return `Incorrect API key provided: ${cred.value}. You can find your API key at https://platform.openai.com/account/api-keys.`;
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: `testkit server error: ${error instanceof Error ? error.message : String(error)}`, type: 'server_error' } }));
      } else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    provider,
    url,
    baseURL: provider === 'openai' ? `${url}/v1` : url,
    port,
    requests,
    get remaining() {
      return typeof script === 'function' ? Number.POSITIVE_INFINITY : script.length - cursor;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function startStream(res: ServerResponse, headers: Record<string, string>): void {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', ...headers });
}

function writeEvent(res: ServerResponse, event: string, data: Record<string, unknown>): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

function sendMalformed(res: ServerResponse, reply: MalformedReply, stream: boolean, headers: Record<string, string>): void {
  const status = reply.status ?? 200;
  if (stream && reply.body === undefined) {
    res.writeHead(status, { 'content-type': 'text/event-stream; charset=utf-8', ...headers });
    res.end('data: {"id": "broken", "choices": [\n\n');
    return;
  }
  res.writeHead(status, { 'content-type': reply.contentType ?? 'application/json', ...headers });
  res.end(reply.body ?? '{"id": "broken", "choices": [');
}

/** Start a server speaking OpenAI Chat Completions (`/v1/chat/completions` and the Azure deployments route). */
export function startOpenAIServer(script: Script, options: Omit<LlmServerOptions, 'provider' | 'script'> = {}): Promise<LlmServer> {
  return startLlmServer({ ...options, provider: 'openai', script });
}

/** Start a server speaking the Anthropic Messages API (`/v1/messages`). */
export function startAnthropicServer(script: Script, options: Omit<LlmServerOptions, 'provider' | 'script'> = {}): Promise<LlmServer> {
  return startLlmServer({ ...options, provider: 'anthropic', script });
}
