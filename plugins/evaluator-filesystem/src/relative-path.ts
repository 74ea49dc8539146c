import { hasParentSegment, isAbsolutePath } from '@atp/kernel';
import { z } from 'zod';

/** Why a configured path is not a plain relative path inside the workspace, or undefined when it is. */
export function relativePathProblem(path: string): string | undefined {
  if (path.includes('\0')) return `invalid path ${JSON.stringify(path)}: it contains a NUL byte`;
  if (isAbsolutePath(path)) return `invalid path ${JSON.stringify(path)}: paths are relative to the workspace, not absolute`;
  if (hasParentSegment(path)) return `invalid path ${JSON.stringify(path)}: ".." would leave the workspace`;
  return undefined;
}

/** A path relative to the workspace root: no absolute paths, no `..` segments, no NUL. */
export const RelativePathSchema = z
  .string()
  .min(1, { error: 'path cannot be empty (use "." for the workspace itself)' })
  .superRefine((path, ctx) => {
    const problem = relativePathProblem(path);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** `a\b/./c/` → `a/b/c`: forward slashes, no `.` segments, no trailing slash; `.` for the root. */
export function normalizeRelative(path: string): string {
  const parts = path.replace(/\\/g, '/').split('/').filter((p) => p !== '' && p !== '.');
  return parts.length ? parts.join('/') : '.';
}
