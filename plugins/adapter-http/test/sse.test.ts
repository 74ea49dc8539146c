import { describe, expect, it } from 'vitest';
import { SseParser } from '../src/sse.js';
import type { SseFrame } from '../src/sse.js';

function parseAll(chunks: string[]): SseFrame[] {
  const parser = new SseParser();
  const frames: SseFrame[] = [];
  for (const chunk of chunks) frames.push(...parser.push(chunk));
  frames.push(...parser.end());
  return frames;
}

/** Every way of cutting `text` in two pieces must parse like the whole. */
function splitsAgree(text: string): void {
  const whole = parseAll([text]);
  for (let i = 0; i <= text.length; i++) {
    expect(parseAll([text.slice(0, i), text.slice(i)])).toEqual(whole);
  }
}

describe('SseParser', () => {
  it('parses event names, data, ids and comments', () => {
    const text = ': keep-alive comment\nevent: progress\nid: 7\ndata: {"a":1}\n\ndata: plain\n\n';
    expect(parseAll([text])).toEqual([
      { event: 'progress', data: '{"a":1}', id: '7' },
      { event: undefined, data: 'plain', id: '7' },
    ]);
  });

  it('joins multi-line data with \\n', () => {
    expect(parseAll(['data: {"payload":\ndata:  {"x": 1}}\n\n'])).toEqual([{ event: undefined, data: '{"payload":\n {"x": 1}}', id: undefined }]);
  });

  it('accepts CRLF, CR and LF line endings, even split across chunks', () => {
    const text = 'event: a\r\ndata: 1\r\n\r\nevent: b\rdata: 2\r\rdata: 3\n\n';
    expect(parseAll([text])).toEqual([
      { event: 'a', data: '1', id: undefined },
      { event: 'b', data: '2', id: undefined },
      { event: undefined, data: '3', id: undefined },
    ]);
    splitsAgree(text);
  });

  it('strips a leading BOM, one space after the colon, and handles fields without a colon', () => {
    expect(parseAll(['\uFEFFdata:no-space\ndata:  two\ndata\n\n'])).toEqual([{ event: undefined, data: 'no-space\n two\n', id: undefined }]);
  });

  it('does not dispatch frames without data and resets the event name', () => {
    expect(parseAll(['event: lonely\n\ndata: x\n\n'])).toEqual([{ event: undefined, data: 'x', id: undefined }]);
  });

  it('dispatches an unterminated last frame at the end of the stream (lenient)', () => {
    expect(parseAll(['event: response\ndata: {"status":"completed"}'])).toEqual([{ event: 'response', data: '{"status":"completed"}', id: undefined }]);
  });

  it('parses a stream fed one character at a time', () => {
    const text = 'event: tool_call\r\ndata: {"k":\r\ndata: "v"}\r\n\r\n';
    expect(parseAll([...text])).toEqual(parseAll([text]));
  });
});
