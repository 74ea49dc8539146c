/**
 * An MCP client transport over a child process's stdin/stdout, implementing the SDK's `Transport`.
 * Unlike the SDK's StdioClientTransport it starts the server in its own process group (so closing
 * ends the whole tree), passes exactly the environment it is given, keeps the last stderr lines for
 * error messages and records how the process ended.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { deserializeMessage, serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { groupAlive, killGroup, spawnInGroup, terminateGroup, unregisterGroup, LineSplitter } from '@atp/subprocess';
import { OutputTail } from './output-tail.js';
import { delay } from './timers.js';

/** What to run. */
export interface ServerProcessSpec {
  /** The program (argv[0]) as configured. */
  file: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
}

/** How a server process ended. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Options of {@link ProcessStdioTransport}. */
export interface StdioTransportOptions {
  /** At close: how long the server has after stdin ends, and again after SIGTERM. */
  graceMs: number;
  /** Cap on one stdout line (one JSON-RPC message). */
  maxLineBytes?: number;
  /** Every stderr line, as it arrives (debug logging). */
  onStderrLine?: (line: string) => void;
}

const DEFAULT_MAX_LINE_BYTES = 10 * 1024 * 1024;
// After the server exits, how long its pipes may stay open (held by a grandchild) before they are cut.
const EXIT_DRAIN_MS = 200;

/** `code 3` / `signal SIGSEGV`. */
export function describeExit(exit: ProcessExit): string {
  return exit.signal ? `killed by signal ${exit.signal}` : `exit code ${exit.code ?? 'unknown'}`;
}

/** A stdio transport owning one server process. */
export class ProcessStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  /** The last lines of stderr (and stray stdout lines). */
  readonly tail = new OutputTail();
  /** Resolves when the process has ended and its pipes are closed. */
  readonly closed: Promise<void>;
  readonly #spec: ServerProcessSpec;
  readonly #options: StdioTransportOptions;
  #child: ChildProcessWithoutNullStreams | undefined;
  #pid: number | undefined;
  #exit: ProcessExit | undefined;
  #stopping: Promise<void> | undefined;
  #markClosed: () => void = () => undefined;
  #delivery: Promise<void> = Promise.resolve();

  constructor(spec: ServerProcessSpec, options: StdioTransportOptions) {
    this.#spec = spec;
    this.#options = options;
    this.closed = new Promise((resolve) => (this.#markClosed = resolve));
  }

  /** What this transport runs. */
  get spec(): ServerProcessSpec {
    return this.#spec;
  }

  /** The server's pid once started. */
  get pid(): number | undefined {
    return this.#pid;
  }

  /** How the process ended, once it has. */
  get exit(): ProcessExit | undefined {
    return this.#exit;
  }

  /** Whether close() was called (an exit after it is not a crash). */
  get stopping(): boolean {
    return this.#stopping !== undefined;
  }

  /** Spawn the server; rejects when the program cannot be started (ENOENT, EACCES…). */
  start(): Promise<void> {
    if (this.#child) return Promise.reject(new Error('the server process was already started'));
    const { file, args, cwd, env } = this.#spec;
    return new Promise((resolve, reject) => {
      let child: ChildProcessWithoutNullStreams;
      try {
        // Own process group so the whole tree can be killed.
        child = spawnInGroup(file, args, { cwd, env, stdio: 'pipe' });
      } catch (error) {
        this.#markClosed();
        reject(error);
        return;
      }
      this.#child = child;
      let spawned = false;
      child.once('spawn', () => {
        spawned = true;
        this.#pid = child.pid;
        resolve();
      });
      child.on('error', (error) => {
        if (!spawned) reject(error);
        else this.onerror?.(error);
      });
      // Writing to a server that has exited fails with EPIPE: the close handler reports the exit.
      child.stdin.on('error', () => undefined);
      const maxLineBytes = this.#options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
      const stdout = new LineSplitter(
        maxLineBytes,
        (line) => this.#onStdoutLine(line),
        () => {
          this.tail.push(`[a stdout line longer than ${maxLineBytes} bytes was dropped]`);
          this.onerror?.(new Error(`the server wrote a message longer than ${maxLineBytes} bytes`));
        },
      );
      const stderr = new LineSplitter(
        maxLineBytes,
        (line) => {
          this.tail.push(line);
          this.#options.onStderrLine?.(line);
        },
        () => this.tail.push(`[a stderr line longer than ${maxLineBytes} bytes was dropped]`),
      );
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      let drainTimer: NodeJS.Timeout | undefined;
      child.once('exit', () => {
        drainTimer = setTimeout(() => {
          child.stdout.destroy();
          child.stderr.destroy();
        }, EXIT_DRAIN_MS);
      });
      child.once('close', (code, signal) => {
        clearTimeout(drainTimer);
        stdout.end();
        stderr.end();
        this.#exit = { code, signal };
        // What the server started must not outlive it.
        if (this.#pid !== undefined && !this.#stopping) killGroup(this.#pid);
        this.#markClosed();
        if (spawned) this.onclose?.();
      });
    });
  }

  /** Write one message as a line of JSON. */
  send(message: JSONRPCMessage): Promise<void> {
    const child = this.#child;
    if (!child || this.#exit || child.stdin.destroyed || !child.stdin.writable) {
      return Promise.reject(new Error('the server process is not running'));
    }
    return new Promise((resolve, reject) => {
      child.stdin.write(serializeMessage(message), (error) => (error ? reject(error) : resolve()));
    });
  }

  /**
   * End the server the way the MCP spec asks: close its stdin, wait, SIGTERM (the whole group),
   * wait, SIGKILL. Resolves when the process is gone.
   */
  close(): Promise<void> {
    const child = this.#child;
    if (!child) return Promise.resolve();
    this.#stopping ??= (async () => {
      const { graceMs } = this.#options;
      if (!this.#exit) {
        child.stdin.end();
        await Promise.race([this.closed, delay(graceMs)]);
      }
      if (this.#pid !== undefined) {
        if (groupAlive(this.#pid)) await terminateGroup(this.#pid, graceMs);
        else unregisterGroup(this.#pid);
      }
      await Promise.race([this.closed, delay(graceMs + 1000)]);
    })();
    return this.#stopping;
  }

  #onStdoutLine(line: string): void {
    if (line.trim() === '') return;
    let message: JSONRPCMessage;
    try {
      message = deserializeMessage(line);
    } catch {
      // Servers that log to stdout break the protocol; keep the line for the error message.
      this.tail.push(`stdout: ${line}`);
      this.onerror?.(new Error(`the server wrote a line to stdout that is not a JSON-RPC message: ${line.slice(0, 200)}`));
      return;
    }
    // The SDK runs notification handlers one microtask late but answers synchronously: a progress
    // notification directly followed by the result would find its request gone. Delivering each
    // message after the previous one's handlers have run keeps the server's order.
    this.#delivery = this.#delivery.then(() => this.onmessage?.(message)).catch((error: unknown) => this.onerror?.(error instanceof Error ? error : new Error(String(error))));
  }
}
