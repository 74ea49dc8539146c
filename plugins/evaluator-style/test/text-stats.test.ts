import { describe, expect, it } from 'vitest';
import { countText, splitSentences, syllables, words } from '../src/text-stats.js';

describe('sentences', () => {
  it('split on runs of . ! ? followed by whitespace, protecting abbreviations', () => {
    expect(splitSentences('The cat sat. The dog ran.')).toEqual(['The cat sat', 'The dog ran.']);
    expect(splitSentences('Wait!!! Really?! Yes... ok')).toEqual(['Wait', 'Really', 'Yes', 'ok']);
    expect(splitSentences('Dr. Smith met Mr. Jones at 9 a.m. today. They talked, e.g. about cats, dogs etc. and left.')).toEqual([
      'Dr. Smith met Mr. Jones at 9 a.m. today',
      'They talked, e.g. about cats, dogs etc. and left.',
    ]);
    expect(splitSentences('Version 1.5 shipped.Next line')).toEqual(['Version 1.5 shipped.Next line']);
    // Line breaks alone do not end a sentence (the reference splits on terminators only).
    expect(splitSentences('Title\n\n--- \n\nBody text here.')).toEqual(['Title\n\n--- \n\nBody text here.']);
    expect(splitSentences('  ')).toEqual([]);
    expect(splitSentences('... !!! ???')).toEqual([]);
  });
});

describe('words', () => {
  it('are lower-cased tokens of letters, digits, _, apostrophes and hyphens', () => {
    expect(words("Don't re-enter the U.S. 2 times — café_au_lait, naïve!")).toEqual(["don't", 're-enter', 'the', 'u', 's', '2', 'times', 'café_au_lait', 'naïve']);
    expect(words("-- ' -")).toEqual([]);
  });
});

describe('syllables', () => {
  it.each([
    ['cat', 1],
    ['table', 2], // silent e removed, consonant + le adds one
    ['little', 2],
    ['able', 2],
    ['whale', 1], // vowel + le: no extra syllable
    ['cake', 1],
    ['walked', 1], // -ed not after t/d
    ['wanted', 2], // -ed after t
    ['landed', 2], // -ed after d
    ['bed', 1], // minimum 1
    ['happy', 2],
    ['rhythm', 1],
    ['queue', 1],
    ['everybody', 5],
    ['the', 1],
    ['are', 1],
    ['their', 1],
    ['being', 2], // exception table
    ['2024', 1],
    ["'quoted'", 2],
  ])('%s → %i', (word, expected) => {
    expect(syllables(word)).toBe(expected);
  });
});

describe('countText', () => {
  it('counts words, sentences, syllables, complex words and letters', () => {
    expect(countText('The quick brown fox jumps over the lazy dog. It was amazing. Everybody celebrated happily afterwards.')).toEqual({
      sentences: 3,
      words: 16,
      syllables: 31,
      complexWords: 5,
      letters: 83,
      sentenceLengths: [9, 3, 4],
    });
    expect(countText('')).toEqual({ sentences: 0, words: 0, syllables: 0, complexWords: 0, letters: 0, sentenceLengths: [] });
  });
});
