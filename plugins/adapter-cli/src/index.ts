import { definePlugin } from '@atp/kernel';
import { CliAdapterConfigSchema } from './config.js';

export { CliAdapterConfigSchema, DEFAULT_MAX_OUTPUT_BYTES } from './config.js';
export type { CliAdapterConfig, CliAdapterConfigInput } from './config.js';
// Type only: the implementation stays behind the lazy `load()`.
export type { CliAdapter } from './cli-adapter.js';
export { splitShellWords, CommandSyntaxError } from '@atp/subprocess';

/** The `@atp/adapter-cli` plugin: registers the `cli` adapter (subprocess agents, one-shot or persistent). */
export default definePlugin({
  name: '@atp/adapter-cli',
  apiVersion: 1,
  version: '0.1.0',
  description: 'ATP adapter for subprocess agents (stdin/stdout/stderr protocol, persistent mode)',
  adapters: [
    {
      name: 'cli',
      description: 'Agent run as a subprocess: the request on stdin, events on stderr, the response on stdout',
      configSchema: CliAdapterConfigSchema,
      load: () => import('./cli-adapter.js'),
    },
  ],
});
