/**
 * One process per request (reference §4.3): the request on stdin, events on stderr, the
 * response on stdout. stdout and stderr are read concurrently, so no output size can deadlock.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { AdapterError, redact } from '@atp/kernel';
import type { ATPRequest, ATPResponse, AdapterCallContext, AdapterErrorKind, Logger } from '@atp/kernel';
import { LineSplitter } from '@atp/subprocess';
import { LineTail } from './lines.js';
import { EventSequencer, parseJsonLine, parseStdout } from './output.js';
import { abortReason, callTimeout, describeExit, startError, startProcess } from './process.js';
import type { ProcessSpec } from './process.js';
import { killLeftovers, signalTree, terminateTree } from './tree-kill.js';

/** How long after the agent exits its stdout/stderr may stay open (held by a child it left behind). */
const EXIT_DRAIN_MS = 500;

/** Settings of a one-shot call. */
export interface OneShotOptions {
  timeoutSeconds: number;
  maxOutputBytes: number;
  graceMs: number;
  secrets: readonly string[];
  logger: Logger;
  /** Receives the kill of a timed-out process tree, so `close()` can wait for it. */
  track(termination: Promise<void>): void;
}

/** Run the agent once for `request`. */
export function runOnce(spec: ProcessSpec, request: ATPRequest, context: AdapterCallContext, options: OneShotOptions): Promise<ATPResponse> {
  const fail = (kind: AdapterErrorKind, message: string, cause?: unknown): AdapterError =>
    new AdapterError(kind, redact(message, options.secrets), { cause });

  return new Promise<ATPResponse>((resolve, reject) => {
    if (context.signal.aborted) {
      reject(fail('timeout', `the run was aborted${abortReason(context.signal.reason)} before the agent started`));
      return;
    }
    let child: ChildProcessWithoutNullStreams;
    try {
      child = startProcess(spec);
    } catch (error) {
      const e = startError(error, spec);
      reject(fail(e.kind, e.message, error));
      return;
    }
    const pid = child.pid;
    const tail = new LineTail();
    const sequencer = new EventSequencer();
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let settled = false;
    let terminating = false;
    let drainTimer: NodeJS.Timeout | undefined;
    const timeout = callTimeout(options.timeoutSeconds, context.timeoutMs);

    const settle = (outcome: { response: ATPResponse } | { error: AdapterError }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      context.signal.removeEventListener('abort', onAbort);
      if ('response' in outcome) resolve(outcome.response);
      else reject(outcome.error);
    };
    const kill = (): void => {
      if (pid === undefined) return;
      terminating = true;
      options.track(terminateTree(pid, options.graceMs));
    };

    const timer = setTimeout(() => {
      settle({ error: fail('timeout', `the agent did not finish within ${timeout.describe}; its process tree was killed${tail.format()}`) });
      kill();
    }, timeout.ms);
    const onAbort = (): void => {
      settle({ error: fail('timeout', `the run was aborted${abortReason(context.signal.reason)}; the agent's process tree was killed`) });
      kill();
    };
    context.signal.addEventListener('abort', onAbort, { once: true });

    child.on('error', (error) => {
      // Emitted when the program cannot be started (no pid), rarely for a failed kill.
      if (child.pid !== undefined) {
        options.logger.debug(`agent process error: ${error.message}`);
        return;
      }
      const e = startError(error, spec);
      settle({ error: fail(e.kind, e.message, error) });
    });

    child.stdout.on('data', (chunk: Buffer) => {
      if (settled) return;
      stdoutBytes += chunk.length;
      if (stdoutBytes > options.maxOutputBytes) {
        stdout.length = 0;
        settle({
          error: fail(
            'protocol',
            `the agent wrote more than max_output_bytes (${options.maxOutputBytes} bytes) to stdout and was killed; raise max_output_bytes in the agent config, or put large outputs in files`,
          ),
        });
        if (pid !== undefined) signalTree(pid, 'SIGKILL');
        return;
      }
      stdout.push(chunk);
    });

    const stderr = new LineSplitter(
      options.maxOutputBytes,
      (line) => {
        const raw = parseJsonLine(line);
        if (raw !== undefined && !settled) {
          const event = sequencer.normalize(raw, request.task_id);
          if (event) {
            context.emit(event);
            return;
          }
        }
        tail.push(line);
      },
      () => tail.push(`[a stderr line longer than ${options.maxOutputBytes} bytes was dropped]`),
    );
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));

    child.on('exit', () => {
      drainTimer = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
      }, EXIT_DRAIN_MS);
    });

    child.on('close', (code, signal) => {
      clearTimeout(drainTimer);
      stderr.end();
      if (pid !== undefined && !terminating) {
        // What the agent left behind in its process tree does not outlive the call.
        killLeftovers(pid);
      }
      if (settled) return;
      const result = parseStdout(Buffer.concat(stdout).toString('utf8'));
      if (signal !== null || code !== 0) {
        const discarded = result.ok ? ' (its response on stdout is discarded: a non-zero exit status means the run failed)' : '';
        settle({ error: fail('other', `${describeExit(code, signal)}${discarded}${tail.format()}`) });
        return;
      }
      if (result.ok) settle({ response: result.response });
      else settle({ error: fail('protocol', result.empty ? `${result.message}${tail.format()}` : result.message) });
    });

    child.stdin.end(`${JSON.stringify(request)}\n`);
  });
}
