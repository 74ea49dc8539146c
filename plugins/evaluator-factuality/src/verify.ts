/** Verification of claims against the ground truth: verified, false or unverified, with a confidence. */
import type { Claim } from './claims.js';
import { compareDates, formatDate } from './dates.js';
import type { GroundTruthEntry } from './ground-truth.js';
import { compareNumbers, formatNumber } from './numbers.js';
import { containsNormalized, mentionsAll } from './text.js';

/** A claim's verdict. */
export type ClaimStatus = 'verified' | 'false' | 'unverified';

/** A verdict with its reason and the entry it came from. */
export interface Verdict {
  status: ClaimStatus;
  /** How sure the verdict is, 0–1 (0 for unverified claims). */
  confidence: number;
  reason: string;
  source?: string;
}

/** Number comparison settings. */
export interface NumberSettings {
  tolerance: number;
  mode: 'relative' | 'absolute';
}

const DEFINITIONAL = /\b(?:is|are|was|were|equals?|=|named|called)\b/i;

function entryLabel(entry: GroundTruthEntry): string {
  return `${entry.section}.${JSON.stringify(entry.key)}`;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** The verdict one entry gives a claim, or undefined when the entry does not apply. */
function judge(claim: Claim, entry: GroundTruthEntry, numbers: NumberSettings): Verdict | undefined {
  if (!mentionsAll(claim.text, entry.keywords)) return undefined;
  const source = entryLabel(entry);
  switch (entry.section) {
    case 'facts': {
      const exact = entry.values.find((v) => claim.text.includes(v));
      if (exact !== undefined) return { status: 'verified', confidence: 1, reason: `states ${JSON.stringify(exact)} (exact match)`, source };
      const normalized = entry.values.find((v) => containsNormalized(claim.text, v));
      if (normalized !== undefined) return { status: 'verified', confidence: 0.9, reason: `states ${JSON.stringify(normalized)} (normalised match)`, source };
      // Only a definitional sentence about the subject contradicts it; others just mention it.
      if (DEFINITIONAL.test(claim.text)) return { status: 'false', confidence: 0.7, reason: `expected ${entry.values.map((v) => JSON.stringify(v)).join(' or ')}`, source };
      return undefined;
    }
    case 'dates': {
      if (claim.dates.length === 0) return undefined;
      const comparisons = claim.dates.map((d) => ({ d, ...compareDates(entry.value, d.value) }));
      const agreeing = comparisons.find((c) => c.agrees);
      if (agreeing) {
        return agreeing.exact
          ? { status: 'verified', confidence: 1, reason: `date ${formatDate(agreeing.d.value)} matches`, source }
          : { status: 'verified', confidence: 0.8, reason: `date ${formatDate(agreeing.d.value)} agrees with ${formatDate(entry.value)} (less precise)`, source };
      }
      return { status: 'false', confidence: 0.9, reason: `expected ${formatDate(entry.value)}, found ${claim.dates.map((d) => formatDate(d.value)).join(', ')}`, source };
    }
    case 'numbers': {
      if (claim.numbers.length === 0) return undefined;
      const tolerance = entry.tolerance ?? numbers.tolerance;
      const best = claim.numbers.map((n) => ({ n, ...compareNumbers(entry.value, n.value, tolerance, numbers.mode) })).sort((a, b) => b.closeness - a.closeness)[0]!;
      if (best.agrees) {
        const exact = best.n.value === entry.value;
        return {
          status: 'verified',
          confidence: exact ? 1 : round(0.8 + 0.2 * best.closeness),
          reason: exact ? `number ${formatNumber(best.n.value)} matches` : `number ${formatNumber(best.n.value)} is within tolerance of ${formatNumber(entry.value)}`,
          source,
        };
      }
      return { status: 'false', confidence: 0.9, reason: `expected ${formatNumber(entry.value)}${entry.unit ? ` ${entry.unit}` : ''}, found ${claim.numbers.map((n) => formatNumber(n.value)).join(', ')}`, source };
    }
  }
}

/** The verdict of all entries: false if any entry contradicts the claim, verified if one confirms it, else unverified. */
export function verifyClaim(claim: Claim, entries: readonly GroundTruthEntry[], numbers: NumberSettings): Verdict {
  const verdicts = entries.map((e) => judge(claim, e, numbers)).filter((v): v is Verdict => v !== undefined);
  const contradiction = verdicts.find((v) => v.status === 'false');
  if (contradiction) return contradiction;
  const confirmations = verdicts.filter((v) => v.status === 'verified').sort((a, b) => b.confidence - a.confidence);
  if (confirmations[0]) return confirmations[0];
  return { status: 'unverified', confidence: 0, reason: entries.length ? 'no ground-truth entry applies' : 'no ground truth' };
}

/** Whether any entry applies to a sentence (such sentences are claims even without numbers or names). */
export function mentionsAnyEntry(sentence: string, entries: readonly GroundTruthEntry[]): boolean {
  return entries.some((e) => mentionsAll(sentence, e.keywords));
}
