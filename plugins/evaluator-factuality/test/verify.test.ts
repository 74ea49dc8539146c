import { describe, expect, it } from 'vitest';
import { extractClaims } from '../src/claims.js';
import type { GroundTruthEntry } from '../src/ground-truth.js';
import { verifyClaim, type NumberSettings } from '../src/verify.js';

const ENTRIES: GroundTruthEntry[] = [
  { section: 'facts', key: 'capital of France', keywords: ['capital of France'], values: ['Paris'] },
  { section: 'facts', key: 'CEO of Acme', keywords: ['Acme', 'CEO'], values: ['Jane Doe', 'J. Doe'] },
  { section: 'dates', key: 'Eiffel Tower completed', keywords: ['Eiffel Tower completed'], value: { year: 1889, month: 3, day: 31 }, raw: '1889-03-31' },
  { section: 'numbers', key: 'Eiffel Tower height', keywords: ['Eiffel Tower', 'tall'], value: 330, unit: 'm' },
  { section: 'numbers', key: 'Acme employees', keywords: ['Acme employees'], value: 1000, tolerance: 0.1 },
];
const EXACT: NumberSettings = { tolerance: 0, mode: 'relative' };

function verdict(text: string, numbers: NumberSettings = EXACT) {
  const [claim] = extractClaims([{ id: 'a', text }], () => true);
  return verifyClaim(claim!, ENTRIES, numbers);
}

describe('facts', () => {
  it.each([
    ['Paris is the capital of France.', { status: 'verified', confidence: 1, reason: 'states "Paris" (exact match)', source: 'facts."capital of France"' }],
    ['The capital of France is PARIS.', { status: 'verified', confidence: 0.9, reason: 'states "Paris" (normalised match)', source: 'facts."capital of France"' }],
    ['Acme’s CEO is J. Doe.', { status: 'verified', confidence: 1, reason: 'states "J. Doe" (exact match)', source: 'facts."CEO of Acme"' }],
    ['Lyon is the capital of France.', { status: 'false', confidence: 0.7, reason: 'expected "Paris"', source: 'facts."capital of France"' }],
    ['The capital of France has many museums.', { status: 'unverified', confidence: 0, reason: 'no ground-truth entry applies' }],
    ['Berlin is the capital of Germany.', { status: 'unverified', confidence: 0, reason: 'no ground-truth entry applies' }],
  ])('%s', (text, expected) => {
    expect(verdict(text)).toEqual(expected);
  });
});

describe('dates', () => {
  it.each([
    ['The Eiffel Tower was completed on 31 March 1889.', { status: 'verified', confidence: 1, reason: 'date 1889-03-31 matches', source: 'dates."Eiffel Tower completed"' }],
    ['The Eiffel Tower was completed in 1889.', { status: 'verified', confidence: 0.8, reason: 'date 1889 agrees with 1889-03-31 (less precise)', source: 'dates."Eiffel Tower completed"' }],
    ['The Eiffel Tower was completed in 1887.', { status: 'false', confidence: 0.9, reason: 'expected 1889-03-31, found 1887', source: 'dates."Eiffel Tower completed"' }],
    ['The Eiffel Tower was completed quickly.', { status: 'unverified', confidence: 0, reason: 'no ground-truth entry applies' }],
  ])('%s', (text, expected) => {
    expect(verdict(text)).toEqual(expected);
  });
});

describe('numbers', () => {
  it('exact, normalised formats, tolerance from the entry or the config, relative or absolute', () => {
    expect(verdict('The Eiffel Tower is 330 m tall.')).toEqual({ status: 'verified', confidence: 1, reason: 'number 330 matches', source: 'numbers."Eiffel Tower height"' });
    expect(verdict('The Eiffel Tower is 324 m tall.')).toEqual({ status: 'false', confidence: 0.9, reason: 'expected 330 m, found 324', source: 'numbers."Eiffel Tower height"' });
    expect(verdict('The Eiffel Tower is 324 m tall.', { tolerance: 0.02, mode: 'relative' })).toEqual({
      status: 'verified',
      confidence: 0.8182,
      reason: 'number 324 is within tolerance of 330',
      source: 'numbers."Eiffel Tower height"',
    });
    expect(verdict('The Eiffel Tower is 324 m tall.', { tolerance: 5, mode: 'absolute' }).status).toBe('false');
    expect(verdict('The Eiffel Tower is 326 m tall.', { tolerance: 5, mode: 'absolute' }).status).toBe('verified');
    expect(verdict('Acme employees: 1,000 in total.').reason).toBe('number 1000 matches');
    expect(verdict('Acme employees number 1.05 thousand.').reason).toBe('number 1050 is within tolerance of 1000');
    expect(verdict('Acme employees number 1,200.').status).toBe('false');
  });

  it('a contradiction wins over a confirmation from another entry', () => {
    expect(verdict('Acme’s CEO Jane Doe leads 2,000 Acme employees.')).toEqual({ status: 'false', confidence: 0.9, reason: 'expected 1000, found 2000', source: 'numbers."Acme employees"' });
  });

  it('without entries everything is unverified', () => {
    const [claim] = extractClaims([{ id: 'a', text: 'Paris is the capital of France.' }]);
    expect(verifyClaim(claim!, [], EXACT)).toEqual({ status: 'unverified', confidence: 0, reason: 'no ground truth' });
  });
});
