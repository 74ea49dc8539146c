import { describe, expect, it } from 'vitest';
import { isScalar, LineCounter, parseDocument, type Scalar } from 'yaml';
import { scalarOffsetMap } from '../src/yaml/scalar-offsets.js';

/** The source text at the offset each character of the value maps to. */
function mapped(source: string): { value: string; chars: string } {
  const doc = parseDocument(source, { lineCounter: new LineCounter() });
  const node = doc.get('k', true) as Scalar;
  expect(isScalar(node)).toBe(true);
  const value = String(node.value);
  const map = scalarOffsetMap(node, source, value);
  return { value, chars: [...value].map((_, i) => source[map[i]!]).join('') };
}

describe('scalar offset map', () => {
  it('plain', () => {
    expect(mapped('k: a AND b\n')).toEqual({ value: 'a AND b', chars: 'a AND b' });
  });

  it('plain over two lines (folded into a space)', () => {
    expect(mapped('k: a AND\n  b\n')).toEqual({ value: 'a AND b', chars: 'a AND\nb' });
  });

  it('double-quoted with escapes points at the backslash', () => {
    expect(mapped('k: "a\\tb\\u0041\\"c"\n')).toEqual({ value: 'a\tbA"c', chars: 'a\\b\\\\c' });
  });

  it('single-quoted with a doubled quote', () => {
    expect(mapped("k: 'it''s'\n")).toEqual({ value: "it's", chars: "it's" });
  });

  it('literal block', () => {
    expect(mapped('k: |\n  one\n  two\n')).toEqual({ value: 'one\ntwo\n', chars: 'one\ntwo\n' });
  });

  it('folded block', () => {
    expect(mapped('k: >-\n  one\n  two\n')).toEqual({ value: 'one two', chars: 'one\ntwo' });
  });

  it('has a slot for the end of the value', () => {
    const source = 'k: "ab"\n';
    const doc = parseDocument(source);
    const node = doc.get('k', true) as Scalar;
    expect(scalarOffsetMap(node, source, 'ab')[2]).toBe(6);
  });
});
