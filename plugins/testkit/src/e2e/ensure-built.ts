import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Build (`tsc -b`) the packages among `packageDirs` (paths or file URLs) that have no `dist/index.js` yet,
 * so that an end-to-end test can load them even when run before a full build (CI builds everything first).
 */
export function ensureBuilt(packageDirs: ReadonlyArray<string | URL>): void {
  const dirs = packageDirs.map((d) => (typeof d === 'string' ? d : fileURLToPath(d)));
  const missing = dirs.filter((d) => !existsSync(join(d, 'dist/index.js')));
  if (missing.length === 0) return;
  const tsc = createRequire(join(missing[0]!, 'package.json')).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-b', ...missing], { stdio: 'inherit' });
}
