import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Find `program` the way execvp would: a name with a slash is a path (relative to `cwd`); a bare
 * name is looked up in each directory of `pathVariable`. Undefined when nothing executable is found.
 * On Windows the name is returned as is and left to the system to resolve.
 */
export function resolveExecutable(program: string, cwd: string, pathVariable: string | undefined): string | undefined {
  if (process.platform === 'win32') return program;
  if (program.includes('/')) {
    const path = isAbsolute(program) ? program : resolve(cwd, program);
    return isExecutableFile(path) ? path : undefined;
  }
  for (const dir of (pathVariable ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(isAbsolute(dir) ? dir : resolve(cwd, dir), program);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}
