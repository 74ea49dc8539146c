import { createRequire } from 'node:module';
import { definePlugin } from '@atp/kernel';
import { ExpectedAnswerConfigSchema, JsonDatasetOptionsSchema } from './config.js';

export { DatasetSchema, ExpectedAnswerConfigSchema, JsonDatasetOptionsSchema, type Dataset, type ExpectedAnswerConfig, type JsonDatasetOptions } from './config.js';

// The plugin is named after its npm package and versioned with it: read both from package.json so that a
// rename or a changesets release never leaves them behind.
const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string; description?: string };

/**
 * The plugin: the `json-dataset` benchmark loader, and the `expected_answer` assertion its tests use. A
 * benchmark ships its own scoring so that its plans run with nothing else installed.
 */
export default definePlugin({
  name: pkg.name,
  apiVersion: 1,
  version: pkg.version,
  description: pkg.description,
  benchmarks: [
    {
      name: 'json-dataset',
      description: 'Questions and expected answers from a JSON dataset, one test each',
      configSchema: JsonDatasetOptionsSchema,
      load: () => import('./load-dataset.js'),
    },
  ],
  evaluators: [
    {
      name: 'expected_answer',
      description: 'The agent’s text artifacts contain the expected answer',
      configSchema: ExpectedAnswerConfigSchema,
      load: () => import('./expected-answer.js'),
    },
  ],
});
