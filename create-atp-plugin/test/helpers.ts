import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The real create-atp-plugin binary. */
export const BIN = join(ROOT, 'create-atp-plugin/bin/create-atp-plugin.js');
/** The real atp binary. */
export const ATP_BIN = join(ROOT, 'kernel/bin/atp.js');
/** The monorepo's templates. */
export const TEMPLATES = join(ROOT, 'templates');

/**
 * A temp directory inside the repository (under .tmp/, git-ignored), so that what is generated there
 * resolves `@atp/*` and its dev tools through the workspace's node_modules, as after an install.
 */
export function tempDir(prefix: string): string {
  const base = join(ROOT, '.tmp');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, prefix));
  created.push(dir);
  return dir;
}

const created: string[] = [];

/** Remove the temp directories this test file created (call from afterAll). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The outcome of a command. */
export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run a command with stdin closed (not a terminal). */
export function run(command: string, args: readonly string[], cwd: string, options: { env?: Record<string, string | undefined>; timeoutMs?: number; input?: string } = {}): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, [...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.end(options.input ?? '');
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} timed out\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/** Run the real create-atp-plugin binary in `cwd`. */
export function createAtpPlugin(args: readonly string[], cwd: string, options: { input?: string } = {}): Promise<RunResult> {
  return run(process.execPath, [BIN, ...args], cwd, options);
}
