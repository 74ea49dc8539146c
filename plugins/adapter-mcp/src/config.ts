import { z } from 'zod';
import { isSecret, reveal, zSecretString } from '@atp/kernel';
import type { MaybeSecret } from '@atp/kernel';
import { invalidGlob } from './name-filter.js';

/** The version this client reports in `initialize` unless `client_version` says otherwise. */
export const CLIENT_VERSION = '0.1.0';

/** The MCP transports: a child process on stdio, Streamable HTTP, or the legacy HTTP+SSE transport. */
export const TRANSPORTS = ['stdio', 'http', 'sse'] as const;

/** The `logging/setLevel` values of MCP (RFC 5424 severities). */
export const LOG_LEVELS = ['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency'] as const;

const ENV_NAME = /^[^=\0]+$/;
// RFC 9110 token characters.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** An http(s) URL that may hold a credential; a Secret's value is never echoed in the error. */
const zUrl = zSecretString().superRefine((value: MaybeSecret, ctx) => {
  const text = reveal(value);
  const shown = isSecret(value) ? '' : ` (got ${JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text)})`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    ctx.addIssue({ code: 'custom', message: `url must be an absolute http:// or https:// URL${shown}` });
    return;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') ctx.addIssue({ code: 'custom', message: `url must use http:// or https://, not ${url.protocol}//${shown}` });
});

const zFilter = (what: string) =>
  z
    .array(
      z
        .string()
        .min(1, { error: `a ${what} name or pattern cannot be empty` })
        .superRefine((pattern, ctx) => {
          const problem = invalidGlob(pattern);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }),
    )
    .nullable()
    .default(null);

/** Configuration of the `mcp` adapter (strict: unknown keys are errors). */
export const McpAdapterConfigSchema = z
  .strictObject({
    timeout_seconds: z.number().positive().default(300).describe('Limit for one tool call or resource read, in seconds (the test limit applies too; the smaller wins)'),
    retry_count: z.int().min(0).default(0).describe('Retries of retryable adapter failures (done by the runner)'),
    retry_delay_seconds: z.number().min(0).default(1).describe('Delay between retries, in seconds'),
    enable_cost_tracking: z.boolean().default(true).describe('Accepted for compatibility; cost tracking is done by kernel plugins'),
    transport: z.enum(TRANSPORTS).optional().describe('stdio (a child process), http (Streamable HTTP, legacy SSE as fallback) or sse (legacy HTTP+SSE only); default: stdio with command, http with url'),
    command: z
      .union([zSecretString(), z.array(zSecretString()).min(1, { error: 'command needs at least the program to run' })])
      .optional()
      .describe('stdio: the program that starts the server (one word, as in MCP client configs), or an argv array'),
    args: z.array(zSecretString()).default([]).describe('stdio: arguments of the program'),
    working_dir: z.string().min(1).nullable().default(null).describe("stdio: the server's working directory, relative to the suite's directory (default: the suite's directory)"),
    environment: z
      .record(z.string().regex(ENV_NAME, { error: 'environment variable names cannot contain "=" or NUL' }), zSecretString())
      .default({})
      .describe('stdio: variables set for the server (added last, they win)'),
    inherit_environment: z.boolean().default(false).describe('stdio: pass the harness environment minus credentials; false: only PATH, HOME, LANG, TERM'),
    allowed_env_vars: z.array(z.string().min(1)).default([]).describe('stdio: harness variables passed even when they look like credentials or inheritance is off (`NAME` or `PREFIX_*`)'),
    url: zUrl.optional().describe('http/sse: the MCP endpoint (Streamable HTTP: usually …/mcp; legacy SSE: usually …/sse)'),
    headers: z.record(z.string(), zSecretString()).default({}).describe('http/sse: extra request headers (Authorization…); values may be secrets'),
    sse_fallback: z.boolean().default(true).describe('http: when Streamable HTTP is refused with a 4xx status, try the legacy SSE transport at the same url'),
    startup_timeout: z.number().positive().default(30).describe('Seconds the server has to start and complete the initialize handshake (and the tool/resource listing)'),
    tools_filter: zFilter('tool').describe('Tools the adapter may call: names or glob patterns (* and ?); null: all'),
    resources_filter: zFilter('resource').describe('Resources the adapter may read: URIs, names or glob patterns; null: all'),
    client_name: z.string().min(1).default('atp').describe('clientInfo.name sent in initialize'),
    client_version: z.string().min(1).default(CLIENT_VERSION).describe('clientInfo.version sent in initialize'),
    log_level: z.enum(LOG_LEVELS).nullable().default(null).describe('Ask the server for log messages from this level up (logging/setLevel); null: the server default'),
    kill_grace_seconds: z.number().min(0).default(1).describe('stdio: at shutdown, seconds the server has after its stdin closes, and again after SIGTERM, before SIGKILL'),
  })
  .superRefine((config, ctx) => {
    const transport = transportOf(config);
    if (transport === 'stdio') {
      if (config.command === undefined) {
        ctx.addIssue({ code: 'custom', path: ['command'], message: config.transport ? 'transport stdio needs command' : 'give command (a server started on stdio) or url (a server over HTTP)' });
      }
      if (config.url !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['url'],
          message: config.transport ? 'url is for transport http or sse; transport stdio starts command' : 'give either command (stdio) or url (http), not both',
        });
      }
    } else {
      if (config.url === undefined) ctx.addIssue({ code: 'custom', path: ['url'], message: `transport ${transport} needs url` });
      if (config.command !== undefined) ctx.addIssue({ code: 'custom', path: ['command'], message: `command is for transport stdio; transport ${transport} connects to url` });
    }
    for (const name of Object.keys(config.headers)) {
      if (!HEADER_NAME.test(name)) {
        ctx.addIssue({ code: 'custom', path: ['headers', name], message: `invalid header name ${JSON.stringify(name)}: use letters, digits and !#$%&'*+.^_\`|~-` });
      }
    }
  });

/** The `mcp` adapter config after parsing (defaults applied). */
export type McpAdapterConfig = z.output<typeof McpAdapterConfigSchema>;

/** The `mcp` adapter config as written (defaulted keys optional). */
export type McpAdapterConfigInput = z.input<typeof McpAdapterConfigSchema>;

/** The transport a parsed config uses (explicit, else stdio with a command and http with a url). */
export function transportOf(config: Pick<McpAdapterConfig, 'transport' | 'command' | 'url'>): (typeof TRANSPORTS)[number] {
  return config.transport ?? (config.url !== undefined && config.command === undefined ? 'http' : 'stdio');
}
