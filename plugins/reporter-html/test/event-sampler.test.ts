import { describe, expect, it } from 'vitest';
import type { ATPEvent, PlanJob } from '@atp/kernel';
import { EventSampler, summarizeEvent } from '../src/event-sampler.js';

const job = (testId: string, run: number, agent = 'a'): { job: PlanJob } => ({ job: { id: `${testId}::${agent}::${run}`, testId, agent, run } });
const event = (sequence: number, event_type: ATPEvent['event_type'], payload: Record<string, unknown>): ATPEvent => ({
  version: '1.0',
  task_id: 't',
  timestamp: '2026-01-05T10:00:00Z',
  sequence,
  event_type,
  payload: payload as ATPEvent['payload'],
});

describe('summarizeEvent', () => {
  it('describes each event type from its conventional payload', () => {
    expect(summarizeEvent(event(0, 'tool_call', { tool: 'read_file', status: 'success', duration_ms: 12 }))).toBe('read_file · success · 12 ms');
    expect(summarizeEvent(event(0, 'llm_request', { model: 'gpt-x', input_tokens: 10, output_tokens: 5 }))).toBe('gpt-x · 10 → 5 tokens');
    expect(summarizeEvent(event(0, 'reasoning', { thought: '  think\n  hard ' }))).toBe('think hard');
    expect(summarizeEvent(event(0, 'error', { error_type: 'IOError', message: 'disk full' }))).toBe('IOError: disk full');
    expect(summarizeEvent(event(0, 'progress', { message: 'half', current_step: 2, percentage: 50 }))).toBe('half · step 2 · 50%');
    expect(summarizeEvent(event(0, 'progress', {}))).toBe('progress');
    expect(summarizeEvent(event(0, 'reasoning', { thought: 'x'.repeat(500) }))).toHaveLength(200);
  });
});

describe('EventSampler', () => {
  it('keeps at most maxEvents events of the first run per test and agent, counting the rest', () => {
    let clock = 1000;
    const sampler = new EventSampler({ maxEvents: 2, maxPayloadChars: 100, now: () => clock });
    sampler.jobStarted(job('t1', 1));
    clock = 1250;
    sampler.record(event(0, 'tool_call', { tool: 'a' }), job('t1', 1));
    sampler.record(event(0, 'tool_call', { tool: 'other run' }), job('t1', 2));
    clock = 1500;
    sampler.record(event(1, 'progress', { message: 'p' }), job('t1', 1));
    sampler.record(event(2, 'progress', { message: 'dropped' }), job('t1', 1));
    sampler.record(event(0, 'reasoning', { thought: 'other agent' }), job('t1', 1, 'b'));
    expect(sampler.get('t1', 'a')).toEqual({
      run: 1,
      total: 3,
      events: [
        { sequence: 0, type: 'tool_call', timestamp: '2026-01-05T10:00:00Z', offsetMs: 250, summary: 'a', payload: '{\n  "tool": "a"\n}', payloadTruncated: false },
        { sequence: 1, type: 'progress', timestamp: '2026-01-05T10:00:00Z', offsetMs: 500, summary: 'p', payload: '{\n  "message": "p"\n}', payloadTruncated: false },
      ],
    });
    expect(sampler.get('t1', 'b')?.events.map((e) => e.summary)).toEqual(['other agent']);
    expect(sampler.get('t2', 'a')).toBeUndefined();
  });

  it('switches to an earlier run that starts later (concurrent runs) and cuts big payloads', () => {
    const sampler = new EventSampler({ maxEvents: 5, maxPayloadChars: 100, now: () => 0 });
    sampler.jobStarted(job('t1', 2));
    sampler.record(event(0, 'tool_call', { tool: 'run2' }), job('t1', 2));
    sampler.jobStarted(job('t1', 1));
    sampler.record(event(0, 'tool_call', { tool: 'run1', blob: 'x'.repeat(1000) }), job('t1', 1));
    sampler.record(event(1, 'tool_call', { tool: 'run2 again' }), job('t1', 2));
    const sample = sampler.get('t1', 'a')!;
    expect(sample.run).toBe(1);
    expect(sample.events.map((e) => e.summary)).toEqual(['run1']);
    expect(sample.events[0]!.payload).toHaveLength(100);
    expect(sample.events[0]!.payloadTruncated).toBe(true);
  });

  it('keeps nothing when maxEvents is 0', () => {
    const sampler = new EventSampler({ maxEvents: 0, maxPayloadChars: 100 });
    sampler.jobStarted(job('t1', 1));
    sampler.record(event(0, 'tool_call', { tool: 'a' }), job('t1', 1));
    expect(sampler.get('t1', 'a')).toBeUndefined();
  });
});
