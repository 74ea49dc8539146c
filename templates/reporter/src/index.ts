import { createRequire } from 'node:module';
import { definePlugin } from '@atp/kernel';
import { SummaryConfigSchema } from './config.js';

export { SummaryConfigSchema, type SummaryConfig } from './config.js';

// The plugin is named after its npm package and versioned with it: read both from package.json so that a
// rename or a changesets release never leaves them behind.
const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string; description?: string };

/** The plugin: registers the `summary` reporter (`atp test --output summary`); it loads only when chosen. */
export default definePlugin({
  name: pkg.name,
  apiVersion: 1,
  version: pkg.version,
  description: pkg.description,
  reporters: [
    {
      name: 'summary',
      extension: 'txt',
      description: 'A one-screen summary of the run, with the failed tests',
      configSchema: SummaryConfigSchema,
      load: () => import('./summary-reporter.js'),
    },
  ],
});
