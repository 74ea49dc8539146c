/**
 * Turns errors of the `@anthropic-ai/sdk` SDK into AdapterErrors: the kind and `retryable` follow the HTTP
 * status (429/408/409/5xx/529 and connection failures retryable; 400/401/403/404 not), messages never
 * hold a secret.
 */
import Anthropic from '@anthropic-ai/sdk';
import { AdapterError, isAdapterError, redact } from '@atp/kernel';

/** Where the error happened, for messages. */
export interface ErrorContext {
  /** `Anthropic` or `the Anthropic-compatible server`. */
  service: string;
  /** The base URL shown in messages (no credentials). */
  endpoint: string;
  /** Where the credential comes from, for 401 hints. */
  credentialHint: string;
  maxRetries: number;
  timeoutMs: number;
  /** Values that must never appear in a message. */
  secrets: readonly string[];
}

const MAX_MESSAGE = 500;
const RETRYABLE_TYPES = new Set(['api_error', 'overloaded_error', 'rate_limit_error', 'timeout_error']);

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_MESSAGE ? `${flat.slice(0, MAX_MESSAGE)}…` : flat;
}

function networkCode(error: unknown, depth = 0): string | undefined {
  if (typeof error !== 'object' || error === null || depth > 5) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
  return networkCode((error as { cause?: unknown }).cause, depth + 1);
}

/** `{type: "error", error: {type, message}}` → its type and message. */
function body(error: InstanceType<typeof Anthropic.APIError>): { type?: string; message: string } {
  const inner = (error.error as { error?: { type?: unknown; message?: unknown } } | undefined)?.error;
  const message = typeof inner?.message === 'string' ? inner.message : error.message.replace(/^\d{3}\s+/, '');
  return typeof inner?.type === 'string' ? { type: inner.type, message } : { message };
}

function retriesNote(ctx: ErrorContext): string {
  return ctx.maxRetries > 0 ? ` (gave up after ${ctx.maxRetries} ${ctx.maxRetries === 1 ? 'retry' : 'retries'}; max_retries)` : '';
}

/** The AdapterError for an error thrown while calling the model. */
export function toAdapterError(error: unknown, ctx: ErrorContext): AdapterError {
  if (isAdapterError(error)) return error;
  const fail = (kind: ConstructorParameters<typeof AdapterError>[0], message: string, retryable: boolean): AdapterError =>
    new AdapterError(kind, redact(message, ctx.secrets), { retryable, cause: error });
  if (error instanceof Anthropic.APIUserAbortError) return fail('timeout', `the request to ${ctx.endpoint} was aborted`, false);
  if (error instanceof Anthropic.APIConnectionTimeoutError) {
    return fail('timeout', `${ctx.service} at ${ctx.endpoint} did not answer within ${ctx.timeoutMs / 1000}s${retriesNote(ctx)}`, false);
  }
  if (error instanceof Anthropic.APIConnectionError) {
    const code = networkCode(error);
    return fail('connection', `cannot reach ${ctx.service} at ${ctx.endpoint}: ${code ?? clip(error.message)}${retriesNote(ctx)}`, true);
  }
  if (error instanceof Anthropic.APIError) {
    const status = error.status;
    const { type, message: raw } = body(error);
    const message = clip(type ? `${type}: ${raw}` : raw);
    if (status === undefined) {
      // An `event: error` inside a stream (overloaded_error mid-answer…).
      return fail('response', `${ctx.service} sent an error in the stream: ${message}`, type !== undefined && RETRYABLE_TYPES.has(type));
    }
    if (status === 401 || status === 403) {
      return fail('response', `${ctx.service} rejected the credentials (HTTP ${status}): ${message} — check ${ctx.credentialHint}`, false);
    }
    if (status === 404) return fail('response', `${ctx.service} answered HTTP 404: ${message} — check the model and the endpoint ${ctx.endpoint}`, false);
    if (status === 429) return fail('response', `${ctx.service} rate limit (HTTP 429): ${message}${retriesNote(ctx)}`, true);
    if (status === 529) return fail('response', `${ctx.service} is overloaded (HTTP 529): ${message}${retriesNote(ctx)}`, true);
    if (status === 408 || status === 409 || status >= 500) return fail('response', `${ctx.service} server error (HTTP ${status}): ${message}${retriesNote(ctx)}`, true);
    return fail('response', `${ctx.service} rejected the request (HTTP ${status}): ${message}`, false);
  }
  const message = error instanceof Error ? error.message : String(error);
  return fail('protocol', `invalid answer from ${ctx.service} at ${ctx.endpoint}: ${clip(message)}`, false);
}
