import { describe, expect, it } from 'vitest';
import { escapeXmlAttribute, escapeXmlText, stripInvalidXmlChars, xmlAttributes } from '../src/xml.js';

describe('XML escaping', () => {
  it('escapes the five special characters in text and attributes', () => {
    expect(escapeXmlText(`a & b < c > d " e ' f`)).toBe('a &amp; b &lt; c &gt; d &quot; e &apos; f');
    expect(escapeXmlAttribute(`a & b < c > d " e ' f`)).toBe('a &amp; b &lt; c &gt; d &quot; e &apos; f');
    expect(escapeXmlText('&amp;')).toBe('&amp;amp;');
  });

  it('keeps whitespace controls in attributes as character references', () => {
    expect(escapeXmlAttribute('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d');
    expect(escapeXmlText('a\tb\nc\r\nd')).toBe('a\tb\nc&#13;\nd');
  });

  it('drops characters XML 1.0 does not allow and keeps the rest of Unicode', () => {
    expect(stripInvalidXmlChars('a\u0000b\u0001c\u0008d\u000be\u000cf\u001fg\u007f')).toBe('abcdefg\u007f');
    expect(stripInvalidXmlChars('x\uFFFEy\uFFFFz')).toBe('xyz');
    expect(stripInvalidXmlChars('lone \uD800 high, lone \uDC00 low, pair 😀')).toBe('lone  high, lone  low, pair 😀');
    expect(stripInvalidXmlChars('é ü 中文 \uE000 \uFFFD')).toBe('é ü 中文 \uE000 \uFFFD');
    expect(escapeXmlText('\u001b[31mred\u001b[0m')).toBe('[31mred[0m');
  });

  it('renders attribute lists', () => {
    expect(xmlAttributes([['name', 'a"b'], ['tests', 3]])).toBe(' name="a&quot;b" tests="3"');
  });
});
