import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/**
 * Where the templates are: inside this package once published (`prepack` copies them in, because npm
 * cannot publish files from outside the package folder), else the monorepo's `templates/` beside it.
 */
export function templatesRoot(candidates: readonly string[] = defaultCandidates()): string {
  const found = candidates.find((dir) => existsSync(join(dir, '_base')));
  if (!found) throw new Error(`the plugin templates are missing (looked in ${candidates.join(', ')}); reinstall create-atp-plugin`);
  return found;
}

function defaultCandidates(): string[] {
  return [fileURLToPath(new URL('../templates', import.meta.url)), fileURLToPath(new URL('../../templates', import.meta.url))];
}
