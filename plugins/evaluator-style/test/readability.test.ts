import { describe, expect, it } from 'vitest';
import { colemanLiauGrade, fleschKincaidGrade, fleschReadingEase, readability, smogGrade } from '../src/readability.js';
import { round2 } from '../src/round.js';
import { countText } from '../src/text-stats.js';

describe('round2: Python round(x, 2) on the exact binary value, ties to even', () => {
  it.each([
    [0.125, 0.12],
    [0.375, 0.38],
    [2.675, 2.67], // 2.67499999… in binary
    [1.005, 1], // 1.00499999…
    [0.135, 0.14], // 0.13500000…0888
    [-0.125, -0.12],
    [119.19, 119.19],
    [1e-9, 0],
    [-1e-9, 0],
    [9.3525, 9.35],
  ])('%d → %d', (x, expected) => {
    expect(Object.is(round2(x), expected)).toBe(true);
  });
});

describe('reference case 23', () => {
  it('"The cat sat. The dog ran." → 6 words, 2 sentences, 6 syllables, FK 0.0, ease 100', () => {
    const c = countText('The cat sat. The dog ran.');
    expect([c.words, c.sentences, c.syllables]).toEqual([6, 2, 6]);
    // FK = max(0, 0.39·3 + 11.8·1 − 15.59) = max(0, −2.62); ease = 206.835 − 3.045 − 84.6 = 119.19 → clamped.
    expect(readability(c)).toEqual({ flesch_kincaid_grade: 0, flesch_reading_ease: 100, smog_grade: 0, coleman_liau_grade: 0 });
  });
});

describe('formulas on a 3-sentence text (computed by hand)', () => {
  // W 16, S 3, Syl 31, complex 5, letters 83.
  const c = countText('The quick brown fox jumps over the lazy dog. It was amazing. Everybody celebrated happily afterwards.');
  it('Flesch–Kincaid: 0.39·16/3 + 11.8·31/16 − 15.59 = 9.3525', () => expect(fleschKincaidGrade(c)).toBe(9.35));
  it('reading ease: 206.835 − 1.015·16/3 − 84.6·31/16 = 37.509…', () => expect(fleschReadingEase(c)).toBe(37.51));
  it('SMOG: 1.043·√(5·30/3) + 3.1291 = 10.504…', () => expect(smogGrade(c)).toBe(10.5));
  it('Coleman–Liau: 0.0588·518.75 − 0.296·18.75 − 15.8 = 9.1525', () => expect(colemanLiauGrade(c)).toBe(9.15));
});

describe('edge cases', () => {
  it('SMOG falls back to Flesch–Kincaid under 3 sentences', () => {
    const c = countText('Comprehensive documentation facilitates understanding. Everybody appreciates organization.');
    expect(c.sentences).toBe(2);
    expect(smogGrade(c)).toBe(fleschKincaidGrade(c));
    expect(smogGrade(c)).toBeGreaterThan(10);
  });

  it('empty text: FK 0, ease 100, Coleman–Liau 0', () => {
    expect(readability(countText(''))).toEqual({ flesch_kincaid_grade: 0, flesch_reading_ease: 100, smog_grade: 0, coleman_liau_grade: 0 });
  });

  it('very hard text clamps reading ease at 0', () => {
    const c = countText('Interdisciplinary institutionalization notwithstanding, telecommunications internationalization characteristically overcomplicates organizational responsibilities.');
    expect(fleschReadingEase(c)).toBe(0);
  });
});
