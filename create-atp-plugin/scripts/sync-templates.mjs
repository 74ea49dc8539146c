#!/usr/bin/env node
// npm publishes only what is inside the package folder, so `prepack` copies the monorepo's templates/ into
// create-atp-plugin/templates, and `postpack` (--clean) removes the copy again: a development checkout must
// always generate from ../templates, never from a stale copy. The generator looks here first, then in ../templates.
// What is left out must match SKIPPED_NAMES in src/template-files.ts (test/pack.test.ts compares the two).
import { cpSync, existsSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SKIPPED_NAMES = new Set(['node_modules', 'dist', 'coverage', '.DS_Store', 'tsconfig.workspace.json']);

const pkgDir = dirname(dirname(fileURLToPath(import.meta.url)));
const source = join(pkgDir, '..', 'templates');
const target = join(pkgDir, 'templates');

rmSync(target, { recursive: true, force: true });
if (!process.argv.includes('--clean')) {
  if (!existsSync(join(source, '_base'))) {
    process.stderr.write(`sync-templates: ${source} has no _base layer: pack create-atp-plugin from the ATP monorepo\n`);
    process.exit(1);
  }
  cpSync(source, target, {
    recursive: true,
    filter: (path) => !SKIPPED_NAMES.has(basename(path)) && !path.endsWith('.tsbuildinfo'),
  });
}
