import { hasParentSegment, isAbsolutePath } from '@atp/kernel';
import { z } from 'zod';

/** Why a path is not a plain relative path inside the working copy, or undefined when it is. */
export function relativePathProblem(path: string): string | undefined {
  if (path.includes('\0')) return `invalid path ${JSON.stringify(path)}: it contains a NUL byte`;
  if (isAbsolutePath(path)) return `invalid path ${JSON.stringify(path)}: paths are relative to the working copy, not absolute`;
  if (hasParentSegment(path)) return `invalid path ${JSON.stringify(path)}: ".." would leave the working copy`;
  return undefined;
}

/** A path relative to the command's working copy: no absolute paths, no `..`, no NUL. */
export const RelativePathSchema = z
  .string()
  .min(1, { error: 'path cannot be empty (use "." for the working copy itself)' })
  .superRefine((path, ctx) => {
    const problem = relativePathProblem(path);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
