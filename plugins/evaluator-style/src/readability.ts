/** The readability formulas of reference §3.9, each rounded to 2 decimals. */
import { round2 } from './round.js';
import type { TextCounts } from './text-stats.js';

/** The readability metrics of a text. */
export interface ReadabilityMetrics {
  flesch_kincaid_grade: number;
  flesch_reading_ease: number;
  smog_grade: number;
  coleman_liau_grade: number;
}

/** Flesch–Kincaid grade: max(0, 0.39·W/S + 11.8·Syl/W − 15.59); 0 for empty text. */
export function fleschKincaidGrade(c: TextCounts): number {
  if (c.words === 0 || c.sentences === 0) return 0;
  return round2(Math.max(0, 0.39 * (c.words / c.sentences) + 11.8 * (c.syllables / c.words) - 15.59));
}

/** Flesch reading ease: clamp(206.835 − 1.015·W/S − 84.6·Syl/W, 0, 100); 100 for empty text. */
export function fleschReadingEase(c: TextCounts): number {
  if (c.words === 0 || c.sentences === 0) return 100;
  return round2(Math.min(100, Math.max(0, 206.835 - 1.015 * (c.words / c.sentences) - 84.6 * (c.syllables / c.words))));
}

/** SMOG: 1.043·√(complex·30/S) + 3.1291; the Flesch–Kincaid grade when there are fewer than 3 sentences. */
export function smogGrade(c: TextCounts): number {
  if (c.sentences < 3) return fleschKincaidGrade(c);
  return round2(1.043 * Math.sqrt((c.complexWords * 30) / c.sentences) + 3.1291);
}

/** Coleman–Liau: max(0, 0.0588·L − 0.296·S100 − 15.8), L = letters per 100 words, S100 = sentences per 100 words; 0 for empty text. */
export function colemanLiauGrade(c: TextCounts): number {
  if (c.words === 0) return 0;
  const l = (c.letters / c.words) * 100;
  const s = (c.sentences / c.words) * 100;
  return round2(Math.max(0, 0.0588 * l - 0.296 * s - 15.8));
}

/** All four metrics. */
export function readability(c: TextCounts): ReadabilityMetrics {
  return {
    flesch_kincaid_grade: fleschKincaidGrade(c),
    flesch_reading_ease: fleschReadingEase(c),
    smog_grade: smogGrade(c),
    coleman_liau_grade: colemanLiauGrade(c),
  };
}
