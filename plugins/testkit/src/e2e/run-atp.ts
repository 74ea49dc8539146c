import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where the installed `@atp/kernel` keeps its `atp` bin script. */
function kernelBin(): string {
  const manifest = createRequire(import.meta.url).resolve('@atp/kernel/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin?: string | Record<string, string> };
  const script = typeof bin === 'string' ? bin : bin?.['atp'];
  if (!script) throw new Error(`@atp/kernel at ${dirname(manifest)} declares no "atp" bin`);
  return join(dirname(manifest), script);
}

/** The real `atp` binary: the bin script of the `@atp/kernel` the testkit resolves. */
export const ATP_BIN = kernelBin();

/** What a run of `atp` printed, and its exit code (null when a signal ended it). */
export interface AtpRunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link runAtp}. */
export interface RunAtpOptions {
  /** Kill the process and reject after this long (default 120 s). */
  timeoutMs?: number;
  /** Called with the child process as soon as it is spawned (to signal it mid-run). */
  onSpawn?: (child: ChildProcess) => void;
}

/**
 * Run the real `atp` binary with `args` in `cwd` under this Node.js. `env` is laid over this process's
 * environment (an `undefined` value removes a variable); NO_COLOR is set unless `env` says otherwise.
 */
export function runAtp(args: readonly string[], cwd: string, env: Readonly<Record<string, string | undefined>> = {}, options: RunAtpOptions = {}): Promise<AtpRunResult> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  return new Promise((resolveRun, reject) => {
    // spawn() leaves out variables whose value is undefined, which is how `env` removes one.
    const child = spawn(process.execPath, [ATP_BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    options.onSpawn?.(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`atp ${args.join(' ')} timed out after ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolveRun({ code, stdout, stderr });
    });
  });
}
