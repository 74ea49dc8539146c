import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir, writeFiles } from '../src/files/index.js';

afterAll(removeTempDirs);

describe('writeFiles / tempDir / removeTempDirs', () => {
  it('writes nested files into a fresh directory in the OS temp dir', () => {
    const dir = tempDir({ 'a.txt': 'A', 'deep/er/b.json': '{}' });
    expect(dirname(dir)).toBe(tmpdir());
    expect(dir).toMatch(/[/\\]atp-test-[^/\\]+$/);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('A');
    expect(readFileSync(join(dir, 'deep/er/b.json'), 'utf8')).toBe('{}');
    expect(writeFiles(dir, { 'c/d.txt': 'D' })).toBe(dir);
    expect(readFileSync(join(dir, 'c/d.txt'), 'utf8')).toBe('D');
  });

  it('makes the parent when missing, uses the prefix, and removes every directory it made', () => {
    const parent = join(tempDir(), 'not', 'yet');
    const first = tempDir({ 'x.txt': 'x' }, { parent, prefix: 'case-' });
    const second = tempDir({}, { parent, prefix: 'case-' });
    expect(dirname(first)).toBe(parent);
    expect(first).toMatch(/[/\\]case-[^/\\]+$/);
    expect(first).not.toBe(second);
    removeTempDirs();
    expect([existsSync(first), existsSync(second)]).toEqual([false, false]);
    removeTempDirs();
  });
});
