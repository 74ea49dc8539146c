/**
 * Logical tool calls from an ATP event trace.
 *
 * Counting rule (fixes reference §9 item 16, where `started` + `success` counted twice):
 * - a `tool_call` event whose status is `started` (also `start`, `running`, `in_progress`, `pending`)
 *   opens a call; the next event of the same call with any other status (`success`, `error`, …) closes it.
 *   "The same call" is the same `payload.call_id` when the events carry one, else the same tool,
 *   oldest open call first;
 * - any other `tool_call` event with no open call to close (no status, or a completion without a start)
 *   is a whole call by itself;
 * - a call opened but never closed is *pending*: it shows in "used tools" and patterns, but is not counted.
 */
import type { ATPEvent } from '@atp/kernel';

/** One logical tool call, made of one or two `tool_call` events. */
export interface ToolCall {
  tool: string;
  /** The closing event's status (`success`, `error`…), `started` while pending, undefined when the agent sent none. */
  status: string | undefined;
  /** `payload.input` (or the legacy `args`) of the closing event, else of the opening one. */
  input: unknown;
  /** `payload.output` of the closing event. */
  output: unknown;
  /** Sequence of the first event: when the call began. */
  sequence: number;
  /** Sequence of the last event. */
  endSequence: number;
  /** False for a call opened and never closed. */
  completed: boolean;
}

/** The tool calls of a trace. */
export interface ToolTrace {
  /** Every logical call in start order, pending ones included. */
  calls: ToolCall[];
  /** The number of `tool_call` events with a tool name. */
  eventCount: number;
  /** Tool names seen on any `tool_call` event, in first-seen order. */
  usedTools: string[];
}

const OPENING_STATUSES = new Set(['started', 'start', 'running', 'in_progress', 'pending']);

/** Build the logical tool calls of `events` (any order; sorted by sequence here). */
export function toolTrace(events: readonly ATPEvent[]): ToolTrace {
  const sorted = events.filter((e) => e.event_type === 'tool_call').sort((a, b) => a.sequence - b.sequence);
  const calls: ToolCall[] = [];
  const open: Array<{ call: ToolCall; callId: unknown }> = [];
  const used = new Set<string>();
  let eventCount = 0;
  for (const event of sorted) {
    const payload = event.payload;
    const tool = payload['tool'];
    if (typeof tool !== 'string' || tool.length === 0) continue;
    eventCount++;
    used.add(tool);
    const status = typeof payload['status'] === 'string' ? payload['status'] : undefined;
    const callId = payload['call_id'] ?? undefined;
    const input = payload['input'] ?? payload['args'] ?? undefined;
    if (status !== undefined && OPENING_STATUSES.has(status)) {
      const call: ToolCall = { tool, status: 'started', input, output: undefined, sequence: event.sequence, endSequence: event.sequence, completed: false };
      calls.push(call);
      open.push({ call, callId });
      continue;
    }
    const byId = callId === undefined ? -1 : open.findIndex((o) => o.callId === callId);
    const index = byId >= 0 ? byId : open.findIndex((o) => o.call.tool === tool && (callId === undefined || o.callId === undefined));
    if (index >= 0) {
      const { call } = open.splice(index, 1)[0]!;
      call.status = status;
      if (input !== undefined) call.input = input;
      call.output = payload['output'];
      call.endSequence = event.sequence;
      call.completed = true;
    } else {
      calls.push({ tool, status, input, output: payload['output'], sequence: event.sequence, endSequence: event.sequence, completed: true });
    }
  }
  return { calls, eventCount, usedTools: [...used] };
}

/** The completed calls of a trace (the ones that count). */
export function completedCalls(trace: ToolTrace): ToolCall[] {
  return trace.calls.filter((c) => c.completed);
}
