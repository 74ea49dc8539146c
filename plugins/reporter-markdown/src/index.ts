import { definePlugin } from '@atp/kernel';
import { markdownReporterConfigSchema } from './config.js';

export { markdownReporterConfigSchema } from './config.js';
export type { MarkdownReporterConfig } from './config.js';

/** The Markdown reporter plugin: a compact summary for pull-request comments and CI job summaries. */
export default definePlugin({
  name: '@atp/reporter-markdown',
  apiVersion: 1,
  version: '0.1.0',
  description: 'Compact Markdown summary for pull-request comments and GitHub step summaries',
  reporters: [
    {
      name: 'markdown',
      extension: 'md',
      description: 'Compact Markdown for PR comments and CI job summaries: verdict, failed tests with their cause, flaky tests, per-agent summary',
      configSchema: markdownReporterConfigSchema,
      load: () => import('./markdown-reporter.js'),
    },
  ],
});
