import { definePlugin } from '@atp/kernel';
import { HttpAdapterConfigSchema } from './config.js';

export { HttpAdapterConfigSchema, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_CONNECTIONS } from './config.js';
export type { HttpAdapterConfig, HttpAdapterConfigInput } from './config.js';
// Type only: the implementation stays behind the lazy `load()`.
export type { HttpAdapter } from './http-adapter.js';

/** The `@atp/adapter-http` plugin: registers the `http` adapter (JSON or SSE over HTTP, keep-alive, SSRF guard). */
export default definePlugin({
  name: '@atp/adapter-http',
  apiVersion: 1,
  version: '0.1.0',
  description: 'ATP adapter for agents behind HTTP (JSON or SSE)',
  adapters: [
    {
      name: 'http',
      description: 'Agent behind an HTTP endpoint: POST the ATP request, read a JSON response or an SSE event stream',
      configSchema: HttpAdapterConfigSchema,
      load: () => import('./http-adapter.js'),
    },
  ],
});
