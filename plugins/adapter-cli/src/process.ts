/** Starting an agent process and describing why it could not start or run. */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { AdapterError } from '@atp/kernel';
import { spawnInGroup } from '@atp/subprocess';

/** What to run. */
export interface ProcessSpec {
  /** The program (argv[0]) as configured. */
  file: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
}

/** Spawn the agent in its own process group, with all three standard streams piped. */
export function startProcess(spec: ProcessSpec): ChildProcessWithoutNullStreams {
  // Own process group so the whole tree can be killed.
  const child = spawnInGroup(spec.file, spec.args, { cwd: spec.cwd, env: spec.env, stdio: 'pipe' });
  // A child that exits without reading its input makes our write fail with EPIPE: not an error.
  child.stdin.on('error', () => {});
  return child;
}

function codeOf(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** The AdapterError for a process that could not be started (before redaction). */
export function startError(error: unknown, spec: ProcessSpec): AdapterError {
  const code = codeOf(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    // spawn reports a missing working directory as ENOENT of the command, too.
    if (!existsSync(spec.cwd)) return new AdapterError('other', `working_dir does not exist: ${spec.cwd}`, { cause: error });
    return new AdapterError('not_found', `command not found: ${spec.file}`, { cause: error });
  }
  if (code === 'EACCES') return new AdapterError('other', `command is not executable (permission denied): ${spec.file}`, { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new AdapterError('other', `cannot start ${spec.file}: ${message}`, { cause: error });
}

/** `3` → "command exited with code 3"; a signal → "command was killed by SIGSEGV". */
export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) return `command was killed by signal ${signal}`;
  return `command exited with code ${code ?? 'unknown'}`;
}

/** Milliseconds for one call: the smaller of the config's timeout and the runner's, with a phrase naming which. */
export function callTimeout(configSeconds: number, contextMs: number): { ms: number; describe: string } {
  const configMs = configSeconds * 1000;
  const runnerMs = contextMs > 0 ? contextMs : Number.POSITIVE_INFINITY;
  const ms = Math.min(configMs, runnerMs, 2 ** 31 - 1);
  const s = ms / 1000;
  const shown = `${Number.isInteger(s) ? s : s.toFixed(s < 10 ? 2 : 1)}s`;
  return { ms, describe: `${shown} (${configMs <= runnerMs ? 'timeout_seconds of the agent config' : "the test's time limit"})` };
}

/** A short phrase for an abort reason. */
export function abortReason(reason: unknown): string {
  if (reason instanceof Error) return ` (${reason.message})`;
  return typeof reason === 'string' ? ` (${reason})` : '';
}
