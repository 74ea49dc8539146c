import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { closer, eventually, freePort, isDead, rejectionOf } from '../src/process/index.js';

const exited = (child: ReturnType<typeof spawn>): Promise<void> => new Promise((resolve) => child.once('exit', () => resolve()));

describe('isDead', () => {
  it('is false for a live process and true once it exited and was reaped', async () => {
    expect(isDead(process.pid)).toBe(false);
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10_000)'], { stdio: 'ignore' });
    const pid = child.pid!;
    expect(isDead(pid)).toBe(false);
    const gone = exited(child);
    child.kill('SIGKILL');
    await gone;
    expect(isDead(pid)).toBe(true);
  });

  it('counts a zombie nobody reaped as dead', async () => {
    // The shell starts a short sleep in the background, then becomes `sleep 10`, which never reaps it.
    const parent = spawn('sh', ['-c', 'sleep 0.05 & echo $!; exec sleep 10'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const zombie = await new Promise<number>((resolve) => parent.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))));
      expect(await eventually(() => isDead(zombie), 5000)).toBe(true);
      expect(() => process.kill(zombie, 0)).not.toThrow();
    } finally {
      parent.kill('SIGKILL');
    }
  });
});

describe('eventually', () => {
  it('resolves true as soon as the check holds', async () => {
    const start = Date.now();
    let calls = 0;
    expect(await eventually(() => ++calls >= 3, 5000)).toBe(true);
    expect(calls).toBe(3);
    expect(Date.now() - start).toBeLessThan(2000);
  });

  it('gives up after the time given, with the last value', async () => {
    const start = Date.now();
    expect(await eventually(() => false, 120)).toBe(false);
    expect(Date.now() - start).toBeGreaterThanOrEqual(120);
  });
});

describe('rejectionOf', () => {
  it('returns the error a promise rejects with', async () => {
    const error = Object.assign(new Error('refused'), { kind: 'connection', retryable: true });
    expect(await rejectionOf(Promise.reject(error))).toBe(error);
  });

  it('throws when the promise resolves', async () => {
    await expect(rejectionOf(Promise.resolve(1))).rejects.toThrow('expected the promise to reject');
  });
});

describe('freePort', () => {
  it('returns a port on 127.0.0.1 that can be listened on', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    const server = createServer();
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});

describe('closer', () => {
  it('closes everything kept, in parallel, once; keep returns what it is given', async () => {
    const closed: string[] = [];
    const item = (name: string, ms: number) => ({ name, close: () => new Promise<void>((resolve) => setTimeout(() => (closed.push(name), resolve()), ms)) });
    const servers = closer<ReturnType<typeof item>>();
    const slow = item('slow', 60);
    expect(servers.keep(slow)).toBe(slow);
    servers.keep(item('fast', 0));
    const start = Date.now();
    await servers.closeAll();
    expect(closed).toEqual(['fast', 'slow']);
    expect(Date.now() - start).toBeLessThan(1000);
    await servers.closeAll();
    expect(closed).toEqual(['fast', 'slow']);
  });

  it('closes real servers so their ports refuse connections', async () => {
    const servers = closer();
    const server = servers.keep(createServer());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    expect(server.listening).toBe(true);
    await servers.closeAll();
    expect(server.listening).toBe(false);
  });
});
