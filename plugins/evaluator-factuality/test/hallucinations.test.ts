/** Each hallucination indicator: at least 5 true positives and 5 near-miss negatives. */
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../src/claims.js';
import { findIndicators, hallucinationPenalty, type Indicator } from '../src/hallucinations.js';
import type { ClaimStatus } from '../src/verify.js';

function indicators(text: string, verified: number[] = []): Indicator[] {
  const targets = [{ id: 'a', text }];
  const claims = extractClaims(targets);
  const status = new Map<number, ClaimStatus>(claims.map((c) => [c.id, verified.includes(c.id) ? 'verified' : 'unverified']));
  return findIndicators(targets, claims, status);
}
const types = (text: string): string[] => indicators(text).map((i) => i.type);

const TABLES: Array<{ type: string; positives: string[]; negatives: string[] }> = [
  {
    type: 'vague_attribution',
    positives: ['Many experts believe the market will grow.', 'Studies show that coffee helps.', 'It is widely believed that the wall is visible from space.', 'According to some sources the deal is done.', 'Some say it never happened.', 'Leading scientists agree on the cause.'],
    negatives: ['Studies show that coffee helps [1].', 'Many experts were interviewed.', 'The study showed a small effect (https://doi.org/10.1/x).', 'Experts at NASA published the data.', 'Some people came to the party.', 'It is widely used in industry.'],
  },
  {
    type: 'overconfidence',
    positives: ['This is definitely the best option.', 'It will certainly work.', 'The results are undoubtedly correct.', 'It is guaranteed to pass.', 'This never fails.', 'Everyone knows the answer.'],
    negatives: ['This is probably the best option.', 'It will likely work.', 'The results appear correct.', 'It is expected to pass.', 'This rarely fails.', 'Few people know the answer.'],
  },
  {
    type: 'unsourced_statistic',
    positives: ['Sales rose 37% last year.', 'The average is 4.25 points.', 'The city has 2,145,906 inhabitants.', 'About 12.5 percent of users churn.', 'It costs $1.5 million.'],
    negatives: ['Sales rose 37% last year [1].', 'The average is 4 points.', 'The city was founded in 1250.', 'About 12.5 percent of users churn (https://stats.example/churn).', 'We have 3 offices.', 'It costs 900 dollars.'],
  },
  {
    type: 'inconsistency',
    positives: [
      'The tower was completed in 1889. Later we note the tower was completed in 1887.',
      'Company revenue reached 5 million. Elsewhere, company revenue reached 7 million.',
      'Total market share is 40%. In summary, total market share is 25%.',
      'The bridge spans 1,200 metres. The bridge spans 1,500 metres according to the plan.',
      'Population of Lyon: 516,000 people. The population of Lyon is 900,000 people.',
    ],
    negatives: [
      'The tower was completed in 1889. The tower was completed in 1889, as noted.',
      'Company revenue reached 5 million, up from 4 million.',
      'Total market share is 40%. Mobile market share is 25%.',
      'The bridge spans 1,200 metres. The bridge spans 1,205 metres when hot.',
      'Revenue was 5 million in 2020. Profit was 1 million in 2021.',
    ],
  },
];

describe.each(TABLES)('$type', ({ type, positives, negatives }) => {
  it('has at least 5 true positives and 5 near-miss negatives', () => {
    expect(positives.length).toBeGreaterThanOrEqual(5);
    expect(negatives.length).toBeGreaterThanOrEqual(5);
  });
  it.each(positives)('flags %j', (text) => expect(types(text)).toContain(type));
  it.each(negatives)('does not flag %j', (text) => expect(types(text)).not.toContain(type));
});

describe('indicator details and penalty', () => {
  it('whole indicators', () => {
    expect(indicators('Many experts believe it is definitely true. The city has 2,145,906 inhabitants.')).toEqual([
      { type: 'vague_attribution', severity: 'medium', artifact: 'a', text: 'Many experts believe it is definitely true.', reason: 'vague attribution "Many experts believe" without a source' },
      { type: 'overconfidence', severity: 'low', artifact: 'a', text: 'Many experts believe it is definitely true.', reason: 'over-confident wording "definitely"' },
      { type: 'unsourced_statistic', severity: 'medium', artifact: 'a', text: 'The city has 2,145,906 inhabitants.', reason: 'precise figure "2,145,906" with no citation and no ground truth confirming it' },
    ]);
  });

  it('a figure the ground truth verified is not unsourced', () => {
    expect(indicators('The city has 2,145,906 inhabitants.', [1])).toEqual([]);
  });

  it('penalty = min(0.5, Σ high 0.15, medium 0.08, low 0.03)', () => {
    const make = (severity: Indicator['severity']): Indicator => ({ type: 'overconfidence', severity, artifact: 'a', text: '', reason: '' });
    expect(hallucinationPenalty([])).toBe(0);
    expect(hallucinationPenalty([make('high'), make('medium'), make('low')])).toBe(0.26);
    expect(hallucinationPenalty(Array.from({ length: 4 }, () => make('high')))).toBe(0.5);
  });
});
