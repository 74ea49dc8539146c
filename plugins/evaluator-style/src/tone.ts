/**
 * Tone scores from lexicons: each tone has markers that speak for it and markers that speak
 * against it. score = clamp01(0.5 + 0.1 · (for − 1.5 · against) · 100 / max(words, 100)),
 * 2 decimals: a text without markers is neutral (0.5); in short texts each marker moves the score
 * by 0.1 (an opposing one by 0.15); in longer texts markers count per 100 words.
 */
import { round2 } from './round.js';
import { words } from './text-stats.js';
import type { Tone } from './tones.js';


/** A lexicon entry: a word or phrase (matched on word boundaries, case-insensitively) or a named text feature. */
type Marker = string | { feature: Feature };
type Feature = 'contraction' | 'exclamation' | 'emoji' | 'shouting' | 'slang';

const SLANG = ['gonna', 'wanna', 'gotta', 'kinda', 'sorta', 'yeah', 'yep', 'nope', 'lol', 'omg', 'btw', 'tbh', 'imo', 'dude', 'cool', 'awesome', 'stuff', 'ok', 'okay', 'hey', 'yo', 'lots of', 'a bunch of', 'no worries', 'super'];

const LEXICONS: Readonly<Record<Tone, { for: readonly Marker[]; against: readonly Marker[] }>> = {
  formal: {
    for: ['therefore', 'furthermore', 'moreover', 'consequently', 'hereby', 'herein', 'pursuant', 'regarding', 'accordingly', 'nevertheless', 'notwithstanding', 'shall', 'whereas', 'thus', 'hence', 'respectively', 'sincerely', 'in accordance with', 'with respect to', 'it is recommended'],
    against: [{ feature: 'contraction' }, { feature: 'slang' }, { feature: 'exclamation' }, { feature: 'emoji' }],
  },
  professional: {
    for: ['please', 'thank you', 'regards', 'ensure', 'provide', 'deliver', 'recommend', 'review', 'analysis', 'objective', 'implement', 'strategy', 'stakeholders', 'timeline', 'deliverables', 'requirements', 'schedule', 'follow up', 'proposal', 'assist'],
    against: [{ feature: 'slang' }, { feature: 'emoji' }, { feature: 'shouting' }, 'damn', 'crap', 'sucks', 'whatever'],
  },
  casual: {
    for: [{ feature: 'contraction' }, { feature: 'slang' }, { feature: 'exclamation' }, { feature: 'emoji' }, 'hi', 'hello', 'thanks', 'anyway', 'pretty much', 'guys', 'folks'],
    against: ['therefore', 'furthermore', 'moreover', 'consequently', 'hereby', 'pursuant', 'whereas', 'hence', 'notwithstanding', 'shall', 'sincerely'],
  },
  friendly: {
    for: ['thanks', 'thank you', 'glad', 'happy', 'great', 'welcome', 'hope', 'appreciate', 'please', 'enjoy', 'wonderful', 'love', 'excited', 'hi', 'hello', 'feel free', 'let me know', 'happy to help', 'cheers', { feature: 'emoji' }],
    against: ['unacceptable', 'must', 'immediately', 'failure', 'demand', 'stupid', 'wrong', 'never', 'refuse', 'terrible', 'obviously', { feature: 'shouting' }],
  },
};

const FEATURES: Readonly<Record<Feature, RegExp>> = {
  contraction: /\b\p{L}+(?:'|’)(?:t|s|re|ve|ll|d|m)\b/giu,
  exclamation: /!+/g,
  emoji: /\p{Extended_Pictographic}/gu,
  shouting: /\b\p{Lu}{3,}\b/gu,
  slang: new RegExp(`\\b(?:${SLANG.map((s) => s.replace(/ /g, '\\s+')).join('|')})\\b`, 'giu'),
};

function phrasePattern(phrase: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
}

function count(marker: Marker, text: string): { label: string; n: number } {
  if (typeof marker === 'string') return { label: marker, n: (text.match(phrasePattern(marker)) ?? []).length };
  return { label: marker.feature, n: (text.match(FEATURES[marker.feature]) ?? []).length };
}

/** A tone score and the markers that produced it. */
export interface ToneScore {
  tone: Tone;
  score: number;
  /** Marker → occurrences, for the markers found. */
  for: Record<string, number>;
  against: Record<string, number>;
  words: number;
}

/** Score `text` for `tone`. */
export function toneScore(text: string, tone: Tone): ToneScore {
  const lexicon = LEXICONS[tone];
  const found = (markers: readonly Marker[]): Record<string, number> =>
    Object.fromEntries(markers.map((m) => count(m, text)).filter((c) => c.n > 0).map((c) => [c.label, c.n]));
  const pro = found(lexicon.for);
  const contra = found(lexicon.against);
  const sum = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);
  const n = words(text).length;
  const raw = 0.5 + 0.1 * (sum(pro) - 1.5 * sum(contra)) * (100 / Math.max(n, 100));
  return { tone, score: round2(Math.min(1, Math.max(0, raw))), for: pro, against: contra, words: n };
}
