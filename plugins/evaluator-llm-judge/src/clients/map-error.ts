import { redact } from '@atp/kernel';
import { classifyHttp } from '../retry.js';
import { JudgeCallError } from './types.js';

/** The SDK error classes one SDK exports (OpenAI's and Anthropic's have the same names and fields). */
export interface SdkErrorClasses {
  APIError: abstract new (...args: never[]) => Error & { status?: number | undefined; headers?: unknown };
  APIConnectionError: abstract new (...args: never[]) => Error;
  APIConnectionTimeoutError: abstract new (...args: never[]) => Error;
  APIUserAbortError: abstract new (...args: never[]) => Error;
}

/**
 * Turn an SDK error into a JudgeCallError: aborts are final, connection errors and timeouts are
 * retryable, HTTP errors by status; a 200 body that is not JSON is retryable too. `secrets` are
 * redacted from the message (servers quote keys back in 401 messages).
 */
export function mapSdkError(error: unknown, sdk: SdkErrorClasses, secrets: readonly string[], timeoutSeconds: number): JudgeCallError {
  const clean = (m: string): string => redact(m, secrets);
  if (error instanceof JudgeCallError) return error;
  if (error instanceof sdk.APIUserAbortError) return new JudgeCallError('the judge call was aborted', { retryable: false, aborted: true, cause: error });
  if (error instanceof sdk.APIConnectionTimeoutError) return new JudgeCallError(`the judge did not answer within ${timeoutSeconds}s (timeout_seconds)`, { retryable: true, cause: error });
  if (error instanceof sdk.APIConnectionError) {
    const cause = (error as { cause?: unknown }).cause;
    const detail = cause instanceof Error && cause.message ? `: ${cause.message}` : '';
    return new JudgeCallError(clean(`cannot reach the judge (${error.message}${detail})`), { retryable: true, cause: error });
  }
  if (error instanceof sdk.APIError && typeof error.status === 'number') {
    const { retryable, waitMs } = classifyHttp(error.status, error.headers);
    return new JudgeCallError(clean(error.message), { status: error.status, retryable, ...(waitMs !== undefined ? { waitMs } : {}), cause: error });
  }
  if (error instanceof SyntaxError) return new JudgeCallError(clean(`the judge's response body is not valid JSON (${error.message})`), { retryable: true, cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new JudgeCallError(clean(message), { retryable: false, cause: error });
}
