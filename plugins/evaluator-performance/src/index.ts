/**
 * @atp/evaluator-performance: latency percentiles, time to first token and first event, tokens per
 * second, token efficiency and duration of a run, checked against thresholds and a baseline.
 * This module stays light (zod schemas and the timing taps); the evaluator loads when a suite uses it.
 */
import { definePlugin, type EvaluatorEntry } from '@atp/kernel';
import { PerformanceConfigSchema } from './config-schema.js';
import { forget, forgetRun, recordEnd, recordEvent, recordStart } from './timing.js';

const NAME = '@atp/evaluator-performance';

/** The plugin: the `performance` assertion, and taps that time each run on the harness clock. */
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
  setup({ hooks }) {
    hooks.jobStart.tap(NAME, (job) => recordStart(job.request.task_id, job.runId));
    hooks.event.tap(NAME, (_event, job) => recordEvent(job.request.task_id));
    hooks.jobEnd.tap(NAME, (job) => recordEnd(job.request.task_id, job.durationMs));
    hooks.evaluated.tap(NAME, (result) => forget(result.taskId));
    hooks.runEnd.tap(NAME, (report) => forgetRun(report.runId));
  },
});

export { PerformanceConfigSchema, ThresholdsSchema, BaselineSchema, type PerformanceConfig, type Baseline } from './config-schema.js';
export { METRICS, METRIC_NAMES, type MetricName } from './metric-names.js';
