/**
 * ATPEvent: the streamed progress messages an agent may emit (reference §1.6).
 */
import { z } from 'zod';
import {
  JsonObjectSchema,
  ProtocolVersionSchema,
  describeValue,
  enumMessage,
  integerMessage,
  negativeMessage,
  tooLong,
} from './common.js';
import { MAX_TASK_ID_LENGTH } from './limits.js';

/** The event kinds, i.e. the values of `event_type`. */
export const EVENT_TYPES = ['tool_call', 'llm_request', 'reasoning', 'error', 'progress'] as const;

/** `event_type`: `tool_call` | `llm_request` | `reasoning` | `error` | `progress`. */
export const EventTypeSchema = z
  .enum(EVENT_TYPES, { error: (iss) => enumMessage(EVENT_TYPES, iss.input) })
  .describe('Event type');

/** An event kind. */
export type EventType = z.output<typeof EventTypeSchema>;

/** True when `value` is one of {@link EVENT_TYPES}. */
export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value);
}

/** An ISO-8601 date-time with seconds; `Z`, an offset or no zone are accepted (e.g. `2026-01-05T09:00:00Z`). */
export const TimestampSchema = z.iso.datetime({
  offset: true,
  local: true,
  error: (iss) => `expected an ISO-8601 date-time such as "2026-01-05T09:00:00Z", received ${describeValue(iss.input)}`,
});

/** The ATPEvent message (agent → harness, streamed); unknown keys are stripped. */
export const ATPEventSchema = z
  .object({
    version: ProtocolVersionSchema,
    task_id: z
      .string()
      .min(1, { error: 'task_id cannot be empty', abort: true })
      .refine((v) => v.trim().length > 0, { error: 'task_id cannot be empty', abort: true })
      .max(MAX_TASK_ID_LENGTH, { error: tooLong('task_id', MAX_TASK_ID_LENGTH) })
      .describe('Task identifier'),
    timestamp: TimestampSchema.default(() => new Date().toISOString()).describe(
      'Event time (ISO-8601); defaults to now (UTC)'
    ),
    sequence: z
      .int({ error: integerMessage })
      .min(0, { error: negativeMessage })
      .describe('Monotonically increasing sequence number, from 0'),
    event_type: EventTypeSchema,
    payload: JsonObjectSchema.describe('Event-specific payload (shape by convention)'),
  })
  .describe('ATP protocol event (agent to harness, streamed)');

/** A parsed ATPEvent (defaults applied). */
export type ATPEvent = z.output<typeof ATPEventSchema>;
/** An ATPEvent as it may be written before parsing (defaulted fields optional). */
export type ATPEventInput = z.input<typeof ATPEventSchema>;

/** Conventional `tool_call` payload (not enforced; `args` is a legacy alias of `input`). */
export interface ToolCallPayload {
  tool: string;
  input?: Record<string, unknown> | null;
  args?: Record<string, unknown> | null;
  output?: unknown;
  duration_ms?: number | null;
  /** Conventionally `started`, `success` or `error`. */
  status?: string | null;
  [key: string]: unknown;
}

/** Conventional `llm_request` payload (not enforced). */
export interface LLMRequestPayload {
  model: string;
  input_tokens?: number | null;
  output_tokens?: number | null;
  duration_ms?: number | null;
  [key: string]: unknown;
}

/** Conventional `reasoning` payload (not enforced). */
export interface ReasoningPayload {
  thought?: string | null;
  plan?: string | null;
  step?: string | null;
  [key: string]: unknown;
}

/** Conventional `error` payload (not enforced). */
export interface ErrorPayload {
  error_type: string;
  message: string;
  recoverable?: boolean | null;
  [key: string]: unknown;
}

/** Conventional `progress` payload (not enforced). */
export interface ProgressPayload {
  current_step?: number | null;
  percentage?: number | null;
  message?: string | null;
  [key: string]: unknown;
}

/** The conventional payload shape for each event type. */
export interface EventPayloadMap {
  tool_call: ToolCallPayload;
  llm_request: LLMRequestPayload;
  reasoning: ReasoningPayload;
  error: ErrorPayload;
  progress: ProgressPayload;
}
