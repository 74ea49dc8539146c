/**
 * Persistent mode: one long-lived agent process answers many requests. The harness writes one
 * ATPRequest per line on stdin; the agent answers with JSON lines on stdout, each an envelope
 * `{"task_id": …, "event": {…}}` or `{"task_id": …, "response": {…}}` (see the README), so several
 * requests can be in flight at once. A process that dies is restarted on the next request; one
 * that leaves a timed-out request unanswered is replaced once its other requests are done.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { AdapterError, isPlainObject, parseResponse, redact } from '@atp/kernel';
import type { ATPRequest, ATPResponse, AdapterCallContext, AdapterErrorKind, Logger } from '@atp/kernel';
import { killGroup, terminateGroup, LineSplitter } from '@atp/subprocess';
import { LineTail } from './lines.js';
import { EventSequencer, parseJsonLine } from './output.js';
import { abortReason, callTimeout, describeExit, startError, startProcess } from './process.js';
import type { ProcessSpec } from './process.js';

const EXIT_DRAIN_MS = 500;

/** Settings of the persistent process. */
export interface PersistentOptions {
  timeoutSeconds: number;
  maxOutputBytes: number;
  maxConcurrency: number;
  graceMs: number;
  secrets: readonly string[];
  logger: Logger;
}

interface Pending {
  taskId: string;
  line: string;
  context: AdapterCallContext;
  sequencer: EventSequencer;
  proc: AgentProcess | undefined;
  done: boolean;
  resolve(response: ATPResponse): void;
  reject(error: AdapterError): void;
  cleanup(): void;
}

interface AgentProcess {
  child: ChildProcessWithoutNullStreams;
  pid: number | undefined;
  inFlight: Map<string, Pending>;
  /** Timed-out requests the agent may still answer late, with the timer that gives up on it. */
  abandoned: Map<string, NodeJS.Timeout>;
  tail: LineTail;
  /** No new requests: stop once the in-flight ones are settled. */
  retiring: boolean;
  gone: boolean;
  closed: Promise<void>;
  stopping: Promise<void> | undefined;
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One long-lived agent process shared by all requests of an adapter instance. */
export class PersistentAgent {
  readonly #spec: ProcessSpec;
  readonly #options: PersistentOptions;
  #queue: Pending[] = [];
  #proc: AgentProcess | undefined;
  #closed = false;
  /** Processes started so far (for diagnostics and tests). */
  spawnCount = 0;

  constructor(spec: ProcessSpec, options: PersistentOptions) {
    this.#spec = spec;
    this.#options = options;
  }

  #fail(kind: AdapterErrorKind, message: string, options: { retryable?: boolean; cause?: unknown } = {}): AdapterError {
    return new AdapterError(kind, redact(message, this.#options.secrets), options);
  }

  /** Send one request; resolves with its response. */
  run(request: ATPRequest, context: AdapterCallContext): Promise<ATPResponse> {
    if (this.#closed) return Promise.reject(this.#fail('other', 'the cli adapter was already closed'));
    const taskId = request.task_id;
    return new Promise<ATPResponse>((resolve, reject) => {
      const timeout = callTimeout(this.#options.timeoutSeconds, context.timeoutMs);
      const pending: Pending = {
        taskId,
        line: `${JSON.stringify(request)}\n`,
        context,
        sequencer: new EventSequencer(),
        proc: undefined,
        done: false,
        resolve,
        reject,
        cleanup: () => {
          clearTimeout(timer);
          context.signal.removeEventListener('abort', onAbort);
        },
      };
      const timer = setTimeout(
        () => this.#expire(pending, this.#fail('timeout', `the persistent agent did not answer task ${taskId} within ${timeout.describe}`)),
        timeout.ms,
      );
      const onAbort = (): void => this.#expire(pending, this.#fail('timeout', `request ${taskId} was aborted${abortReason(context.signal.reason)}`));
      if (context.signal.aborted) {
        onAbort();
        return;
      }
      context.signal.addEventListener('abort', onAbort, { once: true });
      this.#queue.push(pending);
      this.#pump();
    });
  }

  /** End the process: close its stdin, then SIGTERM, then SIGKILL its process group. */
  async close(): Promise<void> {
    this.#closed = true;
    const closed = this.#fail('other', 'the cli adapter was closed before the agent answered');
    for (const pending of this.#queue.splice(0)) this.#settle(pending, { error: closed });
    const proc = this.#proc;
    if (!proc) return;
    for (const pending of [...proc.inFlight.values()]) this.#settle(pending, { error: closed });
    proc.retiring = true;
    await this.#stop(proc, true);
  }

  #settle(pending: Pending, outcome: { response: ATPResponse } | { error: AdapterError }): void {
    if (pending.done) return;
    pending.done = true;
    pending.cleanup();
    pending.proc?.inFlight.delete(pending.taskId);
    if ('response' in outcome) pending.resolve(outcome.response);
    else pending.reject(outcome.error);
  }

  #expire(pending: Pending, error: AdapterError): void {
    if (pending.done) return;
    const proc = pending.proc;
    if (!proc) {
      this.#queue = this.#queue.filter((p) => p !== pending);
      this.#settle(pending, { error });
      return;
    }
    this.#settle(pending, { error });
    if (proc.gone || proc.retiring) {
      this.#maybeStop(proc);
      return;
    }
    // The agent may still be working on it: a late answer within the grace period proves it healthy;
    // silence means it is stuck, and the process is replaced.
    proc.abandoned.set(
      pending.taskId,
      setTimeout(() => {
        proc.abandoned.delete(pending.taskId);
        this.#retire(proc, `it did not answer task ${pending.taskId} after its timeout`);
      }, Math.max(this.#options.graceMs, 100)),
    );
  }

  #pump(): void {
    while (this.#queue.length > 0 && !this.#closed) {
      let proc = this.#proc;
      if (proc?.retiring) return; // queued until the replacement starts
      if (!proc) {
        proc = this.#start();
        if (!proc) return;
      }
      if (proc.inFlight.size + proc.abandoned.size >= this.#options.maxConcurrency) return;
      const pending = this.#queue.shift()!;
      if (proc.inFlight.has(pending.taskId)) {
        this.#settle(pending, { error: this.#fail('other', `a request with task_id ${pending.taskId} is already in flight in the persistent agent`) });
        continue;
      }
      pending.proc = proc;
      proc.inFlight.set(pending.taskId, pending);
      proc.child.stdin.write(pending.line);
    }
  }

  #start(): AgentProcess | undefined {
    let child: ChildProcessWithoutNullStreams;
    try {
      child = startProcess(this.#spec);
    } catch (error) {
      const e = startError(error, this.#spec);
      this.#failQueue(this.#fail(e.kind, e.message, { cause: error }));
      return undefined;
    }
    this.spawnCount++;
    let markClosed!: () => void;
    const proc: AgentProcess = {
      child,
      pid: child.pid,
      inFlight: new Map(),
      abandoned: new Map(),
      tail: new LineTail(),
      retiring: false,
      gone: false,
      closed: new Promise<void>((resolve) => (markClosed = resolve)),
      stopping: undefined,
    };
    this.#proc = proc;
    const { maxOutputBytes, logger } = this.#options;

    child.on('error', (error) => {
      if (child.pid !== undefined) {
        logger.debug(`persistent agent process error: ${error.message}`);
        return;
      }
      // Could not start: nothing will ever answer, including the requests still queued.
      const e = startError(error, this.#spec);
      const failure = this.#fail(e.kind, e.message, { cause: error });
      this.#gone(proc, () => failure);
      this.#failQueue(failure);
      markClosed();
    });

    const stdout = new LineSplitter(
      maxOutputBytes,
      (line) => this.#onStdoutLine(proc, line),
      () => {
        this.#gone(proc, () =>
          this.#fail('protocol', `the persistent agent wrote a stdout line longer than max_output_bytes (${maxOutputBytes} bytes) and was restarted`),
        );
      },
    );
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    const stderr = new LineSplitter(
      maxOutputBytes,
      (line) => this.#onStderrLine(proc, line),
      () => proc.tail.push(`[a stderr line longer than ${maxOutputBytes} bytes was dropped]`),
    );
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));

    let drainTimer: NodeJS.Timeout | undefined;
    child.on('exit', () => {
      drainTimer = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
      }, EXIT_DRAIN_MS);
    });
    child.on('close', (code, signal) => {
      clearTimeout(drainTimer);
      stdout.end();
      stderr.end();
      this.#gone(proc, (taskId) =>
        this.#fail('other', `the persistent agent exited (${describeExit(code, signal)}) before answering task ${taskId}${proc.tail.format()}`, {
          retryable: true,
        }),
      );
      markClosed();
    });
    return proc;
  }

  #failQueue(error: AdapterError): void {
    for (const pending of this.#queue.splice(0)) this.#settle(pending, { error });
  }

  /** The process is dead (or must be): fail what it holds, kill its group, start over on demand. */
  #gone(proc: AgentProcess, error: (taskId: string) => AdapterError): void {
    if (proc.gone) return;
    proc.gone = true;
    for (const pending of [...proc.inFlight.values()]) this.#settle(pending, { error: error(pending.taskId) });
    for (const timer of proc.abandoned.values()) clearTimeout(timer);
    proc.abandoned.clear();
    if (proc.pid !== undefined && !proc.stopping) {
      killGroup(proc.pid);
    }
    if (this.#proc === proc) this.#proc = undefined;
    this.#pump();
  }

  #retire(proc: AgentProcess, why: string): void {
    if (proc.retiring || proc.gone) return;
    this.#options.logger.debug(`restarting the persistent agent: ${why}`);
    proc.retiring = true;
    this.#maybeStop(proc);
  }

  #maybeStop(proc: AgentProcess): void {
    if (proc.retiring && !proc.gone && proc.inFlight.size === 0) void this.#stop(proc, false);
  }

  #stop(proc: AgentProcess, gentle: boolean): Promise<void> {
    proc.stopping ??= (async () => {
      const { graceMs } = this.#options;
      if (!proc.gone && gentle) {
        // A well-behaved agent exits when its input ends.
        proc.child.stdin.end();
        await Promise.race([proc.closed, wait(graceMs)]);
      }
      if (proc.pid !== undefined) await terminateGroup(proc.pid, graceMs);
      await Promise.race([proc.closed, wait(graceMs + 1000)]);
    })();
    return proc.stopping;
  }

  #route(proc: AgentProcess, taskId: string | undefined): Pending | undefined {
    if (taskId !== undefined) return proc.inFlight.get(taskId);
    // Without a task_id a line can only mean the one request in flight.
    return proc.inFlight.size === 1 ? proc.inFlight.values().next().value : undefined;
  }

  #onStdoutLine(proc: AgentProcess, line: string): void {
    const msg = parseJsonLine(line);
    if (!isPlainObject(msg)) {
      if (line.trim() !== '') proc.tail.push(`stdout: ${line}`);
      return;
    }
    let kind: 'event' | 'response' | undefined;
    let body: unknown;
    if ('response' in msg) [kind, body] = ['response', msg['response']];
    else if ('event' in msg) [kind, body] = ['event', msg['event']];
    else if ('status' in msg) [kind, body] = ['response', msg];
    else if ('event_type' in msg || 'payload' in msg) [kind, body] = ['event', msg];
    if (!kind) {
      proc.tail.push(`stdout: ${line}`);
      return;
    }
    const inner = isPlainObject(body) ? body : undefined;
    const envelopeId = msg['task_id'];
    const innerId = inner?.['task_id'];
    const taskId = typeof envelopeId === 'string' ? envelopeId : typeof innerId === 'string' ? innerId : undefined;
    const target = this.#route(proc, taskId);
    if (!target) {
      const late = taskId === undefined ? undefined : proc.abandoned.get(taskId);
      if (late !== undefined && kind === 'response') {
        // The answer of a timed-out request: too late to use, but the agent is alive.
        clearTimeout(late);
        proc.abandoned.delete(taskId!);
        this.#pump();
      } else if (late === undefined) {
        this.#options.logger.debug(`persistent agent: ignored a ${kind} for unknown task ${taskId ?? '(none)'}`);
      }
      return;
    }
    if (kind === 'event') {
      const event = target.sequencer.normalize(body, target.taskId);
      if (event) target.context.emit(event);
      return;
    }
    const raw = inner && inner['task_id'] === undefined ? { ...inner, task_id: target.taskId } : body;
    const parsed = parseResponse(raw);
    this.#settle(
      target,
      parsed.ok
        ? { response: parsed.value }
        : { error: this.#fail('protocol', `invalid ATP response from the persistent agent for task ${target.taskId}: ${parsed.message}`) },
    );
    this.#maybeStop(proc);
    this.#pump();
  }

  #onStderrLine(proc: AgentProcess, line: string): void {
    const raw = parseJsonLine(line);
    if (isPlainObject(raw)) {
      const taskId = typeof raw['task_id'] === 'string' ? raw['task_id'] : undefined;
      const target = this.#route(proc, taskId);
      if (target) {
        const event = target.sequencer.normalize(raw, target.taskId);
        if (event) {
          target.context.emit(event);
          return;
        }
      } else if (taskId !== undefined && new EventSequencer().normalize(raw, taskId)) {
        // An event of a request already answered (stderr and stdout are not ordered): not a log line.
        this.#options.logger.debug(`persistent agent: ignored a late event for task ${taskId}`);
        return;
      }
    }
    proc.tail.push(line);
  }
}
