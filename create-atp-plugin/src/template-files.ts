import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Kind } from './kinds.js';

/** The layer every kind starts from. */
export const BASE_LAYER = '_base';

/**
 * What a template folder holds that is not part of the template: build output, installs, and the
 * tsconfig that builds a template inside the ATP monorepo. `scripts/sync-templates.mjs` skips the same.
 */
export const SKIPPED_NAMES = ['node_modules', 'dist', 'coverage', '.DS_Store', 'tsconfig.workspace.json'];
const SKIPPED_SUFFIXES = ['.tsbuildinfo'];

/** Whether a file or folder name is left out of templates. */
export function isSkipped(name: string): boolean {
  return SKIPPED_NAMES.includes(name) || SKIPPED_SUFFIXES.some((s) => name.endsWith(s));
}

/**
 * The name a template file gets in the new project: a leading "_" becomes "." in every segment
 * (`_gitignore` → `.gitignore`, `_changeset/config.json` → `.changeset/config.json`). Templates store
 * dotfiles this way because npm drops `.gitignore` from packages and treats it as ignore rules.
 */
export function outputPath(templatePath: string): string {
  return templatePath
    .split('/')
    .map((segment) => (segment.startsWith('_') ? `.${segment.slice(1)}` : segment))
    .join('/');
}

/** The files of one layer, as `/`-separated paths relative to the layer, sorted. */
export function layerFiles(layerDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (isSkipped(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() || statSync(path).isFile()) out.push(relative(layerDir, path).split(sep).join('/'));
    }
  };
  walk(layerDir);
  return out.sort();
}

/** The layers of a kind, base first. */
export function layersOf(root: string, kind: Kind): string[] {
  return [join(root, BASE_LAYER), join(root, kind)];
}

/** The template package.json of a kind (the kind layer's own, as the monorepo builds it). */
export function templateManifest(root: string, kind: Kind): Record<string, unknown> {
  return JSON.parse(readFileSync(join(root, kind, 'package.json'), 'utf8')) as Record<string, unknown>;
}
