import { ATPEventSchema, ATPResponseSchema, type ATPEventInput } from '@atp/kernel';
import { describe, expect, it } from 'vitest';
import { toolTrace } from '../src/tool-calls.js';
import { countToolCalls } from '../src/tool-count.js';

const events = (list: Array<Omit<ATPEventInput, 'task_id' | 'event_type'>>) =>
  list.map((e) => ATPEventSchema.parse({ task_id: 't', event_type: 'tool_call', ...e }));
const response = (metrics: Record<string, number> | null = null) => ATPResponseSchema.parse({ task_id: 't', status: 'completed', metrics });

describe('toolTrace', () => {
  it('pairs started with its success into one call', () => {
    const trace = toolTrace(
      events([
        { sequence: 1, payload: { tool: 'read', input: { p: 'a' }, status: 'started' } },
        { sequence: 2, payload: { tool: 'read', output: { text: 'x' }, status: 'success' } },
      ]),
    );
    expect(trace).toEqual({
      calls: [{ tool: 'read', status: 'success', input: { p: 'a' }, output: { text: 'x' }, sequence: 1, endSequence: 2, completed: true }],
      eventCount: 2,
      usedTools: ['read'],
    });
  });

  it('pairs interleaved calls of one tool first-in first-out, and by call_id when given', () => {
    const trace = toolTrace(
      events([
        { sequence: 1, payload: { tool: 'fetch', input: { u: 1 }, status: 'started' } },
        { sequence: 2, payload: { tool: 'fetch', input: { u: 2 }, status: 'started' } },
        { sequence: 3, payload: { tool: 'fetch', status: 'success' } },
        { sequence: 4, payload: { tool: 'fetch', status: 'error' } },
        { sequence: 5, payload: { tool: 'db', call_id: 'x', status: 'started', input: { q: 'a' } } },
        { sequence: 6, payload: { tool: 'db', call_id: 'y', status: 'started', input: { q: 'b' } } },
        { sequence: 7, payload: { tool: 'db', call_id: 'y', status: 'success' } },
        { sequence: 8, payload: { tool: 'db', call_id: 'x', status: 'error' } },
      ]),
    );
    expect(trace.calls.map((c) => [c.tool, c.input, c.status, c.sequence, c.endSequence])).toEqual([
      ['fetch', { u: 1 }, 'success', 1, 3],
      ['fetch', { u: 2 }, 'error', 2, 4],
      ['db', { q: 'a' }, 'error', 5, 8],
      ['db', { q: 'b' }, 'success', 6, 7],
    ]);
  });

  it('treats events without status, and completions without a start, as whole calls', () => {
    const trace = toolTrace(
      events([
        { sequence: 1, payload: { tool: 'search', args: { q: 'x' } } },
        { sequence: 2, payload: { tool: 'save', status: 'success' } },
      ]),
    );
    expect(trace.calls).toEqual([
      { tool: 'search', status: undefined, input: { q: 'x' }, output: undefined, sequence: 1, endSequence: 1, completed: true },
      { tool: 'save', status: 'success', input: undefined, output: undefined, sequence: 2, endSequence: 2, completed: true },
    ]);
  });

  it('keeps a never-completed call as pending and ignores events without a tool', () => {
    const trace = toolTrace(
      events([
        { sequence: 1, payload: { tool: 'slow', status: 'started' } },
        { sequence: 2, payload: { status: 'success' } },
      ]),
    );
    expect(trace).toEqual({
      calls: [{ tool: 'slow', status: 'started', input: undefined, output: undefined, sequence: 1, endSequence: 1, completed: false }],
      eventCount: 1,
      usedTools: ['slow'],
    });
  });

  it('sorts by sequence', () => {
    const trace = toolTrace(
      events([
        { sequence: 5, payload: { tool: 'b' } },
        { sequence: 2, payload: { tool: 'a' } },
      ]),
    );
    expect(trace.calls.map((c) => c.tool)).toEqual(['a', 'b']);
  });
});

describe('countToolCalls', () => {
  const pairs = events([
    { sequence: 1, payload: { tool: 'a', status: 'started' } },
    { sequence: 2, payload: { tool: 'a', status: 'success' } },
    { sequence: 3, payload: { tool: 'b', status: 'started' } },
    { sequence: 4, payload: { tool: 'b', status: 'success' } },
    { sequence: 5, payload: { tool: 'c', status: 'started' } },
  ]);

  it('counts completed calls from the trace and says so, noting pending calls and differing metrics', () => {
    expect(countToolCalls(toolTrace(pairs), response({ tool_calls: 7 }))).toEqual({
      count: 2,
      source: 'trace',
      explanation: 'counted from 5 tool_call events in the trace; 1 started call never completed and is not counted; metrics.tool_calls reports 7',
    });
  });

  it('uses metrics.tool_calls only when the trace has no tool_call events', () => {
    expect(countToolCalls(toolTrace([]), response({ tool_calls: 3 }))).toEqual({
      count: 3,
      source: 'metrics',
      explanation: 'from metrics.tool_calls; the trace has no tool_call events',
    });
    expect(countToolCalls(toolTrace([]), response())).toEqual({ count: 0, source: 'none', explanation: 'no tool_call events and no metrics.tool_calls' });
  });
});
