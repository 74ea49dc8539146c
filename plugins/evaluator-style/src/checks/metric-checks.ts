/** Checks on one document's metrics: readability, passive voice, sentence length, tone. */
import type { EvalCheck } from '@atp/kernel';
import { passiveVoice } from '../passive-voice.js';
import { readability, type ReadabilityMetrics } from '../readability.js';
import { round2 } from '../round.js';
import { countText, splitSentences, words, type TextCounts } from '../text-stats.js';
import { toneScore } from '../tone.js';
import type { Tone } from '../tones.js';
import type { TextTarget } from '../artifact-text.js';

/** A document and its counts (computed once per evaluation). */
export interface Doc extends TextTarget {
  counts: TextCounts;
}

/** Count a target's text. */
export function toDoc(target: TextTarget): Doc {
  return { ...target, counts: countText(target.text) };
}

function countsDetail(c: TextCounts): Record<string, number> {
  return { words: c.words, sentences: c.sentences, syllables: c.syllables, complex_words: c.complexWords, letters: c.letters };
}

const METRIC_LABELS: Record<keyof ReadabilityMetrics, string> = {
  flesch_kincaid_grade: 'Flesch–Kincaid grade',
  flesch_reading_ease: 'Flesch reading ease',
  smog_grade: 'SMOG grade',
  coleman_liau_grade: 'Coleman–Liau grade',
};

/** Readability limits. */
export interface ReadabilityLimits {
  max_flesch_kincaid_grade?: number | undefined;
  min_flesch_reading_ease?: number | undefined;
  max_smog_grade?: number | undefined;
  max_coleman_liau_grade?: number | undefined;
}

/** One check per configured readability limit. */
export function readabilityChecks(doc: Doc, limits: ReadabilityLimits): EvalCheck[] {
  const metrics = readability(doc.counts);
  const base = { artifact: doc.id, metrics, counts: countsDetail(doc.counts) };
  const checks: EvalCheck[] = [];
  const limit = (metric: keyof ReadabilityMetrics, kind: 'max' | 'min', bound: number | undefined): void => {
    if (bound === undefined) return;
    const value = metrics[metric];
    const passed = kind === 'max' ? value <= bound : value >= bound;
    const relation = passed ? (kind === 'max' ? '≤' : '≥') : kind === 'max' ? '>' : '<';
    checks.push({
      name: metric,
      passed,
      score: passed ? 1 : 0,
      message: `${METRIC_LABELS[metric]} ${value} ${relation} ${kind} ${bound} (${doc.id})`,
      details: { ...base, value, [kind]: bound },
    });
  };
  limit('flesch_kincaid_grade', 'max', limits.max_flesch_kincaid_grade);
  limit('flesch_reading_ease', 'min', limits.min_flesch_reading_ease);
  limit('smog_grade', 'max', limits.max_smog_grade);
  limit('coleman_liau_grade', 'max', limits.max_coleman_liau_grade);
  return checks;
}

/** A passing check that reports every metric (an assertion without limits). */
export function informationalCheck(name: string, doc: Doc): EvalCheck {
  const metrics = readability(doc.counts);
  const c = doc.counts;
  const passive = passiveVoice(doc.text);
  const avg = c.sentences ? round2(c.words / c.sentences) : 0;
  return {
    name,
    passed: true,
    score: 1,
    message: `no limits configured; ${doc.id}: Flesch–Kincaid grade ${metrics.flesch_kincaid_grade}, reading ease ${metrics.flesch_reading_ease}, SMOG ${metrics.smog_grade}, Coleman–Liau ${metrics.coleman_liau_grade}; ${c.words} words, ${c.sentences} sentences, ${c.syllables} syllables`,
    details: { artifact: doc.id, metrics, counts: countsDetail(c), avg_sentence_length: avg, passive_voice_percentage: passive.percentage },
  };
}

/** `passive_voice`: share of passive sentences ≤ max. */
export function passiveVoiceCheck(doc: Doc, max: number): EvalCheck {
  const { sentences, passive, percentage } = passiveVoice(doc.text);
  const passed = percentage <= max;
  return {
    name: 'passive_voice',
    passed,
    score: passed ? 1 : 0,
    message: `passive voice in ${passive.length} of ${sentences} sentences (${percentage}%) ${passed ? '≤' : '>'} max ${max}% (${doc.id})`,
    ...(passive.length ? { evidence: passive.slice(0, 5).join('; ') } : {}),
    details: { artifact: doc.id, percentage, max, sentences, passive_sentences: passive.length, examples: passive.slice(0, 5) },
  };
}

/** Sentence length limits. */
export interface SentenceLimits {
  max_avg_sentence_length?: number | undefined;
  min_avg_sentence_length?: number | undefined;
  max_sentence_length?: number | undefined;
}

/** `avg_sentence_length` (min and/or max) and `max_sentence_length` checks. */
export function sentenceLengthChecks(doc: Doc, limits: SentenceLimits): EvalCheck[] {
  const c = doc.counts;
  const avg = c.sentences ? round2(c.words / c.sentences) : 0;
  const checks: EvalCheck[] = [];
  const { min_avg_sentence_length: min, max_avg_sentence_length: max, max_sentence_length: longestAllowed } = limits;
  if (min !== undefined || max !== undefined) {
    const tooLong = max !== undefined && avg > max;
    const tooShort = min !== undefined && avg < min;
    const passed = !tooLong && !tooShort;
    const bounds = [min !== undefined ? `min ${min}` : '', max !== undefined ? `max ${max}` : ''].filter(Boolean).join(', ');
    const verdict = tooLong ? 'above' : tooShort ? 'below' : 'within';
    checks.push({
      name: 'avg_sentence_length',
      passed,
      score: passed ? 1 : 0,
      message: `average sentence length ${avg} words over ${c.sentences} sentences is ${verdict} the limits (${bounds}) (${doc.id})`,
      details: { artifact: doc.id, value: avg, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}), sentences: c.sentences, words: c.words },
    });
  }
  if (longestAllowed !== undefined) {
    const sentences = splitSentences(doc.text);
    let longest = 0;
    let index = -1;
    sentences.forEach((s, i) => {
      const n = words(s).length;
      if (n > longest) {
        longest = n;
        index = i;
      }
    });
    const passed = longest <= longestAllowed;
    const offenders = sentences.map((s) => words(s).length).filter((n) => n > longestAllowed).length;
    checks.push({
      name: 'max_sentence_length',
      passed,
      score: passed ? 1 : 0,
      message: passed
        ? `longest sentence has ${longest} words ≤ max ${longestAllowed} (${doc.id})`
        : `${offenders} sentence${offenders === 1 ? '' : 's'} longer than ${longestAllowed} words; the longest has ${longest} (sentence ${index + 1} of ${doc.id})`,
      ...(passed ? {} : { evidence: excerpt(sentences[index] ?? '') }),
      details: { artifact: doc.id, value: longest, max: longestAllowed, sentence: index + 1, over_limit: offenders },
    });
  }
  return checks;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}

/** `tone`: the tone score is at least the threshold; the check's score is the tone score. */
export function toneCheck(doc: Doc, expected: Tone, threshold: number): EvalCheck {
  const result = toneScore(doc.text, expected);
  const passed = result.score >= threshold;
  const list = (r: Record<string, number>): string => Object.entries(r).map(([k, n]) => `${k}${n > 1 ? ` ×${n}` : ''}`).join(', ') || 'none';
  return {
    name: 'tone',
    passed,
    score: result.score,
    message: `${expected} tone score ${result.score} ${passed ? '≥' : '<'} threshold ${threshold} (${doc.id}; for: ${list(result.for)}; against: ${list(result.against)})`,
    details: { artifact: doc.id, expected_tone: expected, score: result.score, threshold, markers_for: result.for, markers_against: result.against, words: result.words },
  };
}
