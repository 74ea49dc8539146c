/**
 * @atp/evaluator-performance: latency percentiles, time to first token and first event, tokens per
 * second, token efficiency and duration of a run, checked against thresholds and a baseline.
 * Runs are timed by the runner (EvaluationInput.timing); this module stays light (zod schemas) and the
 * evaluator loads when a suite uses it.
 */
import { definePlugin, type EvaluatorEntry } from '@atp/kernel';
import { PerformanceConfigSchema } from './config-schema.js';

const NAME = '@atp/evaluator-performance';

/** The plugin: the `performance` assertion. */
export default definePlugin({
  name: NAME,
  apiVersion: 1,
  version: '0.1.0',
  description: 'Performance assertions: latency percentiles, time to first token/event, throughput, token efficiency, baseline regression',
  evaluators: [
    {
      name: 'performance',
      evaluator: 'performance',
      description: 'Latency, throughput and efficiency thresholds, and regression against a baseline',
      configSchema: PerformanceConfigSchema,
      load: () => import('./performance-evaluator.js'),
    },
  ] satisfies EvaluatorEntry[],
});

export { PerformanceConfigSchema, ThresholdsSchema, BaselineSchema, type PerformanceConfig, type Baseline } from './config-schema.js';
export { METRICS, METRIC_NAMES, type MetricName } from './metric-names.js';
