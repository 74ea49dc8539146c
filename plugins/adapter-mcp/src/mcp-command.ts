/**
 * `atp mcp tools -- COMMAND ARGS...` / `atp mcp tools --url URL`: start (or connect to) a server,
 * list its tools with their input schemas, its resources and prompts, and stop it again.
 */
import { AtpError, diagnostic, ErrorCodes } from '@atp/kernel';
import type { CommandContext, CommandModule, Logger } from '@atp/kernel';
import { McpAdapterConfigSchema } from './config.js';
import { openConnection } from './connection.js';
import type { McpConnection } from './connection.js';
import { resolveTarget } from './target.js';
import { renderListing } from './tool-listing.js';
import type { ServerListing } from './tool-listing.js';

function usage(message: string): AtpError {
  return new AtpError(diagnostic(ErrorCodes.ATP_USAGE, message, { hint: 'atp mcp tools -- npx -y @modelcontextprotocol/server-everything   or   atp mcp tools --url http://127.0.0.1:3001/mcp' }), { exitCode: 2 });
}

function strings(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

function pairs(items: string[], separator: string, option: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const at = item.indexOf(separator);
    if (at <= 0) throw usage(`--${option} expects NAME${separator}VALUE, got ${JSON.stringify(item)}`);
    out[item.slice(0, at).trim()] = item.slice(at + 1).trim();
  }
  return out;
}

/** The adapter config equivalent to the command line. */
function configOf(ctx: CommandContext): Record<string, unknown> {
  const words = ctx.args.slice(1);
  const url = typeof ctx.options.url === 'string' ? ctx.options.url : undefined;
  if (url !== undefined && words.length > 0) throw usage('give either a command after -- (stdio) or --url (HTTP), not both');
  if (url === undefined && words.length === 0) throw usage('atp mcp tools needs the server: a command after -- (stdio) or --url URL (HTTP)');
  const timeout = typeof ctx.options['startup-timeout'] === 'string' ? Number(ctx.options['startup-timeout']) : undefined;
  if (timeout !== undefined && !(timeout > 0)) throw usage(`--startup-timeout must be a positive number of seconds, got ${JSON.stringify(ctx.options['startup-timeout'])}`);
  const config: Record<string, unknown> = {
    ...(timeout !== undefined ? { startup_timeout: timeout } : {}),
    ...(typeof ctx.options.transport === 'string' ? { transport: ctx.options.transport } : {}),
  };
  if (url !== undefined) return { ...config, url, headers: pairs(strings(ctx.options.header), ':', 'header') };
  return {
    ...config,
    command: words[0],
    args: words.slice(1),
    // Run like the user's own shell command would, minus credentials (see the README).
    inherit_environment: true,
    environment: pairs(strings(ctx.options.env), '=', 'env'),
    allowed_env_vars: strings(ctx.options['allow-env']),
    ...(typeof ctx.options['working-dir'] === 'string' ? { working_dir: ctx.options['working-dir'] } : {}),
  };
}

async function listing(connection: McpConnection): Promise<ServerListing> {
  const { client } = connection;
  const capabilities = connection.capabilities;
  const timeout = 10_000;
  const resourceTemplates = capabilities.resources ? await client.listResourceTemplates({}, { timeout }).then((r) => r.resourceTemplates, () => []) : [];
  const prompts = capabilities.prompts ? await client.listPrompts({}, { timeout }).then((r) => r.prompts, () => []) : [];
  const server = connection.server;
  return {
    server: server ? { name: server.name, version: server.version, ...(server.title ? { title: server.title } : {}) } : null,
    transport: connection.kind,
    instructions: client.getInstructions(),
    tools: connection.tools.map((t) => ({ name: t.name, title: t.title, description: t.description, inputSchema: t.inputSchema, outputSchema: t.outputSchema })),
    resources: connection.resources.map((r) => ({ uri: r.uri, name: r.name, mimeType: r.mimeType, description: r.description })),
    resourceTemplates: resourceTemplates.map((r) => ({ uriTemplate: r.uriTemplate, name: r.name, mimeType: r.mimeType, description: r.description })),
    prompts: prompts.map((p) => ({ name: p.name, description: p.description })),
  };
}

const command: CommandModule = {
  usage: 'tools [--json] (-- COMMAND ARGS... | --url URL [--header "Name: value"])',
  options: {
    json: { type: 'boolean', description: 'print the listing as JSON (full input and output schemas)' },
    url: { type: 'string', value: 'URL', description: 'connect to a server over Streamable HTTP (legacy SSE as a fallback) instead of starting a command' },
    transport: { type: 'string', value: 'stdio|http|sse', description: 'force a transport (default: stdio with a command, http with --url)' },
    header: { type: 'string', multiple: true, value: '"NAME: VALUE"', description: 'HTTP header sent to the server' },
    env: { type: 'string', multiple: true, value: 'NAME=VALUE', description: 'variable set for the server process' },
    'allow-env': { type: 'string', multiple: true, value: 'NAME', description: 'pass this variable even though it looks like a credential (NAME or PREFIX_*)' },
    'working-dir': { type: 'string', value: 'DIR', description: 'working directory of the server process' },
    'startup-timeout': { type: 'string', value: 'SECONDS', description: 'time the server has to start and answer initialize (default 30)' },
  },
  async run(ctx) {
    const sub = ctx.args[0];
    if (sub !== 'tools') throw usage(sub === undefined ? 'atp mcp needs a subcommand: tools' : `unknown subcommand "${sub}" of atp mcp (known: tools)`);
    const parsed = McpAdapterConfigSchema.safeParse(configOf(ctx));
    if (!parsed.success) throw usage(parsed.error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; '));
    const resolved = resolveTarget(parsed.data, ctx.cwd);
    const logger: Logger = ctx.kernel.logger;
    let connection: McpConnection;
    try {
      connection = await openConnection(resolved.target, {
        who: `MCP server (${resolved.label})`,
        clientName: parsed.data.client_name,
        clientVersion: parsed.data.client_version,
        startupMs: parsed.data.startup_timeout * 1000,
        graceMs: parsed.data.kill_grace_seconds * 1000,
        logLevel: null,
        logger,
        secrets: resolved.secrets,
        signal: ctx.signal,
        onStderrLine: (line) => logger.debug(`server stderr: ${line}`),
      });
    } catch (error) {
      if (ctx.signal.aborted) return 130;
      ctx.stderr(`error: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    try {
      const result = await listing(connection);
      ctx.stdout(ctx.options.json ? `${JSON.stringify(result, null, 2)}\n` : renderListing(result));
      return 0;
    } finally {
      await connection.close();
    }
  },
};

export default command;
