import { definePlugin } from '@atp/kernel';
import { jsonReporterConfigSchema } from './config.js';

export type { JsonReporterConfig } from './config.js';
export type {
  JsonReport,
  JsonSummary,
  JsonTest,
  JsonStatistics,
  JsonEvaluation,
  JsonCheck,
  JsonRunResult,
} from './json-format.js';

/** The JSON reporter plugin: the machine-readable report (format version 1.0). */
export default definePlugin({
  name: '@atp/reporter-json',
  apiVersion: 1,
  version: '0.1.0',
  description: 'Machine-readable JSON report (format version 1.0)',
  reporters: [
    {
      name: 'json',
      extension: 'json',
      description: 'Machine-readable JSON report (format 1.0): summary, per-test scores, statistics, evaluations and run errors',
      configSchema: jsonReporterConfigSchema,
      load: () => import('./json-reporter.js'),
    },
  ],
});
