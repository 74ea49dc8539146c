import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFiles } from './write-files.js';

/** Options of {@link tempDir}. */
export interface TempDirOptions {
  /** The start of the directory's name (default `atp-test-`). */
  prefix?: string;
  /** Where the directory is made (default: the OS temp directory); created when missing. */
  parent?: string;
}

// Every directory made by this module in this process, until removeTempDirs() deletes it.
const created = new Set<string>();

/** A fresh temp directory holding `files` (relative path → text); {@link removeTempDirs} deletes it. */
export function tempDir(files: Readonly<Record<string, string>> = {}, options: TempDirOptions = {}): string {
  const parent = options.parent ?? tmpdir();
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, options.prefix ?? 'atp-test-'));
  created.add(dir);
  return writeFiles(dir, files);
}

/** Delete every directory {@link tempDir} (or `tempProject` of `@atp/testkit/e2e`) made so far: call it in `afterAll`. */
export function removeTempDirs(): void {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
  created.clear();
}
