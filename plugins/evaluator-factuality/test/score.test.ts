import { describe, expect, it } from 'vitest';
import { factualityPassed, factualityScores } from '../src/score.js';

describe('§3.7 formulas', () => {
  it.each([
    // claims, verified, false, valid, invalid, penalty → claim, citation, overall
    [{ claims: 0, verified: 0, false: 0, validCitations: 0, invalidCitations: 0 }, 0, { claim_score: 1, citation_score: 1, hallucination_penalty: 0, overall: 1 }],
    [{ claims: 5, verified: 4, false: 0, validCitations: 2, invalidCitations: 1 }, 0.19, { claim_score: 0.8, citation_score: 0.6667, hallucination_penalty: 0.19, overall: 0.7753 }],
    [{ claims: 4, verified: 1, false: 2, validCitations: 0, invalidCitations: 0 }, 0, { claim_score: 0, citation_score: 1, hallucination_penalty: 0, overall: 0.4 }],
    [{ claims: 4, verified: 3, false: 1, validCitations: 0, invalidCitations: 2 }, 0.5, { claim_score: 0.625, citation_score: 0, hallucination_penalty: 0.5, overall: 0.475 }],
    [{ claims: 10, verified: 10, false: 0, validCitations: 3, invalidCitations: 0 }, 0.03, { claim_score: 1, citation_score: 1, hallucination_penalty: 0.03, overall: 0.994 }],
  ])('%j with penalty %d', (counts, penalty, expected) => {
    expect(factualityScores(counts, penalty)).toEqual(expected);
  });

  it('passes at min_confidence exactly, fails below it or with any false claim', () => {
    const s = factualityScores({ claims: 1, verified: 1, false: 0, validCitations: 0, invalidCitations: 0 }, 0);
    expect(factualityPassed(s, 0, 1)).toBe(true);
    const edge = factualityScores({ claims: 3, verified: 2, false: 0, validCitations: 1, invalidCitations: 0 }, 0);
    // 0.6·2/3 + 0.2 + 0.2 = 0.8 (0.7999999999999999 before rounding)
    expect(edge.overall).toBe(0.8);
    expect(factualityPassed(edge, 0, 0.8)).toBe(true);
    expect(factualityPassed(edge, 0, 0.81)).toBe(false);
    expect(factualityPassed(s, 1, 0)).toBe(false);
  });
});
