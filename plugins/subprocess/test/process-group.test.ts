import { afterEach, describe, expect, it } from 'vitest';
import { groupAlive, killGroup, signalGroup, spawnInGroup, terminateGroup, waitGroupGone } from '../src/index.js';
import { exited, firstLine, groupOf, isDead, leaderScript, runHarness } from './helpers.js';

const IDLE = 'setInterval(() => {}, 1000)';

// Groups a test started: killed afterwards even when an assertion failed half-way.
const started: number[] = [];
function track(pid: number | undefined): number {
  if (pid === undefined) throw new Error('the test process did not start');
  started.push(pid);
  return pid;
}
afterEach(() => {
  for (const pid of started.splice(0)) killGroup(pid);
});

// Process groups and /proc are what these tests observe: Linux only.
describe.runIf(process.platform === 'linux')('process groups', () => {
  it('spawnInGroup starts the program as the leader of a new process group', async () => {
    const child = spawnInGroup(process.execPath, ['-e', IDLE], { stdio: ['ignore', 'pipe', 'pipe'] });
    const pid = track(child.pid);
    expect(groupOf(pid)).toBe(pid);
    expect(groupOf(process.pid)).not.toBe(pid);
    expect(groupAlive(pid)).toBe(true);
    killGroup(pid);
    await exited(child);
    expect(child.signalCode).toBe('SIGKILL');
  });

  it('spawnInGroup reports a program that cannot start through the error event', async () => {
    const child = spawnInGroup('/nonexistent/program', [], { stdio: 'pipe' });
    expect(child.pid).toBeUndefined();
    const error = await new Promise<Error>((resolve) => child.once('error', resolve));
    expect(error).toMatchObject({ code: 'ENOENT' });
  });

  it('terminateGroup SIGTERMs the whole group and does not wait out the grace once it is gone', async () => {
    const child = spawnInGroup(process.execPath, ['-e', leaderScript({ stubborn: false })], { stdio: ['ignore', 'pipe', 'pipe'] });
    const pid = track(child.pid);
    const grandchild = Number(await firstLine(child.stdout));
    const begin = Date.now();
    await terminateGroup(pid, 20_000);
    // Orphaned zombies may keep the group visible until init reaps them (a second or two here).
    expect(Date.now() - begin).toBeLessThan(15_000);
    await exited(child);
    expect(child.signalCode).toBe('SIGTERM');
    expect(isDead(grandchild)).toBe(true);
    expect(groupAlive(pid)).toBe(false);
  });

  it('terminateGroup escalates to SIGKILL after the grace period for a process that ignores SIGTERM', async () => {
    const child = spawnInGroup(process.execPath, ['-e', leaderScript({ stubborn: true })], { stdio: ['ignore', 'pipe', 'pipe'] });
    const pid = track(child.pid);
    const grandchild = Number(await firstLine(child.stdout));
    const terminating = terminateGroup(pid, 1500);
    await exited(child);
    expect(child.signalCode).toBe('SIGTERM');
    // The leader obeyed; the grandchild ignores SIGTERM and lives on until the grace period is over.
    await new Promise((r) => setTimeout(r, 300));
    expect(isDead(grandchild)).toBe(false);
    await terminating;
    await expect.poll(() => isDead(grandchild), { timeout: 5000 }).toBe(true);
  });

  it('killGroup ends what a process left running in its group after it exited', async () => {
    const child = spawnInGroup(process.execPath, ['-e', leaderScript({ stubborn: true, leaderExits: true })], { stdio: ['ignore', 'pipe', 'pipe'] });
    const pid = track(child.pid);
    const grandchild = Number(await firstLine(child.stdout));
    await exited(child);
    expect(child.exitCode).toBe(0);
    expect(isDead(grandchild)).toBe(false);
    expect(groupAlive(pid)).toBe(true);
    killGroup(pid);
    await expect.poll(() => isDead(grandchild), { timeout: 5000 }).toBe(true);
  });

  it('waitGroupGone waits for the group; signalGroup says when nothing was left to signal', async () => {
    const child = spawnInGroup(process.execPath, ['-e', IDLE], { stdio: ['ignore', 'pipe', 'pipe'] });
    const pid = track(child.pid);
    expect(await waitGroupGone(pid, 100)).toBe(false);
    expect(signalGroup(pid, 'SIGKILL')).toBe(true);
    expect(await waitGroupGone(pid, 10_000)).toBe(true);
    expect(signalGroup(pid, 'SIGTERM')).toBe(false);
    expect(signalGroup(pid, 0)).toBe(false);
  });

  it('kills registered groups when the harness exits, and leaves unregistered ones alone', async () => {
    const harness = (unregister: boolean): string => `
      import { spawnInGroup, unregisterGroup } from '@atp/subprocess';
      const child = spawnInGroup(process.execPath, ['-e', ${JSON.stringify(IDLE)}], { stdio: 'ignore' });
      ${unregister ? 'unregisterGroup(child.pid);' : ''}
      console.log(child.pid);
      process.exit(0);`;
    const registered = await runHarness(harness(false));
    expect(registered).toMatchObject({ code: 0, stderr: '' });
    const killedAtExit = track(Number(registered.stdout.trim()));
    await expect.poll(() => isDead(killedAtExit), { timeout: 5000 }).toBe(true);

    const unregistered = await runHarness(harness(true));
    expect(unregistered).toMatchObject({ code: 0, stderr: '' });
    const pid = track(Number(unregistered.stdout.trim()));
    expect(isDead(pid)).toBe(false);
  });
});
