import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonPreview, truncate } from '../src/escape.js';

describe('escapeHtml', () => {
  it('turns every markup character into an entity and drops control characters', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
    expect(escapeHtml('a\u0000b\u0007c\u001bd\u009fe\tf\ng\rh')).toBe('abcde\tf\ng\rh');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('truncate', () => {
  it('keeps short text and cuts long text with an ellipsis, never inside a surrogate pair', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
  });
});

describe('jsonPreview', () => {
  it('pretty-prints, cuts long JSON and survives bigints and cycles', () => {
    expect(jsonPreview({ a: 1 }, 100)).toEqual({ text: '{\n  "a": 1\n}', truncated: false });
    expect(jsonPreview({ n: 10n }, 100).text).toBe('{\n  "n": "10"\n}');
    const long = jsonPreview({ text: 'x'.repeat(500) }, 120);
    expect(long.truncated).toBe(true);
    expect(long.text).toHaveLength(120);
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(jsonPreview(cyclic, 100).text).toMatch(/^\[not serialisable: .*circular/i);
  });
});
