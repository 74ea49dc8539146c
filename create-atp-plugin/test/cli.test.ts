import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main, USAGE } from '../src/index.js';
import { BIN, createAtpPlugin, removeTempDirs, ROOT, TEMPLATES, tempDir } from './helpers.js';

afterAll(removeTempDirs);

const noStack = (text: string): void => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
const version = (JSON.parse(readFileSync(join(ROOT, 'create-atp-plugin/package.json'), 'utf8')) as { version: string }).version;

describe('create-atp-plugin (real binary, not a terminal)', { timeout: 60_000 }, () => {
  it('creates a plugin from flags alone and says what to do next', async () => {
    const dir = tempDir('cap-cli-');
    const r = await createAtpPlugin(['word-count', '--kind', 'evaluator', '--scope', '@acme', '--no-install'], dir);
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'Created @acme/atp-plugin-word-count, an ATP evaluator plugin, in atp-plugin-word-count (12 files)',
        '',
        'Next:',
        '  cd atp-plugin-word-count',
        '  npm install',
        '  npm run build && npm test',
        '',
        'Then, in an ATP project: npm install --save-dev <path to atp-plugin-word-count> and npx atp plugins enable @acme/atp-plugin-word-count',
        '',
      ].join('\n'),
    });
    const pkg = JSON.parse(readFileSync(join(dir, 'atp-plugin-word-count/package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg).toMatchObject({ name: '@acme/atp-plugin-word-count', version: '0.1.0', peerDependencies: { '@atp/kernel': '^0.1.0' } });
    expect(pkg.private).toBeUndefined();
    expect(readFileSync(join(dir, 'atp-plugin-word-count/.gitignore'), 'utf8')).toBe(readFileSync(join(TEMPLATES, '_base/_gitignore'), 'utf8'));
  });

  it('never prompts off a terminal: a missing name or kind is an error, exit 2', async () => {
    const dir = tempDir('cap-cli-');
    // Answers on stdin are not read: the command does not ask when stdin is not a terminal.
    expect(await createAtpPlugin([], dir, { input: 'my-plugin\nevaluator\n' })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: missing the plugin name\n  hint: create-atp-plugin my-plugin --kind evaluator (nothing is asked when not on a terminal, or with --yes)\n',
    });
    expect(await createAtpPlugin(['my-plugin'], dir)).toEqual({ code: 2, stdout: '', stderr: 'error: missing --kind\n  hint: --kind must be one of: adapter, evaluator, reporter, benchmark, importer\n' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('bad names, unknown kinds, unknown options and non-empty directories are clear errors, exit 2', async () => {
    const dir = tempDir('cap-cli-');
    mkdirSync(join(dir, 'taken'));
    writeFileSync(join(dir, 'taken/notes.txt'), 'mine');
    const cases: Array<[string[], string]> = [
      [['My Plugin', '--kind', 'adapter'], 'error: invalid plugin name "My Plugin": the name cannot contain capital letters; the name can only contain URL-friendly characters (a-z, 0-9, "-", ".", "_", "~")\n  hint: try "my-plugin"\n'],
      [['ok', '--kind', 'evaluater'], 'error: unknown kind "evaluater" — did you mean "evaluator"?\n  hint: --kind must be one of: adapter, evaluator, reporter, benchmark, importer\n'],
      [['ok', '--kind', 'widget'], 'error: unknown kind "widget"\n  hint: --kind must be one of: adapter, evaluator, reporter, benchmark, importer\n'],
      [['ok', '--kind', 'adapter', '--dir', 'taken'], 'error: taken is not empty\n  hint: choose another --dir, or add --force to write into it (files with the same names are replaced)\n'],
      [['ok', '--kind', 'adapter', '--scope', 'Big Co'], 'error: invalid scope "Big Co": the name cannot contain capital letters; the name can only contain URL-friendly characters (a-z, 0-9, "-", ".", "_", "~")\n  hint: a scope looks like @my-org\n'],
      [['ok', '--knd', 'adapter'], "error: unknown option '--knd'\n  hint: run create-atp-plugin --help\n"],
      [['a', 'b', '--kind', 'adapter'], 'error: expected one plugin name but got 2: a b\n  hint: run create-atp-plugin --help\n'],
      [['ok', '--kind', 'adapter', '--install', '--no-install'], 'error: --install and --no-install contradict each other\n'],
    ];
    for (const [args, stderr] of cases) {
      const r = await createAtpPlugin(args, dir);
      expect({ args, ...r }).toEqual({ args, code: 2, stdout: '', stderr });
      noStack(r.stderr);
    }
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readdirSync(join(dir, 'taken'))).toEqual(['notes.txt']);
  });

  it('--force writes into a non-empty directory, keeping the files it does not replace', async () => {
    const dir = tempDir('cap-cli-');
    mkdirSync(join(dir, 'plugin'));
    writeFileSync(join(dir, 'plugin/notes.txt'), 'mine');
    writeFileSync(join(dir, 'plugin/package.json'), '{}');
    const r = await createAtpPlugin(['ok', '--kind', 'reporter', '--dir', 'plugin', '--force', '--no-install'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'plugin/notes.txt'), 'utf8')).toBe('mine');
    expect(JSON.parse(readFileSync(join(dir, 'plugin/package.json'), 'utf8'))).toMatchObject({ name: 'atp-plugin-ok' });
  });

  it('--help and --version', async () => {
    const dir = tempDir('cap-cli-');
    expect(await createAtpPlugin(['--help'], dir)).toEqual({ code: 0, stdout: USAGE, stderr: '' });
    expect(await createAtpPlugin(['-v'], dir)).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('create-atp-plugin on a terminal', { timeout: 60_000 }, () => {
  it('asks for what the flags did not say, re-asking on bad answers', async () => {
    const dir = tempDir('cap-tty-');
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let shown = '';
    stdout.on('data', (d: Buffer) => (shown += d.toString()));
    const answers = ['Bad Name', 'good-name', '9', 'importer', '@team', '', 'n'];
    const prompts = [/Plugin name: $/, /Plugin name: $/, /Choose 1-5 or a name: $/, /Choose 1-5 or a name: $/, /optional\): $/, /Directory \(atp-plugin-good-name\): $/, /\(Y\/n\): $/];
    let next = 0;
    stdout.on('data', () => {
      while (next < prompts.length && prompts[next]!.test(shown)) {
        stdin.write(`${answers[next]}\n`);
        shown += '⏎';
        next++;
      }
    });
    const installs: string[] = [];
    const code = await main([], { cwd: dir, env: {}, stdin, stdout, stderr, interactive: true, install: async (d) => (installs.push(d), 0) });
    expect(code).toBe(0);
    expect(shown).toContain('invalid plugin name "Bad Name": the name cannot contain capital letters');
    expect(shown).toContain('"9" is not one of the choices');
    expect(shown).toContain('Created @team/atp-plugin-good-name, an ATP importer plugin, in atp-plugin-good-name (14 files)');
    expect(installs).toEqual([]);
    expect(existsSync(join(dir, 'atp-plugin-good-name/src/json-trace.ts'))).toBe(true);
  });

  it('asks nothing that a flag answered, and --yes asks nothing at all', async () => {
    const dir = tempDir('cap-tty-');
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    let shown = '';
    stdout.on('data', (d: Buffer) => (shown += d.toString()));
    const installs: string[] = [];
    const io = { cwd: dir, env: { npm_config_user_agent: 'pnpm/9.0.0 node/v20' }, stdin, stdout, stderr: new PassThrough(), interactive: true, install: async (d: string, pm: string) => (installs.push(`${pm} ${d}`), 0) };
    expect(await main(['x', '--kind', 'adapter', '--scope', '@me', '--dir', 'out', '--install'], io)).toBe(0);
    expect(shown).not.toContain('?');
    expect(shown).not.toMatch(/: $/m);
    expect(installs).toEqual([`pnpm ${join(dir, 'out')}`]);
    expect(await main(['y', '--kind', 'adapter', '--yes'], io)).toBe(0);
    expect(installs).toHaveLength(2);
    // An empty --scope answers the scope question with "none".
    expect(await main(['z', '--kind', 'adapter', '--scope', '', '--dir', 'z', '--no-install'], io)).toBe(0);
    expect(shown).not.toMatch(/: $/m);
    expect(shown).toContain('Created atp-plugin-z, an ATP adapter plugin, in z (12 files)');
  });

  it('drives the real binary through a pseudo-terminal', async (ctx) => {
    if (spawnSync('script', ['--version']).status !== 0) ctx.skip();
    const dir = tempDir('cap-pty-');
    const child = spawn('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)}`, '/dev/null'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let shown = '';
    const steps: Array<[RegExp, string]> = [
      [/Plugin name: $/, 'terminal-made'],
      [/Choose 1-5 or a name: $/, '1'],
      [/optional\): $/, ''],
      [/Directory \(atp-plugin-terminal-made\): $/, ''],
      [/\(Y\/n\): $/, 'n'],
    ];
    child.stdout.on('data', (d: Buffer) => {
      shown += d.toString().replace(/\r/g, '');
      const step = steps[0];
      if (step && step[0].test(shown)) {
        steps.shift();
        child.stdin.write(`${step[1]}\r`);
        shown += '⏎';
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(steps).toEqual([]);
    expect(shown).toContain('Created atp-plugin-terminal-made, an ATP adapter plugin, in atp-plugin-terminal-made (12 files)');
    expect(existsSync(join(dir, 'atp-plugin-terminal-made/src/echo-adapter.ts'))).toBe(true);
  });
});
