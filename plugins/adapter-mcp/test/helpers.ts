import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRequest, silentLogger } from '@atp/kernel';
import type { ATPEvent, ATPRequest, AdapterCallContext, AdapterInit } from '@atp/kernel';

const here = dirname(fileURLToPath(import.meta.url));
/** The repository root. */
export const ROOT = resolve(here, '../../..');
export const FIXTURES = join(here, 'fixtures');
/** The real `atp` binary. */
export const ATP_BIN = join(ROOT, 'kernel/bin/atp.js');
/** The reference server, as installed at the repository root. */
export const EVERYTHING = join(ROOT, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js');

export const init: AdapterInit = { agent: 'test-server', baseDir: FIXTURES, logger: silentLogger };

/** A valid ATP request. */
export function makeRequest(taskId: string, inputData: Record<string, unknown> | null, description = 'do the thing'): ATPRequest {
  const parsed = parseRequest({ version: '1.0', task_id: taskId, task: { description, input_data: inputData } });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

/** A call context collecting emitted events. */
export function makeContext(options: { timeoutMs?: number; signal?: AbortSignal } = {}): { context: AdapterCallContext; events: ATPEvent[] } {
  const events: ATPEvent[] = [];
  return {
    events,
    context: { signal: options.signal ?? new AbortController().signal, timeoutMs: options.timeoutMs ?? 60_000, emit: (event) => events.push(event) },
  };
}

/** The rejection of a promise (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & { kind?: string; retryable?: boolean }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { kind?: string; retryable?: boolean };
  }
  throw new Error('expected the promise to reject');
}

/** True when no process has this pid any more (a zombie nobody reaped counts as dead). */
export function isDead(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

/** Poll `check` until it is true or `ms` passed; returns its last value. */
export async function eventually(check: () => boolean, ms = 10_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return check();
}

/** The lines of a file (none when it does not exist). */
export function lines(file: string): string[] {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
}

const projects: string[] = [];

/** A temp project under the repository's .tmp/ (so `@atp/*` resolve through the workspace). */
export function tempProject(files: Record<string, string>): string {
  const base = join(ROOT, '.tmp');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, 'mcp-'));
  projects.push(dir);
  const all = { 'atp.config.mjs': "export default { plugins: ['@atp/preset-default', '@atp/adapter-mcp'] };\n", ...files };
  for (const [name, content] of Object.entries(all)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

/** Delete the temp projects made so far. */
export function removeProjects(): void {
  for (const dir of projects.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The outcome of running a command. */
export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the real `atp` binary in `cwd`. */
export function atp(args: string[], cwd: string, options: { timeoutMs?: number; onSpawn?: (child: ChildProcess) => void } = {}): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [ATP_BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    options.onSpawn?.(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`atp ${args.join(' ')} timed out\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** Start the reference server in an HTTP mode (`streamableHttp` or `sse`) on a free port; resolves once it listens. */
export async function startHttpEverything(mode: 'streamableHttp' | 'sse', fixedPort?: number): Promise<{ port: number; child: ChildProcess }> {
  const port = fixedPort ?? (await freePort());
  const child = spawn(process.execPath, [EVERYTHING, mode], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise<void>((resolveStart, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`server-everything ${mode} did not start: ${seen}`)), 60_000);
    child.stderr!.on('data', (d: Buffer) => {
      seen += d.toString();
      if (/listening on port|running on port/i.test(seen)) {
        clearTimeout(timer);
        resolveStart();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server-everything ${mode} exited with ${code}: ${seen}`));
    });
  });
  return { port, child };
}

/** The JSON report of `atp test --output json`. */
export interface JsonReport {
  summary: { total_tests: number; passed_tests: number; failed_tests: number; success: boolean };
  tests: Array<{
    test_id: string;
    agent: string;
    success: boolean;
    error: string | null;
    failure_kind: string | null;
    evaluations?: Array<{ evaluator: string; passed: boolean; checks: Array<{ name: string; passed: boolean; message: string | null }> }>;
  }>;
}
