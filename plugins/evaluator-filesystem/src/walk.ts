import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** An entry found under a directory; `path` is relative to it and `/`-separated. */
export interface TreeEntry {
  path: string;
  kind: 'file' | 'directory' | 'link' | 'other';
}

/** At most this many entries are listed, so a runaway workspace cannot stall evaluation. */
export const MAX_ENTRIES = 20_000;

/** The entries of a directory listing, and whether it stopped at {@link MAX_ENTRIES}. */
export interface Listing {
  entries: TreeEntry[];
  truncated: boolean;
}

/**
 * List `dir` (recursively when asked), sorted by path. Symbolic links are listed, never followed,
 * so a link cannot lead the walk out of the workspace or round in a circle. `skip` prunes entries
 * (and, for a directory, everything under it).
 */
export async function listTree(dir: string, options: { recursive: boolean; skip?: (entry: TreeEntry) => boolean }): Promise<Listing> {
  const entries: TreeEntry[] = [];
  let truncated = false;
  const visit = async (absolute: string, prefix: string): Promise<void> => {
    const dirents = await readdir(absolute, { withFileTypes: true });
    dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const d of dirents) {
      if (entries.length >= MAX_ENTRIES) {
        truncated = true;
        return;
      }
      const path = prefix ? `${prefix}/${d.name}` : d.name;
      const kind: TreeEntry['kind'] = d.isSymbolicLink() ? 'link' : d.isFile() ? 'file' : d.isDirectory() ? 'directory' : 'other';
      const entry = { path, kind };
      if (options.skip?.(entry)) continue;
      entries.push(entry);
      if (kind === 'directory' && options.recursive) await visit(join(absolute, d.name), path);
    }
  };
  await visit(dir, '');
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { entries, truncated };
}
