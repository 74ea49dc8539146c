import { createRequire } from 'node:module';
import { definePlugin } from '@atp/kernel';
import { WordCountConfigSchema } from './config.js';

export { WordCountConfigSchema, type WordCountConfig } from './config.js';

// The plugin is named after its npm package and versioned with it: read both from package.json so that a
// rename or a changesets release never leaves them behind.
const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string; description?: string };

/** The plugin: registers the `word_count` assertion; its implementation loads only when a suite uses it. */
export default definePlugin({
  name: pkg.name,
  apiVersion: 1,
  version: pkg.version,
  description: pkg.description,
  evaluators: [
    {
      name: 'word_count',
      description: 'The agent’s text artifacts have between min and max words',
      configSchema: WordCountConfigSchema,
      load: () => import('./word-count.js'),
    },
  ],
});
