import { ATPEventSchema, ATPResponseSchema } from '@atp/kernel';
import { describe, expect, it } from 'vitest';
import { measure } from '../src/metrics.js';

const response = (metrics: Record<string, unknown> | null) => ATPResponseSchema.parse({ task_id: 't', status: 'completed', metrics });
const events = (list: Array<{ event_type: string; payload: Record<string, unknown> }>) => list.map((e, i) => ATPEventSchema.parse({ task_id: 't', sequence: i, ...e }));

describe('measure', () => {
  it('computes every metric of reference §3.10 from a full run', () => {
    const run = events([
      { event_type: 'progress', payload: { message: 'start', memory_usage_mb: 120 } },
      { event_type: 'llm_request', payload: { model: 'm', duration_ms: 400, time_to_first_token_ms: 90, input_tokens: 100, output_tokens: 20 } },
      { event_type: 'tool_call', payload: { tool: 'search' } },
      { event_type: 'llm_request', payload: { model: 'm', duration_ms: 200 } },
      { event_type: 'llm_request', payload: { model: 'm', duration_ms: 300 } },
      { event_type: 'progress', payload: { memory_usage_mb: 180.5 } },
    ]);
    expect(measure(response({ total_tokens: 1000, output_tokens: 250, wall_time_seconds: 4, tool_calls: 1 }), run, { firstEventMs: 35.5, durationMs: 4100 })).toEqual({
      values: {
        latency_p50_ms: 300,
        latency_p95_ms: 390,
        latency_p99_ms: 398,
        time_to_first_token_ms: 90,
        time_to_first_event_ms: 35.5,
        total_duration_seconds: 4,
        tokens_per_second: 250,
        token_efficiency: 0.25,
        memory_usage_mb: 180.5,
      },
      unavailable: {},
      sources: { time_to_first_token_ms: 'time_to_first_token_ms', time_to_first_event_ms: 'harness', total_duration_seconds: 'response.metrics', tokens_per_second: 'response.metrics', token_efficiency: 'response.metrics' },
      llm_requests: 3,
      tool_calls: 1,
      total_tokens: 1000,
      output_tokens: 250,
    });
  });

  it('falls back to event token counts and the harness duration; says why the rest is missing', () => {
    const run = events([{ event_type: 'llm_request', payload: { model: 'm', duration_ms: 500, input_tokens: 300, output_tokens: 100 } }]);
    expect(measure(response(null), run, { durationMs: 2000 })).toEqual({
      values: { latency_p50_ms: 500, latency_p95_ms: 500, latency_p99_ms: 500, time_to_first_token_ms: 500, total_duration_seconds: 2, tokens_per_second: 200, token_efficiency: 0.25 },
      unavailable: { time_to_first_event_ms: 'the agent sent no events', memory_usage_mb: 'no event reported memory_usage_mb' },
      sources: { time_to_first_token_ms: 'duration_ms', total_duration_seconds: 'harness', tokens_per_second: 'events', token_efficiency: 'events' },
      llm_requests: 1,
      tool_calls: 0,
      total_tokens: 400,
      output_tokens: 100,
    });
  });

  it('measures nothing from an empty run outside the harness', () => {
    expect(measure(response(null), [], undefined)).toEqual({
      values: {},
      unavailable: {
        latency_p50_ms: 'the run has no llm_request events',
        latency_p95_ms: 'the run has no llm_request events',
        latency_p99_ms: 'the run has no llm_request events',
        time_to_first_token_ms: 'the run has no llm_request events',
        time_to_first_event_ms: 'the run was not timed by the harness (evaluated outside atp test)',
        total_duration_seconds: 'neither metrics.wall_time_seconds nor a harness measurement is available',
        tokens_per_second: 'no token counts (metrics.total_tokens or llm_request tokens)',
        token_efficiency: 'no token counts (metrics.total_tokens or llm_request tokens)',
        memory_usage_mb: 'no event reported memory_usage_mb',
      },
      sources: {},
      llm_requests: 0,
      tool_calls: 0,
    });
  });

  it('ignores non-numeric and negative durations', () => {
    const run = events([
      { event_type: 'llm_request', payload: { model: 'm', duration_ms: 'fast' } },
      { event_type: 'llm_request', payload: { model: 'm', duration_ms: -5 } },
    ]);
    const m = measure(response({ wall_time_seconds: 1 }), run, undefined);
    expect([m.values.latency_p50_ms, m.unavailable.latency_p50_ms, m.unavailable.time_to_first_token_ms]).toEqual([undefined, 'no llm_request event has a duration_ms', 'the first llm_request has no duration_ms']);
  });
});
