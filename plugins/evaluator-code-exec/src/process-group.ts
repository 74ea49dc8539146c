/**
 * Commands run in their own process group (spawned detached), so a timeout or an abort kills the
 * command together with everything it started, and nothing it left running survives the check.
 */

const POSIX = process.platform !== 'win32';
const live = new Set<number>();
let exitHookInstalled = false;

function codeOf(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** Remember a live group so that it is killed if the harness exits first. */
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

/** Signal the process group led by `pid` (on Windows the process only; 0 only probes); false when nothing was left. */
export function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(POSIX ? -pid : pid, signal);
    return true;
  } catch (error) {
    return codeOf(error) === 'EPERM';
  }
}

/** True while any process of the group exists. */
export function groupAlive(pid: number): boolean {
  return signalGroup(pid, 0);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** SIGTERM the group, then SIGKILL whatever is left after `graceMs`. */
export async function terminateGroup(pid: number, graceMs: number): Promise<void> {
  if (signalGroup(pid, 'SIGTERM')) {
    const deadline = Date.now() + graceMs;
    while (Date.now() < deadline && groupAlive(pid)) await sleep(Math.max(1, Math.min(25, deadline - Date.now())));
    if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
  }
  unregisterGroup(pid);
}
