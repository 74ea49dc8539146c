import { describe, expect, it } from 'vitest';
import { formatIssuePath, normalizeEvent, parseResponse } from '../../src/protocol/index.js';
import type { NormalizeEventContext } from '../../src/protocol/index.js';

function counter(start = 0): NormalizeEventContext['nextSequence'] & { calls: () => number } {
  let next = start;
  let calls = 0;
  const fn = (): number => {
    calls += 1;
    return next++;
  };
  return Object.assign(fn, { calls: () => calls });
}

describe('normalizeEvent (adapter leniency, reference §1.6)', () => {
  const ts = '2026-01-05T09:00:00Z';

  it('passes a complete event through unchanged (apart from stripping unknown keys)', () => {
    const next = counter(10);
    const event = normalizeEvent(
      {
        version: '1.0',
        task_id: 't-1',
        timestamp: ts,
        sequence: 3,
        event_type: 'reasoning',
        payload: { thought: 'x' },
        extra: 1,
      },
      { taskId: 'req-1', nextSequence: next }
    );
    expect(event).toEqual({
      version: '1.0',
      task_id: 't-1',
      timestamp: ts,
      sequence: 3,
      event_type: 'reasoning',
      payload: { thought: 'x' },
    });
    expect(next.calls()).toBe(0);
  });

  it('assigns the running counter to events without a sequence', () => {
    const next = counter();
    const ctx = { taskId: 'req-1', nextSequence: next };
    const a = normalizeEvent({ event_type: 'progress', payload: {} }, ctx);
    const b = normalizeEvent({ event_type: 'progress', payload: {}, sequence: null }, ctx);
    const c = normalizeEvent({ event_type: 'progress', payload: {} }, ctx);
    expect([a?.sequence, b?.sequence, c?.sequence]).toEqual([0, 1, 2]);
  });

  it('does not consume a counter value for events that are dropped', () => {
    const next = counter();
    const ctx = { taskId: 'req-1', nextSequence: next };
    expect(normalizeEvent({ event_type: 'progress' }, ctx)).toBeUndefined();
    expect(next.calls()).toBe(0);
    expect(normalizeEvent({ payload: {} }, ctx)?.sequence).toBe(0);
  });

  it('fills a missing timestamp with now (ISO-8601, UTC)', () => {
    const before = Date.now();
    const event = normalizeEvent(
      { sequence: 0, event_type: 'progress', payload: {} },
      { taskId: 'r', nextSequence: counter() }
    );
    const after = Date.now();
    expect(event?.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const at = Date.parse(event!.timestamp);
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(after);
  });

  it("fills a missing task_id with the request's", () => {
    const event = normalizeEvent(
      { sequence: 0, event_type: 'progress', payload: {} },
      { taskId: 'req-7', nextSequence: counter() }
    );
    expect(event?.task_id).toBe('req-7');
  });

  it('fills a missing event_type with progress, or with the SSE event name when it is a valid type', () => {
    const base = { sequence: 0, payload: {} };
    expect(normalizeEvent(base, { taskId: 'r', nextSequence: counter() })?.event_type).toBe('progress');
    expect(normalizeEvent(base, { taskId: 'r', nextSequence: counter(), eventName: 'tool_call' })?.event_type).toBe(
      'tool_call'
    );
    expect(normalizeEvent(base, { taskId: 'r', nextSequence: counter(), eventName: 'message' })?.event_type).toBe(
      'progress'
    );
    // An explicit event_type wins over the SSE event name.
    expect(
      normalizeEvent({ ...base, event_type: 'error' }, { taskId: 'r', nextSequence: counter(), eventName: 'tool_call' })
        ?.event_type
    ).toBe('error');
  });

  it('fills everything at once and defaults the version', () => {
    const event = normalizeEvent({ payload: { message: 'hi' } }, { taskId: 'req-1', nextSequence: counter(5) });
    expect(event).toMatchObject({
      version: '1.0',
      task_id: 'req-1',
      sequence: 5,
      event_type: 'progress',
      payload: { message: 'hi' },
    });
  });

  it('drops anything that still does not validate', () => {
    const ctx = { taskId: 'r', nextSequence: counter() };
    for (const raw of [
      null,
      undefined,
      'progress',
      42,
      [{ payload: {} }],
      { event_type: 'progress' },
      { payload: 'text' },
      { payload: {}, event_type: 'log' },
      { payload: {}, sequence: -1 },
      { payload: {}, sequence: 1.5 },
      { payload: {}, timestamp: 'yesterday' },
      { payload: {}, task_id: '   ' },
      { payload: {}, version: '2.0' },
    ]) {
      expect(normalizeEvent(raw, ctx), JSON.stringify(raw)).toBeUndefined();
    }
  });

  it('does not mutate its input', () => {
    const raw = { payload: {} };
    normalizeEvent(raw, { taskId: 'r', nextSequence: counter() });
    expect(raw).toEqual({ payload: {} });
  });
});

describe('parseResponse', () => {
  it('returns the parsed response with defaults applied', () => {
    const result = parseResponse({ task_id: 't', status: 'completed' });
    expect(result).toEqual({
      ok: true,
      value: {
        version: '1.0',
        task_id: 't',
        status: 'completed',
        artifacts: [],
        metrics: null,
        error: null,
        trace_id: null,
      },
    });
  });

  it('reports a bad status with its path and the allowed values', () => {
    const result = parseResponse({ task_id: 't', status: 'success' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('status: expected one of completed|failed|timeout|cancelled|partial');
      expect(result.issues).toHaveLength(1);
    }
  });

  it('lists the first few issues on one line and counts the rest', () => {
    const result = parseResponse({
      task_id: '',
      status: 'nope',
      version: '9.9',
      artifacts: [{ path: 'ok.txt' }, { path: '../x' }],
      metrics: { total_tokens: -1 },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).not.toContain('\n');
      expect(result.message.split('; ')).toHaveLength(3);
      expect(result.message).toMatch(/\(and 2 more issues\)$/);
      expect(result.issues).toHaveLength(5);
    }
  });

  it('names nested paths precisely', () => {
    const result = parseResponse({
      task_id: 't',
      status: 'completed',
      artifacts: [{ path: 'ok.txt' }, { path: '/abs' }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.message).toBe('artifacts[1].path: artifact path must be relative, not absolute: "/abs"');
  });

  it('rejects non-objects with a readable message', () => {
    expect(parseResponse('{"task_id":"t"}')).toMatchObject({ ok: false, message: 'expected object, received string' });
    expect(parseResponse(null)).toMatchObject({ ok: false, message: 'expected object, received null' });
  });
});

describe('formatIssuePath', () => {
  it('renders keys, indexes and non-identifier keys', () => {
    expect(formatIssuePath([])).toBe('');
    expect(formatIssuePath(['artifacts', 0, 'path'])).toBe('artifacts[0].path');
    expect(formatIssuePath(['context', 'environment', 'MY-VAR'])).toBe('context.environment["MY-VAR"]');
  });
});
