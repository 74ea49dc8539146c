/** The end-to-end helpers against the real `atp` binary (needs the kernel, preset and reporter-json built: `npx tsc -b`). */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ATP_BIN, atpConfig, cannedAgent, cannedSuiteHead, ensureBuilt, readJsonReport, removeTempDirs, runAtp, tempProject } from '../src/e2e/index.js';

afterAll(removeTempDirs);

describe('temp projects', () => {
  it('atpConfig lists plugins, with options, in order', () => {
    expect(atpConfig(['@atp/preset-default', ['@atp/cost', { budget_usd: 1 }], "it's"])).toBe(
      `export default { plugins: ['@atp/preset-default', ['@atp/cost', {"budget_usd":1}], 'it\\'s'] };\n`,
    );
  });

  it('are made under <cwd>/.tmp with the config for `plugins`; a config among the files wins', () => {
    const dir = tempProject({ 'suite.yaml': 'x' }, { prefix: 'testkit-e2e-', plugins: ['@atp/preset-default'] });
    expect(dirname(dir)).toBe(join(process.cwd(), '.tmp'));
    expect(dir).toMatch(/[/\\]testkit-e2e-[^/\\]+$/);
    expect(readFileSync(join(dir, 'atp.config.mjs'), 'utf8')).toBe("export default { plugins: ['@atp/preset-default'] };\n");
    const own = tempProject({ 'atp.config.mjs': 'export default {};\n' }, { plugins: ['@atp/preset-default'] });
    expect(readFileSync(join(own, 'atp.config.mjs'), 'utf8')).toBe('export default {};\n');
    expect(existsSync(join(tempProject({}), 'atp.config.mjs'))).toBe(false);
  });

  it('cannedSuiteHead is six lines up to `tests:`', () => {
    expect(cannedSuiteHead('quality').split('\n')).toEqual(['test_suite: quality', 'agents:', '  - name: crafted', '    type: cli', '    config: { command: node, args: [agent.mjs] }', 'tests:', '']);
  });
});

describe('runAtp', () => {
  it('runs the kernel’s atp binary', async () => {
    expect(ATP_BIN).toMatch(/[/\\]bin[/\\]atp\.js$/);
    expect(existsSync(ATP_BIN)).toBe(true);
    const r = await runAtp(['--help'], process.cwd());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^atp \d+\.\d+\.\d+ — the Agent Test Platform\n/);
    expect(r.stdout).toMatch(/^Usage: atp <command> \[options\]$/m);
  }, 60_000);

  it('runs a suite against the canned agent; the JSON report reads back', async () => {
    const suite = `${cannedSuiteHead('canned')}  - id: greet
    name: greets
    task: { description: greet }
    assertions:
      - { type: contains, config: { path: out.txt, pattern: hello } }
  - id: unknown
    name: a description the agent has no answer for
    task: { description: something else }
    assertions:
      - { type: artifact_exists, config: { path: out.txt } }
`;
    const dir = tempProject({ ...cannedAgent({ greet: [{ path: 'out.txt', content: 'hello there' }] }), 'suite.yaml': suite }, { plugins: ['@atp/preset-default'] });
    const r = await runAtp(['test', 'suite.yaml', '--output', 'json', '--output-file', 'report.json', '--no-journal'], dir);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const report = readJsonReport(dir);
    expect(report.summary).toMatchObject({ suite_name: 'canned', total_tests: 2, passed_tests: 1, failed_tests: 1, success: false });
    expect(report.tests.map((t) => [t.test_id, t.agent, t.success])).toEqual([
      ['greet', 'crafted', true],
      ['unknown', 'crafted', false],
    ]);
  }, 60_000);

  it('lays env over this process’s environment: a value adds, undefined removes, NO_COLOR is set', async () => {
    process.env['TESTKIT_E2E_REMOVED'] = 'present';
    try {
      // The config file runs inside atp: it records what the process sees.
      const config = `import { writeFileSync } from 'node:fs';
const pick = (k) => process.env[k] ?? null;
writeFileSync('env.json', JSON.stringify({ added: pick('TESTKIT_E2E_ADDED'), removed: pick('TESTKIT_E2E_REMOVED'), noColor: pick('NO_COLOR') }));
export default { plugins: ['@atp/preset-default'] };
`;
      const dir = tempProject({ 'atp.config.mjs': config, 'suite.yaml': `${cannedSuiteHead('env')}  - id: t\n    name: t\n    task: { description: t }\n` });
      const r = await runAtp(['validate', 'suite.yaml'], dir, { TESTKIT_E2E_ADDED: 'yes', TESTKIT_E2E_REMOVED: undefined });
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(readFileSync(join(dir, 'env.json'), 'utf8'))).toEqual({ added: 'yes', removed: null, noColor: '1' });
    } finally {
      delete process.env['TESTKIT_E2E_REMOVED'];
    }
  }, 60_000);

  it('hands the child to onSpawn, and kills it and rejects after timeoutMs', async () => {
    let pid: number | undefined;
    await expect(runAtp(['--help'], process.cwd(), {}, { timeoutMs: 1, onSpawn: (child) => (pid = child.pid) })).rejects.toThrow(/^atp --help timed out after 1 ms\nstdout: /);
    expect(pid).toBeGreaterThan(0);
  });
});

describe('ensureBuilt', () => {
  it('builds a package without dist/index.js once, and leaves a built one alone', () => {
    const pkg = tempProject(
      {
        'package.json': '{ "name": "testkit-built", "type": "module" }\n',
        'tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: 'src', outDir: 'dist', module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', composite: true }, include: ['src'] }),
        'src/index.ts': 'export const answer: number = 42;\n',
      },
      { prefix: 'testkit-build-' },
    );
    ensureBuilt([pkg]);
    const built = join(pkg, 'dist/index.js');
    expect(readFileSync(built, 'utf8')).toContain('export const answer = 42;');
    const { mtimeMs } = statSync(built);
    ensureBuilt([pathToFileURL(`${pkg}/`)]);
    expect(statSync(built).mtimeMs).toBe(mtimeMs);
  }, 120_000);
});
