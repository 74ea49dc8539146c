import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BASE_LAYER, KINDS, layerFiles } from '../src/index.js';
import { removeTempDirs, ROOT, run, TEMPLATES, tempDir } from './helpers.js';

afterAll(removeTempDirs);

/**
 * The package as npm would publish it: a copy of create-atp-plugin beside a copy of templates/ (build
 * output included, to check it is left out), packed where no other test reads the package folder.
 */
function packageCopy(): string {
  const dir = tempDir('cap-pack-');
  const pkg = join(dir, 'create-atp-plugin');
  mkdirSync(pkg);
  for (const entry of ['package.json', 'bin', 'scripts', 'dist']) cpSync(join(ROOT, 'create-atp-plugin', entry), join(pkg, entry), { recursive: true });
  cpSync(TEMPLATES, join(dir, 'templates'), { recursive: true, filter: (path) => !path.includes('node_modules') });
  return pkg;
}

describe('the templates travel with the published package', { timeout: 120_000 }, () => {
  it('npm pack lists every template file (prepack copies them in, postpack removes the copy)', async () => {
    const pkg = packageCopy();
    const r = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts=false'], pkg);
    expect(r.code).toBe(0);
    const [packed] = JSON.parse(r.stdout) as Array<{ name: string; files: Array<{ path: string }> }>;
    const paths = packed!.files.map((f) => f.path);
    const expected = [BASE_LAYER, ...KINDS].flatMap((layer) => layerFiles(join(TEMPLATES, layer)).map((file) => `templates/${layer}/${file}`));
    expect(paths.filter((p) => p.startsWith('templates/')).sort()).toEqual(expected.sort());
    expect(paths).toContain('templates/_base/_gitignore');
    expect(paths).toContain('bin/create-atp-plugin.js');
    expect(paths).toContain('dist/cli.js');
    expect(paths.filter((p) => /tsconfig\.workspace\.json$|\/dist\/|tsbuildinfo/.test(p))).toEqual([]);
    expect(existsSync(join(pkg, 'templates'))).toBe(false);
  });

  it('the generator uses the copy inside its own package first', async () => {
    const pkg = packageCopy();
    expect((await run(process.execPath, [join(pkg, 'scripts/sync-templates.mjs')], pkg)).code).toBe(0);
    // The copy is the only one left: generating works without the monorepo's templates.
    rmSync(join(pkg, '..', 'templates'), { recursive: true });
    const out = tempDir('cap-pack-gen-');
    const r = await run(process.execPath, [join(pkg, 'bin/create-atp-plugin.js'), 'packed', '--kind', 'benchmark', '--no-install'], out);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(existsSync(join(out, 'atp-plugin-packed/data/capitals.json'))).toBe(true);
    expect(existsSync(join(out, 'atp-plugin-packed/tsconfig.workspace.json'))).toBe(false);
    expect((await run(process.execPath, [join(pkg, 'scripts/sync-templates.mjs'), '--clean'], pkg)).code).toBe(0);
    expect(existsSync(join(pkg, 'templates'))).toBe(false);
    // With no templates anywhere, the error says what is wrong.
    const missing = await run(process.execPath, [join(pkg, 'bin/create-atp-plugin.js'), 'x', '--kind', 'adapter', '--no-install'], tempDir('cap-pack-gen-'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: the plugin templates are missing \(looked in .*\); reinstall create-atp-plugin\n$/);
  });
});
