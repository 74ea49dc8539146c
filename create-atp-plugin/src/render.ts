import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Kind } from './kinds.js';
import { pluginManifest } from './package-json.js';
import { layerFiles, layersOf, outputPath, templateManifest } from './template-files.js';

/** One file of the new project: where it goes and what it holds. */
export interface RenderedFile {
  path: string;
  content: string | Buffer;
}

/**
 * The files of a new plugin of `kind` named `name`: the base layer, then the kind's layer over it. The
 * templates are plain, valid projects, so only these are rewritten: `package.json` (its fields), `README.md`
 * (the kind's README followed by the base's shared sections, with the template's package name replaced),
 * and `_x` names (`.x`).
 */
export function renderPlugin(root: string, kind: Kind, name: string): RenderedFile[] {
  const template = templateManifest(root, kind);
  const templateName = String(template.name);
  const files = new Map<string, RenderedFile>();
  const readmes: string[] = [];
  for (const layer of layersOf(root, kind)) {
    for (const file of layerFiles(layer)) {
      const source = join(layer, file);
      if (file === 'README.md') {
        readmes.unshift(readFileSync(source, 'utf8'));
        continue;
      }
      if (file === 'package.json') continue;
      const path = outputPath(file);
      files.set(path, { path, content: readFileSync(source) });
    }
  }
  files.set('package.json', { path: 'package.json', content: `${JSON.stringify(pluginManifest(template, name), null, 2)}\n` });
  if (readmes.length) {
    const readme = readmes.map((r) => r.trimEnd()).join('\n\n').split(templateName).join(name);
    files.set('README.md', { path: 'README.md', content: `${readme}\n` });
  }
  return [...files.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** Write rendered files under `target` (created when missing); existing files with the same paths are replaced. */
export function writeFiles(target: string, files: readonly RenderedFile[]): void {
  if (!existsSync(target)) mkdirSync(target, { recursive: true });
  for (const file of files) {
    const path = join(target, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
}
