/** Longest wait a Retry-After header may impose before the call is given up instead. */
export const MAX_RETRY_AFTER_MS = 120_000;
/** Longest exponential backoff step. */
export const MAX_BACKOFF_MS = 30_000;

/** HTTP statuses worth another attempt: timeouts, conflicts, rate limits, server errors, Anthropic's 529. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

function header(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const v = (headers as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : undefined;
}

/** The wait a response asks for: `retry-after-ms`, else `retry-after` (seconds or an HTTP date); undefined when absent. */
export function retryAfterMs(headers: unknown, now = Date.now()): number | undefined {
  const ms = header(headers, 'retry-after-ms');
  if (ms !== undefined && Number.isFinite(Number(ms)) && Number(ms) >= 0) return Number(ms);
  const after = header(headers, 'retry-after');
  if (after === undefined) return undefined;
  if (/^\d+(\.\d+)?$/.test(after.trim())) return Number(after) * 1000;
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Whether an HTTP error is worth another attempt and how long the server asked to wait: by status,
 * unless the server said otherwise with `x-should-retry` (as the official SDKs honour it).
 */
export function classifyHttp(status: number, headers: unknown): { retryable: boolean; waitMs?: number } {
  const should = header(headers, 'x-should-retry');
  const waitMs = retryAfterMs(headers);
  const retryable = should === 'false' ? false : should === 'true' ? true : isRetryableStatus(status);
  return { retryable, ...(waitMs !== undefined ? { waitMs } : {}) };
}

/**
 * The delay before attempt `attempt + 1` (attempt counts from 1): the server's Retry-After when it
 * gave one, else `baseMs · 2^(attempt−1)` capped at MAX_BACKOFF_MS, with "equal jitter" (half fixed,
 * half random) so parallel jobs hitting one rate limit do not retry in lockstep.
 */
export function backoffDelay(attempt: number, baseMs: number, waitMs: number | undefined, random: () => number = Math.random): number {
  if (waitMs !== undefined) return Math.min(waitMs, MAX_RETRY_AFTER_MS);
  const exp = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  return exp / 2 + random() * (exp / 2);
}

/** Sleep `ms`, resolving early (false) when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
