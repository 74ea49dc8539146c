import type { ATPEvent, ATPResponse, RunTiming } from '@atp/kernel';
import type { MetricName } from './metric-names.js';
import { percentile } from './percentile.js';

/** The metrics of one run (absent when the run does not allow measuring them), plus counts and sources. */
export interface RunMetrics {
  values: Partial<Record<MetricName, number>>;
  /** Why each absent metric could not be measured. */
  unavailable: Partial<Record<MetricName, string>>;
  /** Where measured values came from, when there is a choice (`response.metrics`, `events`, `harness`). */
  sources: Partial<Record<MetricName, string>>;
  llm_requests: number;
  tool_calls: number;
  total_tokens?: number;
  output_tokens?: number;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function sum(values: Array<number | undefined>): number | undefined {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length ? known.reduce((a, b) => a + b, 0) : undefined;
}

/**
 * Measure a run (reference §3.10): latencies are the `duration_ms` of `llm_request` events (p50/p95/p99
 * interpolated); time to first token is the first llm_request's `time_to_first_token_ms` when it
 * reports one, else its duration; time to first event is measured by the harness; tokens per second
 * = total tokens / wall time; token efficiency = output / total tokens; memory is the largest
 * `memory_usage_mb` an event reported.
 */
export function measure(response: ATPResponse, events: readonly ATPEvent[], timing: Readonly<RunTiming> | undefined): RunMetrics {
  const out: RunMetrics = { values: {}, unavailable: {}, sources: {}, llm_requests: 0, tool_calls: 0 };
  const set = (name: MetricName, value: number | undefined, missing: string, source?: string): void => {
    if (value === undefined) out.unavailable[name] = missing;
    else {
      out.values[name] = value;
      if (source) out.sources[name] = source;
    }
  };
  const llm = events.filter((e) => e.event_type === 'llm_request');
  out.llm_requests = llm.length;
  const metrics = response.metrics ?? undefined;
  out.tool_calls = num(metrics?.tool_calls) ?? events.filter((e) => e.event_type === 'tool_call').length;

  const latencies = llm.map((e) => num(e.payload.duration_ms)).filter((v): v is number => v !== undefined);
  const noLatency = llm.length ? 'no llm_request event has a duration_ms' : 'the run has no llm_request events';
  set('latency_p50_ms', percentile(latencies, 50), noLatency);
  set('latency_p95_ms', percentile(latencies, 95), noLatency);
  set('latency_p99_ms', percentile(latencies, 99), noLatency);
  const first = llm[0];
  const ttftReported = first ? num(first.payload.time_to_first_token_ms) : undefined;
  set('time_to_first_token_ms', ttftReported ?? (first ? num(first.payload.duration_ms) : undefined), first ? 'the first llm_request has no duration_ms' : 'the run has no llm_request events', ttftReported !== undefined ? 'time_to_first_token_ms' : 'duration_ms');

  const firstEvent = timing?.firstEventMs;
  set('time_to_first_event_ms', firstEvent === undefined ? undefined : Math.max(0, firstEvent), timing ? 'the agent sent no events' : 'the run was not timed by the harness (evaluated outside atp test)', 'harness');

  const wall = num(metrics?.wall_time_seconds);
  const harness = timing?.durationMs !== undefined ? timing.durationMs / 1000 : undefined;
  set('total_duration_seconds', wall ?? harness, 'neither metrics.wall_time_seconds nor a harness measurement is available', wall !== undefined ? 'response.metrics' : 'harness');

  const eventInput = sum(llm.map((e) => num(e.payload.input_tokens)));
  const eventOutput = sum(llm.map((e) => num(e.payload.output_tokens)));
  const total = num(metrics?.total_tokens) ?? sum([num(metrics?.input_tokens), num(metrics?.output_tokens)]) ?? sum([eventInput, eventOutput]);
  const output = num(metrics?.output_tokens) ?? eventOutput;
  if (total !== undefined) out.total_tokens = total;
  if (output !== undefined) out.output_tokens = output;
  const duration = out.values.total_duration_seconds;
  const tokenSource = num(metrics?.total_tokens) !== undefined || num(metrics?.input_tokens) !== undefined ? 'response.metrics' : 'events';
  set(
    'tokens_per_second',
    total !== undefined && duration !== undefined && duration > 0 ? total / duration : undefined,
    total === undefined ? 'no token counts (metrics.total_tokens or llm_request tokens)' : 'the run has no duration',
    tokenSource,
  );
  set('token_efficiency', total !== undefined && total > 0 && output !== undefined ? output / total : undefined, total === undefined || total === 0 ? 'no token counts (metrics.total_tokens or llm_request tokens)' : 'no output token count', tokenSource);

  const memory = events.map((e) => num(e.payload.memory_usage_mb)).filter((v): v is number => v !== undefined);
  set('memory_usage_mb', memory.length ? Math.max(...memory) : undefined, 'no event reported memory_usage_mb');
  return out;
}
