/**
 * What adapters do with agent output: lenient event normalisation (reference §1.6) and
 * message parsing with one-line error messages.
 */
import { isPlainObject } from './common.js';
import { ATPEventSchema, isEventType } from './event.js';
import type { ATPEvent, EventType } from './event.js';
import { parseWith } from './issues.js';
import type { ParseResult } from './issues.js';
import { ATPRequestSchema } from './request.js';
import type { ATPRequest } from './request.js';
import { ATPResponseSchema } from './response.js';
import { fastParseResponse } from './response-fast-path.js';
import type { ATPResponse } from './response.js';

/** What {@link normalizeEvent} fills missing fields from. */
export interface NormalizeEventContext {
  /** The request's task_id, used when the event has none. */
  taskId: string;
  /** The adapter's running counter, used when the event has no `sequence`; only called for accepted events. */
  nextSequence: () => number;
  /** The SSE `event:` name, used as `event_type` when the event has none and the name is a valid event type. */
  eventName?: string;
}

/**
 * Validate one incoming event the way adapters do: a missing (or null) `sequence` takes the next
 * counter value, `timestamp` becomes now, `task_id` the request's, `event_type` the SSE event name
 * when valid, else `progress`. Returns undefined for anything that still does not validate (dropped).
 */
export function normalizeEvent(raw: unknown, ctx: NormalizeEventContext): ATPEvent | undefined {
  if (!isPlainObject(raw)) return undefined;
  const candidate: Record<string, unknown> = { ...raw };
  const needsSequence = candidate['sequence'] === undefined || candidate['sequence'] === null;
  if (needsSequence) candidate['sequence'] = 0; // placeholder; the counter is consumed only on success
  if (candidate['timestamp'] === undefined || candidate['timestamp'] === null) {
    candidate['timestamp'] = new Date().toISOString();
  }
  if (candidate['task_id'] === undefined || candidate['task_id'] === null) candidate['task_id'] = ctx.taskId;
  if (candidate['event_type'] === undefined || candidate['event_type'] === null) {
    const fallback: EventType = isEventType(ctx.eventName) ? ctx.eventName : 'progress';
    candidate['event_type'] = fallback;
  }
  const result = ATPEventSchema.safeParse(candidate);
  if (!result.success) return undefined;
  return needsSequence ? { ...result.data, sequence: ctx.nextSequence() } : result.data;
}

/** Validate an agent's final response; on failure, a one-line message listing the first issues with paths. */
export function parseResponse(raw: unknown): ParseResult<ATPResponse> {
  const fast = fastParseResponse(raw);
  if (fast) return { ok: true, value: fast };
  return parseWith(ATPResponseSchema, raw);
}

/** Validate a request; on failure, a one-line message listing the first issues with paths. */
export function parseRequest(raw: unknown): ParseResult<ATPRequest> {
  return parseWith(ATPRequestSchema, raw);
}

/** Validate an event strictly (no leniency); on failure, a one-line message listing the first issues. */
export function parseEvent(raw: unknown): ParseResult<ATPEvent> {
  return parseWith(ATPEventSchema, raw);
}
