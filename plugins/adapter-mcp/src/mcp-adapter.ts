/**
 * The `mcp` adapter: one MCP session per agent for the whole run (one server process on stdio),
 * opened on the first request, reopened when the server died between requests, closed at the end.
 * Each request becomes a `tools/call` or a `resources/read` (see task-mapping.ts).
 */
import { AdapterError, isAdapterError, MAX_ERROR_LENGTH, parseResponse, redact } from '@atp/kernel';
import type { ATPRequest, ATPResponse, Adapter, AdapterCallContext, AdapterInit, ArtifactInput, ResponseStatus } from '@atp/kernel';
import { McpAdapterConfigSchema } from './config.js';
import type { McpAdapterConfig, McpAdapterConfigInput } from './config.js';
import { openConnection } from './connection.js';
import type { LogMessage, McpConnection } from './connection.js';
import { describeCause, isExpiredSession, isRequestTimeout, isServerError, seconds, serverMessage } from './errors.js';
import { JobEvents } from './job-events.js';
import { NameFilter } from './name-filter.js';
import { eventOutput, outputArtifacts, resourceResultArtifacts, toolResultArtifacts } from './results.js';
import { ProcessStdioTransport } from './stdio-transport.js';
import { resolveTarget } from './target.js';
import { delay } from './timers.js';
import type { ResolvedTarget } from './target.js';
import { mapTask } from './task-mapping.js';
import type { TaskAction } from './task-mapping.js';

const MAX_TIMER_MS = 2 ** 31 - 1;


function abortable<T>(promise: Promise<T>, signal: AbortSignal, what: string): Promise<T> {
  if (signal.aborted) return Promise.reject(new AdapterError('other', `${what} was cancelled`));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new AdapterError('other', `${what} was cancelled`));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** An `mcp` adapter instance: owns the agent's MCP session. */
export class McpAdapter implements Adapter {
  readonly #config: McpAdapterConfig;
  readonly #init: AdapterInit;
  readonly #target: ResolvedTarget;
  readonly #who: string;
  readonly #toolsFilter: NameFilter;
  readonly #resourcesFilter: NameFilter;
  readonly #jobs = new Set<JobEvents>();
  readonly #shutdown = new AbortController();
  #connection: McpConnection | undefined;
  #connecting: Promise<McpConnection> | undefined;
  #sessions = 0;
  #closing: Promise<void> | undefined;

  constructor(config: McpAdapterConfig, init: AdapterInit) {
    this.#config = config;
    this.#init = init;
    this.#target = resolveTarget(config, init.baseDir);
    this.#who = `MCP server "${init.agent}" (${this.#target.label})`;
    this.#toolsFilter = new NameFilter(config.tools_filter);
    this.#resourcesFilter = new NameFilter(config.resources_filter);
  }

  /** Sessions opened so far: on stdio, server processes started. */
  get sessionCount(): number {
    return this.#sessions;
  }

  /** The pid of the running stdio server, if any. */
  get serverPid(): number | undefined {
    return this.#connection?.alive ? this.#connection.pid : undefined;
  }

  /** Run one request as a tool call or a resource read on the shared session. */
  async run(request: ATPRequest, context: AdapterCallContext): Promise<ATPResponse> {
    if (this.#closing) throw new AdapterError('other', 'the mcp adapter was already closed');
    const connection = await abortable(this.#session(), context.signal, `starting ${this.#who}`);
    const job = new JobEvents(request.task_id, context);
    this.#jobs.add(job);
    const started = performance.now();
    try {
      if (connection.toolsStale) {
        try {
          await connection.refreshTools(this.#callTimeoutMs());
        } catch (error) {
          this.#init.logger.debug(`${this.#who}: listing the changed tools failed, using the previous list: ${describeCause(error)}`);
        }
      }
      const action = mapTask(request, { tools: connection.tools, resources: connection.resources, toolsFilter: this.#toolsFilter, resourcesFilter: this.#resourcesFilter });
      if (action.kind === 'invalid') return this.#response(request, 'failed', [], action.message, started, 0);
      if (action.kind === 'resource') return await this.#readResource(connection, job, action.uri, request, context, started);
      return await this.#callTool(connection, job, action, request, context, started);
    } finally {
      this.#jobs.delete(job);
    }
  }

  /** Close the session: terminate the HTTP session or shut the server process group down. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#shutdown.abort();
      await this.#connecting?.catch(() => undefined);
      const connection = this.#connection;
      this.#connection = undefined;
      await connection?.close();
    })();
    return this.#closing;
  }

  #callTimeoutMs(): number {
    return Math.min(this.#config.timeout_seconds * 1000, MAX_TIMER_MS);
  }

  #clean(text: string): string {
    return redact(text, this.#target.secrets);
  }

  /** The live session, opening one (once, shared by concurrent requests) when there is none. */
  #session(): Promise<McpConnection> {
    const current = this.#connection;
    if (current?.alive) return Promise.resolve(current);
    if (current) {
      this.#init.logger.debug(`${this.#who} ${current.describeLoss()} after an earlier request; starting it again`);
      this.#connection = undefined;
      void current.close();
    }
    this.#connecting ??= this.#open().finally(() => {
      this.#connecting = undefined;
    });
    return this.#connecting;
  }

  async #open(): Promise<McpConnection> {
    this.#sessions++;
    const { logger } = this.#init;
    const connection = await openConnection(this.#target.target, {
      who: this.#who,
      clientName: this.#config.client_name,
      clientVersion: this.#config.client_version,
      startupMs: this.#config.startup_timeout * 1000,
      graceMs: this.#config.kill_grace_seconds * 1000,
      logLevel: this.#config.log_level,
      logger,
      secrets: this.#target.secrets,
      signal: this.#shutdown.signal,
      onLog: (message) => this.#onLog(message),
      onStderrLine: (line) => logger.debug(`${this.#who} stderr: ${this.#clean(line)}`),
    });
    if (this.#shutdown.signal.aborted) {
      await connection.close();
      throw new AdapterError('other', `${this.#who}: the run is shutting down`);
    }
    const server = connection.server;
    logger.debug(`${this.#who}: connected over ${connection.kind}${server ? ` to ${server.name} ${server.version}` : ''}${connection.pid !== undefined ? ` (pid ${connection.pid})` : ''}; ${connection.tools.length} tools, ${connection.resources.length} resources`);
    this.#connection = connection;
    return connection;
  }

  #onLog(message: LogMessage): void {
    // Log notifications belong to the session, not to a request: every request in flight gets them.
    if (this.#jobs.size === 0) {
      this.#init.logger.debug(`${this.#who} log [${message.level}]: ${this.#clean(typeof message.data === 'string' ? message.data : JSON.stringify(message.data))}`);
      return;
    }
    for (const job of this.#jobs) job.log(message);
  }

  /**
   * Run `call` on the session; when an HTTP session turns out to have expired (the server restarted),
   * open a new one and run it once more there: the server never executed the first attempt.
   */
  async #attempt<T>(connection: McpConnection, signal: AbortSignal, call: (session: McpConnection) => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown; session: McpConnection }> {
    try {
      return { ok: true, value: await call(connection) };
    } catch (error) {
      if (connection.kind !== 'http' || !isExpiredSession(error) || signal.aborted) return { ok: false, error, session: connection };
      this.#init.logger.debug(`${this.#who}: the HTTP session expired (${describeCause(error)}); starting a new session`);
      connection.markDead();
      void connection.close();
      let fresh: McpConnection;
      try {
        fresh = await abortable(this.#session(), signal, `starting ${this.#who}`);
      } catch (startError) {
        return { ok: false, error: startError, session: connection };
      }
      try {
        return { ok: true, value: await call(fresh) };
      } catch (retryError) {
        return { ok: false, error: retryError, session: fresh };
      }
    }
  }

  async #callTool(connection: McpConnection, job: JobEvents, action: Extract<TaskAction, { kind: 'tool' }>, request: ATPRequest, context: AdapterCallContext, started: number): Promise<ATPResponse> {
    const { tool, arguments: args, expectError } = action;
    const callId = job.toolStarted(tool, args);
    const t0 = performance.now();
    const timeout = this.#callTimeoutMs();
    const outcome = await this.#attempt(connection, context.signal, (session) =>
      session.client.callTool({ name: tool, arguments: args }, undefined, {
        signal: context.signal,
        timeout,
        maxTotalTimeout: timeout,
        onprogress: (progress) => job.progress(progress, tool),
      }),
    );
    if (!outcome.ok) {
      const message = this.#clean(describeCause(outcome.error));
      job.toolEnded(callId, tool, args, 'error', { error: message }, performance.now() - t0);
      if (expectError && isServerError(outcome.error) && !context.signal.aborted) {
        // A negative test: the refusal (a JSON-RPC error answer) is the expected result.
        return this.#response(request, 'completed', outputArtifacts(this.#clean(serverMessage(outcome.error)), true), null, started, 1);
      }
      return this.#failure(outcome.session, outcome.error, `the call to tool "${tool}"`, request, context, started, 1);
    }
    const result = outcome.value;
    const converted = toolResultArtifacts(result);
    const isError = result.isError === true;
    job.toolEnded(callId, tool, args, isError ? 'error' : 'success', eventOutput(result, converted.text), performance.now() - t0);
    if (expectError) {
      const error = isError ? null : `tool "${tool}" succeeded, but the task expects an error (input_data.expect_error: true)`;
      return this.#response(request, isError ? 'completed' : 'failed', converted.artifacts, error, started, 1);
    }
    const error = isError ? this.#clean(converted.text.trim() || `tool "${tool}" returned isError without a message`) : null;
    return this.#response(request, isError ? 'failed' : 'completed', converted.artifacts, error, started, 1);
  }

  async #readResource(connection: McpConnection, job: JobEvents, uri: string, request: ATPRequest, context: AdapterCallContext, started: number): Promise<ATPResponse> {
    const timeout = this.#callTimeoutMs();
    const outcome = await this.#attempt(connection, context.signal, (session) =>
      session.client.readResource({ uri }, { signal: context.signal, timeout, maxTotalTimeout: timeout, onprogress: (progress) => job.progress(progress, uri) }),
    );
    if (!outcome.ok) return this.#failure(outcome.session, outcome.error, `reading resource "${uri}"`, request, context, started, 0);
    return this.#response(request, 'completed', resourceResultArtifacts(outcome.value).artifacts, null, started, 0);
  }

  /** A failed request: an error answer of the server fails the run; a broken session is an adapter error. */
  async #failure(connection: McpConnection, error: unknown, what: string, request: ATPRequest, context: AdapterCallContext, started: number, toolCalls: number): Promise<ATPResponse> {
    if (context.signal.aborted) throw new AdapterError('other', `${what} was cancelled`, { cause: error });
    // A new session could not be started (after an expired one): that message says it all.
    if (isAdapterError(error)) throw error;
    if (isRequestTimeout(error)) {
      throw new AdapterError('timeout', `${this.#who} did not answer ${what} within ${seconds(this.#callTimeoutMs())} (timeout_seconds of the agent config)`, { cause: error });
    }
    if (isServerError(error)) return this.#response(request, 'failed', [], this.#clean(`${what} failed: ${serverMessage(error)}`), started, toolCalls);
    const transport = connection.transport;
    if (transport instanceof ProcessStdioTransport) {
      // The exit status and the last stderr lines arrive with the process's close.
      await Promise.race([transport.closed, delay(1000)]);
      connection.markDead();
      throw new AdapterError('other', this.#clean(`${this.#who} ${connection.describeLoss(` during ${what}`)}`), { retryable: true, cause: error });
    }
    connection.markDead();
    void connection.close();
    throw new AdapterError('connection', this.#clean(`lost the connection to ${this.#who} during ${what}: ${describeCause(error)}`), { cause: error });
  }

  #response(request: ATPRequest, status: ResponseStatus, artifacts: ArtifactInput[], error: string | null, started: number, toolCalls: number): ATPResponse {
    const parsed = parseResponse({
      version: '1.0',
      task_id: request.task_id,
      status,
      artifacts,
      metrics: { tool_calls: toolCalls, wall_time_seconds: Math.round(performance.now() - started) / 1000 },
      error: error === null ? null : error.length > MAX_ERROR_LENGTH ? `${error.slice(0, MAX_ERROR_LENGTH - 1)}…` : error,
      trace_id: null,
    });
    if (!parsed.ok) throw new AdapterError('protocol', this.#clean(`the MCP result could not be turned into an ATP response: ${parsed.message}`));
    return parsed.value;
  }
}

/** Create an `mcp` adapter; the config is validated (again) so defaults always apply. */
export function createAdapter(config: McpAdapterConfigInput, init: AdapterInit): McpAdapter {
  return new McpAdapter(McpAdapterConfigSchema.parse(config), init);
}
