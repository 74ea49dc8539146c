import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import type { AdapterError } from '@atp/kernel';
import { toAdapterError, type ErrorContext } from '../src/errors.js';

// The SDK's own error classes, built as the SDK builds them, mapped without any server: every branch of the
// mapping with its exact kind, retryable flag and message (pass-through and `cause` are tested in @atp/llm-agent-core) (529 and the typed error bodies are Anthropic's own).

const SECRET = 'sk-ant-secret-0123456789';
const CTX: ErrorContext = {
  service: 'Anthropic',
  endpoint: 'https://api.anthropic.com',
  credentialHint: 'the API key (api_key in the agent config, or ANTHROPIC_API_KEY)',
  maxRetries: 2,
  timeoutMs: 45_000,
  secrets: [SECRET],
};

const body = (type: string, message: string) => ({ type: 'error', error: { type, message } });
const status = (code: number, errorBody: object | undefined): unknown => Anthropic.APIError.generate(code, errorBody, undefined, new Headers());
const shape = (error: AdapterError) => ({ kind: error.kind, retryable: error.retryable, message: error.message });

describe('anthropic errors → AdapterErrors', () => {
  it('aborts, timeouts and unreachable servers', () => {
    expect(shape(toAdapterError(new Anthropic.APIUserAbortError(), CTX))).toEqual({ kind: 'timeout', retryable: false, message: 'the request to https://api.anthropic.com was aborted' });
    expect(shape(toAdapterError(new Anthropic.APIConnectionTimeoutError(), { ...CTX, maxRetries: 0 }))).toEqual({
      kind: 'timeout',
      retryable: false,
      message: 'Anthropic at https://api.anthropic.com did not answer within 45s',
    });
    const reset = new Anthropic.APIConnectionError({ cause: Object.assign(new Error('fetch failed'), { code: 'ECONNRESET' }) });
    expect(shape(toAdapterError(reset, CTX))).toEqual({
      kind: 'connection',
      retryable: true,
      message: 'cannot reach Anthropic at https://api.anthropic.com: ECONNRESET (gave up after 2 retries; max_retries)',
    });
  });

  it('maps HTTP statuses with the error type in the message; 529 is overloaded and retryable', () => {
    expect(shape(toAdapterError(status(401, body('authentication_error', `invalid x-api-key: ${SECRET}`)), CTX))).toEqual({
      kind: 'response',
      retryable: false,
      message: 'Anthropic rejected the credentials (HTTP 401): authentication_error: invalid x-api-key: *** — check the API key (api_key in the agent config, or ANTHROPIC_API_KEY)',
    });
    expect(shape(toAdapterError(status(404, body('not_found_error', 'model: claude-9')), CTX))).toEqual({
      kind: 'response',
      retryable: false,
      message: 'Anthropic answered HTTP 404: not_found_error: model: claude-9 — check the model and the endpoint https://api.anthropic.com',
    });
    expect(shape(toAdapterError(status(429, body('rate_limit_error', 'Number of requests exceeded')), CTX))).toEqual({
      kind: 'response',
      retryable: true,
      message: 'Anthropic rate limit (HTTP 429): rate_limit_error: Number of requests exceeded (gave up after 2 retries; max_retries)',
    });
    expect(shape(toAdapterError(status(529, body('overloaded_error', 'Overloaded')), { ...CTX, maxRetries: 1 }))).toEqual({
      kind: 'response',
      retryable: true,
      message: 'Anthropic is overloaded (HTTP 529): overloaded_error: Overloaded (gave up after 1 retry; max_retries)',
    });
    for (const code of [408, 409, 500, 503]) {
      expect(shape(toAdapterError(status(code, body('api_error', 'Internal')), CTX))).toEqual({
        kind: 'response',
        retryable: true,
        message: `Anthropic server error (HTTP ${code}): api_error: Internal (gave up after 2 retries; max_retries)`,
      });
    }
    expect(shape(toAdapterError(status(413, body('request_too_large', 'Too big')), CTX))).toEqual({ kind: 'response', retryable: false, message: 'Anthropic rejected the request (HTTP 413): request_too_large: Too big' });
  });

  it('reads the message from the body, else from the SDK message; clips long ones', () => {
    expect(toAdapterError(status(500, undefined), { ...CTX, maxRetries: 0 }).message).toBe('Anthropic server error (HTTP 500): status code (no body)');
    const long = `${'x'.repeat(600)}`;
    expect(toAdapterError(status(400, body('invalid_request_error', long)), CTX).message).toBe(`Anthropic rejected the request (HTTP 400): invalid_request_error: ${'x'.repeat(500 - 'invalid_request_error: '.length)}…`);
  });

  it('an error event in a stream is retryable for overload and server-side types only', () => {
    const streamError = (type: string): unknown => new Anthropic.APIError(undefined, body(type, 'stopped'), undefined, undefined);
    for (const type of ['api_error', 'overloaded_error', 'rate_limit_error', 'timeout_error']) {
      expect(shape(toAdapterError(streamError(type), CTX))).toEqual({ kind: 'response', retryable: true, message: `Anthropic sent an error in the stream: ${type}: stopped` });
    }
    expect(shape(toAdapterError(streamError('invalid_request_error'), CTX)).retryable).toBe(false);
    expect(shape(toAdapterError(new Anthropic.APIError(undefined, { message: 'untyped' }, 'untyped', undefined), CTX))).toEqual({
      kind: 'response',
      retryable: false,
      message: 'Anthropic sent an error in the stream: untyped',
    });
  });

  it('anything else is a protocol error; secrets are redacted everywhere', () => {
    expect(shape(toAdapterError(new TypeError(`cannot read ${SECRET}`), CTX))).toEqual({ kind: 'protocol', retryable: false, message: 'invalid answer from Anthropic at https://api.anthropic.com: cannot read ***' });
  });
});
