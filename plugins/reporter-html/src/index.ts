import { definePlugin } from '@atp/kernel';
import { htmlReporterConfigSchema } from './config.js';

export { htmlReporterConfigSchema } from './config.js';
export type { HtmlReporterConfig } from './config.js';
export { BASELINE_COMPARISON_EXTENSION, baselineComparisonSchema, type BaselineComparisonView } from './baseline-comparison.js';

/** The HTML reporter plugin: one self-contained, offline HTML page with charts, details, timelines, agent and baseline comparisons. */
export default definePlugin({
  name: '@atp/reporter-html',
  apiVersion: 1,
  version: '0.1.0',
  description: 'Self-contained offline HTML report with charts, per-test details, event timelines, agent and baseline comparisons',
  reporters: [
    {
      name: 'html',
      extension: 'html',
      description: 'One self-contained HTML file (works offline): summary cards, score charts, per-test checks and event timelines, multi-agent and baseline comparisons',
      configSchema: htmlReporterConfigSchema,
      load: () => import('./html-reporter.js'),
    },
  ],
});
