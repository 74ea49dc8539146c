import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

/** The repository root (where `@atp/subprocess` resolves through the workspace node_modules). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** State and process group of `pid` from /proc (Linux); undefined once no process has it. */
function procStat(pid: number): { state: string; group: number } | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // After "(comm)": state, ppid, pgrp.
  const [state = '', , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state, group: Number(group) };
}

/** True when `pid` is gone or a zombie nobody reaped yet. */
export function isDead(pid: number): boolean {
  const stat = procStat(pid);
  return stat === undefined || stat.state === 'Z';
}

/** The process group of `pid`. */
export function groupOf(pid: number): number | undefined {
  return procStat(pid)?.group;
}

/** The first line a stream writes. */
export function firstLine(stream: Readable): Promise<string> {
  return new Promise((resolveLine, reject) => {
    let seen = '';
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      const end = seen.indexOf('\n');
      if (end === -1) return;
      stream.off('data', onData);
      resolveLine(seen.slice(0, end));
    };
    stream.on('data', onData);
    stream.once('end', () => reject(new Error(`the stream ended before a whole line: ${JSON.stringify(seen)}`)));
  });
}

/**
 * A node script that starts a grandchild in the script's process group (ignoring SIGTERM when `stubborn`);
 * the grandchild prints its pid once it is ready. The script then idles (obeying SIGTERM), or exits
 * soon when `leaderExits`, leaving the grandchild behind in the group.
 */
export function leaderScript(options: { stubborn: boolean; leaderExits?: boolean }): string {
  const grandchild = `${options.stubborn ? "process.on('SIGTERM', () => {}); " : ''}console.log(process.pid); setInterval(() => {}, 1000);`;
  const rest = options.leaderExits ? 'setTimeout(() => process.exit(0), 300);' : 'setInterval(() => {}, 1000);';
  return `require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(grandchild)}], { stdio: ['ignore', 'inherit', 'ignore'] });\n${rest}`;
}

/** Resolves when the child has exited. */
export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolveExit) => {
    if (child.exitCode !== null || child.signalCode !== null) resolveExit();
    else child.once('exit', () => resolveExit());
  });
}

/** Run `node --input-type=module -e code` in the repository root; resolves with its stdout. */
export function runHarness(code: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (exitCode) => resolveRun({ code: exitCode, stdout, stderr }));
  });
}
