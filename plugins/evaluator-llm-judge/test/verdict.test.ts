import { describe, expect, it } from 'vitest';
import { extractJson, scoreVerdict } from '../src/verdict.js';

const verdict = { score: 0.5, explanation: 'ok', issues: [], strengths: [], criteria: [] };

describe('extractJson', () => {
  it('reads plain JSON, a fenced block, or the first balanced object in prose', () => {
    expect(extractJson('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(extractJson('Here:\n```json\n{"a": 2}\n```\nDone')).toEqual({ ok: true, value: { a: 2 } });
    expect(extractJson('The verdict is {"a": {"b": "}"}} as requested.')).toEqual({ ok: true, value: { a: { b: '}' } } });
  });

  it('says why a reply is not JSON', () => {
    expect(extractJson('I think it is great!')).toEqual({ ok: false, reason: expect.stringMatching(/^the reply is not valid JSON \(/) });
    expect(extractJson('')).toEqual({ ok: false, reason: expect.stringMatching(/^the reply is not valid JSON/) });
  });
});

describe('scoreVerdict', () => {
  it('uses the overall score without a rubric', () => {
    expect(scoreVerdict(verdict, [])).toEqual({ verdict, score: 0.5, criteria: [] });
  });

  it('computes the weighted mean of the rubric, matching names case-insensitively', () => {
    const v = { ...verdict, score: 0.1, criteria: [{ criterion: 'Tone', score: 1, explanation: 'kind' }, { criterion: 'accuracy', score: 0.4, explanation: 'two errors' }] };
    const out = scoreVerdict(v, [{ criterion: 'accuracy', weight: 3 }, { criterion: 'tone', weight: 1 }]);
    // (3 × 0.4 + 1 × 1) / 4 = 0.55; the judge's own overall 0.1 is not used
    expect(out).toMatchObject({ score: 0.55, criteria: [{ criterion: 'accuracy', weight: 3, score: 0.4, explanation: 'two errors' }, { criterion: 'tone', weight: 1, score: 1, explanation: 'kind' }] });
  });

  it('rejects a verdict that misses a criterion, has an out-of-range score or the wrong shape', () => {
    expect(scoreVerdict(verdict, [{ criterion: 'tone', weight: 1 }])).toEqual({ reason: 'the verdict has no score for "tone"' });
    expect(scoreVerdict({ ...verdict, score: 7 }, [])).toEqual({ reason: 'the verdict does not match the expected structure: score: must be between 0 and 1' });
    expect(scoreVerdict({ explanation: 'x' }, [])).toEqual({ reason: 'the verdict does not match the expected structure: score: expected a number' });
    expect(scoreVerdict('great', [])).toEqual({ reason: expect.stringMatching(/^the verdict does not match the expected structure/) });
  });
});
