import { definePlugin } from '@atp/kernel';
import { junitReporterConfigSchema } from './config.js';

export type { JUnitReporterConfig } from './config.js';

/** The JUnit reporter plugin: JUnit XML for CI systems. */
export default definePlugin({
  name: '@atp/reporter-junit',
  apiVersion: 1,
  version: '0.1.0',
  description: 'JUnit XML report for CI systems',
  reporters: [
    {
      name: 'junit',
      extension: 'xml',
      description: 'JUnit XML for CI: one testcase per test and agent, <failure> for assertions, <error> for timeouts and adapter errors',
      configSchema: junitReporterConfigSchema,
      load: () => import('./junit-reporter.js'),
    },
  ],
});
