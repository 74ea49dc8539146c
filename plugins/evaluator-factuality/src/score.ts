/** The scores of reference §3.7 (MUST match). */

/** The parts of the factuality score. */
export interface FactualityScores {
  claim_score: number;
  citation_score: number;
  hallucination_penalty: number;
  overall: number;
}

const round4 = (x: number): number => Math.round(x * 10000) / 10000;

/**
 * claim = n ? max(0, verified/n − 0.5·false/n) : 1; citation = checked ? valid/checked : 1;
 * overall = clamp01(0.6·claim + 0.2·citation + 0.2·(1 − penalty)), each rounded to 4 decimals
 * (so that 0.8 compares as 0.8, not 0.7999999999999999).
 */
export function factualityScores(counts: { claims: number; verified: number; false: number; validCitations: number; invalidCitations: number }, penalty: number): FactualityScores {
  const n = counts.claims;
  const claim = n ? Math.max(0, counts.verified / n - (0.5 * counts.false) / n) : 1;
  const checked = counts.validCitations + counts.invalidCitations;
  const citation = checked ? counts.validCitations / checked : 1;
  const overall = Math.min(1, Math.max(0, 0.6 * claim + 0.2 * citation + 0.2 * (1 - penalty)));
  return { claim_score: round4(claim), citation_score: round4(citation), hallucination_penalty: round4(penalty), overall: round4(overall) };
}

/** Passes when overall ≥ min_confidence and no claim is false. */
export function factualityPassed(scores: FactualityScores, falseClaims: number, minConfidence: number): boolean {
  return scores.overall >= minConfidence && falseClaims === 0;
}
