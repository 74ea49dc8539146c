import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EvaluatorOutput } from '@atp/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleEvaluationInput } from '@atp/testkit';
import { createEvaluator } from '../src/filesystem-evaluator.js';
import { NO_WORKSPACE_MESSAGE } from '../src/workspace-root.js';

const evaluator = createEvaluator();
let base = '';
let workspace = '';
let suiteFile = '';

/** `ws: null` evaluates a run without a sandbox workspace. */
function evaluate(type: string, config: Record<string, unknown>, ws: string | null = workspace): Promise<EvaluatorOutput> {
  return Promise.resolve(evaluator.evaluate(sampleEvaluationInput({ type, config, ...(ws === null ? {} : { workspace: ws }), ...(suiteFile ? { location: { file: suiteFile, line: 1, column: 1 } } : {}) })));
}

const pass = (name: string, message: string, extra: Record<string, unknown> = {}): EvaluatorOutput => ({ checks: [{ name, passed: true, score: 1, message, ...extra }] });
const fail = (name: string, message: string, extra: Record<string, unknown> = {}): EvaluatorOutput => ({ checks: [{ name, passed: false, score: 0, message, ...extra }] });

beforeAll(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'atp-fs-')));
  workspace = join(base, 'sandbox', 'workspace');
  const outside = join(base, 'outside');
  await mkdir(outside, { recursive: true });
  await writeFile(join(outside, 'secret.txt'), 'top secret');
  await mkdir(join(workspace, 'data'), { recursive: true });
  await mkdir(join(workspace, 'src', 'lib'), { recursive: true });
  await mkdir(join(workspace, 'empty'));
  await writeFile(join(workspace, 'hello.txt'), 'Hello, ATP!\nSecond line\n');
  await writeFile(join(workspace, 'report.md'), '# Report\nTotal: 42\n');
  await writeFile(join(workspace, 'data', 'config.json'), JSON.stringify({ name: 'demo', version: 2, items: [{ id: 'a' }, { id: 'b' }], nested: { ok: true }, nil: null }));
  await writeFile(join(workspace, 'data', 'broken.json'), '{not json');
  await writeFile(join(workspace, 'src', 'a.js'), 'export const a = 1;\n');
  await writeFile(join(workspace, 'src', 'b.js'), 'export const b = 2;\n');
  await writeFile(join(workspace, 'src', 'lib', 'c.ts'), 'export const c = 3;\n');
  await symlink('hello.txt', join(workspace, 'link-in'));
  await symlink(outside, join(workspace, 'link-out'));
  await symlink(join(outside, 'secret.txt'), join(workspace, 'link-out-file'));
  await symlink('nowhere.txt', join(workspace, 'dangling'));
  suiteFile = join(base, 'suite', 'suite.yaml');
  await mkdir(join(base, 'suite'));
  await writeFile(join(base, 'suite', 'tree.snapshot'), '# expected tree\na.js\nb.js\n\nlib/c.ts\n');
  await writeFile(join(base, 'suite', 'tree.json'), JSON.stringify(['a.js', 'lib/']));
  await writeFile(join(base, 'suite', 'bad.json'), JSON.stringify(['../etc/passwd']));
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe('without a sandbox workspace', () => {
  it.each(['file_exists', 'file_not_exists', 'dir_exists', 'file_contains', 'file_count', 'json_field', 'tree_snapshot'])('%s fails telling to run with --sandbox', async (type) => {
    const configs: Record<string, Record<string, unknown>> = {
      file_contains: { path: 'a', pattern: 'x' },
      json_field: { path: 'a.json', json_path: '$.a' },
      tree_snapshot: { expected: ['a'] },
      file_count: {},
    };
    expect(await evaluate(type, configs[type] ?? { path: 'a' }, null)).toEqual(fail(type, NO_WORKSPACE_MESSAGE));
  });

  it('says so in plain words', () => {
    expect(NO_WORKSPACE_MESSAGE).toContain('run atp test with --sandbox');
  });

  it('fails when the workspace was already removed', async () => {
    expect(await evaluate('file_exists', { path: 'a' }, join(base, 'gone'))).toEqual(
      fail('file_exists', `workspace not found: the sandbox workspace of this run no longer exists (${join(base, 'gone')})`),
    );
  });
});

describe('file_exists', () => {
  it.each([
    [{ path: 'hello.txt' }, pass('file_exists', '"hello.txt" is a file (24 bytes)')],
    [{ path: './data/config.json' }, pass('file_exists', '"data/config.json" is a file (91 bytes)')],
    [{ path: 'data\\broken.json' }, pass('file_exists', '"data/broken.json" is a file (9 bytes)')],
    [{ path: 'link-in' }, pass('file_exists', '"link-in" is a file (24 bytes)')],
    [{ path: 'c.ts', workspace_path: 'src/lib' }, pass('file_exists', '"c.ts" is a file (20 bytes)')],
  ])('passes for %j', async (config, expected) => {
    expect(await evaluate('file_exists', config)).toEqual(expected);
  });

  it.each([
    [{ path: 'missing.txt' }, fail('file_exists', '"missing.txt" does not exist in the workspace')],
    [{ path: 'data' }, fail('file_exists', '"data" is a directory, not a file')],
    [{ path: 'dangling' }, fail('file_exists', '"dangling" is a broken symbolic link, not a file')],
    [{ path: 'hello.txt/child' }, fail('file_exists', '"hello.txt/child" does not exist in the workspace')],
    [{ path: 'HELLO.TXT' }, fail('file_exists', '"HELLO.TXT" does not exist in the workspace')],
    [{ path: 'c.ts', workspace_path: 'src' }, fail('file_exists', '"c.ts" does not exist in the workspace')],
  ])('fails for %j', async (config, expected) => {
    expect(await evaluate('file_exists', config)).toEqual(expected);
  });
});

describe('paths that leave the workspace', () => {
  it.each([
    [{ path: '../outside/secret.txt' }, 'file_exists: invalid file_exists config: path: invalid path "../outside/secret.txt": ".." would leave the workspace'],
    [{ path: '/etc/passwd' }, 'file_exists: invalid file_exists config: path: invalid path "/etc/passwd": paths are relative to the workspace, not absolute'],
    [{ path: 'link-out/secret.txt' }, 'file_exists: invalid path "link-out/secret.txt": it resolves outside the workspace (through a symbolic link)'],
    [{ path: 'link-out-file' }, 'file_exists: invalid path "link-out-file": it resolves outside the workspace (through a symbolic link)'],
    [{ path: 'x', workspace_path: 'link-out' }, 'file_exists: invalid workspace_path "link-out": it resolves outside the workspace (through a symbolic link)'],
  ])('%j fails as an invalid path', async (config, expected) => {
    const out = await evaluate('file_exists', config);
    expect(out.checks.map((c) => `${c.name}: ${c.message}`)).toEqual([expected]);
    expect(out.checks[0]!.passed).toBe(false);
  });

  it('file_not_exists fails for an invalid path instead of passing', async () => {
    expect(await evaluate('file_not_exists', { path: 'link-out/nothing-here.txt' })).toEqual(
      fail('file_not_exists', 'invalid path "link-out/nothing-here.txt": it resolves outside the workspace (through a symbolic link)'),
    );
  });

  it('file_contains never reads a file outside through a link', async () => {
    expect(await evaluate('file_contains', { path: 'link-out-file', pattern: 'secret' })).toEqual(
      fail('file_contains', 'invalid path "link-out-file": it resolves outside the workspace (through a symbolic link)'),
    );
  });
});

describe('file_not_exists', () => {
  it.each([
    [{ path: 'secret.env' }, pass('file_not_exists', '"secret.env" does not exist in the workspace')],
    [{ path: 'tmp/cache/x.bin' }, pass('file_not_exists', '"tmp/cache/x.bin" does not exist in the workspace')],
    [{ path: 'hello.txt', workspace_path: 'src' }, pass('file_not_exists', '"hello.txt" does not exist in the workspace')],
  ])('passes for %j', async (config, expected) => {
    expect(await evaluate('file_not_exists', config)).toEqual(expected);
  });

  it.each([
    [{ path: 'hello.txt' }, fail('file_not_exists', '"hello.txt" exists (a file), expected nothing there')],
    [{ path: 'empty' }, fail('file_not_exists', '"empty" exists (a directory), expected nothing there')],
    [{ path: 'dangling' }, fail('file_not_exists', '"dangling" exists (a broken symbolic link), expected nothing there')],
  ])('fails for %j', async (config, expected) => {
    expect(await evaluate('file_not_exists', config)).toEqual(expected);
  });
});

describe('dir_exists', () => {
  it.each([
    [{ path: 'src/lib' }, pass('dir_exists', '"src/lib" is a directory')],
    [{ path: '.' }, pass('dir_exists', '"." is a directory')],
    [{ path: 'src/lib/' }, pass('dir_exists', '"src/lib" is a directory')],
  ])('passes for %j', async (config, expected) => {
    expect(await evaluate('dir_exists', config)).toEqual(expected);
  });

  it.each([
    [{ path: 'hello.txt' }, fail('dir_exists', '"hello.txt" is a file, not a directory')],
    [{ path: 'build' }, fail('dir_exists', '"build" does not exist in the workspace')],
  ])('fails for %j', async (config, expected) => {
    expect(await evaluate('dir_exists', config)).toEqual(expected);
  });

  it('fails when workspace_path does not exist', async () => {
    expect(await evaluate('dir_exists', { path: '.', workspace_path: 'nope' })).toEqual(fail('dir_exists', 'workspace not found: "nope" does not exist in the sandbox workspace'));
    expect(await evaluate('dir_exists', { path: '.', workspace_path: 'hello.txt' })).toEqual(fail('dir_exists', 'workspace not found: "hello.txt" is not a directory'));
  });
});

describe('file_contains', () => {
  it.each([
    [{ path: 'hello.txt', pattern: 'Hello, ATP!' }, pass('file_contains', '"hello.txt" contains "Hello, ATP!"', { evidence: 'Hello, ATP!\\nSecond line\\n' })],
    [{ path: 'hello.txt', pattern: 'second LINE', case_sensitive: false }, pass('file_contains', '"hello.txt" contains "second LINE"', { evidence: 'Hello, ATP!\\nSecond line\\n' })],
    [{ path: 'report.md', pattern: 'Total: \\d+', regex: true }, pass('file_contains', '"report.md" matches /Total: \\d+/', { evidence: '# Report\\nTotal: 42\\n' })],
    [{ path: 'report.md', pattern: '^total', regex: true, case_sensitive: false }, fail('file_contains', '"report.md" has no match for /^total/')],
    [{ path: 'link-in', pattern: 'ATP' }, pass('file_contains', '"link-in" contains "ATP"', { evidence: 'Hello, ATP!\\nSecond line\\n' })],
  ])('%j', async (config, expected) => {
    expect(await evaluate('file_contains', config)).toEqual(expected);
  });

  it.each([
    [{ path: 'hello.txt', pattern: 'hello, atp!' }, fail('file_contains', '"hello.txt" does not contain "hello, atp!"')],
    [{ path: 'hello.txt', pattern: 'Total' }, fail('file_contains', '"hello.txt" does not contain "Total"')],
    [{ path: 'missing.md', pattern: 'x' }, fail('file_contains', '"missing.md" does not exist in the workspace')],
    [{ path: 'src', pattern: 'x' }, fail('file_contains', '"src" is a directory, not a file')],
    [{ path: 'report.md', pattern: 'Total: \\d{3}', regex: true }, fail('file_contains', '"report.md" has no match for /Total: \\d{3}/')],
  ])('fails for %j', async (config, expected) => {
    expect(await evaluate('file_contains', config)).toEqual(expected);
  });
});

describe('file_count', () => {
  it.each([
    [{}, true, '2 files in ".", expected == 2', ['hello.txt', 'report.md']],
    [{ path: 'src' }, true, '2 files in "src", expected == 2', ['a.js', 'b.js']],
    [{ path: 'src', recursive: true, count: 3 }, true, '3 files under "src", expected == 3', ['a.js', 'b.js', 'lib/c.ts']],
    [{ path: 'src', recursive: true, pattern: '*.ts', operator: 'gte', count: 1 }, true, '1 files matching "*.ts" under "src", expected >= 1', ['lib/c.ts']],
    [{ path: 'src', recursive: true, pattern: 'lib/*', operator: 'lt', count: 2 }, true, '1 files matching "lib/*" under "src", expected < 2', ['lib/c.ts']],
    [{ path: 'empty', operator: 'eq', count: 0 }, true, '0 files in "empty", expected == 0', []],
    [{ path: 'src', operator: 'gt', count: 2 }, false, '2 files in "src", expected > 2', ['a.js', 'b.js']],
    [{ path: 'src', pattern: '*.{ts,py}', operator: 'gte', count: 1 }, false, '0 files matching "*.{ts,py}" in "src", expected >= 1', []],
    [{ path: 'src', recursive: true, operator: 'lte', count: 2 }, false, '3 files under "src", expected <= 2', ['a.js', 'b.js', 'lib/c.ts']],
  ])('%j', async (config, passed, message, files) => {
    const cfg = { path: '.', count: 2, operator: 'eq', recursive: false, ...config };
    expect(await evaluate('file_count', cfg)).toEqual({ checks: [{ name: 'file_count', passed, score: passed ? 1 : 0, message, details: { count: files.length, files } }] });
  });

  it('fails for a file or a missing directory', async () => {
    expect(await evaluate('file_count', { path: 'hello.txt' })).toEqual(fail('file_count', '"hello.txt" is a file, not a directory'));
    expect(await evaluate('file_count', { path: 'dist' })).toEqual(fail('file_count', '"dist" does not exist in the workspace'));
  });
});

describe('json_field', () => {
  it.each([
    [{ json_path: '$.name', equals: 'demo' }, pass('json_field', '$.name in "data/config.json" equals "demo"')],
    [{ json_path: '$.items[1].id', equals: 'b' }, pass('json_field', '$.items[1].id in "data/config.json" equals "b"')],
    [{ json_path: '$.nested', equals: { ok: true } }, pass('json_field', '$.nested in "data/config.json" equals {"ok":true}')],
    [{ json_path: '$.nil', equals: null }, pass('json_field', '$.nil in "data/config.json" equals null')],
    [{ json_path: '$.version' }, pass('json_field', '$.version in "data/config.json" exists (2)')],
    [{ json_path: '$.secret', absent: true }, pass('json_field', '$.secret in "data/config.json" is absent')],
  ])('passes: %o', async (config, expected) => {
    expect(await evaluate('json_field', { path: 'data/config.json', ...config })).toEqual(expected);
  });

  it.each([
    [{ json_path: '$.name', equals: 'Demo' }, fail('json_field', '$.name in "data/config.json" is "demo", expected "Demo"', { evidence: '"demo"' })],
    [{ json_path: '$.version', equals: '2' }, fail('json_field', '$.version in "data/config.json" is 2, expected "2"', { evidence: '2' })],
    [{ json_path: '$.items[2].id', exists: true }, fail('json_field', '$.items[2].id in "data/config.json" not found ($.items[2] does not exist)')],
    [{ json_path: '$.nested.ok', absent: true }, fail('json_field', '$.nested.ok in "data/config.json" is present (true), expected it to be absent', { evidence: 'true' })],
    [{ json_path: '$.missing' }, fail('json_field', '$.missing in "data/config.json" not found')],
  ])('fails: %o', async (config, expected) => {
    expect(await evaluate('json_field', { path: 'data/config.json', ...config })).toEqual(expected);
  });

  it('fails for a file that is not JSON, naming the parser error', async () => {
    const out = await evaluate('json_field', { path: 'data/broken.json', json_path: '$.a' });
    expect(out.checks[0]).toMatchObject({ name: 'json_field', passed: false, score: 0 });
    expect(out.checks[0]!.message).toMatch(/^"data\/broken\.json" is not valid JSON: .*JSON/);
  });

  it('fails for a missing file', async () => {
    expect(await evaluate('json_field', { path: 'out.json', json_path: '$.a' })).toEqual(fail('json_field', '"out.json" does not exist in the workspace'));
  });
});

describe('tree_snapshot', () => {
  const details = (mode: string, expected: number, matched: number, missing: string[], unexpected: string[]): Record<string, unknown> => ({ mode, expected, matched, missing, unexpected });

  it('passes an exact list (directories leading to listed entries are implied)', async () => {
    expect(await evaluate('tree_snapshot', { path: 'src', expected: ['a.js', 'b.js', 'lib/c.ts'], mode: 'exact', ignore: [] })).toEqual({
      checks: [{ name: 'tree_snapshot', passed: true, score: 1, message: '"src" matches the expected list (3 entries, exact)', details: details('exact', 3, 3, [], []) }],
    });
  });

  it('passes a subset', async () => {
    expect(await evaluate('tree_snapshot', { expected: ['hello.txt', 'data/', 'src/lib/c.ts'], mode: 'subset', ignore: [] })).toEqual({
      checks: [{ name: 'tree_snapshot', passed: true, score: 1, message: '"." matches the expected list (3 entries, subset)', details: details('subset', 3, 3, [], []) }],
    });
  });

  it('reports missing and unexpected entries, an unexpected directory once', async () => {
    expect(await evaluate('tree_snapshot', { expected: ['hello.txt', 'report.md', 'README.md'], mode: 'exact', ignore: ['link-*', 'dangling'] })).toEqual({
      checks: [
        {
          name: 'tree_snapshot',
          passed: false,
          score: 0.3333,
          message: '"." differs from the expected list (exact): missing: README.md; unexpected: data/, empty/, src/',
          details: details('exact', 3, 2, ['README.md'], ['data/', 'empty/', 'src/']),
        },
      ],
    });
  });

  it('ignores entries by glob, pruning ignored directories', async () => {
    const out = await evaluate('tree_snapshot', { expected: ['hello.txt', 'report.md', 'empty/'], mode: 'exact', ignore: ['src/**', 'data/**', 'link-*', 'dangling'] });
    expect(out.checks[0]).toEqual({ name: 'tree_snapshot', passed: true, score: 1, message: '"." matches the expected list (3 entries, exact)', details: details('exact', 3, 3, [], []) });
  });

  it('a file expected where a directory is (or the reverse) is missing', async () => {
    const out = await evaluate('tree_snapshot', { path: 'src', expected: ['a.js/', 'b.js', 'lib'], mode: 'subset', ignore: [] });
    expect(out.checks[0]).toEqual({
      name: 'tree_snapshot',
      passed: false,
      score: 0.3333,
      message: '"src" differs from the expected list (subset): missing: a.js/, lib',
      details: details('subset', 3, 1, ['a.js/', 'lib'], []),
    });
  });

  it('reads a line-based snapshot file next to the suite', async () => {
    expect(await evaluate('tree_snapshot', { path: 'src', snapshot_file: 'tree.snapshot', mode: 'exact', ignore: [] })).toEqual({
      checks: [{ name: 'tree_snapshot', passed: true, score: 1, message: '"src" matches snapshot "tree.snapshot" (3 entries, exact)', details: details('exact', 3, 3, [], []) }],
    });
  });

  it('reads a JSON snapshot file; exact mode reports files inside a listed directory', async () => {
    expect(await evaluate('tree_snapshot', { path: '.', workspace_path: 'src', snapshot_file: 'tree.json', mode: 'exact', ignore: [] })).toEqual({
      checks: [
        {
          name: 'tree_snapshot',
          passed: false,
          score: 0.5,
          message: '"." differs from snapshot "tree.json" (exact): unexpected: b.js, lib/c.ts',
          details: details('exact', 2, 2, [], ['b.js', 'lib/c.ts']),
        },
      ],
    });
  });

  it('fails for a missing or invalid snapshot file', async () => {
    expect(await evaluate('tree_snapshot', { snapshot_file: 'nope.txt' })).toEqual(
      fail('tree_snapshot', `cannot read snapshot_file "nope.txt" (${join(base, 'suite', 'nope.txt')}): file not found`),
    );
    expect(await evaluate('tree_snapshot', { snapshot_file: 'bad.json' })).toEqual(
      fail('tree_snapshot', 'invalid snapshot_file "bad.json": invalid path "../etc/passwd": ".." would leave the workspace'),
    );
  });
});

describe('dispatch', () => {
  it('an unknown type is a failing unknown_<type> check', async () => {
    expect(await evaluate('file_size', { path: 'a' })).toEqual(
      fail('unknown_file_size', 'unknown filesystem assertion type "file_size" (known: file_exists, file_not_exists, file_contains, dir_exists, file_count, json_field, tree_snapshot)'),
    );
  });

  it('an invalid raw config (SDK callers) fails with the schema message', async () => {
    expect(await evaluate('file_count', { operator: 'ne' })).toEqual(fail('file_count', 'invalid file_count config: operator: Invalid option: expected one of "eq"|"gt"|"gte"|"lt"|"lte"'));
  });
});
