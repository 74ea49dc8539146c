import { createRequire } from 'node:module';
import { definePlugin } from '@atp/kernel';
import { EchoConfigSchema } from './config.js';

export { EchoConfigSchema, type EchoConfig } from './config.js';

// The plugin is named after its npm package and versioned with it: read both from package.json so that a
// rename or a changesets release never leaves them behind.
const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string; description?: string };

/** The plugin: registers the `echo` adapter; its implementation loads only when a suite uses it. */
export default definePlugin({
  name: pkg.name,
  apiVersion: 1,
  version: pkg.version,
  description: pkg.description,
  adapters: [
    {
      name: 'echo',
      description: 'An agent that answers every task with its text (task.input_data.text, else the description)',
      configSchema: EchoConfigSchema,
      load: () => import('./echo-adapter.js'),
    },
  ],
});
