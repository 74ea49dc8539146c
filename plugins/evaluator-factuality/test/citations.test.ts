import { describe, expect, it } from 'vitest';
import { extractCitations, urlMatchesSource } from '../src/citations.js';

describe('valid sources', () => {
  it.each([
    ['https://en.wikipedia.org/wiki/Eiffel_Tower', 'https://en.wikipedia.org/wiki/Eiffel_Tower', true],
    ['http://www.en.wikipedia.org/wiki/Eiffel_Tower/#history', 'https://en.wikipedia.org/wiki/Eiffel_Tower', true],
    ['https://en.wikipedia.org/wiki/Eiffel_Tower_(replica)', 'https://en.wikipedia.org/wiki/Eiffel_Tower', false],
    ['https://en.wikipedia.org/wiki/Eiffel_Tower/talk', 'https://en.wikipedia.org/wiki/Eiffel_Tower', true],
    ['https://www.britannica.com/topic/x', 'britannica.com', true],
    ['https://news.britannica.com/x', 'britannica.com', true],
    ['https://notbritannica.com/x', 'britannica.com', false],
    ['https://britannica.com.evil.io/x', 'britannica.com', false],
    ['https://docs.python.org/3/library/re.html', 'docs.python.org/3', true],
    ['https://docs.python.org/2/library/re.html', 'docs.python.org/3', false],
    ['https://example.com', 'Nature', false],
  ])('%s vs %s → %s', (url, source, expected) => {
    expect(urlMatchesSource(url, source)).toBe(expected);
  });
});

describe('citation extraction', () => {
  const TEXT = `The tower is 330 m tall [1]. It was painted often [2, 4-5]. See https://www.britannica.com/topic/Eiffel-Tower, https://example.com/blog.
Also doi:10.1038/nature12373 and again https://example.com/blog.

[1] https://en.wikipedia.org/wiki/Eiffel_Tower
[2]: Smith (2020), Nature, vol. 3.
[4] Personal blog post`;
  const SOURCES = ['https://en.wikipedia.org/wiki/Eiffel_Tower', 'britannica.com', 'Nature', '10.1038/nature12373'];

  it('references with their list entries, dangling markers, URLs and DOIs, each once', () => {
    expect(extractCitations([{ id: 'a.md', text: TEXT }], SOURCES)).toEqual([
      { kind: 'reference', citation: '[1]', artifact: 'a.md', status: 'valid', reason: 'matches valid source "https://en.wikipedia.org/wiki/Eiffel_Tower"' },
      { kind: 'reference', citation: '[2]', artifact: 'a.md', status: 'valid', reason: 'names valid source "Nature"' },
      { kind: 'reference', citation: '[4]', artifact: 'a.md', status: 'invalid', reason: 'names no valid source' },
      { kind: 'reference', citation: '[5]', artifact: 'a.md', status: 'invalid', reason: 'cited but not defined in a reference list' },
      { kind: 'url', citation: 'https://www.britannica.com/topic/Eiffel-Tower', artifact: 'a.md', status: 'valid', reason: 'matches valid source "britannica.com"' },
      { kind: 'url', citation: 'https://example.com/blog', artifact: 'a.md', status: 'invalid', reason: 'not among valid_sources' },
      { kind: 'doi', citation: '10.1038/nature12373', artifact: 'a.md', status: 'valid', reason: 'matches valid source "10.1038/nature12373"' },
    ]);
  });

  it('without valid_sources, citations are unchecked, but dangling and malformed ones are still invalid', () => {
    expect(extractCitations([{ id: 'a', text: 'Fact [7]. See https://ok.example/x and http://[bad' }], undefined)).toEqual([
      { kind: 'reference', citation: '[7]', artifact: 'a', status: 'invalid', reason: 'cited but not defined in a reference list' },
      { kind: 'url', citation: 'https://ok.example/x', artifact: 'a', status: 'unchecked', reason: 'no valid_sources in the ground truth' },
      { kind: 'url', citation: 'http://[bad', artifact: 'a', status: 'invalid', reason: 'malformed URL' },
    ]);
  });

  it('Markdown links are URLs, not reference markers', () => {
    expect(extractCitations([{ id: 'a', text: 'See [1](https://britannica.com/x).' }], ['britannica.com']).map((c) => [c.kind, c.citation, c.status])).toEqual([['url', 'https://britannica.com/x', 'valid']]);
  });
});
