/**
 * Turns errors of the `@anthropic-ai/sdk` SDK into AdapterErrors (the mapping is @atp/llm-agent-core's): the
 * kind and `retryable` follow the HTTP status (429/408/409/5xx/529 and connection failures retryable;
 * 400/401/403/404 not), messages never hold a secret.
 */
import Anthropic from '@anthropic-ai/sdk';
import type { AdapterError } from '@atp/kernel';
import { mapSdkError, type ErrorContext, type SdkErrorDialect } from '@atp/llm-agent-core';

export type { ErrorContext } from '@atp/llm-agent-core';

/**
 * Anthropic bodies are `{type: "error", error: {type, message}}`, and the type is worth showing
 * (`overloaded_error: Overloaded`); 529 means overloaded.
 */
const ANTHROPIC_ERRORS: SdkErrorDialect = {
  classes: Anthropic,
  errorObject: (body) => (body as { error?: unknown } | undefined)?.error,
  showType: true,
  retryableStreamTypes: ['api_error', 'overloaded_error', 'rate_limit_error', 'timeout_error'],
  notFoundHint: 'the model',
  overloadedStatus: 529,
};

/** The AdapterError for an error thrown while calling the model. */
export function toAdapterError(error: unknown, ctx: ErrorContext): AdapterError {
  return mapSdkError(error, ctx, ANTHROPIC_ERRORS);
}
