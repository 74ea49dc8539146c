/** Passive-voice detection: a form of "to be" followed by a past participle. */
import { round2 } from './round.js';
import { splitSentences } from './text-stats.js';

/** Irregular past participles (regular ones end in -ed). */
export const IRREGULAR_PARTICIPLES = new Set([
  'arisen', 'awoken', 'beaten', 'become', 'begun', 'bent', 'bitten', 'blown', 'born', 'borne', 'bought', 'bound', 'broken',
  'brought', 'built', 'burnt', 'caught', 'chosen', 'cut', 'dealt', 'done', 'drawn', 'driven', 'dug', 'eaten', 'fallen', 'fed',
  'felt', 'fought', 'found', 'forbidden', 'forgiven', 'forgotten', 'frozen', 'given', 'gone', 'grown', 'heard', 'held', 'hidden',
  'hit', 'hung', 'hurt', 'kept', 'known', 'laid', 'led', 'left', 'lent', 'lit', 'lost', 'made', 'meant', 'met', 'paid', 'put',
  'quit', 'read', 'rewritten', 'ridden', 'rung', 'risen', 'run', 'said', 'seen', 'sent', 'set', 'shaken', 'shot', 'shown', 'shut',
  'sold', 'sought', 'spent', 'spoken', 'spread', 'stolen', 'struck', 'stuck', 'sung', 'sunk', 'swept', 'sworn', 'taken', 'taught',
  'thrown', 'told', 'thought', 'torn', 'understood', 'undone', 'upset', 'won', 'worn', 'woven', 'written', 'withdrawn',
]);

/** -ed words that after "to be" are nearly always adjectives ("I am tired") or not verbs at all ("indeed"), not passives. */
export const ADJECTIVES_IN_ED = new Set([
  'tired', 'interested', 'excited', 'bored', 'married', 'pleased', 'worried', 'concerned', 'scared', 'surprised', 'confused',
  'amazed', 'annoyed', 'ashamed', 'relaxed', 'satisfied', 'disappointed', 'embarrassed', 'frightened', 'exhausted', 'qualified',
  'talented', 'based', 'supposed', 'used', 'needed', 'required', 'advanced', 'detailed', 'experienced', 'limited', 'complicated',
  'indeed', 'hundred', 'naked', 'wicked', 'sacred',
]);

const BE = 'am|is|are|was|were|be|been|being|isn\'t|aren\'t|wasn\'t|weren\'t';
const PASSIVE = new RegExp(`\\b(?:${BE})\\s+(?:(?:not|never|also|always|often|already|still|just|being|\\w+ly)\\s+)*(?<participle>[a-z]+)\\b`, 'giu');

/** True when the word reads as a past participle. */
function isParticiple(word: string): boolean {
  const w = word.toLowerCase();
  if (ADJECTIVES_IN_ED.has(w)) return false;
  return (w.length > 3 && w.endsWith('ed')) || IRREGULAR_PARTICIPLES.has(w);
}

/** The passive construction in a sentence ("was written"), or undefined. */
export function passiveIn(sentence: string): string | undefined {
  for (const m of sentence.matchAll(PASSIVE)) {
    if (isParticiple(m.groups?.['participle'] ?? '')) return m[0];
  }
  return undefined;
}

/** Passive sentences and their share of all sentences (percent, 2 decimals; 0 when there are none). */
export function passiveVoice(text: string): { sentences: number; passive: string[]; percentage: number } {
  const sentences = splitSentences(text);
  const passive = sentences.flatMap((s) => {
    const found = passiveIn(s);
    return found === undefined ? [] : [found];
  });
  return { sentences: sentences.length, passive, percentage: sentences.length ? round2((passive.length / sentences.length) * 100) : 0 };
}
