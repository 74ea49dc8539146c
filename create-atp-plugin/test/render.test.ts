import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS, layerFiles, outputPath, pluginManifest, renderPlugin, templatesRoot } from '../src/index.js';
import { ROOT, TEMPLATES } from './helpers.js';

const BASE_FILES = ['.changeset/README.md', '.changeset/config.json', '.gitignore', 'README.md', 'eslint.config.js', 'package.json', 'tsconfig.json', 'vitest.config.ts'];
const KIND_FILES = {
  adapter: ['src/config.ts', 'src/echo-adapter.ts', 'src/index.ts', 'test/echo-adapter.test.ts'],
  evaluator: ['src/config.ts', 'src/index.ts', 'src/word-count.ts', 'test/word-count.test.ts'],
  reporter: ['src/config.ts', 'src/index.ts', 'src/summary-reporter.ts', 'test/summary-reporter.test.ts'],
  benchmark: ['data/capitals.json', 'src/config.ts', 'src/expected-answer.ts', 'src/index.ts', 'src/load-dataset.ts', 'test/fixtures/duplicate-ids.json', 'test/load-dataset.test.ts'],
  importer: ['src/config.ts', 'src/index.ts', 'src/json-trace.ts', 'test/fixtures/bad-step.json', 'test/fixtures/traces.json', 'test/json-trace.test.ts'],
} as const;

const json = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const kernelVersion = String(json(join(ROOT, 'kernel/package.json')).version);

describe('rendering a plugin from the template layers', () => {
  it('finds the monorepo templates', () => {
    expect(templatesRoot()).toBe(TEMPLATES);
  });

  it.each(KINDS)('%s: base + kind files, "_x" renamed, build output and workspace files left out', (kind) => {
    const files = renderPlugin(TEMPLATES, kind, 'atp-plugin-x');
    expect(files.map((f) => f.path)).toEqual([...BASE_FILES, ...KIND_FILES[kind]].sort((a, b) => a.localeCompare(b)));
    // Everything else is copied byte for byte: the templates are real code, without placeholders.
    for (const file of files.filter((f) => !['README.md', 'package.json'].includes(f.path))) {
      const layer = KIND_FILES[kind].includes(file.path as never) ? kind : '_base';
      const source = layerFiles(join(TEMPLATES, layer)).find((p) => outputPath(p) === file.path)!;
      expect(Buffer.from(file.content).equals(readFileSync(join(TEMPLATES, layer, source)))).toBe(true);
    }
  });

  it('writes the README as the kind’s, then the shared sections, under the new name', () => {
    const readme = String(renderPlugin(TEMPLATES, 'evaluator', '@acme/atp-plugin-words').find((f) => f.path === 'README.md')!.content);
    expect(readme.startsWith('# @acme/atp-plugin-words\n')).toBe(true);
    expect(readme).toContain('npx atp plugins enable @acme/atp-plugin-words');
    expect(readme).not.toContain('@atp/template-');
    expect(readme.indexOf('## Config')).toBeLessThan(readme.indexOf('## Develop'));
    expect(readme.endsWith('it is how people find ATP plugins on npm.\n')).toBe(true);
  });

  it('rewrites only package.json fields', () => {
    const template = json(join(TEMPLATES, 'adapter/package.json'));
    expect(pluginManifest(template, '@acme/atp-plugin-echo')).toEqual({
      name: '@acme/atp-plugin-echo',
      version: '0.1.0',
      description: template.description,
      type: 'module',
      license: 'MIT',
      engines: { node: '>=20' },
      main: './dist/index.js',
      types: './dist/index.d.ts',
      exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './package.json': './package.json' },
      files: ['dist'],
      keywords: ['atp', 'atp-plugin', 'atp-adapter'],
      scripts: {
        build: 'tsc -p tsconfig.json',
        test: 'vitest run',
        lint: 'eslint .',
        prepublishOnly: 'npm run build',
        changeset: 'changeset',
        release: 'npm run lint && npm test && changeset publish',
      },
      peerDependencies: { '@atp/kernel': '^0.1.0' },
      dependencies: template.dependencies,
      devDependencies: template.devDependencies,
      publishConfig: { access: 'public' },
    });
    expect(pluginManifest({ ...template, keywords: ['atp'] }, 'atp-plugin-y').keywords).toEqual(['atp', 'atp-plugin']);
    expect(() => pluginManifest({ name: 'x' }, 'atp-plugin-y')).toThrow('the template package.json has no peerDependencies["@atp/kernel"]');
  });
});

describe('the templates stay publishable plugins', () => {
  const root = json(join(ROOT, 'package.json'));
  const kernel = json(join(ROOT, 'kernel/package.json'));
  const monorepoRanges = { ...(root.devDependencies as Record<string, string>), ...(kernel.dependencies as Record<string, string>) };

  it.each(KINDS)('%s: private workspace project with the atp-plugin keyword and a kernel peer range this kernel satisfies', (kind) => {
    const pkg = json(join(TEMPLATES, kind, 'package.json'));
    expect(pkg).toMatchObject({ name: `@atp/template-${kind}`, private: true, type: 'module' });
    expect(pkg.keywords).toContain('atp-plugin');
    const range = (pkg.peerDependencies as Record<string, string>)['@atp/kernel']!;
    // A caret range on 0.x pins the minor: the kernel version must be at least the range's, same major.minor.
    const [major, minor, patch] = range.replace(/^\^/, '').split('.').map(Number) as [number, number, number];
    const [kMajor, kMinor, kPatch] = kernelVersion.split('.').map(Number) as [number, number, number];
    expect(range.startsWith('^')).toBe(true);
    expect(kMajor === major && (major > 0 || kMinor === minor) && (kMinor > minor || kPatch >= patch)).toBe(true);
    expect((pkg.devDependencies as Record<string, string>)['@atp/kernel']).toBe(range);
    // Every other dependency is one the monorepo already installs, so generated projects resolve through it.
    for (const [name, version] of Object.entries({ ...(pkg.dependencies as object), ...(pkg.devDependencies as object) } as Record<string, string>)) {
      if (name.startsWith('@atp/')) continue;
      expect({ name, version }).toEqual({ name, version: monorepoRanges[name] });
    }
  });
});
