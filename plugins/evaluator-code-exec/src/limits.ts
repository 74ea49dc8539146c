import { accessSync, constants } from 'node:fs';

/** Resource limits of an evaluated command (each process of it gets them). */
export interface Limits {
  /** Data segment (heap) size per process, in MiB. */
  memoryMb: number;
  /** Largest file a process may write, in MiB. */
  maxFileSizeMb: number;
  /** Open file descriptors per process. */
  maxOpenFiles: number;
  /** CPU seconds per process, when set. */
  cpuSeconds?: number;
}

const PRLIMIT_CANDIDATES = ['/usr/bin/prlimit', '/bin/prlimit', '/usr/local/bin/prlimit'];
let cached: string | null | undefined;

/** The prlimit binary (util-linux) on Linux, or undefined when limits cannot be enforced. */
export function findPrlimit(): string | undefined {
  if (cached === undefined) {
    cached = null;
    if (process.platform === 'linux') {
      for (const candidate of PRLIMIT_CANDIDATES) {
        try {
          accessSync(candidate, constants.X_OK);
          cached = candidate;
          break;
        } catch {
          // try the next location
        }
      }
    }
  }
  return cached ?? undefined;
}

const MIB = 1024 * 1024;

/**
 * The argv that runs `argv` under `limits`: `prlimit --data=… --fsize=… --nofile=… [--cpu=…] -- argv`.
 * prlimit sets the limits on itself and then execs the command, so the command keeps prlimit's pid
 * (and process group). RLIMIT_DATA is used for memory rather than RLIMIT_AS: V8 reserves gigabytes
 * of address space it never uses, so an address-space limit stops node from starting at all, while
 * the data limit counts the memory a process actually allocates.
 */
export function withLimits(argv: readonly string[], limits: Limits, prlimit: string | undefined): { argv: string[]; enforced: boolean } {
  if (!prlimit) return { argv: [...argv], enforced: false };
  const flags = [
    `--data=${limits.memoryMb * MIB}`,
    `--fsize=${limits.maxFileSizeMb * MIB}`,
    `--nofile=${limits.maxOpenFiles}`,
    ...(limits.cpuSeconds !== undefined ? [`--cpu=${limits.cpuSeconds}`] : []),
  ];
  return { argv: [prlimit, ...flags, '--', ...argv], enforced: true };
}
