/**
 * Persistent mode: one long-lived agent process answers many requests. The harness writes one
 * ATPRequest per line on stdin; the agent answers with JSON lines on stdout, each an envelope
 * `{"task_id": …, "event": {…}}` or `{"task_id": …, "response": {…}}` (see the README), so several
 * requests can be in flight at once. A process that dies is restarted on the next request. A process
 * that leaves a timed-out request unanswered is replaced: at once when it serves one request at a
 * time (it is stuck on it), else after a grace period, the old one stopping once its other requests
 * are settled.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { AdapterError, isPlainObject, parseResponse, redact } from '@atp/kernel';
import type { ATPRequest, ATPResponse, AdapterCallContext, AdapterErrorKind, Logger } from '@atp/kernel';
import { LineSplitter } from '@atp/subprocess';
import { LineTail, formatTails } from './lines.js';
import { EventSequencer, parseJsonLine } from './output.js';
import { abortReason, callTimeout, describeExit, startError, startProcess } from './process.js';
import type { ProcessSpec } from './process.js';
import { killLeftovers, killTree, terminateTree } from './tree-kill.js';

const EXIT_DRAIN_MS = 500;
/** Task ids a process remembers having been sent, so that a line for one of them is not "unknown". */
const KNOWN_IDS = 256;

/** Settings of the persistent process. */
export interface PersistentOptions {
  timeoutSeconds: number;
  maxOutputBytes: number;
  maxConcurrency: number;
  graceMs: number;
  secrets: readonly string[];
  logger: Logger;
}

/** How far the process's diagnostics had got when a request was sent. */
interface Marks {
  noise: number;
  strayResponses: number;
  strayEvents: number;
  untagged: number;
}

interface Pending {
  taskId: string;
  /** The request in messages: `test "x" (task …)`, or `task …` without a test id. */
  label: string;
  line: string;
  context: AdapterCallContext;
  sequencer: EventSequencer;
  proc: AgentProcess | undefined;
  marks: Marks | undefined;
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
  /** Task ids sent to this process (the last {@link KNOWN_IDS}). */
  known: Set<string>;
  /** stderr lines that are not events. */
  stderr: LineTail;
  /** stdout lines that are not ATP messages (ignored). */
  noise: LineTail;
  /** Task ids of responses, and of events, for requests this process was never sent. */
  strayResponses: LineTail;
  strayEvents: LineTail;
  /** Lines without a task_id that could not be routed (several requests in flight). */
  untagged: LineTail;
  /** The agent closed its stdout while running: no answer can come any more. */
  stdoutClosed: boolean;
  /** No new requests: stop once the in-flight ones are settled. */
  retiring: boolean;
  gone: boolean;
  closed: Promise<void>;
  stopping: Promise<void> | undefined;
}

/** Wait for `promise`, at most `ms` (the timer does not outlive it: it would hold the harness's exit). */
function within(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() => clearTimeout(timer));
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const quote = (text: string): string => JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);

/** `test "x" (task …)` when the runner put the test id in the request's metadata, else `task …`. */
function labelOf(request: ATPRequest): string {
  const testId = request.metadata?.['test_id'];
  return typeof testId === 'string' && testId !== '' ? `test ${JSON.stringify(testId)} (task ${request.task_id})` : `task ${request.task_id}`;
}

/** One long-lived agent process shared by all requests of an adapter instance. */
export class PersistentAgent {
  readonly #spec: ProcessSpec;
  readonly #options: PersistentOptions;
  #queue: Pending[] = [];
  /** The process new requests go to. */
  #proc: AgentProcess | undefined;
  /** Every process not yet closed: the current one and those retiring or being killed. */
  readonly #procs = new Set<AgentProcess>();
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
    const label = labelOf(request);
    return new Promise<ATPResponse>((resolve, reject) => {
      const timeout = callTimeout(this.#options.timeoutSeconds, context.timeoutMs);
      const pending: Pending = {
        taskId,
        label,
        line: `${JSON.stringify(request)}\n`,
        context,
        sequencer: new EventSequencer(),
        proc: undefined,
        marks: undefined,
        done: false,
        resolve,
        reject,
        cleanup: () => {
          clearTimeout(timer);
          context.signal.removeEventListener('abort', onAbort);
        },
      };
      const timer = setTimeout(() => this.#expire(pending, `the persistent agent did not answer ${label} within ${timeout.describe}`, false), timeout.ms);
      const onAbort = (): void => this.#expire(pending, `the request for ${label} was aborted${abortReason(context.signal.reason)}`, true);
      if (context.signal.aborted) {
        onAbort();
        return;
      }
      context.signal.addEventListener('abort', onAbort, { once: true });
      this.#queue.push(pending);
      this.#pump();
    });
  }

  /** End the processes: close their stdin, then SIGTERM, then SIGKILL their process trees. */
  async close(): Promise<void> {
    this.#closed = true;
    const closed = this.#fail('other', 'the cli adapter was closed before the agent answered');
    this.#failQueue(closed);
    this.#proc = undefined;
    const procs = [...this.#procs];
    for (const proc of procs) {
      for (const pending of [...proc.inFlight.values()]) this.#settle(pending, { error: closed });
      for (const timer of proc.abandoned.values()) clearTimeout(timer);
      proc.abandoned.clear();
      proc.retiring = true;
    }
    await Promise.all(procs.map((proc) => this.#stop(proc, true)));
  }

  #settle(pending: Pending, outcome: { response: ATPResponse } | { error: AdapterError }): void {
    if (pending.done) return;
    pending.done = true;
    pending.cleanup();
    pending.proc?.inFlight.delete(pending.taskId);
    if ('response' in outcome) pending.resolve(outcome.response);
    else pending.reject(outcome.error);
  }

  /** A request timed out or was aborted (`aborted`: by the runner, on the test's time limit or Ctrl-C). */
  #expire(pending: Pending, message: string, aborted: boolean): void {
    if (pending.done) return;
    const proc = pending.proc;
    if (!proc) {
      this.#queue = this.#queue.filter((p) => p !== pending);
      this.#settle(pending, { error: this.#fail('timeout', message) });
      return;
    }
    const hints = this.#hints(proc, pending);
    if (aborted && hints !== '') {
      // The runner reports an abort with its own message ("timed out after …"): say here what may explain it.
      this.#options.logger.warn(redact(`persistent agent: no answer for ${pending.label}${hints}`, this.#options.secrets));
    }
    if (proc.gone || proc.retiring) {
      this.#settle(pending, { error: this.#fail('timeout', `${message}${hints}`) });
      this.#maybeStop(proc);
      return;
    }
    if (this.#options.maxConcurrency === 1) {
      // It serves one request at a time and is busy with this one: every next request would wait
      // behind it. Replace it now; the old process tree is killed in the background.
      this.#settle(pending, { error: this.#fail('timeout', `${message}${hints}; its process was killed and the next request starts a new one`) });
      this.#retire(proc, `it did not answer ${pending.label} in time`);
      return;
    }
    this.#settle(pending, { error: this.#fail('timeout', `${message}${hints}`) });
    // It may still be working on it, besides its other requests: a late answer within the grace
    // period proves it healthy; silence means it is stuck, and the process is replaced.
    proc.abandoned.set(
      pending.taskId,
      setTimeout(() => {
        proc.abandoned.delete(pending.taskId);
        this.#retire(proc, `it did not answer ${pending.label} after its timeout`);
      }, Math.max(this.#options.graceMs, 100)),
    );
  }

  /** What the process did since `pending` was sent that may explain why it never answered ('' if nothing). */
  #hints(proc: AgentProcess, pending: Pending): string {
    const marks = pending.marks;
    if (!marks) return '';
    const parts: string[] = [];
    const noise = proc.noise.since(marks.noise);
    if (noise.count > 0) {
      const shown = noise.lines.slice(-3).map(quote).join(', ');
      parts.push(`it wrote ${plural(noise.count, 'stdout line')} that ${noise.count === 1 ? 'is' : 'are'} not an ATP message and ${noise.count === 1 ? 'was' : 'were'} ignored (last: ${shown}); logs belong on stderr`);
    }
    const examples = (ids: string[]): string => [...new Set(ids.slice(-3).reverse())].map(quote).join(', ');
    const responses = proc.strayResponses.since(marks.strayResponses);
    if (responses.count > 0) {
      parts.push(`it answered ${plural(responses.count, 'response')} for unknown task ids (e.g. ${examples(responses.lines)}); a response must carry the task_id of its request`);
    }
    const events = proc.strayEvents.since(marks.strayEvents);
    if (events.count > 0) parts.push(`it sent ${plural(events.count, 'event')} for unknown task ids (e.g. ${examples(events.lines)})`);
    const untagged = proc.untagged.since(marks.untagged);
    if (untagged.count > 0) {
      parts.push(`it wrote ${plural(untagged.count, 'line')} without a task_id while several requests were in flight, which could not be routed`);
    }
    if (proc.stdoutClosed) parts.push('it closed its stdout, so no answer could arrive');
    return parts.length > 0 ? `; ${parts.join('; ')}` : '';
  }

  #pump(): void {
    while (this.#queue.length > 0 && !this.#closed) {
      let proc = this.#proc;
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
      pending.marks = {
        noise: proc.noise.count,
        strayResponses: proc.strayResponses.count,
        strayEvents: proc.strayEvents.count,
        untagged: proc.untagged.count,
      };
      proc.inFlight.set(pending.taskId, pending);
      proc.known.add(pending.taskId);
      if (proc.known.size > KNOWN_IDS) proc.known.delete(proc.known.values().next().value!);
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
      known: new Set(),
      stderr: new LineTail(),
      noise: new LineTail(3),
      strayResponses: new LineTail(3),
      strayEvents: new LineTail(3),
      untagged: new LineTail(1),
      stdoutClosed: false,
      retiring: false,
      gone: false,
      closed: new Promise<void>((resolve) => (markClosed = resolve)),
      stopping: undefined,
    };
    this.#proc = proc;
    this.#procs.add(proc);
    const { maxOutputBytes, logger } = this.#options;

    child.on('error', (error) => {
      if (child.pid !== undefined) {
        logger.debug(`persistent agent process error: ${error.message}`);
        return;
      }
      // Could not start: nothing will ever answer, including the requests still queued.
      const e = startError(error, this.#spec);
      const failure = this.#fail(e.kind, e.message, { cause: error });
      this.#failQueue(failure);
      this.#gone(proc, () => failure);
      this.#procs.delete(proc);
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
    child.stdout.on('end', () => {
      if (child.exitCode === null && child.signalCode === null) proc.stdoutClosed = true;
    });
    const stderr = new LineSplitter(
      maxOutputBytes,
      (line) => this.#onStderrLine(proc, line),
      () => proc.stderr.push(`[a stderr line longer than ${maxOutputBytes} bytes was dropped]`),
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
      const exit = describeExit(code, signal);
      const tails = formatTails([
        { label: 'stderr', tail: proc.stderr },
        { label: 'stdout lines that are not ATP messages', tail: proc.noise },
      ]);
      this.#gone(proc, (pending, inFlight) =>
        this.#fail(
          'other',
          inFlight === 1
            ? `the persistent agent exited (${exit}) before answering ${pending.label}${tails}`
            : `the persistent agent exited (${exit}) while ${inFlight} requests were in flight, this one among them${tails}`,
          { retryable: true },
        ),
      );
      this.#procs.delete(proc);
      markClosed();
    });
    return proc;
  }

  #failQueue(error: AdapterError): void {
    for (const pending of this.#queue.splice(0)) this.#settle(pending, { error });
  }

  /** The process is dead (or must be): fail what it holds, kill its tree, start over on demand. */
  #gone(proc: AgentProcess, error: (pending: Pending, inFlight: number) => AdapterError): void {
    if (proc.gone) return;
    proc.gone = true;
    const held = [...proc.inFlight.values()];
    for (const pending of held) this.#settle(pending, { error: error(pending, held.length) });
    for (const timer of proc.abandoned.values()) clearTimeout(timer);
    proc.abandoned.clear();
    if (proc.pid !== undefined && !proc.stopping) {
      if (proc.child.exitCode === null && proc.child.signalCode === null) killTree(proc.pid);
      else killLeftovers(proc.pid);
    }
    if (this.#proc === proc) this.#proc = undefined;
    this.#pump();
  }

  /** Send no more requests to `proc` (new ones start a new process); stop it once its requests are settled. */
  #retire(proc: AgentProcess, why: string): void {
    if (proc.retiring || proc.gone) return;
    this.#options.logger.debug(redact(`restarting the persistent agent: ${why}`, this.#options.secrets));
    proc.retiring = true;
    if (this.#proc === proc) this.#proc = undefined;
    this.#maybeStop(proc);
    this.#pump();
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
        await within(proc.closed, graceMs);
      }
      if (proc.pid !== undefined) await terminateTree(proc.pid, graceMs);
      await within(proc.closed, graceMs + 1000);
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
    let kind: 'event' | 'response' | undefined;
    let body: unknown;
    if (isPlainObject(msg)) {
      if ('response' in msg) [kind, body] = ['response', msg['response']];
      else if ('event' in msg) [kind, body] = ['event', msg['event']];
      else if ('status' in msg) [kind, body] = ['response', msg];
      else if ('event_type' in msg || 'payload' in msg) [kind, body] = ['event', msg];
    }
    if (!isPlainObject(msg) || !kind) {
      proc.noise.push(line);
      return;
    }
    const inner = isPlainObject(body) ? body : undefined;
    const envelopeId = msg['task_id'];
    const innerId = inner?.['task_id'];
    const taskId = typeof envelopeId === 'string' ? envelopeId : typeof innerId === 'string' ? innerId : undefined;
    const target = this.#route(proc, taskId);
    if (!target) {
      this.#unrouted(proc, kind, taskId);
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
        : { error: this.#fail('protocol', `invalid ATP response from the persistent agent for ${target.label}: ${parsed.message}`) },
    );
    this.#maybeStop(proc);
    this.#pump();
  }

  /** An event or response on stdout that no request in flight takes. */
  #unrouted(proc: AgentProcess, kind: 'event' | 'response', taskId: string | undefined): void {
    const late = taskId === undefined ? undefined : proc.abandoned.get(taskId);
    if (late !== undefined) {
      if (kind === 'response') {
        // The answer of a timed-out request: too late to use, but the agent is alive.
        clearTimeout(late);
        proc.abandoned.delete(taskId!);
        this.#pump();
      }
      return;
    }
    if (taskId === undefined) {
      proc.untagged.push(kind);
      this.#options.logger.debug(`persistent agent: ignored a ${kind} without task_id (${proc.inFlight.size} requests in flight)`);
    } else if (proc.known.has(taskId)) {
      // A request already answered or given up on: the ATP contract ignores what comes after.
      this.#options.logger.debug(`persistent agent: ignored a late ${kind} for task ${taskId}`);
    } else {
      (kind === 'response' ? proc.strayResponses : proc.strayEvents).push(taskId);
      this.#options.logger.debug(`persistent agent: ignored a ${kind} for unknown task ${taskId}`);
    }
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
    proc.stderr.push(line);
  }
}
