import { formatJsonPath, parseJsonPath, resolveJsonPath } from '../src/index.js';
import { describe, expect, it } from 'vitest';

describe('parseJsonPath', () => {
  it('parses keys, indexes and quoted keys', () => {
    expect(parseJsonPath('$.a.b[0]["c d"][\'e\\\'f\']')).toEqual({
      ok: true,
      segments: [
        { kind: 'key', key: 'a' },
        { kind: 'key', key: 'b' },
        { kind: 'index', index: 0 },
        { kind: 'key', key: 'c d' },
        { kind: 'key', key: "e'f" },
      ],
    });
    expect(parseJsonPath('$')).toEqual({ ok: true, segments: [] });
    expect(parseJsonPath('$.content-type')).toEqual({ ok: true, segments: [{ kind: 'key', key: 'content-type' }] });
  });

  it.each([
    ['a.b', 'invalid JSON path "a.b" at column 1: a path starts with "$"'],
    ['$.', 'invalid JSON path "$." at column 3: expected a key name after "." (use ["key"] for other keys)'],
    ['$.a[x]', 'invalid JSON path "$.a[x]" at column 5: expected an array index or a quoted key after "["'],
    ['$.a[1', 'invalid JSON path "$.a[1" at column 6: expected "]" after the index'],
    ['$["a"', 'invalid JSON path "$[\\"a\\"" at column 6: expected "]" after the quoted key'],
    ['$["a]', 'invalid JSON path "$[\\"a]" at column 3: unterminated quoted key (missing ")'],
    ['$.a b', 'invalid JSON path "$.a b" at column 4: expected "." or "[" to start the next segment'],
    ['$[-1]', 'invalid JSON path "$[-1]" at column 3: expected an array index or a quoted key after "["'],
    ['$.a[*]', 'invalid JSON path "$.a[*]" at column 5: expected an array index or a quoted key after "["'],
  ])('rejects %s', (path, error) => {
    expect(parseJsonPath(path)).toEqual({ ok: false, error });
  });
});

describe('resolveJsonPath', () => {
  const data = { a: { list: [10, { deep: null }] }, '0': 'zero' };
  const resolve = (path: string) => {
    const parsed = parseJsonPath(path);
    if (!parsed.ok) throw new Error(parsed.error);
    return resolveJsonPath(data, parsed.segments);
  };

  it('finds values, including null', () => {
    expect(resolve('$.a.list[0]')).toEqual({ found: true, value: 10 });
    expect(resolve('$.a.list[1].deep')).toEqual({ found: true, value: null });
    expect(resolve('$')).toEqual({ found: true, value: data });
    expect(resolve('$["0"]')).toEqual({ found: true, value: 'zero' });
  });

  it('reports the first missing step; indexes only apply to arrays', () => {
    expect(resolve('$.a.missing.x')).toEqual({ found: false, missingAt: '$.a.missing' });
    expect(resolve('$.a.list[2]')).toEqual({ found: false, missingAt: '$.a.list[2]' });
    expect(resolve('$[0]')).toEqual({ found: false, missingAt: '$[0]' });
    expect(resolve('$.a.list.length')).toEqual({ found: false, missingAt: '$.a.list.length' });
    expect(resolve('$.toString')).toEqual({ found: false, missingAt: '$.toString' });
  });
});

describe('formatJsonPath', () => {
  it('renders canonical paths', () => {
    expect(formatJsonPath([{ kind: 'key', key: 'a' }, { kind: 'index', index: 2 }, { kind: 'key', key: 'b c' }])).toBe('$.a[2]["b c"]');
  });
});
