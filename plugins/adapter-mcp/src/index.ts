import { definePlugin } from '@atp/kernel';
import { McpAdapterConfigSchema } from './config.js';

export { McpAdapterConfigSchema, CLIENT_VERSION, LOG_LEVELS, TRANSPORTS, transportOf } from './config.js';
export type { McpAdapterConfig, McpAdapterConfigInput } from './config.js';
// Types only: the implementation (and the MCP SDK) stays behind the lazy `load()`.
export type { McpAdapter } from './mcp-adapter.js';

/** The `@atp/adapter-mcp` plugin: the `mcp` adapter and the `atp mcp` command. */
export default definePlugin({
  name: '@atp/adapter-mcp',
  apiVersion: 1,
  version: '0.1.0',
  description: 'ATP adapter for MCP servers and MCP-speaking agents (stdio, Streamable HTTP, legacy SSE)',
  adapters: [
    {
      name: 'mcp',
      description: 'An MCP server: each task calls one of its tools or reads one of its resources (stdio, Streamable HTTP, SSE)',
      configSchema: McpAdapterConfigSchema,
      load: () => import('./mcp-adapter.js'),
    },
  ],
  commands: [
    {
      name: 'mcp',
      usage: 'mcp tools [--json] (-- COMMAND ARGS... | --url URL)',
      description: "list an MCP server's tools (with input schemas) and resources, to help write suites",
      load: () => import('./mcp-command.js'),
    },
  ],
});
