import { createRequire } from 'node:module';
import { definePlugin } from '@atp/kernel';
import { JsonTraceOptionsSchema } from './config.js';

export { JsonTraceOptionsSchema, TraceFileSchema, type JsonTraceOptions, type TraceFile, type TraceStep } from './config.js';

// The plugin is named after its npm package and versioned with it: read both from package.json so that a
// rename or a changesets release never leaves them behind.
const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string; description?: string };

/** The plugin: registers the `json-trace` importer; its implementation loads only when used. */
export default definePlugin({
  name: pkg.name,
  apiVersion: 1,
  version: pkg.version,
  description: pkg.description,
  importers: [
    {
      name: 'json-trace',
      description: 'Traces of a simple JSON format (thought, tool, llm and error steps) as ATP events',
      configSchema: JsonTraceOptionsSchema,
      load: () => import('./json-trace.js'),
    },
  ],
});
