/** Claims: the sentences of the artifacts that assert something checkable. */
import { findDates, type DateMention } from './dates.js';
import { findNumbers, type NumberMention } from './numbers.js';
import { splitSentences } from './text.js';

/** What a claim mainly states. */
export type ClaimKind = 'statistic' | 'number' | 'date' | 'quote' | 'fact';

/** A claim before verification. */
export interface Claim {
  /** 1-based, over all artifacts. */
  id: number;
  artifact: string;
  text: string;
  kind: ClaimKind;
  dates: DateMention[];
  numbers: NumberMention[];
  /** The sentence cites something ([n], a URL or a DOI). */
  cited: boolean;
}

const CITATION_IN_SENTENCE = /\[\d+(?:\s*[,–-]\s*\d+)*\]|https?:\/\/|\bdoi:|\b10\.\d{4,9}\//i;
const URL_OR_MARKER = /https?:\/\/[^\s<>"')\]]+|\[\d+(?:\s*[,–-]\s*\d+)*\]|\b10\.\d{4,9}\/[^\s"<>]+/g;
const QUOTE = /["“][^"”]*(?:\s+[^"”\s]+){2,}[^"”]*["”]/;
const ASSERTING_VERB = /\b(?:is|are|was|were|has|have|had|contains?|consists?|equals?|measures?|weighs?|founded|invented|discovered|born|died|located|built|completed|won|became|created|released|published|launched|opened|reached|grew|fell|rose|costs?|includes?)\b/i;
const OPINION = /^(?:I\s+(?:think|believe|feel|guess|suppose)|In my (?:opinion|view)|Perhaps|Maybe|It seems|Hopefully)\b/i;
const NAMED_ENTITY = /(?<=\S\s+)\p{Lu}[\p{L}'-]+/u;

/** Ranges of a sentence that hold no claim numbers (URLs, citation markers, DOIs). */
function skipRanges(text: string): Array<{ start: number; end: number }> {
  return [...text.matchAll(URL_OR_MARKER)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

function kindOf(text: string, dates: DateMention[], numbers: NumberMention[]): ClaimKind | undefined {
  if (numbers.some((n) => n.percent)) return 'statistic';
  if (numbers.some((n) => !dates.some((d) => n.start >= d.start && n.start < d.end))) return 'number';
  if (dates.length) return 'date';
  if (QUOTE.test(text)) return 'quote';
  if (ASSERTING_VERB.test(text) && NAMED_ENTITY.test(text)) return 'fact';
  return undefined;
}

/**
 * Claims of the given texts: every sentence that is not a question or an opinion and states a
 * number, percentage, date, quotation or a fact about a named thing; plus sentences that
 * `alsoClaim` selects (sentences a ground-truth entry applies to).
 */
export function extractClaims(targets: ReadonlyArray<{ id: string; text: string }>, alsoClaim: (sentence: string) => boolean = () => false): Claim[] {
  const claims: Claim[] = [];
  for (const { id, text } of targets) {
    for (const sentence of splitSentences(text)) {
      const body = sentence.text;
      if (body.endsWith('?') || OPINION.test(body)) continue;
      const dates = findDates(body);
      // Numbers inside full dates are part of the date; a bare year ("in 1889") is both a date and a number.
      const fullDates = dates.filter((d) => d.value.month !== undefined);
      const numbers = findNumbers(body, [...skipRanges(body), ...fullDates]);
      const kind = kindOf(body, dates, numbers) ?? (alsoClaim(body) ? 'fact' : undefined);
      if (!kind) continue;
      claims.push({ id: claims.length + 1, artifact: id, text: body, kind, dates, numbers, cited: CITATION_IN_SENTENCE.test(body) });
    }
  }
  return claims;
}
