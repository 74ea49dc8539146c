/** The metrics the performance evaluator measures, with their threshold keys and the direction that is worse. */
export const METRICS = {
  latency_p50_ms: { threshold: 'max_latency_p50_ms', worse: 'higher', group: 'latency', unit: 'ms' },
  latency_p95_ms: { threshold: 'max_latency_p95_ms', worse: 'higher', group: 'latency', unit: 'ms' },
  latency_p99_ms: { threshold: 'max_latency_p99_ms', worse: 'higher', group: 'latency', unit: 'ms' },
  time_to_first_token_ms: { threshold: 'max_time_to_first_token_ms', worse: 'higher', group: 'latency', unit: 'ms' },
  time_to_first_event_ms: { threshold: 'max_time_to_first_event_ms', worse: 'higher', group: 'latency', unit: 'ms' },
  tokens_per_second: { threshold: 'min_tokens_per_second', worse: 'lower', group: 'throughput', unit: 'tokens/s' },
  total_duration_seconds: { threshold: 'max_total_duration_seconds', worse: 'higher', group: 'throughput', unit: 's' },
  token_efficiency: { threshold: 'min_token_efficiency', worse: 'lower', group: 'efficiency', unit: '' },
  memory_usage_mb: { threshold: 'max_memory_usage_mb', worse: 'higher', group: 'efficiency', unit: 'MB' },
} as const;

/** A measured metric's name. */
export type MetricName = keyof typeof METRICS;

/** The metric names in report order. */
export const METRIC_NAMES = Object.keys(METRICS) as MetricName[];
