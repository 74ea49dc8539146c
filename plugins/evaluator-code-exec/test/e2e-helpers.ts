import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The real `atp` binary. */
export const ATP_BIN = join(ROOT, 'kernel/bin/atp.js');

/** A temp project under the repo's .tmp/ so `@atp/*` resolve through the workspace node_modules. */
export function tempProject(files: Record<string, string>): string {
  const base = join(ROOT, '.tmp');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, 'code-exec-e2e-'));
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

/** The outcome of running `atp`. */
export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the real `atp` binary in `cwd`. */
export function atp(args: string[], cwd: string, env: Record<string, string> = {}, timeoutMs = 120_000): Promise<RunResult> {
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

/** The parts of a JSON report the tests look at. */
export interface ReportShape {
  summary: { total_tests: number; passed_tests: number; success: boolean };
  tests: Array<{
    test_id: string;
    success: boolean;
    evaluations?: Array<{ evaluator: string; assertion: string; passed: boolean; checks: Array<{ name: string; passed: boolean; score: number; message: string | null; evidence?: string; details?: Record<string, unknown> }> }>;
  }>;
}
