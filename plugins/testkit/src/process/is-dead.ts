import { readFileSync } from 'node:fs';

/** True when no process has this pid any more; a zombie nobody reaped counts as dead (read from /proc on Linux). */
export function isDead(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The state letter follows "(comm) ", and comm itself may hold spaces or parentheses.
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}
