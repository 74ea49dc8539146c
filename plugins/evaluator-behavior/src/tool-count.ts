/**
 * How many tool calls a run made. The trace wins when it has `tool_call` events (calls counted
 * by the rule of tool-calls.ts); `metrics.tool_calls` is used only when the trace has none —
 * the agent's own number is a claim, the trace is evidence (the demo agent reports its artifact count).
 * Every message says which source was used.
 */
import type { ATPResponse } from '@atp/kernel';
import { completedCalls, type ToolTrace } from './tool-calls.js';

/** A tool-call count and where it came from. */
export interface ToolCallCount {
  count: number;
  source: 'trace' | 'metrics' | 'none';
  /** For messages: `counted from 4 tool_call events in the trace`. */
  explanation: string;
}

/** Count tool calls: from the trace when it has tool_call events, else from metrics.tool_calls. */
export function countToolCalls(trace: ToolTrace, response: ATPResponse): ToolCallCount {
  const reported = response.metrics?.tool_calls ?? undefined;
  if (trace.eventCount > 0) {
    const count = completedCalls(trace).length;
    const pending = trace.calls.length - count;
    const notes = [`counted from ${plural(trace.eventCount, 'tool_call event')} in the trace`];
    if (pending > 0) notes.push(`${plural(pending, 'started call')} never completed and ${pending === 1 ? 'is' : 'are'} not counted`);
    if (reported !== undefined && reported !== count) notes.push(`metrics.tool_calls reports ${reported}`);
    return { count, source: 'trace', explanation: notes.join('; ') };
  }
  if (reported !== undefined) return { count: reported, source: 'metrics', explanation: 'from metrics.tool_calls; the trace has no tool_call events' };
  return { count: 0, source: 'none', explanation: 'no tool_call events and no metrics.tool_calls' };
}

/** `1 tool call`, `3 tool calls`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
