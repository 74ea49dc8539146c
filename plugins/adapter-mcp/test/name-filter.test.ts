import { describe, expect, it } from 'vitest';
import { globToRegExp, invalidGlob, NameFilter } from '../src/name-filter.js';

describe('NameFilter', () => {
  it('null lets everything through, an empty list nothing', () => {
    expect(new NameFilter(null).matches('anything')).toBe(true);
    expect(new NameFilter(null).all).toBe(true);
    expect(new NameFilter([]).matches('echo')).toBe(false);
  });

  it('matches exact names and * / ? globs, anchored', () => {
    const filter = new NameFilter(['echo', 'get-*', 'tool-?']);
    expect(['echo', 'get-sum', 'get-', 'tool-1'].map((n) => filter.matches(n))).toEqual([true, true, true, true]);
    expect(['echo2', 'xget-sum', 'tool-12', 'Echo'].map((n) => filter.matches(n))).toEqual([false, false, false, false]);
  });

  it('treats regular-expression characters literally and lets * cross slashes', () => {
    expect(globToRegExp('a.b(c)+').test('a.b(c)+')).toBe(true);
    expect(globToRegExp('a.b').test('axb')).toBe(false);
    const filter = new NameFilter(['demo://docs/*']);
    expect(filter.matches('demo://docs/a/b.md')).toBe(true);
    expect(filter.matches('demo://other/a.md')).toBe(false);
  });

  it('matches any of several candidates (a resource URI or its name)', () => {
    const filter = new NameFilter(['*.md']);
    expect(filter.matches('demo://x/1', 'readme.md')).toBe(true);
    expect(filter.matches('demo://x/1', undefined)).toBe(false);
    expect(filter.describe('resources_filter')).toBe('resources_filter [*.md]');
  });

  it('rejects patterns with surrounding spaces', () => {
    expect(invalidGlob(' echo')).toBe('pattern " echo" has leading or trailing spaces');
    expect(invalidGlob('echo')).toBeUndefined();
  });
});
