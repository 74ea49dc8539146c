/**
 * Child processes run in their own process group (spawned detached, see spawnInGroup), so that a
 * timeout, an abort or a close can kill the process together with everything it started (`npx` →
 * node, `uv run` → python, a test runner's workers…). Groups still alive when the harness exits are
 * killed then. Windows has no process groups: there only the process itself is signalled.
 */

const POSIX = process.platform !== 'win32';
const live = new Set<number>();
let exitHookInstalled = false;

function codeOf(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** Remember a live group so that it is killed if the harness exits while it still runs. */
export function registerGroup(pid: number): void {
  live.add(pid);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const group of live) signalGroup(group, 'SIGKILL');
  });
}

/** Forget a group (it was killed or has ended). */
export function unregisterGroup(pid: number): void {
  live.delete(pid);
}

/**
 * Send `signal` to the process group led by `pid` (0 only probes; on Windows the process only).
 * Returns false when there was nothing left to signal. The leader's pid alone is never signalled
 * once it may have been reaped: the number could already belong to another process.
 */
export function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(POSIX ? -pid : pid, signal);
    return true;
  } catch (error) {
    return codeOf(error) === 'EPERM';
  }
}

/** True while any process of the group exists (zombies included). */
export function groupAlive(pid: number): boolean {
  return signalGroup(pid, 0);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Wait up to `ms` for the group to be gone; true when it is. */
export async function waitGroupGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!groupAlive(pid)) return true;
    await sleep(Math.max(1, Math.min(25, deadline - Date.now())));
  }
  return !groupAlive(pid);
}

/**
 * SIGTERM the group, then SIGKILL whatever is left of it after `graceMs` (even when the leader
 * obeyed, a child that ignores SIGTERM may remain), and forget it.
 */
export async function terminateGroup(pid: number, graceMs: number): Promise<void> {
  if (signalGroup(pid, 'SIGTERM') && !(await waitGroupGone(pid, graceMs))) signalGroup(pid, 'SIGKILL');
  unregisterGroup(pid);
}

/** SIGKILL whatever is left of the group at once (what a process left behind must not outlive it) and forget it. */
export function killGroup(pid: number): void {
  signalGroup(pid, 'SIGKILL');
  unregisterGroup(pid);
}
