import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { ATPResponseSchema, type Artifact } from '@atp/kernel';
import { afterAll, describe, expect, it } from 'vitest';
import { artifactBytes, createWorkingCopy } from '../src/working-copy.js';

const base = mkdtempSync(join(tmpdir(), 'atp-working-copy-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function artifacts(list: unknown[]): Artifact[] {
  return ATPResponseSchema.parse({ task_id: 't', status: 'completed', artifacts: list }).artifacts;
}

describe('createWorkingCopy', () => {
  it('copies the workspace, writes file artifacts over it and removes everything on dispose', async () => {
    const workspace = join(base, 'ws1');
    mkdirSync(join(workspace, 'src'), { recursive: true });
    writeFileSync(join(workspace, 'src', 'sum.mjs'), 'old');
    writeFileSync(join(workspace, 'README.md'), 'readme');
    symlinkSync('README.md', join(workspace, 'link'));
    const copy = await createWorkingCopy({
      workspace,
      includeArtifacts: true,
      artifacts: artifacts([
        { path: 'src/sum.mjs', content: 'export const sum = (a, b) => a + b;\n' },
        { path: 'test/deep/sum.test.mjs', content: 'test' },
        { path: 'no-content.txt' },
        { type: 'structured', name: 'stats', data: { a: 1 } },
        { path: 'logo.png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47]).toString('base64'), content_type: 'image/png' },
      ]),
    });
    expect(copy.materialised).toEqual(['src/sum.mjs', 'test/deep/sum.test.mjs', 'logo.png']);
    expect(copy.skipped).toEqual([]);
    expect(readFileSync(join(copy.work, 'src', 'sum.mjs'), 'utf8')).toBe('export const sum = (a, b) => a + b;\n');
    expect(readFileSync(join(copy.work, 'test', 'deep', 'sum.test.mjs'), 'utf8')).toBe('test');
    expect([...readFileSync(join(copy.work, 'logo.png'))]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(readlinkSync(join(copy.work, 'link'))).toBe('README.md');
    expect(readFileSync(join(workspace, 'src', 'sum.mjs'), 'utf8')).toBe('old');
    expect(readdirSync(copy.root).sort()).toEqual(['home', 'tmp', 'work']);
    await copy.dispose();
    expect(existsSync(copy.root)).toBe(false);
  });

  it('never writes an artifact through a link that leads outside the copy', async () => {
    const workspace = join(base, 'ws2');
    const outside = join(base, 'outside');
    mkdirSync(workspace, { recursive: true });
    mkdirSync(outside, { recursive: true });
    symlinkSync(outside, join(workspace, 'out'));
    symlinkSync(join(outside, 'target.txt'), join(workspace, 'file-link'));
    writeFileSync(join(workspace, 'plain'), 'x');
    const copy = await createWorkingCopy({
      workspace,
      includeArtifacts: true,
      artifacts: artifacts([
        { path: 'out/evil.txt', content: 'x' },
        { path: 'out/sub/evil.txt', content: 'x' },
        { path: 'file-link', content: 'x' },
        { path: 'plain/inner.txt', content: 'x' },
      ]),
    });
    expect(copy.skipped).toEqual([
      { path: 'out/evil.txt', reason: '"out" on its path is a symbolic link' },
      { path: 'out/sub/evil.txt', reason: '"out" on its path is a symbolic link' },
      { path: 'file-link', reason: 'a symbolic link is already at that path' },
      { path: 'plain/inner.txt', reason: '"plain" on its path is a file' },
    ]);
    expect(readdirSync(outside)).toEqual([]);
    expect(lstatSync(join(copy.work, 'out')).isSymbolicLink()).toBe(true);
    await copy.dispose();
  });

  it('leaves artifacts out when asked, and works without a workspace', async () => {
    const copy = await createWorkingCopy({ includeArtifacts: false, artifacts: artifacts([{ path: 'a.txt', content: 'x' }]) });
    expect(readdirSync(copy.work)).toEqual([]);
    expect(copy.materialised).toEqual([]);
    await copy.dispose();
  });
});

describe('working copies left behind', () => {
  it('are removed when the harness exits without disposing of them', () => {
    const module = pathToFileURL(join(import.meta.dirname, '..', 'dist', 'working-copy.js')).href;
    const script = `const { createWorkingCopy } = await import(${JSON.stringify(module)}); const c = await createWorkingCopy({ includeArtifacts: false, artifacts: [] }); console.log(c.root); process.exit(0);`;
    const root = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim();
    expect(root).toMatch(/atp-code-exec-/);
    expect(existsSync(root)).toBe(false);
  });
});

describe('artifactBytes', () => {
  it.each([
    ['aGVsbG8=', 'application/octet-stream', 'hello'],
    ['aGVsbG8=', 'text/plain', 'aGVsbG8='],
    ['aGVsbG8=', undefined, 'aGVsbG8='],
    ['{"a": 1}', 'application/json', '{"a": 1}'],
    ['not base64!', 'application/octet-stream', 'not base64!'],
    ['print(1)', 'text/x-python', 'print(1)'],
  ])('%s as %s', (content, type, expected) => {
    expect(artifactBytes(content, type).toString('utf8')).toBe(expected);
  });
});
