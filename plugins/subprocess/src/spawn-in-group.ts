/** Starting a child process as the leader of its own process group, registered for cleanup. */
import type * as ChildProcessModule from 'node:child_process';
import type {
  ChildProcess,
  ChildProcessByStdio,
  ChildProcessWithoutNullStreams,
  SpawnOptions,
  SpawnOptionsWithStdioTuple,
  SpawnOptionsWithoutStdio,
  StdioNull,
  StdioPipe,
} from 'node:child_process';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import { registerGroup } from './process-group.js';

// Plugin indexes import this library for its light parts (shell words in config schemas), and the
// harness loads every plugin index at start-up: child_process is loaded only when something is spawned.
const requireBuiltin = createRequire(import.meta.url);
let childProcess: typeof ChildProcessModule | undefined;

/** Spawn options of {@link spawnInGroup}: `detached`, `windowsHide` and `shell` (none) are its own. */
type GroupSpawnOptions<T extends SpawnOptions> = Omit<T, 'detached' | 'windowsHide' | 'shell'>;

/**
 * Spawn `file` without a shell in a new process group (setsid; Windows has no groups) and register
 * the group so that it is killed if the harness exits first. Throws what `spawn` throws; a program
 * that cannot be started is reported by the child's `error` event, with no pid and nothing registered.
 */
export function spawnInGroup(
  file: string,
  args: readonly string[],
  options: GroupSpawnOptions<SpawnOptionsWithStdioTuple<StdioNull, StdioPipe, StdioPipe>>,
): ChildProcessByStdio<null, Readable, Readable>;
export function spawnInGroup(file: string, args: readonly string[], options: GroupSpawnOptions<SpawnOptionsWithoutStdio>): ChildProcessWithoutNullStreams;
export function spawnInGroup(file: string, args: readonly string[], options: GroupSpawnOptions<SpawnOptions>): ChildProcess;
export function spawnInGroup(file: string, args: readonly string[], options: GroupSpawnOptions<SpawnOptions>): ChildProcess {
  childProcess ??= requireBuiltin('node:child_process') as typeof ChildProcessModule;
  const child = childProcess.spawn(file, args, { ...options, detached: process.platform !== 'win32', windowsHide: true });
  if (child.pid !== undefined) registerGroup(child.pid);
  return child;
}
