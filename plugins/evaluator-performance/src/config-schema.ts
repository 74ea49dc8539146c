/**
 * Config schema of the `performance` assertion (reference §3.10). Zod only: imported by the plugin index.
 */
import { z } from 'zod';
import { METRIC_NAMES, type METRICS } from './metric-names.js';

const positive = z.number().positive();

/** Limits on the run's metrics; each one configured gives one `threshold_<metric>` check. */
export const ThresholdsSchema = z
  .strictObject({
    max_latency_p50_ms: positive.optional().describe('Median llm_request latency, ms'),
    max_latency_p95_ms: positive.optional().describe('95th percentile llm_request latency, ms'),
    max_latency_p99_ms: positive.optional().describe('99th percentile llm_request latency, ms'),
    max_time_to_first_token_ms: positive.optional().describe('Time to first token: duration of the first llm_request, ms'),
    max_time_to_first_event_ms: positive.optional().describe('Time from sending the request to the first event, ms (harness clock)'),
    min_tokens_per_second: positive.optional().describe('total_tokens / wall time'),
    min_token_efficiency: z.number().min(0).max(1).optional().describe('output_tokens / total_tokens (0–1)'),
    max_total_duration_seconds: positive.optional().describe('Wall time of the run, seconds'),
    max_memory_usage_mb: positive.optional().describe('Largest memory_usage_mb an event payload reported'),
  })
  .describe('Metric limits');

const baselineShape: Record<string, z.ZodType> = { n_samples: z.int().min(1).describe('Number of runs the baseline was measured over') };
for (const name of METRIC_NAMES) {
  baselineShape[`${name}_mean`] = z.number().optional().describe(`Baseline mean of ${name}`);
  baselineShape[`${name}_std`] = z.number().min(0).optional().describe(`Baseline sample standard deviation of ${name}`);
}

/** A baseline: `<metric>_mean`, `<metric>_std` for any metric, and the number of samples. */
export const BaselineSchema = z
  .strictObject(baselineShape)
  .superRefine((baseline, ctx) => {
    const means = METRIC_NAMES.filter((m) => baseline[`${m}_mean`] !== undefined);
    if (means.length === 0) ctx.addIssue({ code: 'custom', message: `a baseline needs at least one <metric>_mean (metrics: ${METRIC_NAMES.join(', ')})` });
    for (const m of METRIC_NAMES) {
      if (baseline[`${m}_std`] !== undefined && baseline[`${m}_mean`] === undefined) ctx.addIssue({ code: 'custom', path: [`${m}_std`], message: `${m}_std needs ${m}_mean` });
    }
  })
  .describe('Baseline statistics of earlier runs');

/** A parsed baseline. */
export type Baseline = { n_samples: number } & Partial<Record<`${keyof typeof METRICS}_mean` | `${keyof typeof METRICS}_std`, number>>;

/** `performance`: thresholds on the run's latency, throughput and efficiency, and regression against a baseline. */
export const PerformanceConfigSchema = z
  .strictObject({
    thresholds: ThresholdsSchema.default({}),
    baseline: BaselineSchema.optional().describe('Inline baseline statistics'),
    baseline_file: z
      .string()
      .min(1)
      .optional()
      .describe("JSON file with the baseline (flat, or {\"tests\": {\"<test id>\": …}}), relative to the suite's directory"),
    significance_level: z.number().gt(0).lt(1).default(0.05).describe('p-value below which a change is significant'),
    regression_threshold_percent: z.number().min(0).default(10).describe('A change worse than this percentage (and significant) is a regression'),
    check_latency: z.boolean().default(true).describe('Check latency and time-to-first thresholds and regressions'),
    check_throughput: z.boolean().default(true).describe('Check tokens per second and total duration'),
    check_efficiency: z.boolean().default(true).describe('Check token efficiency and memory'),
    check_regression: z.boolean().default(true).describe('Compare with the baseline when one is given'),
    fail_on_regression: z.boolean().default(false).describe('A regression fails the assertion (otherwise it lowers the score)'),
    missing_metrics: z
      .enum(['fail', 'skip'])
      .default('fail')
      .describe('A configured threshold or baseline metric the run cannot measure: fail (default) or skip its check'),
  })
  .superRefine((config, ctx) => {
    if (config.baseline !== undefined && config.baseline_file !== undefined) ctx.addIssue({ code: 'custom', path: ['baseline_file'], message: 'use either baseline or baseline_file, not both' });
  })
  .describe('Latency, throughput and efficiency thresholds, and regression against a baseline');

/** Parsed `performance` config. */
export type PerformanceConfig = z.output<typeof PerformanceConfigSchema>;
