/**
 * Killing an agent's whole process tree. The agent runs as the leader of its own process group, and
 * signalling the group reaches everything that stays in it. A descendant that calls setsid() or
 * setpgid() leaves the group; on Linux those are found as well, by walking the parent links in
 * /proc *before* anything is signalled (once a parent dies its children are re-parented to init and
 * the link is lost). Elsewhere only the group is signalled.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { groupAlive, signalGroup, unregisterGroup } from '@atp/subprocess';

const LINUX = process.platform === 'linux';

/** One process as /proc/<pid>/stat describes it. */
export interface ProcStat {
  pid: number;
  ppid: number;
  pgid: number;
  sid: number;
  /** Start time in clock ticks after boot: tells a process from a later one that reuses its pid. */
  start: string;
  zombie: boolean;
}

function parseStat(pid: number, text: string): ProcStat | undefined {
  // "pid (comm) state ppid pgrp session … starttime(22nd field) …"; comm may hold spaces and parentheses.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const [state, ppid, pgid, sid] = fields;
  const start = fields[19];
  if (state === undefined || ppid === undefined || pgid === undefined || sid === undefined || start === undefined) return undefined;
  return { pid, ppid: Number(ppid), pgid: Number(pgid), sid: Number(sid), start, zombie: state === 'Z' };
}

function readStat(pid: number): ProcStat | undefined {
  try {
    return parseStat(pid, readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Every process of the system, read once; undefined where /proc cannot be listed. */
function readAll(): ProcStat[] | undefined {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const all: ProcStat[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name)); // undefined: it ended meanwhile
    if (stat) all.push(stat);
  }
  return all;
}

/**
 * The processes of the tree of `root` (Linux): the members of its process group and session, and
 * every descendant of those by parent links, whatever group or session it moved to. The harness
 * itself is never part of it. Empty where /proc is not available.
 */
export function processTree(root: number): ProcStat[] {
  const all = LINUX ? readAll() : undefined;
  if (!all) return [];
  const children = new Map<number, ProcStat[]>();
  for (const p of all) {
    let list = children.get(p.ppid);
    if (!list) children.set(p.ppid, (list = []));
    list.push(p);
  }
  const found = new Map<number, ProcStat>();
  // Members by group or session id, not by pid alone: once the leader is gone and reaped its pid may
  // belong to an unrelated process, but an id still used by a group or session is never reused.
  const todo = all.filter((p) => p.pgid === root || p.sid === root);
  while (todo.length > 0) {
    const p = todo.pop()!;
    if (found.has(p.pid) || p.pid === process.pid || p.pid === process.ppid) continue;
    found.set(p.pid, p);
    todo.push(...(children.get(p.pid) ?? []));
  }
  return [...found.values()];
}

/** Still the same live process (not ended, not a zombie, its pid not reused). */
function sameAndAlive(p: ProcStat): boolean {
  const now = readStat(p.pid);
  return now !== undefined && !now.zombie && now.start === p.start;
}

function signalPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

/** Signal the group of `root`, then every process of `tree` that left it: its own group when a member of the tree leads it, else the process. */
function signalAll(root: number, tree: readonly ProcStat[], signal: NodeJS.Signals): void {
  signalGroup(root, signal);
  const inTree = new Set(tree.map((p) => p.pid));
  const groups = new Set<number>();
  for (const p of tree) {
    if (p.pgid === root) continue;
    // Only a group created inside the tree is signalled as a whole: never one the tree merely joined.
    if (inTree.has(p.pgid)) {
      if (!groups.has(p.pgid)) signalGroup(p.pgid, signal);
      groups.add(p.pgid);
    } else {
      signalPid(p.pid, signal);
    }
  }
}

/** Send `signal` to the group of `root` and (Linux) to every process of its tree that left the group. */
export function signalTree(root: number, signal: NodeJS.Signals): void {
  signalAll(root, processTree(root), signal);
}

/** SIGKILL the whole tree of `root` at once and forget its group. */
export function killTree(root: number): void {
  signalTree(root, 'SIGKILL');
  unregisterGroup(root);
}

/** What is left of a tree that was `tree` (same processes, pids not reused) plus what the group holds now. */
function remaining(root: number, tree: readonly ProcStat[]): ProcStat[] {
  const now = new Map(processTree(root).map((p) => [p.pid, p]));
  for (const p of tree) if (!now.has(p.pid) && sameAndAlive(p)) now.set(p.pid, p);
  return [...now.values()].filter((p) => !p.zombie);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * SIGTERM the whole tree of `root`, then SIGKILL whatever is left of it after `graceMs` (a child
 * that ignores SIGTERM, or one started meanwhile), and forget the group.
 */
export async function terminateTree(root: number, graceMs: number): Promise<void> {
  const tree = processTree(root);
  const escaped = tree.filter((p) => p.pgid !== root && !p.zombie);
  signalAll(root, tree, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  const alive = (): boolean => groupAlive(root) || escaped.some(sameAndAlive);
  while (alive() && Date.now() < deadline) await sleep(Math.max(1, Math.min(25, deadline - Date.now())));
  if (alive()) signalAll(root, remaining(root, tree), 'SIGKILL');
  unregisterGroup(root);
}

/**
 * After the leader of `root`'s group exited: SIGKILL what it left behind in its tree and forget the
 * group. When nothing of the group is left, /proc is not read: what left the group can then only be
 * found through a parent that left it too (orphans lose their parent link), which is rare.
 */
export function killLeftovers(root: number): void {
  if (groupAlive(root)) signalTree(root, 'SIGKILL');
  unregisterGroup(root);
}
