import { definePlugin } from '@atp/kernel';
import { consoleReporterConfigSchema } from './config.js';

export type { ConsoleReporterConfig } from './config.js';

/** The console reporter plugin: live progress on a terminal and a human-readable summary. */
export default definePlugin({
  name: '@atp/reporter-console',
  apiVersion: 1,
  version: '0.1.0',
  description: 'Live progress and a human-readable summary of a run',
  reporters: [
    {
      name: 'console',
      extension: 'txt',
      description: 'Live progress on a terminal (plain lines in CI) and a summary with scores, failures and their causes',
      configSchema: consoleReporterConfigSchema,
      load: () => import('./console-reporter.js'),
    },
  ],
});
