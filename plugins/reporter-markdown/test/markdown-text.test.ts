import { describe, expect, it } from 'vitest';
import { code, inline, table, truncate } from '../src/markdown-text.js';

describe('inline', () => {
  it('folds newlines, drops controls and escapes everything that could become markup or split a cell', () => {
    expect(inline('a | b\nc\r\n\td')).toBe('a \\| b c d');
    expect(inline('*bold* _it_ `code` [link](x) <b>&amp; ~~s~~ $x$ \\')).toBe('\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\<b\\>\\&amp; \\~\\~s\\~\\~ \\$x\\$ \\\\');
    expect(inline('bell\u0007 esc\u001b[31m')).toBe('bell esc\\[31m');
  });

  it('cuts before escaping so an escape is never split', () => {
    expect(inline('x'.repeat(10) + '|', 11)).toBe('x'.repeat(10) + '\\|');
    expect(inline('|'.repeat(20), 5)).toBe('\\|\\|\\|\\|…');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
  });
});

describe('code', () => {
  it('uses a code span unless the text has a backtick, pipe or newline', () => {
    expect(code('run-1')).toBe('`run-1`');
    expect(code('a`b|c')).toBe('a\\`b\\|c');
  });
});

describe('table', () => {
  it('renders a GFM table with alignment', () => {
    expect(table(['A', 'B'], ['l', 'r'], [['1', '2']])).toEqual(['| A | B |', '| --- | ---: |', '| 1 | 2 |']);
  });
});
