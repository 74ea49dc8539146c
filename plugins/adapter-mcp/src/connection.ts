/**
 * One live MCP session: the SDK client, its transport (a server process on stdio, or HTTP), and
 * the tools and resources the server listed. Opening it runs the initialize handshake and the
 * listings within the start-up time limit; failures become AdapterErrors that say what happened.
 */
import { AdapterError, redact } from '@atp/kernel';
import type { Logger } from '@atp/kernel';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { LoggingMessageNotificationSchema, ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import type { Implementation, LoggingLevel, Resource, ServerCapabilities, Tool } from '@modelcontextprotocol/sdk/types.js';
import { describeCause, isConnectionClosed, isRequestTimeout, seconds, startError } from './errors.js';
import type { ServerProcessSpec } from './stdio-transport.js';
import { delay } from './timers.js';
import { describeExit, ProcessStdioTransport } from './stdio-transport.js';

/** Where the server is. */
export type ServerTarget =
  | { kind: 'stdio'; spec: ServerProcessSpec }
  | { kind: 'http' | 'sse'; url: string; headers: Record<string, string>; sseFallback: boolean };

/** The transport a session ended up using (`http` fell back to `sse` when Streamable HTTP was refused). */
export type SessionTransport = 'stdio' | 'http' | 'sse';

/** A `notifications/message` (MCP logging) notification's parameters. */
export interface LogMessage {
  level: LoggingLevel;
  logger?: string | undefined;
  data: unknown;
}

/** How to open a session. */
export interface ConnectionSettings {
  /** `MCP server "files" (npx server-files)`: the subject of every message. */
  who: string;
  clientName: string;
  clientVersion: string;
  startupMs: number;
  /** stdio: grace periods of the shutdown sequence. */
  graceMs: number;
  logLevel: LoggingLevel | null;
  logger: Logger;
  /** Values that must never appear in messages. */
  secrets: readonly string[];
  /** A log message from the server. */
  onLog?: (message: LogMessage) => void;
  /** Every stderr line of a stdio server. */
  onStderrLine?: (line: string) => void;
  /** Aborting gives up the start-up and stops the server (the run is shutting down). */
  signal?: AbortSignal;
}

const MAX_PAGES = 100;

/** A connected, initialized MCP session. */
export class McpConnection {
  /** False once the server is gone (process exited, connection lost) or the session was closed. */
  alive = true;
  /** Set when the server said its tool list changed; the next request lists tools again. */
  toolsStale = false;
  tools: Tool[];
  readonly resources: Resource[];
  readonly #deathListeners = new Set<() => void>();
  #closing: Promise<void> | undefined;

  constructor(
    readonly client: Client,
    readonly transport: Transport,
    readonly kind: SessionTransport,
    readonly settings: ConnectionSettings,
    listing: { tools: Tool[]; resources: Resource[] },
  ) {
    this.tools = listing.tools;
    this.resources = listing.resources;
  }

  /** The server's name and version from `initialize`. */
  get server(): Implementation | undefined {
    return this.client.getServerVersion();
  }

  /** What the server declared it supports. */
  get capabilities(): ServerCapabilities {
    return this.client.getServerCapabilities() ?? {};
  }

  /** The server process id (stdio). */
  get pid(): number | undefined {
    return this.transport instanceof ProcessStdioTransport ? this.transport.pid : undefined;
  }

  /** Call `listener` once when the session dies (not when it is closed on purpose). */
  onDeath(listener: () => void): void {
    this.#deathListeners.add(listener);
  }

  /** The session is unusable (the server died or a call broke the connection). */
  markDead(): void {
    if (!this.alive) return;
    this.alive = false;
    for (const listener of this.#deathListeners) listener();
    this.#deathListeners.clear();
  }

  /** Why the session was lost, for messages: `exited (exit code 3) during …; last stderr lines: …`. */
  describeLoss(during = ''): string {
    if (this.transport instanceof ProcessStdioTransport) {
      const exit = this.transport.exit;
      return `${exit ? `exited (${describeExit(exit)})` : 'closed its stdout'}${during}${this.transport.tail.format()}`;
    }
    return `closed the connection${during}`;
  }

  /** List the tools again (after `notifications/tools/list_changed`). */
  async refreshTools(timeoutMs: number): Promise<void> {
    this.toolsStale = false;
    this.tools = await listTools(this.client, timeoutMs);
  }

  /** End the session: HTTP sessions are terminated, stdio servers shut down (process group killed). */
  close(): Promise<void> {
    this.alive = false;
    this.#deathListeners.clear();
    this.#closing ??= (async () => {
      if (this.transport instanceof StreamableHTTPClientTransport && this.transport.sessionId !== undefined) {
        await Promise.race([this.transport.terminateSession().catch(() => undefined), delay(2000)]);
      }
      await this.client.close().catch(() => undefined);
      // Client.close() does not wait for a process to be gone; the stdio transport's own close does.
      await this.transport.close().catch(() => undefined);
    })();
    return this.#closing;
  }
}


/** Every tool, following `nextCursor`. */
export async function listTools(client: Client, timeoutMs: number): Promise<Tool[]> {
  const tools: Tool[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await client.listTools(cursor === undefined ? {} : { cursor }, { timeout: timeoutMs });
    tools.push(...result.tools);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return tools;
}

/** Every resource, following `nextCursor`. */
export async function listResources(client: Client, timeoutMs: number): Promise<Resource[]> {
  const resources: Resource[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await client.listResources(cursor === undefined ? {} : { cursor }, { timeout: timeoutMs });
    resources.push(...result.resources);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return resources;
}

type Phase = 'start' | 'initialize' | 'tools/list' | 'resources/list' | 'logging/setLevel';

const PHASE_TEXT: Record<Phase, string> = {
  start: 'completing the MCP initialize handshake',
  initialize: 'completing the MCP initialize handshake',
  'tools/list': 'answering tools/list (after the initialize handshake)',
  'resources/list': 'answering resources/list (after the initialize handshake)',
  'logging/setLevel': 'answering logging/setLevel (after the initialize handshake)',
};

class StartupTimeout extends Error {}
class StartupAborted extends Error {}

/** Open a session with the server of `target` within `settings.startupMs`. */
export async function openConnection(target: ServerTarget, settings: ConnectionSettings): Promise<McpConnection> {
  const deadline = Date.now() + settings.startupMs;
  if (target.kind === 'stdio') return establish(() => new ProcessStdioTransport(target.spec, { graceMs: settings.graceMs, ...(settings.onStderrLine ? { onStderrLine: settings.onStderrLine } : {}) }), 'stdio', settings, deadline);
  const url = new URL(target.url);
  const requestInit: RequestInit = { headers: target.headers };
  const sse = (): Transport => new SSEClientTransport(url, { requestInit });
  if (target.kind === 'sse') return establish(sse, 'sse', settings, deadline);
  try {
    return await establish(() => new StreamableHTTPClientTransport(url, { requestInit }), 'http', settings, deadline);
  } catch (error) {
    const status = httpStatus(error);
    if (!target.sseFallback || status === undefined || status < 400 || status >= 500) throw error;
    // The MCP spec's backwards-compatibility rule: a 4xx to the initialize POST means an old HTTP+SSE server.
    settings.logger.debug(`${settings.who}: Streamable HTTP was refused (HTTP ${status}); trying the legacy SSE transport`);
    try {
      return await establish(sse, 'sse', settings, deadline);
    } catch (fallbackError) {
      const first = error instanceof Error ? error.message : String(error);
      const second = fallbackError instanceof Error ? fallbackError.message : String(fallbackError);
      throw new AdapterError('connection', redact(`${first}; the legacy SSE fallback failed too: ${second}`, settings.secrets), { cause: fallbackError });
    }
  }
}

function httpStatus(error: unknown): number | undefined {
  const cause = error instanceof AdapterError ? error.cause : error;
  return cause instanceof StreamableHTTPError && typeof cause.code === 'number' && cause.code > 0 ? cause.code : undefined;
}

async function establish(makeTransport: () => Transport, kind: SessionTransport, settings: ConnectionSettings, deadline: number): Promise<McpConnection> {
  const transport = makeTransport();
  const client = new Client({ name: settings.clientName, version: settings.clientVersion }, { capabilities: {} });
  client.onerror = (error) => settings.logger.debug(`${settings.who}: ${redact(error.message, settings.secrets)}`);
  const state = { toolsStale: false };
  client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
    settings.onLog?.(notification.params);
  });
  client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
    state.toolsStale = true;
  });
  let phase: Phase = 'start';
  const remaining = (): number => Math.max(1, deadline - Date.now());
  const work = (async () => {
    phase = 'initialize';
    await client.connect(transport, { timeout: remaining() });
    const capabilities = client.getServerCapabilities() ?? {};
    phase = 'tools/list';
    const tools = capabilities.tools ? await listTools(client, remaining()) : [];
    let resources: Resource[] = [];
    if (capabilities.resources) {
      phase = 'resources/list';
      try {
        resources = await listResources(client, remaining());
      } catch (error) {
        if (isConnectionClosed(error) || isRequestTimeout(error)) throw error;
        // Resources can still be read by URI; a broken listing only costs the filter's name matching.
        settings.logger.debug(`${settings.who}: resources/list failed: ${describeCause(error)}`);
      }
    }
    if (settings.logLevel && capabilities.logging) {
      phase = 'logging/setLevel';
      await client.setLoggingLevel(settings.logLevel, { timeout: remaining() });
    }
    return { tools, resources };
  })();
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const limits = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StartupTimeout()), remaining());
    onAbort = () => reject(new StartupAborted());
    if (settings.signal?.aborted) onAbort();
    else settings.signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const listing = await Promise.race([work, limits]);
    const connection = new McpConnection(client, transport, kind, settings, listing);
    connection.toolsStale = state.toolsStale;
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
      connection.toolsStale = true;
    });
    // The SDK reports a dead transport through onclose (set by connect; keep its handler).
    const sdkOnClose = transport.onclose;
    transport.onclose = () => {
      sdkOnClose?.();
      connection.markDead();
    };
    return connection;
  } catch (error) {
    work.catch(() => undefined);
    const failure = await startupFailure(error, transport, kind, phase, settings);
    await client.close().catch(() => undefined);
    await transport.close().catch(() => undefined);
    throw failure;
  } finally {
    clearTimeout(timer);
    if (onAbort) settings.signal?.removeEventListener('abort', onAbort);
  }
}

async function startupFailure(error: unknown, transport: Transport, kind: SessionTransport, phase: Phase, settings: ConnectionSettings): Promise<AdapterError> {
  const { who } = settings;
  const clean = (text: string): string => redact(text, settings.secrets);
  const limit = `${seconds(settings.startupMs)} (startup_timeout)`;
  if (error instanceof StartupAborted) return new AdapterError('other', `${who}: start-up was cancelled because the run is shutting down`, { cause: error });
  if (transport instanceof ProcessStdioTransport) {
    if (phase === 'initialize' && transport.pid === undefined) return startError(error, transport.spec, settings);
    // A crash is reported through the exit; give the pipes a moment so the stderr tail is complete.
    if (!(error instanceof StartupTimeout)) await Promise.race([transport.closed, delay(500)]);
    const exit = transport.exit;
    if (exit) {
      return new AdapterError('other', clean(`${who} exited during start-up (${describeExit(exit)}) before ${PHASE_TEXT[phase]}${transport.tail.format()}`), { cause: error });
    }
    if (error instanceof StartupTimeout || isRequestTimeout(error)) {
      const what = phase === 'initialize' ? 'did not complete the MCP initialize handshake' : `completed the initialize handshake but did not answer ${phase}`;
      return new AdapterError('timeout', clean(`${who} ${what} within ${limit}${transport.tail.format()}`), { cause: error });
    }
    return new AdapterError('protocol', clean(`${who} failed during start-up (${phase}): ${describeCause(error)}${transport.tail.format()}`), { cause: error });
  }
  if (error instanceof StartupTimeout || isRequestTimeout(error)) {
    const what = phase === 'initialize' ? 'did not complete the MCP initialize handshake' : `completed the initialize handshake but did not answer ${phase}`;
    return new AdapterError('timeout', clean(`${who} ${what} within ${limit}`), { cause: error });
  }
  const status = error instanceof StreamableHTTPError && typeof error.code === 'number' && error.code > 0 ? error.code : undefined;
  const via = kind === 'sse' ? 'over the legacy SSE transport' : 'over Streamable HTTP';
  if (status !== undefined) return new AdapterError(status >= 500 ? 'connection' : 'protocol', clean(`${who} refused the connection ${via}: HTTP ${status}: ${describeCause(error)}`), { cause: error });
  return new AdapterError('connection', clean(`cannot connect to ${who} ${via}: ${describeCause(error)}`), { cause: error });
}
