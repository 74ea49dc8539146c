/**
 * Turns errors of the `openai` SDK into AdapterErrors (the mapping is @atp/llm-agent-core's): the kind and
 * `retryable` follow the HTTP status (429/408/409/5xx and connection failures retryable; 400/401/403/404
 * not), messages never hold a secret.
 */
import OpenAI from 'openai';
import type { AdapterError } from '@atp/kernel';
import { mapSdkError, type ErrorContext, type SdkErrorDialect } from '@atp/llm-agent-core';

export type { ErrorContext } from '@atp/llm-agent-core';

/** OpenAI keeps `{type, message}` as the error body itself; a stream error event is worth retrying when the server is at fault. */
const OPENAI_ERRORS: SdkErrorDialect = {
  classes: OpenAI,
  errorObject: (body) => body,
  showType: false,
  retryableStreamTypes: ['server_error', 'overloaded_error'],
  notFoundHint: 'the model (or Azure deployment)',
};

/** The AdapterError for an error thrown while calling the model. */
export function toAdapterError(error: unknown, ctx: ErrorContext): AdapterError {
  return mapSdkError(error, ctx, OPENAI_ERRORS);
}
