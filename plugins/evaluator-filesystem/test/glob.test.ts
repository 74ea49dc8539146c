import { describe, expect, it } from 'vitest';
import { compileGlob } from '../src/glob.js';

function matches(glob: string, path: string): boolean {
  const compiled = compileGlob(glob);
  if (!compiled.ok) throw new Error(compiled.error);
  return compiled.regex.test(path);
}

describe('compileGlob', () => {
  it.each([
    ['*.ts', 'a.ts', true],
    ['*.ts', 'lib/a.ts', false],
    ['*.ts', 'a.tsx', false],
    ['a?.js', 'ab.js', true],
    ['a?.js', 'a/.js', false],
    ['**/*.py', 'x.py', true],
    ['**/*.py', 'a/b/x.py', true],
    ['src/**', 'src', true],
    ['src/**', 'src/a/b.c', true],
    ['src/**', 'srcx/a', false],
    ['**', 'any/thing', true],
    ['[abc].txt', 'b.txt', true],
    ['[!abc].txt', 'b.txt', false],
    ['*.{js,mjs}', 'a.mjs', true],
    ['*.{js,mjs}', 'a.cjs', false],
    ['a.b', 'axb', false],
    ['(x)+', '(x)+', true],
    ['.*', '.env', true],
  ])('%s vs %s → %s', (glob, path, expected) => {
    expect(matches(glob, path)).toBe(expected);
  });

  it('rejects malformed globs', () => {
    expect(compileGlob('')).toEqual({ ok: false, error: 'a glob cannot be empty' });
    expect(compileGlob('[ab')).toEqual({ ok: false, error: 'unterminated character class in glob "[ab"' });
    expect(compileGlob('{a,b')).toEqual({ ok: false, error: 'unterminated "{" in glob "{a,b"' });
  });
});
