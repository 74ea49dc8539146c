import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import type { AdapterError } from '@atp/kernel';
import { toAdapterError, type ErrorContext } from '../src/errors.js';

// The SDK's own error classes, built as the SDK builds them, mapped without any server: every branch of the
// mapping with its exact kind, retryable flag and message (pass-through and `cause` are tested in @atp/llm-agent-core).

const SECRET = 'sk-secret-0123456789';
const CTX: ErrorContext = {
  service: 'OpenAI',
  endpoint: 'https://api.openai.com/v1',
  credentialHint: 'the API key (api_key in the agent config, or OPENAI_API_KEY)',
  maxRetries: 2,
  timeoutMs: 30_000,
  secrets: [SECRET],
};

const status = (code: number, body: object | undefined): unknown => OpenAI.APIError.generate(code, body, undefined, new Headers());
const shape = (error: AdapterError) => ({ kind: error.kind, retryable: error.retryable, message: error.message });

describe('openai errors → AdapterErrors', () => {
  it('aborts, timeouts and unreachable servers', () => {
    expect(shape(toAdapterError(new OpenAI.APIUserAbortError(), CTX))).toEqual({ kind: 'timeout', retryable: false, message: 'the request to https://api.openai.com/v1 was aborted' });
    expect(shape(toAdapterError(new OpenAI.APIConnectionTimeoutError(), CTX))).toEqual({
      kind: 'timeout',
      retryable: false,
      message: 'OpenAI at https://api.openai.com/v1 did not answer within 30s (gave up after 2 retries; max_retries)',
    });
    const refused = new OpenAI.APIConnectionError({ cause: Object.assign(new Error('fetch failed'), { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) }) });
    expect(shape(toAdapterError(refused, { ...CTX, maxRetries: 1 }))).toEqual({
      kind: 'connection',
      retryable: true,
      message: 'cannot reach OpenAI at https://api.openai.com/v1: ECONNREFUSED (gave up after 1 retry; max_retries)',
    });
    expect(shape(toAdapterError(new OpenAI.APIConnectionError({ message: 'socket\n  hang up' }), { ...CTX, maxRetries: 0 }))).toEqual({
      kind: 'connection',
      retryable: true,
      message: 'cannot reach OpenAI at https://api.openai.com/v1: socket hang up',
    });
  });

  it('maps HTTP statuses: credentials, 404, rate limits and server errors', () => {
    expect(shape(toAdapterError(status(401, { error: { message: `Incorrect API key provided: ${SECRET}.` } }), CTX))).toEqual({
      kind: 'response',
      retryable: false,
      message: 'OpenAI rejected the credentials (HTTP 401): Incorrect API key provided: ***. — check the API key (api_key in the agent config, or OPENAI_API_KEY)',
    });
    expect(shape(toAdapterError(status(403, { error: { message: 'Forbidden' } }), CTX)).message).toBe(
      'OpenAI rejected the credentials (HTTP 403): Forbidden — check the API key (api_key in the agent config, or OPENAI_API_KEY)',
    );
    expect(shape(toAdapterError(status(404, { error: { message: 'The model `gpt-9` does not exist' } }), CTX))).toEqual({
      kind: 'response',
      retryable: false,
      message: 'OpenAI answered HTTP 404: The model `gpt-9` does not exist — check the model (or Azure deployment) and the endpoint https://api.openai.com/v1',
    });
    expect(shape(toAdapterError(status(429, { error: { message: 'Slow down', type: 'requests' } }), CTX))).toEqual({
      kind: 'response',
      retryable: true,
      message: 'OpenAI rate limit (HTTP 429): Slow down (gave up after 2 retries; max_retries)',
    });
    for (const code of [408, 409, 500, 503, 529]) {
      expect(shape(toAdapterError(status(code, { error: { message: 'try later', type: 'server_error' } }), CTX))).toEqual({
        kind: 'response',
        retryable: true,
        message: `OpenAI server error (HTTP ${code}): try later (gave up after 2 retries; max_retries)`,
      });
    }
    expect(shape(toAdapterError(status(422, { error: { message: 'Invalid value' } }), CTX))).toEqual({ kind: 'response', retryable: false, message: 'OpenAI rejected the request (HTTP 422): Invalid value' });
  });

  it('reads the message from the body, else from the SDK message; clips long ones', () => {
    expect(toAdapterError(status(502, undefined), { ...CTX, maxRetries: 0 }).message).toBe('OpenAI server error (HTTP 502): status code (no body)');
    const long = `${'word '.repeat(150)}end`;
    const message = toAdapterError(status(400, { error: { message: long } }), CTX).message;
    expect(message).toBe(`OpenAI rejected the request (HTTP 400): ${'word '.repeat(100).slice(0, 500)}…`);
  });

  it('an error event in a stream is retryable for server-side types only', () => {
    const streamError = (type: string): unknown => new OpenAI.APIError(undefined, { type, message: `a ${type}` }, `a ${type}`, undefined);
    expect(shape(toAdapterError(streamError('server_error'), CTX))).toEqual({ kind: 'response', retryable: true, message: 'OpenAI sent an error in the stream: a server_error' });
    expect(shape(toAdapterError(streamError('overloaded_error'), CTX)).retryable).toBe(true);
    expect(shape(toAdapterError(streamError('invalid_request_error'), CTX))).toEqual({ kind: 'response', retryable: false, message: 'OpenAI sent an error in the stream: a invalid_request_error' });
  });

  it('anything else is a protocol error; secrets are redacted everywhere', () => {
    expect(shape(toAdapterError(new SyntaxError(`Unexpected token in ${SECRET}`), CTX))).toEqual({
      kind: 'protocol',
      retryable: false,
      message: 'invalid answer from OpenAI at https://api.openai.com/v1: Unexpected token in ***',
    });
    expect(toAdapterError('a string', CTX).message).toBe('invalid answer from OpenAI at https://api.openai.com/v1: a string');
  });
});
