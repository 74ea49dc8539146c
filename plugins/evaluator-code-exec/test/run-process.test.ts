import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually, isDead } from '@atp/testkit';
import { findPrlimit, withLimits } from '../src/limits.js';
import { runProcess, type ProcessSpec } from '../src/run-process.js';
import { spawnsGrandchild } from './process-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'atp-run-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LIMITS = { memoryMb: 1024, maxFileSizeMb: 50, maxOpenFiles: 1024 };

function spec(script: string, overrides: Partial<ProcessSpec> = {}): ProcessSpec {
  return { argv: [process.execPath, '-e', script], cwd: dir, env: { PATH: process.env.PATH ?? '' }, timeoutMs: 10_000, limits: LIMITS, maxOutputBytes: 1024 * 1024, signal: new AbortController().signal, ...overrides };
}

describe('runProcess', () => {
  it('runs a command and captures both streams and the exit code', async () => {
    const out = await runProcess(spec("process.stdout.write('out'); process.stderr.write('err'); process.exitCode = 3"));
    expect(out).toEqual({ exitCode: 3, signal: null, timedOut: false, aborted: false, durationMs: expect.any(Number), stdout: 'out', stderr: 'err', truncated: false, limitsEnforced: findPrlimit() !== undefined });
  });

  it('kills the whole process group on timeout, grandchildren included', async () => {
    const pidFile = join(dir, 'timeout.pid');
    const started = Date.now();
    const out = await runProcess(spec(spawnsGrandchild(pidFile, 'for (;;) {}'), { timeoutMs: 1500, killGraceMs: 300 }));
    expect(out.timedOut).toBe(true);
    expect(out.exitCode).toBeNull();
    expect(['SIGTERM', 'SIGKILL']).toContain(out.signal);
    expect(Date.now() - started).toBeLessThan(8000);
    const grandchild = Number(readFileSync(pidFile, 'utf8'));
    expect(await eventually(() => isDead(grandchild), 3000)).toBe(true);
  });

  it('kills what a command leaves running in the background when it exits', async () => {
    const pidFile = join(dir, 'background.pid');
    const out = await runProcess(spec(spawnsGrandchild(pidFile, "g.unref(); console.log('done')")));
    expect(out).toMatchObject({ exitCode: 0, timedOut: false, stdout: 'done\n' });
    const grandchild = Number(readFileSync(pidFile, 'utf8'));
    expect(await eventually(() => isDead(grandchild), 3000)).toBe(true);
  });

  it('stops the group when the evaluation is aborted', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const out = await runProcess(spec('setInterval(() => {}, 1000)', { signal: controller.signal, killGraceMs: 200 }));
    expect(out).toMatchObject({ aborted: true, timedOut: false, exitCode: null });
  });

  it('keeps only the tail of a large output', async () => {
    const out = await runProcess(spec("for (let i = 0; i < 100000; i++) console.log('line ' + i)", { maxOutputBytes: 4096 }));
    expect(out.truncated).toBe(true);
    expect(Buffer.byteLength(out.stdout)).toBeLessThanOrEqual(4096);
    expect(out.stdout.endsWith('line 99999\n')).toBe(true);
  });

  it('reports a program that cannot be started', async () => {
    const out = await runProcess({ ...spec(''), argv: [join(dir, 'no-such-program')] });
    if (findPrlimit()) {
      // prlimit starts, then fails to exec the program, like a shell would (127).
      expect(out.exitCode).toBe(127);
      expect(out.spawnError).toBeUndefined();
      expect(out.stderr).toContain('No such file or directory');
    } else {
      expect(out.spawnError).toContain('ENOENT');
    }
  });

  it.skipIf(findPrlimit() === undefined)('enforces the memory limit: a process allocating without bound dies quickly', async () => {
    const started = Date.now();
    const out = await runProcess(spec('const a = []; for (;;) a.push(Buffer.alloc(1 << 20).fill(1));', { limits: { ...LIMITS, memoryMb: 128 } }));
    expect(out.limitsEnforced).toBe(true);
    expect(out.timedOut).toBe(false);
    expect(out.exitCode === 0).toBe(false);
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it.skipIf(findPrlimit() === undefined)('enforces the file size limit', async () => {
    const out = await runProcess(spec(`require('node:fs').writeFileSync(${JSON.stringify(join(dir, 'big.bin'))}, Buffer.alloc(3 * 1024 * 1024))`, { limits: { ...LIMITS, maxFileSizeMb: 1 } }));
    expect(out.exitCode === 0).toBe(false);
    expect(existsSync(join(dir, 'big.bin'))).toBe(true);
    expect(readFileSync(join(dir, 'big.bin')).length).toBeLessThanOrEqual(1024 * 1024);
  });
});

describe('withLimits', () => {
  it('wraps the command in prlimit with the data, file size, open files and CPU limits', () => {
    expect(withLimits(['node', 'x.js'], { memoryMb: 256, maxFileSizeMb: 50, maxOpenFiles: 512, cpuSeconds: 30 }, '/usr/bin/prlimit')).toEqual({
      argv: ['/usr/bin/prlimit', '--data=268435456', '--fsize=52428800', '--nofile=512', '--cpu=30', '--', 'node', 'x.js'],
      enforced: true,
    });
  });

  it('runs the command as it is when prlimit is not available', () => {
    expect(withLimits(['node', 'x.js'], LIMITS, undefined)).toEqual({ argv: ['node', 'x.js'], enforced: false });
  });
});
