import { readFile } from 'node:fs/promises';
import { check, type EvalCheck, type EvaluationInput } from '@atp/kernel';
import type { TreeSnapshotConfig } from '../config-schemas.js';
import { compileGlob } from '../glob.js';
import { normalizeRelative, relativePathProblem } from '../relative-path.js';
import { suiteRelative } from '../suite-dir.js';
import { MAX_ENTRIES, listTree, type TreeEntry } from '../walk.js';
import { describeKind, locate } from '../workspace-root.js';

const LISTED = 20;

/** An expected entry as written: `a/b.txt` (anything but a directory) or `a/` (a directory). */
function normalizeEntry(entry: string): string {
  const dir = /[\\/]$/.test(entry);
  const path = normalizeRelative(entry);
  return dir && path !== '.' ? `${path}/` : path;
}

/** Parse a snapshot file: a JSON array of paths, or one path per line (`#` comments and blank lines ignored). */
export function parseSnapshot(text: string): { ok: true; entries: string[] } | { ok: false; error: string } {
  const trimmed = text.trim();
  let entries: string[];
  if (trimmed.startsWith('[')) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      return { ok: false, error: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) return { ok: false, error: 'a JSON snapshot must be an array of path strings' };
    entries = value;
  } else {
    entries = text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
  }
  for (const entry of entries) {
    const problem = relativePathProblem(entry);
    if (problem) return { ok: false, error: problem };
  }
  return { ok: true, entries };
}

function entryKey(entry: TreeEntry): string {
  return entry.kind === 'directory' ? `${entry.path}/` : entry.path;
}

function ancestors(path: string): string[] {
  const parts = path.replace(/\/$/, '').split('/');
  return parts.slice(0, -1).map((_, i) => `${parts.slice(0, i + 1).join('/')}/`);
}

function listed(items: readonly string[]): string {
  return items.slice(0, LISTED).join(', ') + (items.length > LISTED ? ` and ${items.length - LISTED} more` : '');
}

/**
 * `tree_snapshot`: the entries under `path` — files by relative path, directories with a trailing
 * `/` — compared with the expected list. `subset`: every expected entry exists. `exact`: also nothing
 * else exists (directories that lead to an expected entry are implied). The score is the share of
 * entries that agree.
 */
export async function treeSnapshot(config: TreeSnapshotConfig, root: string, input: Pick<EvaluationInput, 'suiteDir'>): Promise<EvalCheck> {
  let expectedRaw: string[];
  let source = 'the expected list';
  if (config.snapshot_file !== undefined) {
    const file = suiteRelative(input, config.snapshot_file);
    source = `snapshot ${JSON.stringify(config.snapshot_file)}`;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : error instanceof Error ? error.message : String(error);
      return check('tree_snapshot', false, `cannot read snapshot_file ${JSON.stringify(config.snapshot_file)} (${file}): ${reason}`);
    }
    const parsed = parseSnapshot(text);
    if (!parsed.ok) return check('tree_snapshot', false, `invalid snapshot_file ${JSON.stringify(config.snapshot_file)}: ${parsed.error}`);
    expectedRaw = parsed.entries;
  } else {
    expectedRaw = config.expected ?? [];
  }
  const found = await locate(root, config.path);
  if (!found.ok) return check('tree_snapshot', false, found.message);
  const name = JSON.stringify(found.display);
  if (found.kind === 'missing') return check('tree_snapshot', false, `${name} does not exist in the workspace`);
  if (found.kind !== 'directory') return check('tree_snapshot', false, `${name} is ${describeKind(found.kind)}, not a directory`);

  const ignores = config.ignore.map(compileGlob).flatMap((g) => (g.ok ? [g.regex] : []));
  const skip = (entry: TreeEntry): boolean => ignores.some((r) => r.test(entry.path));
  const listing = await listTree(found.absolute, { recursive: true, skip });
  if (listing.truncated) return check('tree_snapshot', false, `${name} has more than ${MAX_ENTRIES} entries; narrow it with path or ignore`);

  const expected = [...new Set(expectedRaw.map(normalizeEntry).filter((e) => e !== '.'))].sort();
  const actual = new Set(listing.entries.map(entryKey));
  const implied = new Set(expected.flatMap(ancestors));
  const expectedSet = new Set(expected);
  const missing = expected.filter((e) => !actual.has(e));
  const extra = config.mode === 'exact' ? [...actual].filter((a) => !expectedSet.has(a) && !implied.has(a)).sort() : [];
  // Report an unexpected directory once, not with everything inside it.
  const extraDirs = extra.filter((e) => e.endsWith('/'));
  const unexpected = extra.filter((e) => !extraDirs.some((d) => d !== e && e.startsWith(d)));
  const matched = expected.length - missing.length;
  const total = expected.length + unexpected.length;
  const score = total === 0 ? 1 : matched / total;
  const passed = missing.length === 0 && unexpected.length === 0;
  const details = { mode: config.mode, expected: expected.length, matched, missing, unexpected };
  if (passed) return { name: 'tree_snapshot', passed, score: 1, message: `${name} matches ${source} (${expected.length} entries, ${config.mode})`, details };
  const problems = [missing.length ? `missing: ${listed(missing)}` : '', unexpected.length ? `unexpected: ${listed(unexpected)}` : ''].filter(Boolean).join('; ');
  return { name: 'tree_snapshot', passed, score: Math.round(score * 10000) / 10000, message: `${name} differs from ${source} (${config.mode}): ${problems}`, details };
}
