/** Hallucination indicators (reference §3.7): vague attribution, over-confidence, unsourced statistics, inconsistencies. */
import type { Claim } from './claims.js';
import { compareDates, type DateValue } from './dates.js';
import { compareNumbers } from './numbers.js';
import { alphaContentWords, splitSentences } from './text.js';
import type { ClaimStatus } from './verify.js';

/** Indicator severities and their penalties. */
export const INDICATOR_PENALTY = { high: 0.15, medium: 0.08, low: 0.03 } as const;

/** One indicator. */
export interface Indicator {
  type: 'vague_attribution' | 'overconfidence' | 'unsourced_statistic' | 'inconsistency';
  severity: keyof typeof INDICATOR_PENALTY;
  artifact: string;
  text: string;
  reason: string;
}

const VAGUE = [
  /\b(?:many|most|some|several|numerous|leading|top)\s+(?:experts|scientists|researchers|studies|people|sources|analysts|doctors|economists)\s+(?:believe|say|agree|suggest|claim|think|show|have shown|report|argue)\b/i,
  /\b(?:studies|research|reports|surveys|sources|experts|scientists)\s+(?:show|shows|suggest|suggests|indicate|indicates|say|says|have shown|confirm|confirms|prove|proves)\b/i,
  /\bit is (?:widely|generally|commonly|often) (?:believed|known|accepted|thought|said|reported)\b/i,
  /\baccording to (?:some|many|various|several|unnamed|anonymous) (?:sources|experts|reports|studies)\b/i,
  /\b(?:some|many) (?:say|believe|argue|claim)\b/i,
];
const OVERCONFIDENT = /\b(?:definitely|certainly|undoubtedly|unquestionably|indisputably|without (?:a|any) doubt|100% (?:certain|sure|accurate)|guaranteed|proven fact|always|never|everyone knows|it is a fact that)\b/i;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 160 ? `${flat.slice(0, 159)}…` : flat;
}

/** A value's context: up to 3 letter-only content words just before it. */
function context(sentence: string, start: number): string[] {
  return alphaContentWords(sentence.slice(0, start)).slice(-3);
}

/** Two contexts name the same thing when they share at least 2 words and the shorter one ends the longer one. */
function sameThing(a: readonly string[], b: readonly string[]): boolean {
  const n = Math.min(a.length, b.length);
  return n >= 2 && a.slice(-n).join(' ') === b.slice(-n).join(' ');
}

/** The indicators of the texts, given the claims and their verdicts. */
export function findIndicators(targets: ReadonlyArray<{ id: string; text: string }>, claims: readonly Claim[], status: ReadonlyMap<number, ClaimStatus>): Indicator[] {
  const out: Indicator[] = [];
  for (const { id, text } of targets) {
    for (const { text: sentence } of splitSentences(text)) {
      const cited = /\[\d+|https?:\/\/|\bdoi:/i.test(sentence);
      const vague = VAGUE.map((p) => p.exec(sentence)).find((m) => m !== null);
      if (vague && !cited) out.push({ type: 'vague_attribution', severity: 'medium', artifact: id, text: excerpt(sentence), reason: `vague attribution "${vague[0]}" without a source` });
      const sure = OVERCONFIDENT.exec(sentence);
      if (sure) out.push({ type: 'overconfidence', severity: 'low', artifact: id, text: excerpt(sentence), reason: `over-confident wording "${sure[0]}"` });
    }
  }
  for (const claim of claims) {
    // Precise: a percentage, a decimal, or a large number that is not a year.
    const precise = claim.numbers.find((n) => n.percent || /\.\d/.test(n.raw) || (Math.abs(n.value) >= 1000 && !claim.dates.some((d) => n.start >= d.start && n.start < d.end)));
    if (precise && !claim.cited && status.get(claim.id) !== 'verified') {
      out.push({ type: 'unsourced_statistic', severity: 'medium', artifact: claim.artifact, text: excerpt(claim.text), reason: `precise figure "${precise.raw}" with no citation and no ground truth confirming it` });
    }
  }
  out.push(...inconsistencies(claims));
  return out;
}

/** A value stated in a claim: a number (with its unit) or a date, and the words before it. */
type Statement = { claim: Claim; words: string[]; shown: string } & ({ kind: 'number'; unit: string; value: number } | { kind: 'date'; date: DateValue });

function statements(claim: Claim): Statement[] {
  const inDate = (start: number): boolean => claim.dates.some((d) => start >= d.start && start < d.end);
  return [
    ...claim.numbers
      .filter((n) => !inDate(n.start))
      .map((n): Statement => ({ claim, words: context(claim.text, n.start), shown: n.raw, kind: 'number', unit: n.percent ? '%' : (n.unit ?? '').toLowerCase(), value: n.value })),
    ...claim.dates.map((d): Statement => ({ claim, words: context(claim.text, d.start), shown: d.raw.replace(/^\p{L}+\s+(?=\d{4}$)/u, ''), kind: 'date', date: d.value })),
  ];
}

function conflicts(a: Statement, b: Statement): boolean {
  if (a.claim.id === b.claim.id || !sameThing(a.words, b.words)) return false;
  if (a.kind === 'number' && b.kind === 'number') return a.unit === b.unit && !compareNumbers(a.value, b.value, 0.01, 'relative').agrees;
  if (a.kind === 'date' && b.kind === 'date') return !compareDates(a.date, b.date).agrees;
  return false;
}

/** The same quantity or event (same context words, same unit) given different values in different sentences. */
function inconsistencies(claims: readonly Claim[]): Indicator[] {
  const seen: Statement[] = [];
  const reported = new Set<Statement>();
  const out: Indicator[] = [];
  for (const claim of claims) {
    for (const item of statements(claim)) {
      const prior = seen.find((p) => !reported.has(p) && conflicts(p, item));
      if (prior) {
        reported.add(prior);
        out.push({
          type: 'inconsistency',
          severity: 'high',
          artifact: claim.artifact,
          text: excerpt(claim.text),
          reason: `"${item.shown}" contradicts "${prior.shown}" stated earlier for the same thing (claim ${prior.claim.id}: ${excerpt(prior.claim.text)})`,
        });
      }
      seen.push(item);
    }
  }
  return out;
}

/** The penalty of §3.7: min(0.5, Σ high 0.15, medium 0.08, low 0.03). */
export function hallucinationPenalty(indicators: readonly Indicator[]): number {
  const sum = indicators.reduce((s, i) => s + INDICATOR_PENALTY[i.severity], 0);
  return Math.min(0.5, Math.round(sum * 10000) / 10000);
}

