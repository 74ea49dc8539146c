import { performance } from 'node:perf_hooks';
import { killGroup, signalGroup, spawnInGroup, terminateGroup } from '@atp/subprocess';
import { findPrlimit, withLimits, type Limits } from './limits.js';
import { TailBuffer } from './tail-buffer.js';

/** What to run and under which limits. */
export interface ProcessSpec {
  /** Program (already resolved to a path) and arguments. */
  argv: readonly string[];
  cwd: string;
  env: Record<string, string>;
  timeoutMs: number;
  limits: Limits;
  /** Bytes kept per stream (the tail). */
  maxOutputBytes: number;
  signal: AbortSignal;
  /** Time between SIGTERM and SIGKILL when the command is stopped. */
  killGraceMs?: number;
}

/** How the command ended. */
export interface ProcessOutcome {
  exitCode: number | null;
  /** The signal that ended the command (SIGKILL after a timeout, SIGABRT on some out-of-memory crashes…). */
  signal: string | null;
  timedOut: boolean;
  /** Stopped because evaluation was aborted (Ctrl-C). */
  aborted: boolean;
  durationMs: number;
  stdout: string;
  stderr: string;
  /** Some output was dropped (only the tail of each stream is kept). */
  truncated: boolean;
  /** Whether the memory, file-size and open-file limits were applied (prlimit found). */
  limitsEnforced: boolean;
  /** The command could not be started. */
  spawnError?: string;
}

/** How long to wait for the output pipes to close after the command ended (a detached grandchild may hold them). */
const DRAIN_MS = 2000;

/**
 * Run a command without a shell in its own process group, with resource limits (prlimit on Linux),
 * a time limit and output capped to the tail of each stream. On timeout or abort the whole group is
 * terminated; when the command ends, anything it left running in its group is killed too.
 */
export function runProcess(spec: ProcessSpec): Promise<ProcessOutcome> {
  const { argv: limited, enforced } = withLimits(spec.argv, spec.limits, findPrlimit());
  const [file, ...args] = limited;
  const stdout = new TailBuffer(spec.maxOutputBytes);
  const stderr = new TailBuffer(spec.maxOutputBytes);
  const grace = spec.killGraceMs ?? 1000;
  const started = performance.now();
  return new Promise((resolve) => {
    let timedOut = false;
    let aborted = false;
    let settled = false;
    const child = spawnInGroup(file!, args, { cwd: spec.cwd, env: spec.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const pid = child.pid;
    child.stdout.on('data', (d: Buffer) => stdout.push(d));
    child.stderr.on('data', (d: Buffer) => stderr.push(d));

    const stop = (): void => {
      if (pid !== undefined) void terminateGroup(pid, grace);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, spec.timeoutMs);
    const onAbort = (): void => {
      aborted = true;
      stop();
    };
    if (spec.signal.aborted) onAbort();
    else spec.signal.addEventListener('abort', onAbort, { once: true });

    const finish = (exitCode: number | null, signal: string | null, spawnError?: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      spec.signal.removeEventListener('abort', onAbort);
      // Background processes the command started would outlive the check: end them now.
      if (pid !== undefined) killGroup(pid);
      resolve({
        exitCode,
        signal,
        timedOut,
        aborted,
        durationMs: Math.round(performance.now() - started),
        stdout: stdout.text(),
        stderr: stderr.text(),
        truncated: stdout.truncated || stderr.truncated,
        limitsEnforced: enforced,
        ...(spawnError !== undefined ? { spawnError } : {}),
      });
    };

    child.on('error', (error) => finish(null, null, error.message));
    child.on('exit', (code, signal) => {
      // Kill what is left of the group so the pipes close, then wait for them (bounded).
      if (pid !== undefined) signalGroup(pid, 'SIGKILL');
      const drain = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish(code, signal);
      }, DRAIN_MS);
      child.once('close', () => {
        clearTimeout(drain);
        finish(code, signal);
      });
    });
  });
}
