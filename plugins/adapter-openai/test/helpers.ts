import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRequest } from '@atp/kernel';
import type { ATPEvent, ATPRequest, AdapterCallContext, AdapterInit, Logger } from '@atp/kernel';

/** The fixtures directory (tool scripts resolve against it). */
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** A valid ATP request. */
export function makeRequest(task: { description?: string; input_data?: Record<string, unknown> } = {}, constraints: Record<string, unknown> = {}): ATPRequest {
  const parsed = parseRequest({ version: '1.0', task_id: 'task-1', task: { description: task.description ?? 'What is the weather in Paris?', ...(task.input_data ? { input_data: task.input_data } : {}) }, constraints });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

/** A call context collecting emitted events. */
export function makeContext(options: { timeoutMs?: number; signal?: AbortSignal } = {}): { context: AdapterCallContext; events: ATPEvent[] } {
  const events: ATPEvent[] = [];
  return { events, context: { signal: options.signal ?? new AbortController().signal, emit: (e) => events.push(e), timeoutMs: options.timeoutMs ?? 30_000 } };
}

/** A logger that keeps its messages. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (m: string) => void lines.push(`${level}: ${m}`);
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** Adapter init with the fixtures as the suite directory. */
export function makeInit(logger: Logger = recordingLogger()): AdapterInit {
  return { agent: 'agent', baseDir: FIXTURES, logger };
}

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The real `atp` binary. */
export const ATP_BIN = join(ROOT, 'kernel/bin/atp.js');

/** A temp project under <repo>/.tmp so `@atp/*` resolve through the workspace's node_modules. */
export function tempProject(files: Record<string, string>): string {
  const base = join(ROOT, '.tmp');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, 'adapter-openai-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** The outcome of a command. */
export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the real `atp` binary in `cwd` with `env` added to (and overriding) this process's environment. */
export function atp(args: string[], cwd: string, env: Record<string, string | undefined> = {}, timeoutMs = 60_000): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [ATP_BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`atp ${args.join(' ')} timed out\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}
