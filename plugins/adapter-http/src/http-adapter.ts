/**
 * The `http` adapter: POSTs the ATP request to the agent and reads a JSON response or an SSE
 * stream of events ending with the response (reference §4.2), over a keep-alive connection pool.
 */
import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage, OutgoingHttpHeaders, RequestOptions } from 'node:http';
import { pipeline } from 'node:stream';
import type { Readable } from 'node:stream';
import { urlToHttpOptions } from 'node:url';
import zlib from 'node:zlib';
import { AdapterError, AtpError, ErrorCodes, diagnostic, isAdapterError, isPlainObject, isSecret, isSensitiveName, normalizeEvent, parseResponse, redact, reveal } from '@atp/kernel';
import type { ATPRequest, ATPResponse, Adapter, AdapterCallContext, AdapterErrorKind, AdapterInit, Logger, MaybeSecret } from '@atp/kernel';
import { HttpAdapterConfigSchema } from './config.js';
import type { HttpAdapterConfig, HttpAdapterConfigInput } from './config.js';
import { SseParser } from './sse.js';
import type { SseFrame } from './sse.js';
import { checkHost, guardedLookup } from './ssrf.js';

const USER_AGENT = 'atp-adapter-http/0.1.0';
const ACCEPT = 'text/event-stream, application/json';
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// 408/429 and gateway errors are usually transient; other statuses are answers that a retry repeats.
const RETRYABLE_STATUSES = new Set([408, 425, 429, 502, 503, 504]);
const ERROR_BODY_CHARS = 200;
const ERROR_BODY_READ_BYTES = 64 * 1024;
/** How long to wait for the end of an SSE stream after its final response frame before closing it. */
const SSE_END_GRACE_MS = 200;
const HEALTH_TIMEOUT_MS = 10_000;
const MAX_TIMER_MS = 2 ** 31 - 1;
const SENSITIVE_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);
/** How many hosts' SSRF verdicts an adapter remembers (the endpoint, plus redirect targets). */
const HOST_VERDICTS = 64;

const NET_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  EPIPE: 'connection closed by the server',
  ENOTFOUND: 'host not found (DNS lookup failed)',
  EAI_AGAIN: 'temporary DNS failure',
  ETIMEDOUT: 'connection timed out',
  ECONNABORTED: 'connection aborted',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENETDOWN: 'network is down',
  EADDRNOTAVAIL: 'address not available',
};

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'EPROTO',
]);

interface Destroyable {
  destroy(error?: Error): unknown;
}

/** One call's deadline and cancellation: aborting destroys the sockets and streams it tracks. */
class Call {
  readonly #tracked = new Set<Destroyable>();
  readonly #timer: NodeJS.Timeout;
  readonly #outer: AbortSignal | undefined;
  readonly #onOuterAbort: () => void;
  /** Set once the call was aborted or timed out: the error to report. */
  failure: AdapterError | undefined;
  /** True once response headers arrived (errors then happened while reading the body). */
  reading = false;

  constructor(outer: AbortSignal | undefined, timeoutMs: number, onTimeout: () => AdapterError, onAbort: (reason: unknown) => AdapterError) {
    this.#outer = outer;
    this.#onOuterAbort = () => this.abort(onAbort(outer?.reason));
    this.#timer = setTimeout(() => this.abort(onTimeout()), Math.max(0, Math.min(timeoutMs, MAX_TIMER_MS)));
    if (outer?.aborted) this.abort(onAbort(outer.reason));
    else outer?.addEventListener('abort', this.#onOuterAbort, { once: true });
  }

  track<T extends Destroyable>(item: T): T {
    if (this.failure) item.destroy(this.failure);
    else this.#tracked.add(item);
    return item;
  }

  abort(error: AdapterError): void {
    if (this.failure) return;
    this.failure = error;
    for (const item of this.#tracked) item.destroy(error);
    this.#tracked.clear();
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#outer?.removeEventListener('abort', this.#onOuterAbort);
    this.#tracked.clear();
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  // Happy-eyeballs connects (several addresses) fail with an AggregateError of the attempts.
  const inner = (error as { errors?: unknown }).errors;
  return Array.isArray(inner) && inner.length > 0 ? errorCode(inner[0]) : undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The error a stream closed before its end gives (the code stream.finished uses). */
function prematureClose(): Error {
  return Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
}

function isEventStream(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'text/event-stream';
}

function snippet(text: string, max = ERROR_BODY_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(s < 10 ? 2 : 1)}s`;
}

/** The body stream with any Content-Encoding undone (servers may compress even unasked). */
function decodedBody(res: IncomingMessage): Readable {
  const encoding = String(res.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip()
      : encoding === 'deflate'
        ? zlib.createInflate()
        : encoding === 'br'
          ? zlib.createBrotliDecompress()
          : undefined;
  if (!decoder) return res;
  pipeline(res, decoder, () => {});
  return decoder;
}

/** An adapter instance: one keep-alive pool per instance, closed by `close()`. */
export class HttpAdapter implements Adapter {
  readonly #config: HttpAdapterConfig;
  readonly #logger: Logger;
  readonly #endpoint: URL;
  readonly #headers: ReadonlyArray<readonly [string, MaybeSecret]>;
  readonly #secrets: string[];
  readonly #maskQuery: boolean;
  readonly #lookup: ReturnType<typeof guardedLookup>;
  /** The endpoint's request options, computed once (a URL given to http.request is converted on every call). */
  readonly #endpointOptions: RequestOptions;
  /** The endpoint as messages show it. */
  readonly #endpointShown: string;
  /** `checkHost` verdicts by host name: pure in the host and this adapter's `allow_internal`. */
  readonly #hostVerdicts = new Map<string, string | null>();
  #httpAgent: http.Agent | undefined;
  #httpsAgent: https.Agent | undefined;
  #closed = false;

  constructor(config: HttpAdapterConfig, init: AdapterInit) {
    this.#config = config;
    this.#logger = init.logger;
    const endpoint = config.stream_endpoint ?? config.endpoint;
    this.#endpoint = new URL(reveal(endpoint));
    // An endpoint the guard refuses whatever DNS says (an IP literal, localhost, a metadata host) is a
    // config error, reported once before anything runs rather than as every test's failure.
    const refused = checkHost(this.#endpoint.hostname, config.allow_internal);
    if (refused) throw new AtpError(diagnostic(ErrorCodes.ATP_ADAPTER_CONFIG, `agent "${init.agent}": ${refused}`), { exitCode: 2 });
    this.#headers = Object.entries(config.headers);
    this.#maskQuery = [config.endpoint, config.stream_endpoint, config.health_endpoint].some((v) => v !== null && isSecret(v));
    this.#lookup = guardedLookup(config.allow_internal);
    this.#endpointOptions = urlToHttpOptions(this.#endpoint);
    this.#endpointShown = this.#display(this.#endpoint);
    // Everything that may echo back in an error body or message and must not be printed.
    const secrets = new Set<string>();
    for (const [name, value] of this.#headers) {
      if (isSecret(value) || isSensitiveHeader(name)) secrets.add(reveal(value));
      if (isSecret(value)) {
        // `Bearer <token>`: the token alone may be echoed too.
        const parts = reveal(value).split(/\s+/);
        if (parts.length > 1) for (const part of parts) if (part.length >= 8) secrets.add(part);
      }
    }
    for (const url of [config.endpoint, config.stream_endpoint, config.health_endpoint]) {
      if (url === null) continue;
      if (isSecret(url)) secrets.add(reveal(url));
      try {
        const parsed = new URL(reveal(url));
        if (parsed.password) secrets.add(decodeURIComponent(parsed.password));
      } catch {
        // validated by the schema
      }
    }
    this.#secrets = [...secrets].sort((a, b) => b.length - a.length);
  }

  /** POST the request; resolve with the agent's response, emitting its streamed events. */
  async run(request: ATPRequest, context: AdapterCallContext): Promise<ATPResponse> {
    if (this.#closed) throw this.#fail('other', 'the http adapter was already closed');
    const configMs = this.#config.timeout_seconds * 1000;
    const contextMs = context.timeoutMs > 0 ? context.timeoutMs : Number.POSITIVE_INFINITY;
    const timeoutMs = Math.min(configMs, contextMs);
    const shown = this.#endpointShown;
    const call = new Call(
      context.signal,
      timeoutMs,
      () =>
        this.#fail(
          'timeout',
          `no complete response from ${shown} within ${formatSeconds(timeoutMs)} (${configMs <= contextMs ? 'timeout_seconds of the agent config' : "the test's time limit"})`,
        ),
      (reason) => this.#fail('timeout', `request to ${shown} was aborted${reason instanceof Error ? ` (${reason.message})` : typeof reason === 'string' ? ` (${reason})` : ''}`),
    );
    try {
      if (call.failure) throw call.failure;
      // A string body goes out in one write with the headers; a Buffer costs a second (writev) syscall.
      const body = JSON.stringify(request);
      const { res, url } = await this.#send('POST', this.#endpoint, body, call);
      call.reading = true;
      const status = res.statusCode ?? 0;
      if (status < 200 || status >= 300) throw await this.#statusError(res, call);
      if (isEventStream(res.headers['content-type'])) return await this.#readSse(res, url, request, context, call);
      return await this.#readJson(res, url, call);
    } catch (error) {
      throw this.#toAdapterError(error, call);
    } finally {
      call.dispose();
    }
  }

  /** GET `health_endpoint` (true when it answers below 500); true when none is configured. */
  async healthCheck(signal?: AbortSignal): Promise<boolean> {
    const target = this.#config.health_endpoint;
    if (target === null || this.#closed) return target === null;
    const call = new Call(
      signal,
      Math.min(HEALTH_TIMEOUT_MS, this.#config.timeout_seconds * 1000),
      () => this.#fail('timeout', 'health check timed out'),
      () => this.#fail('timeout', 'health check aborted'),
    );
    try {
      const { res } = await this.#send('GET', new URL(reveal(target)), undefined, call);
      res.resume();
      return (res.statusCode ?? 0) < 500;
    } catch (error) {
      this.#logger.debug(`health check failed: ${this.#toAdapterError(error, call).message}`);
      return false;
    } finally {
      call.dispose();
    }
  }

  /** Close the connection pool. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#httpAgent?.destroy();
    this.#httpsAgent?.destroy();
    this.#httpAgent = undefined;
    this.#httpsAgent = undefined;
  }

  #fail(kind: AdapterErrorKind, message: string, options: { retryable?: boolean; cause?: unknown } = {}): AdapterError {
    return new AdapterError(kind, redact(message, this.#secrets), options);
  }

  /** A URL for messages: no user:password, and no query when the URL came from a secret. */
  #display(url: URL): string {
    const query = url.search === '' ? '' : this.#maskQuery ? '?***' : url.search;
    return `${url.protocol}//${url.host}${url.pathname}${query}`;
  }

  #agent(secure: boolean): http.Agent {
    const size = this.#config.max_connections;
    if (secure) {
      this.#httpsAgent ??= new https.Agent({
        keepAlive: true,
        maxSockets: size,
        maxFreeSockets: size,
        scheduling: 'lifo',
        rejectUnauthorized: this.#config.verify_ssl,
      });
      return this.#httpsAgent;
    }
    this.#httpAgent ??= new http.Agent({ keepAlive: true, maxSockets: size, maxFreeSockets: size, scheduling: 'lifo' });
    return this.#httpAgent;
  }

  #requestHeaders(url: URL, start: URL, body: string | undefined): OutgoingHttpHeaders {
    const headers: OutgoingHttpHeaders = { 'user-agent': USER_AGENT, accept: ACCEPT };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(body, 'utf8');
    }
    // Like browsers, credentials do not follow a redirect to another origin.
    const crossOrigin = url !== start && url.origin !== start.origin;
    for (const [name, value] of this.#headers) {
      if (crossOrigin && (isSecret(value) || isSensitiveHeader(name))) continue;
      headers[name.toLowerCase()] = reveal(value);
    }
    return headers;
  }

  /** Send, following up to MAX_REDIRECTS redirects; every hop passes the SSRF guard. */
  async #send(method: 'POST' | 'GET', start: URL, body: string | undefined, call: Call): Promise<{ res: IncomingMessage; url: URL }> {
    let url = start;
    let currentMethod: string = method;
    let payload = body;
    for (let hop = 0; ; hop++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw this.#fail('response', `${this.#display(start)} redirected to an unsupported ${url.protocol} URL`);
      }
      const blocked = this.#checkHost(url.hostname);
      if (blocked) throw this.#fail('other', blocked);
      const res = await this.#request(currentMethod, url, payload, this.#requestHeaders(url, start, payload), call);
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (!REDIRECT_STATUSES.has(status) || !location) return { res, url };
      res.resume();
      if (hop >= MAX_REDIRECTS) throw this.#fail('response', `too many redirects (more than ${MAX_REDIRECTS}) starting at ${this.#display(start)}`);
      try {
        url = new URL(location, url);
      } catch {
        throw this.#fail('response', `${this.#display(url)} redirected to an invalid location`);
      }
      // Fetch semantics: 303 (and 301/302 after a POST) continue as GET without a body; 307/308 keep both.
      if (status === 303 || ((status === 301 || status === 302) && currentMethod === 'POST')) {
        currentMethod = 'GET';
        payload = undefined;
      }
    }
  }

  /** The SSRF verdict for a host (see ssrf.ts), remembered per host. */
  #checkHost(hostname: string): string | undefined {
    const known = this.#hostVerdicts.get(hostname);
    if (known !== undefined) return known ?? undefined;
    const verdict = checkHost(hostname, this.#config.allow_internal);
    if (this.#hostVerdicts.size >= HOST_VERDICTS) this.#hostVerdicts.clear();
    this.#hostVerdicts.set(hostname, verdict ?? null);
    return verdict;
  }

  #request(method: string, url: URL, body: string | undefined, headers: OutgoingHttpHeaders, call: Call, retried = false): Promise<IncomingMessage> {
    return new Promise<IncomingMessage>((resolve, reject) => {
      const secure = url.protocol === 'https:';
      const target = url === this.#endpoint ? this.#endpointOptions : urlToHttpOptions(url);
      const req = (secure ? https : http).request({ ...target, method, headers, agent: this.#agent(secure), lookup: this.#lookup }, (res) => {
        call.track(res);
        resolve(res);
      });
      call.track(req);
      req.on('error', (error) => {
        // A pooled socket the server closed while idle fails on first use: retry once on a new socket.
        const code = errorCode(error);
        if (!retried && !call.failure && req.reusedSocket && (code === 'ECONNRESET' || code === 'EPIPE')) {
          this.#request(method, url, body, headers, call, true).then(resolve, reject);
          return;
        }
        reject(error);
      });
      req.end(body);
    });
  }

  #readBody(res: IncomingMessage, limit: number, call: Call, truncate: boolean): Promise<Buffer> {
    const declared = Number(res.headers['content-length']);
    if (!truncate && res.headers['content-encoding'] === undefined && Number.isFinite(declared) && declared > limit) {
      res.destroy();
      return Promise.reject(this.#tooLarge(limit));
    }
    const stream = call.track(decodedBody(res));
    // Plain listeners rather than an async iterator: this runs once per job and the iterator's machinery
    // was a measurable part of the runner's time against fast agents.
    return new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let settled = false;
      const settle = (error: unknown, body?: Buffer): void => {
        if (settled) return;
        settled = true;
        stream.off('data', onData);
        stopWatching();
        if (body) resolve(body);
        else reject(error);
      };
      const onData = (chunk: Buffer): void => {
        size += chunk.length;
        if (size <= limit) {
          chunks.push(chunk);
          return;
        }
        res.destroy();
        if (!truncate) return settle(this.#tooLarge(limit));
        chunks.push(chunk.subarray(0, chunk.length - (size - limit)));
        settle(undefined, Buffer.concat(chunks));
      };
      // Errors and a connection closed before the end (ERR_STREAM_PREMATURE_CLOSE) reject, as iteration would.
      // Three listeners rather than stream.finished(), which costs several more per job; 'end' always
      // comes before 'close' on a body read to its end.
      const onEnd = (): void => settle(undefined, Buffer.concat(chunks));
      const onError = (error: Error): void => settle(error);
      const onClose = (): void => settle(prematureClose());
      const stopWatching = (): void => {
        stream.off('end', onEnd);
        stream.off('error', onError);
        stream.off('close', onClose);
      };
      stream.on('end', onEnd);
      stream.on('error', onError);
      stream.on('close', onClose);
      stream.on('data', onData);
    });
  }

  #tooLarge(limit: number): AdapterError {
    return this.#fail(
      'response',
      `the response from ${this.#display(this.#endpoint)} is larger than max_response_bytes (${limit} bytes); raise max_response_bytes in the agent config if the agent really sends that much`,
    );
  }

  async #statusError(res: IncomingMessage, call: Call): Promise<AdapterError> {
    const status = res.statusCode ?? 0;
    let text = '';
    try {
      text = (await this.#readBody(res, ERROR_BODY_READ_BYTES, call, true)).toString('utf8');
    } catch {
      // The status is the news; a body we cannot read adds nothing.
    }
    const reason = res.statusMessage || http.STATUS_CODES[status] || '';
    const body = snippet(text);
    return this.#fail('response', `HTTP ${status}${reason ? ` ${reason}` : ''}${body ? `: ${body}` : ''}`, {
      retryable: RETRYABLE_STATUSES.has(status),
    });
  }

  async #readJson(res: IncomingMessage, url: URL, call: Call): Promise<ATPResponse> {
    const buffer = await this.#readBody(res, this.#config.max_response_bytes, call, false);
    let text = buffer.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a UTF-8 byte order mark
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      if (text.trim() === '') {
        throw this.#fail('protocol', `${this.#display(url)} answered HTTP ${res.statusCode ?? 0} with an empty body; expected an ATP response as JSON`);
      }
      const type = res.headers['content-type'];
      throw this.#fail('protocol', `${this.#display(url)} did not answer with JSON${type ? ` (content-type ${type})` : ''}: ${snippet(text)}`);
    }
    const parsed = parseResponse(raw);
    if (!parsed.ok) throw this.#fail('protocol', `invalid ATP response from ${this.#display(url)}: ${parsed.message}`);
    return parsed.value;
  }

  async #readSse(res: IncomingMessage, url: URL, request: ATPRequest, context: AdapterCallContext, call: Call): Promise<ATPResponse> {
    const shown = this.#display(url);
    const limit = this.#config.max_response_bytes;
    const parser = new SseParser();
    const decoder = new TextDecoder('utf-8');
    let size = 0;
    let next = 0;
    let final: ATPResponse | undefined;
    let grace: NodeJS.Timeout | undefined;

    const handle = (frame: SseFrame): void => {
      let data: unknown;
      try {
        data = JSON.parse(frame.data);
      } catch {
        if (frame.event === 'response') throw this.#fail('protocol', `the SSE "response" frame from ${shown} is not valid JSON: ${snippet(frame.data)}`);
        this.#logger.debug(`dropped an SSE frame that is not JSON: ${redact(snippet(frame.data, 80), this.#secrets)}`);
        return;
      }
      if (frame.event === 'response' || (isPlainObject(data) && 'status' in data)) {
        const parsed = parseResponse(data);
        if (!parsed.ok) throw this.#fail('protocol', `invalid ATP response in the SSE stream from ${shown}: ${parsed.message}`);
        final = parsed.value;
        return;
      }
      const event = normalizeEvent(data, { taskId: request.task_id, nextSequence: () => next, eventName: frame.event });
      if (!event) {
        this.#logger.debug(`dropped an SSE frame that is not a valid ATP event: ${redact(snippet(frame.data, 80), this.#secrets)}`);
        return;
      }
      next = Math.max(next, event.sequence + 1);
      context.emit(event);
    };
    const handleAll = (frames: SseFrame[]): void => {
      for (const frame of frames) {
        handle(frame);
        if (final) return;
      }
    };

    const stream = call.track(decodedBody(res));
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        if (final) continue; // draining, so the socket can go back to the pool
        size += chunk.length;
        if (size > limit) throw this.#tooLarge(limit);
        handleAll(parser.push(decoder.decode(chunk, { stream: true })));
        if (final) grace = setTimeout(() => res.destroy(), SSE_END_GRACE_MS);
      }
    } catch (error) {
      if (!final) throw error;
    } finally {
      clearTimeout(grace);
    }
    if (!final) handleAll([...parser.push(decoder.decode()), ...parser.end()]);
    if (!final) {
      throw this.#fail(
        'protocol',
        `the SSE stream from ${shown} ended without a final response (send an "event: response" frame, or a frame whose JSON has a top-level "status")`,
      );
    }
    return final;
  }

  #toAdapterError(error: unknown, call: Call): AdapterError {
    if (call.failure) return call.failure;
    if (isAdapterError(error)) return error;
    const shown = this.#display(this.#endpoint);
    const code = errorCode(error);
    if (code === 'ATP_SSRF_BLOCKED') return this.#fail('other', errorMessage(error));
    if (code && (TLS_CODES.has(code) || code.startsWith('CERT_') || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_'))) {
      return this.#fail('connection', `TLS error talking to ${shown}: ${errorMessage(error)}; set verify_ssl: false to accept a self-signed certificate`, {
        retryable: false,
        cause: error,
      });
    }
    if (code?.startsWith('HPE_')) return this.#fail('protocol', `invalid HTTP response from ${shown} (${errorMessage(error)})`, { cause: error });
    if (code?.startsWith('Z_')) return this.#fail('protocol', `could not decompress the response from ${shown} (${errorMessage(error)})`, { cause: error });
    const known = code === undefined ? undefined : NET_ERRORS[code];
    if (known) {
      const message = call.reading ? `connection to ${shown} failed while reading the response: ${known}` : `cannot connect to ${shown}: ${known}`;
      return this.#fail('connection', message, { retryable: code !== 'ENOTFOUND', cause: error });
    }
    if (code === 'ERR_STREAM_PREMATURE_CLOSE') {
      return this.#fail('connection', `connection to ${shown} closed before the response was complete`, { cause: error });
    }
    return this.#fail('other', `request to ${shown} failed: ${errorMessage(error)}`, { cause: error });
  }
}

function isSensitiveHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return SENSITIVE_HEADERS.has(lower) || isSensitiveName(lower.replace(/-/g, '_'));
}

/** Create an `http` adapter; the config is validated (again) so defaults always apply. */
export function createAdapter(config: HttpAdapterConfigInput, init: AdapterInit): HttpAdapter {
  return new HttpAdapter(HttpAdapterConfigSchema.parse(config), init);
}
