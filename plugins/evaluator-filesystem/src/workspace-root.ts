import { lstat, realpath, stat } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import type { EvaluationInput } from '@atp/kernel';
import { normalizeRelative, relativePathProblem } from './relative-path.js';

/** What is at a path inside the workspace. */
export type EntryKind = 'file' | 'directory' | 'other' | 'missing' | 'broken-link';

/** A path resolved inside the workspace root, or why it cannot be used. */
export type Located = { ok: true; display: string; absolute: string; kind: EntryKind; size?: number } | { ok: false; message: string };

/** The directory assertions inspect, or why there is none. */
export type Root = { ok: true; path: string } | { ok: false; message: string };

/** Shown when a run has no sandbox workspace: the check fails rather than being skipped. */
export const NO_WORKSPACE_MESSAGE =
  'no sandbox workspace for this run: filesystem assertions inspect the directory the runner gives the agent — run atp test with --sandbox (or set defaults.sandbox: true in atp.config)';

function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

function codeOf(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The root of an assertion: the run's sandbox workspace (real path, symlinks resolved), narrowed to
 * `workspacePath` when given. The sub-path must exist, be a directory and stay inside the workspace.
 */
export async function workspaceRoot(input: Pick<EvaluationInput, 'workspace'>, workspacePath: string | undefined): Promise<Root> {
  if (input.workspace === undefined) return { ok: false, message: NO_WORKSPACE_MESSAGE };
  let base: string;
  try {
    base = await realpath(input.workspace);
  } catch {
    return { ok: false, message: `workspace not found: the sandbox workspace of this run no longer exists (${input.workspace})` };
  }
  if (workspacePath === undefined || normalizeRelative(workspacePath) === '.') return { ok: true, path: base };
  const sub = await locate(base, workspacePath);
  if (!sub.ok) return { ok: false, message: sub.message.replace(/^invalid path/, 'invalid workspace_path') };
  if (sub.kind === 'missing') return { ok: false, message: `workspace not found: ${JSON.stringify(workspacePath)} does not exist in the sandbox workspace` };
  if (sub.kind !== 'directory') return { ok: false, message: `workspace not found: ${JSON.stringify(workspacePath)} is not a directory` };
  return { ok: true, path: sub.absolute };
}

/**
 * Resolve `path` (relative, `/`-separated) inside `root` (a real path). Symbolic links are followed
 * with realpath: a path that ends up outside `root` — through `..`, an absolute path or a link — is
 * invalid. A missing path is checked through its deepest existing ancestor.
 */
export async function locate(root: string, path: string): Promise<Located> {
  const problem = relativePathProblem(path);
  if (problem) return { ok: false, message: problem };
  const display = normalizeRelative(path);
  const target = display === '.' ? root : join(root, ...display.split('/'));
  const outside = (): Located => ({ ok: false, message: `invalid path ${JSON.stringify(path)}: it resolves outside the workspace (through a symbolic link)` });
  let linkStat;
  try {
    linkStat = await lstat(target);
  } catch (error) {
    if (codeOf(error) !== 'ENOENT' && codeOf(error) !== 'ENOTDIR') throw error;
    // Missing: the deepest existing ancestor decides whether the path would be inside.
    let ancestor = dirname(target);
    for (;;) {
      try {
        const real = await realpath(ancestor);
        return isInside(root, real) ? { ok: true, display, absolute: target, kind: 'missing' } : outside();
      } catch (inner) {
        if (codeOf(inner) !== 'ENOENT' && codeOf(inner) !== 'ENOTDIR') throw inner;
        ancestor = dirname(ancestor);
      }
    }
  }
  let real: string;
  try {
    real = await realpath(target);
  } catch (error) {
    if (codeOf(error) !== 'ENOENT' && codeOf(error) !== 'ELOOP') throw error;
    // A link to nothing: it exists (lstat saw it) but cannot be read.
    const parent = await realpath(dirname(target));
    return isInside(root, parent) ? { ok: true, display, absolute: target, kind: 'broken-link' } : outside();
  }
  if (!isInside(root, real)) return outside();
  const info = linkStat.isSymbolicLink() ? await stat(real) : linkStat;
  const kind: EntryKind = info.isFile() ? 'file' : info.isDirectory() ? 'directory' : 'other';
  return kind === 'file' ? { ok: true, display, absolute: real, kind, size: info.size } : { ok: true, display, absolute: real, kind };
}

/** Human words for an entry kind, for messages. */
export function describeKind(kind: EntryKind): string {
  switch (kind) {
    case 'file':
      return 'a file';
    case 'directory':
      return 'a directory';
    case 'broken-link':
      return 'a broken symbolic link';
    case 'missing':
      return 'missing';
    default:
      return 'a special file (not a regular file or directory)';
  }
}
