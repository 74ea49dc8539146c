import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF_MS, MAX_RETRY_AFTER_MS, backoffDelay, classifyHttp, retryAfterMs, sleep } from '../src/retry.js';

describe('retry policy', () => {
  it('reads retry-after-ms, retry-after seconds and retry-after dates', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }))).toBe(2000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Mon, 05 Jan 2026 09:00:03 GMT' }), Date.parse('Mon, 05 Jan 2026 09:00:00 GMT'))).toBe(3000);
    expect(retryAfterMs(new Headers())).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });

  it('retries 408, 409, 429, 5xx and 529 but not 400, 401, 403, 404, unless x-should-retry says otherwise', () => {
    const retryable = (status: number, h: Record<string, string> = {}) => classifyHttp(status, new Headers(h)).retryable;
    expect([408, 409, 429, 500, 502, 503, 529].map((s) => retryable(s))).toEqual([true, true, true, true, true, true, true]);
    expect([400, 401, 403, 404, 422].map((s) => retryable(s))).toEqual([false, false, false, false, false]);
    expect(retryable(500, { 'x-should-retry': 'false' })).toBe(false);
    expect(retryable(400, { 'x-should-retry': 'true' })).toBe(true);
    expect(classifyHttp(429, new Headers({ 'retry-after': '1' }))).toEqual({ retryable: true, waitMs: 1000 });
  });

  it('backs off exponentially with equal jitter, honouring Retry-After within a cap', () => {
    expect([1, 2, 3].map((a) => backoffDelay(a, 1000, undefined, () => 0))).toEqual([500, 1000, 2000]);
    expect([1, 2, 3].map((a) => backoffDelay(a, 1000, undefined, () => 1))).toEqual([1000, 2000, 4000]);
    expect(backoffDelay(20, 1000, undefined, () => 1)).toBe(MAX_BACKOFF_MS);
    expect(backoffDelay(1, 1000, 3500)).toBe(3500);
    expect(backoffDelay(1, 1000, 10 * MAX_RETRY_AFTER_MS)).toBe(MAX_RETRY_AFTER_MS);
  });

  it('sleeps, and wakes early when aborted', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pending = sleep(5_000, controller.signal);
    controller.abort();
    expect(await pending).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await sleep(1)).toBe(true);
  });
});
