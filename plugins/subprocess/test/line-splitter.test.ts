import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../src/index.js';

describe('LineSplitter', () => {
  it('cuts chunks at newlines across chunk boundaries, drops a trailing CR and emits the last unterminated line on end', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter(100, (l) => lines.push(l), () => lines.push('<overflow>'));
    splitter.push(Buffer.from('one\r\ntw'));
    splitter.push(Buffer.from('o\nthr'));
    splitter.end();
    expect(lines).toEqual(['one', 'two', 'thr']);
  });

  it('skips a line longer than the cap, reporting it once, and goes on with the next line', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter(5, (l) => lines.push(l), () => lines.push('<overflow>'));
    splitter.push(Buffer.from('abc'));
    splitter.push(Buffer.from('defgh\nok\n'));
    expect(lines).toEqual(['<overflow>', 'ok']);
  });
});
