import { definePlugin } from '@atp/kernel';
import { htmlReporterConfigSchema } from './config.js';

export { htmlReporterConfigSchema } from './config.js';
export type { HtmlReporterConfig } from './config.js';

/** The HTML reporter plugin: one self-contained, offline HTML page with charts, details, timelines and agent comparisons. */
export default definePlugin({
  name: '@atp/reporter-html',
  apiVersion: 1,
  version: '0.1.0',
  description: 'Self-contained offline HTML report with charts, per-test details, event timelines and agent comparisons',
  reporters: [
    {
      name: 'html',
      extension: 'html',
      description: 'One self-contained HTML file (works offline): summary cards, score charts, per-test checks and event timelines, multi-agent comparison',
      configSchema: htmlReporterConfigSchema,
      load: () => import('./html-reporter.js'),
    },
  ],
});
