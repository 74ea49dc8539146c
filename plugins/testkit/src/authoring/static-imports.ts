import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// `import … from '…'` at the start of a line, not `import type`: what loads when the module loads.
const VALUE_IMPORT = /^import\s(?!type\b)[^;]*?from\s+'([^']+)'/gm;

/** The specifiers a TypeScript source file imports values from, in source order (type-only imports left out). */
export function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(VALUE_IMPORT)].map((m) => m[1]!);
}

/**
 * The bare module specifiers (packages, `node:` builtins) `file` imports values from, and those of every
 * relative module its imports reach (`./x.js` read as `./x.ts`); `export … from` lines are not followed.
 * A plugin's index test uses it to keep the index light.
 */
export function staticImports(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  if (seen.has(file)) return packages;
  seen.add(file);
  for (const spec of importsOf(file)) {
    if (spec.startsWith('.')) staticImports(join(dirname(file), spec.replace(/\.js$/, '.ts')), seen).forEach((p) => packages.add(p));
    else packages.add(spec);
  }
  return packages;
}
