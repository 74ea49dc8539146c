import { describe, expect, it } from 'vitest';
import { AdapterError, isAdapterError } from '@atp/kernel';
import { mapSdkError, type ErrorContext, type SdkErrorDialect } from '../src/sdk-errors.js';

// The error classes of a Stainless SDK, as `openai` and `@anthropic-ai/sdk` define them (same names, same hierarchy).
class APIError extends Error {
  constructor(
    readonly status: number | undefined,
    readonly error: unknown,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
class APIUserAbortError extends APIError {
  constructor() {
    super(undefined, undefined, 'Request was aborted.');
  }
}
class APIConnectionError extends APIError {
  constructor(message = 'Connection error.', cause?: unknown) {
    super(undefined, undefined, message, { cause });
  }
}
class APIConnectionTimeoutError extends APIConnectionError {
  constructor() {
    super('Request timed out.');
  }
}
const classes = { APIUserAbortError, APIConnectionTimeoutError, APIConnectionError, APIError };

/** Like OpenAI: the body is `{type, message}`, the type is not shown. */
const FLAT: SdkErrorDialect = { classes, errorObject: (body) => body, showType: false, retryableStreamTypes: ['server_error'], notFoundHint: 'the model (or deployment)' };
/** Like Anthropic: the body wraps `{type, message}` in `error`, the type is shown, 529 means overloaded. */
const NESTED: SdkErrorDialect = {
  classes,
  errorObject: (body) => (body as { error?: unknown } | undefined)?.error,
  showType: true,
  retryableStreamTypes: ['overloaded_error'],
  notFoundHint: 'the model',
  overloadedStatus: 529,
};

const SECRET = 'key-0123456789';
const CTX: ErrorContext = { service: 'Acme', endpoint: 'https://api.acme.test/v1', credentialHint: 'ACME_KEY', maxRetries: 3, timeoutMs: 1500, secrets: [SECRET] };

const map = (error: unknown, dialect: SdkErrorDialect = FLAT, ctx: ErrorContext = CTX) => {
  const mapped = mapSdkError(error, ctx, dialect);
  expect(isAdapterError(mapped)).toBe(true);
  return { kind: mapped.kind, retryable: mapped.retryable, message: mapped.message };
};

describe('mapSdkError', () => {
  it('passes AdapterErrors through and keeps the SDK error as the cause', () => {
    const own = new AdapterError('other', 'mine', { retryable: false });
    expect(mapSdkError(own, CTX, FLAT)).toBe(own);
    const sdk = new APIError(400, { message: 'no' }, '400 no');
    expect(mapSdkError(sdk, CTX, FLAT).cause).toBe(sdk);
  });

  it('abort, timeout and connection errors, with the retries given up', () => {
    expect(map(new APIUserAbortError())).toEqual({ kind: 'timeout', retryable: false, message: 'the request to https://api.acme.test/v1 was aborted' });
    expect(map(new APIConnectionTimeoutError())).toEqual({ kind: 'timeout', retryable: false, message: 'Acme at https://api.acme.test/v1 did not answer within 1.5s (gave up after 3 retries; max_retries)' });
    const deep = new APIConnectionError('fetch failed', { cause: { cause: { code: 'ENOTFOUND' } } });
    expect(map(deep, FLAT, { ...CTX, maxRetries: 1 })).toEqual({ kind: 'connection', retryable: true, message: 'cannot reach Acme at https://api.acme.test/v1: ENOTFOUND (gave up after 1 retry; max_retries)' });
    // Codes deeper than five causes, and codes that are not Node network codes, are not looked for.
    let tooDeep: unknown = { code: 'ECONNRESET' };
    for (let i = 0; i < 6; i++) tooDeep = { cause: tooDeep };
    expect(map(new APIConnectionError('fetch\n failed', tooDeep), FLAT, { ...CTX, maxRetries: 0 }).message).toBe('cannot reach Acme at https://api.acme.test/v1: fetch failed');
    expect(map(new APIConnectionError('socket closed', { code: 'UND_ERR_SOCKET' }), FLAT, { ...CTX, maxRetries: 0 }).message).toBe('cannot reach Acme at https://api.acme.test/v1: socket closed');
  });

  it('HTTP statuses: which are retryable, and what each message says', () => {
    const err = (status: number) => new APIError(status, { message: 'why' }, `${status} why`);
    expect(map(err(401))).toEqual({ kind: 'response', retryable: false, message: 'Acme rejected the credentials (HTTP 401): why — check ACME_KEY' });
    expect(map(err(403)).message).toBe('Acme rejected the credentials (HTTP 403): why — check ACME_KEY');
    expect(map(err(404))).toEqual({ kind: 'response', retryable: false, message: 'Acme answered HTTP 404: why — check the model (or deployment) and the endpoint https://api.acme.test/v1' });
    expect(map(err(429))).toEqual({ kind: 'response', retryable: true, message: 'Acme rate limit (HTTP 429): why (gave up after 3 retries; max_retries)' });
    for (const status of [408, 409, 500, 502, 529]) {
      expect(map(err(status))).toEqual({ kind: 'response', retryable: true, message: `Acme server error (HTTP ${status}): why (gave up after 3 retries; max_retries)` });
    }
    for (const status of [400, 413, 422]) expect(map(err(status))).toEqual({ kind: 'response', retryable: false, message: `Acme rejected the request (HTTP ${status}): why` });
  });

  it('a dialect reads nested bodies, shows the type and has an overloaded status of its own', () => {
    const body = (type: string) => ({ type: 'error', error: { type, message: 'Overloaded' } });
    expect(map(new APIError(529, body('overloaded_error'), '529 {...}'), NESTED)).toEqual({
      kind: 'response',
      retryable: true,
      message: 'Acme is overloaded (HTTP 529): overloaded_error: Overloaded (gave up after 3 retries; max_retries)',
    });
    expect(map(new APIError(503, body('api_error'), '503 {...}'), NESTED).message).toBe('Acme server error (HTTP 503): api_error: Overloaded (gave up after 3 retries; max_retries)');
    expect(map(new APIError(404, body('not_found_error'), '404 {...}'), NESTED).message).toBe('Acme answered HTTP 404: not_found_error: Overloaded — check the model and the endpoint https://api.acme.test/v1');
    // A flat dialect does not look inside `error`, so the SDK message (status stripped) is used.
    expect(map(new APIError(500, body('api_error'), '500 {"type":"error"}'), FLAT, { ...CTX, maxRetries: 0 }).message).toBe('Acme server error (HTTP 500): {"type":"error"}');
  });

  it('error events inside a stream are retryable only for the dialect’s types', () => {
    expect(map(new APIError(undefined, { type: 'server_error', message: 'boom' }, 'boom'))).toEqual({ kind: 'response', retryable: true, message: 'Acme sent an error in the stream: boom' });
    expect(map(new APIError(undefined, { type: 'invalid_request_error', message: 'bad' }, 'bad')).retryable).toBe(false);
    expect(map(new APIError(undefined, { message: 'untyped' }, 'untyped')).retryable).toBe(false);
    expect(map(new APIError(undefined, { type: 7, message: 'odd' }, 'odd')).retryable).toBe(false);
    expect(map(new APIError(undefined, { error: { type: 'overloaded_error', message: 'busy' } }, 'busy'), NESTED)).toEqual({
      kind: 'response',
      retryable: true,
      message: 'Acme sent an error in the stream: overloaded_error: busy',
    });
  });

  it('bodies without a message fall back to the SDK message; long messages are flattened and cut at 500 characters', () => {
    expect(map(new APIError(502, undefined, '502 status code (no body)'), FLAT, { ...CTX, maxRetries: 0 }).message).toBe('Acme server error (HTTP 502): status code (no body)');
    expect(map(new APIError(400, null, '400 null body'), NESTED).message).toBe('Acme rejected the request (HTTP 400): null body');
    const long = `${'a'.repeat(300)}\n\n${'b'.repeat(300)}`;
    expect(map(new APIError(400, { message: long }, 'x')).message).toBe(`Acme rejected the request (HTTP 400): ${'a'.repeat(300)} ${'b'.repeat(199)}…`);
  });

  it('anything else is a protocol error; a secret never appears in a message', () => {
    expect(map(new SyntaxError(`Unexpected token near ${SECRET}`))).toEqual({ kind: 'protocol', retryable: false, message: 'invalid answer from Acme at https://api.acme.test/v1: Unexpected token near ***' });
    expect(map(42).message).toBe('invalid answer from Acme at https://api.acme.test/v1: 42');
    expect(map(new APIError(401, { message: `Incorrect API key provided: ${SECRET}` }, 'x')).message).toBe('Acme rejected the credentials (HTTP 401): Incorrect API key provided: *** — check ACME_KEY');
  });
});
