/**
 * Run one command for an assertion: build the working copy, resolve the program on the clean PATH,
 * run it under limits, and clean up. Everything a check needs to judge the run comes back.
 */
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import type { EvaluationInput } from '@atp/kernel';
import { buildCleanEnvironment } from '@atp/subprocess';
import type { ExecutionConfig } from './config-schemas.js';
import { runProcess, type ProcessOutcome } from './run-process.js';
import { resolveExecutable } from './resolve-executable.js';
import { stripAnsi } from './test-counts.js';
import { createWorkingCopy, type WorkingCopy } from './working-copy.js';

/** A finished command. */
export interface Execution {
  outcome: ProcessOutcome;
  /** stdout then stderr, ANSI escapes removed. */
  output: string;
  /** The command as the user wrote it (for messages). */
  display: string;
  /** Values that must not appear in reports (credentials given through env / pass_env). */
  secrets: string[];
  /** Facts about the run for `details`. */
  details: Record<string, unknown>;
}

/** The command ran, or why it could not be started. */
export type ExecutionResult = { ok: true; execution: Execution } | { ok: false; message: string; details: Record<string, unknown> };

/** Quote a word for display when it needs it. */
function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `node --test 'a b'`: argv shown as a command line. */
export function displayCommand(argv: readonly string[]): string {
  return argv.map(shellQuote).join(' ');
}

/** Run `argv` for the assertion in a fresh working copy. */
export async function execute(argv: readonly string[], config: ExecutionConfig, input: Pick<EvaluationInput, 'workspace' | 'response' | 'signal'>): Promise<ExecutionResult> {
  const display = displayCommand(argv);
  let copy: WorkingCopy;
  try {
    copy = await createWorkingCopy({ ...(input.workspace !== undefined ? { workspace: input.workspace } : {}), artifacts: input.response.artifacts, includeArtifacts: config.include_artifacts });
  } catch (error) {
    return { ok: false, message: `cannot prepare the working copy: ${error instanceof Error ? error.message : String(error)}`, details: { command: display } };
  }
  try {
    const facts: Record<string, unknown> = {
      command: display,
      workspace_copied: input.workspace !== undefined,
      ...(copy.materialised.length ? { artifacts_written: copy.materialised } : {}),
      ...(copy.skipped.length ? { artifacts_skipped: copy.skipped } : {}),
    };
    const cwd = config.working_dir === undefined ? copy.work : join(copy.work, ...config.working_dir.replace(/\\/g, '/').split('/').filter((p) => p && p !== '.'));
    const cwdInfo = await lstat(cwd).catch(() => undefined);
    if (!cwdInfo?.isDirectory()) {
      return { ok: false, message: `working_dir ${JSON.stringify(config.working_dir)} is not a directory in the working copy${input.workspace === undefined ? ' (there is no sandbox workspace: run atp test with --sandbox to copy it)' : ''}`, details: facts };
    }
    const { env, secrets } = buildCleanEnvironment({ parent: process.env, home: copy.home, tmp: copy.tmp, allowed: config.pass_env, extra: config.env });
    const [program, ...args] = argv;
    const resolved = resolveExecutable(program!, cwd, env.PATH ?? env.Path);
    if (resolved === undefined) {
      return { ok: false, message: `command not found: ${JSON.stringify(program)} is not an executable file${program!.includes('/') ? ' in the working copy' : ' on PATH'}`, details: facts };
    }
    const outcome = await runProcess({
      argv: [resolved, ...args],
      cwd,
      env,
      timeoutMs: config.timeout * 1000,
      limits: { memoryMb: config.memory_mb, maxFileSizeMb: config.max_file_size_mb, maxOpenFiles: config.max_open_files, ...(config.cpu_seconds !== undefined ? { cpuSeconds: config.cpu_seconds } : {}) },
      maxOutputBytes: config.max_output_bytes,
      signal: input.signal,
    });
    const output = stripAnsi(`${outcome.stdout}${outcome.stdout && !outcome.stdout.endsWith('\n') ? '\n' : ''}${outcome.stderr}`);
    const details: Record<string, unknown> = {
      ...facts,
      exit_code: outcome.exitCode,
      duration_ms: outcome.durationMs,
      timed_out: outcome.timedOut,
      ...(outcome.signal ? { signal: outcome.signal } : {}),
      ...(outcome.truncated ? { output_truncated: true } : {}),
      limits: { timeout_seconds: config.timeout, memory_mb: config.memory_mb, enforced: outcome.limitsEnforced },
    };
    if (outcome.spawnError !== undefined) return { ok: false, message: `cannot start ${display}: ${outcome.spawnError}`, details };
    return { ok: true, execution: { outcome, output, display, secrets, details } };
  } finally {
    await copy.dispose();
  }
}
