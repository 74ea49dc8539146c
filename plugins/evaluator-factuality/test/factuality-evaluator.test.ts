import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '@atp/testkit';
import { createEvaluator } from '../src/factuality-evaluator.js';
import { groundTruthDir, makeInput } from './helpers.js';

afterAll(removeTempDirs);

const GROUND_TRUTH = {
  facts: { 'capital of France': 'Paris' },
  dates: { 'Eiffel Tower completed': '1889-03-31' },
  numbers: { 'Eiffel Tower height': { value: 330, tolerance: 0.02, unit: 'm', keywords: ['Eiffel Tower', 'tall'] } },
  valid_sources: ['https://en.wikipedia.org/wiki/Eiffel_Tower', 'britannica.com'],
};

async function run(config: Record<string, unknown>, text: string, gt: unknown = GROUND_TRUTH) {
  const dir = groundTruthDir(gt);
  const out = await createEvaluator().evaluate(makeInput({ ground_truth_file: 'gt.json', ...config }, [{ path: 'answer.md', content: text }], dir));
  return { out, dir };
}

describe('factuality_check', () => {
  it('a correct, cited answer passes with the §3.7 score (whole check)', async () => {
    const text = 'Paris is the capital of France. The Eiffel Tower was completed on 31 March 1889 and is 330 metres tall [1].\n\n[1] https://en.wikipedia.org/wiki/Eiffel_Tower';
    const { out, dir } = await run({}, text);
    expect(out).toEqual({
      checks: [
        {
          name: 'factuality_check',
          passed: true,
          score: 1,
          message: 'overall 1 ≥ 0.8: 2 claims (2 verified, 0 false, 0 unverified); citations 1 valid, 0 invalid; 0 hallucination indicators (penalty 0)',
          details: {
            method: 'ground_truth',
            min_confidence: 0.8,
            artifacts: ['answer.md'],
            ground_truth_file: join(dir, 'gt.json'),
            scores: { claim_score: 1, citation_score: 1, hallucination_penalty: 0, overall: 1 },
            counts: { claims: 2, verified: 2, false: 0, unverified: 0, citations_valid: 1, citations_invalid: 0, citations_unchecked: 0, hallucination_indicators: 0 },
            claims: [
              { id: 1, artifact: 'answer.md', text: 'Paris is the capital of France.', kind: 'fact', status: 'verified', confidence: 1, reason: 'states "Paris" (exact match)', source: 'facts."capital of France"' },
              {
                id: 2,
                artifact: 'answer.md',
                text: 'The Eiffel Tower was completed on 31 March 1889 and is 330 metres tall [1].',
                kind: 'number',
                status: 'verified',
                confidence: 1,
                reason: 'date 1889-03-31 matches',
                source: 'dates."Eiffel Tower completed"',
              },
            ],
            citations: [{ kind: 'reference', citation: '[1]', artifact: 'answer.md', status: 'valid', reason: 'matches valid source "https://en.wikipedia.org/wiki/Eiffel_Tower"' }],
            hallucination_indicators: [],
          },
        },
      ],
    });
  });

  it('one false claim fails the check even when the overall score is high', async () => {
    const text = 'Paris is the capital of France. The Eiffel Tower was completed in 1887. It is 330 metres tall, the Eiffel Tower.';
    const { out } = await run({ min_confidence: 0.5 }, text);
    const check = out.checks[0]!;
    // claim 2/3 − 0.5·1/3 = 0.5: 0.6·0.5 + 0.2 + 0.2 = 0.7
    expect([check.passed, check.score]).toEqual([false, 0.7]);
    expect(check.message).toBe('overall 0.7 ≥ 0.5 and 1 false claim: 3 claims (2 verified, 1 false, 0 unverified); citations 0 valid, 0 invalid; 0 hallucination indicators (penalty 0)');
    expect(check.evidence).toBe('false: "The Eiffel Tower was completed in 1887." — expected 1889-03-31, found 1887 (dates."Eiffel Tower completed")');
  });

  it('unverified claims, invalid citations and indicators lower the score below min_confidence', async () => {
    const text = 'Paris is the capital of France. Many experts believe 73.4% of tourists return. See https://example.com/blog.';
    const { out } = await run({}, text);
    const check = out.checks[0]!;
    // claim 1/2 = 0.5; citations 0/1 = 0; penalty 0.08 + 0.08: 0.3 + 0 + 0.168 = 0.468
    expect([check.passed, check.score, check.details?.['scores']]).toEqual([false, 0.468, { claim_score: 0.5, citation_score: 0, hallucination_penalty: 0.16, overall: 0.468 }]);
    expect(check.evidence).toBe(
      [
        'invalid citation https://example.com/blog: not among valid_sources',
        'medium vague_attribution: vague attribution "Many experts believe" without a source',
        'medium unsourced_statistic: precise figure "73.4%" with no citation and no ground truth confirming it',
      ].join('\n'),
    );
  });

  it('check_citations: false and detect_hallucinations: false leave those parts at their neutral value', async () => {
    const text = 'Paris is the capital of France. Many experts believe 73.4% of tourists return. See https://example.com/blog.';
    const { out } = await run({ check_citations: false, detect_hallucinations: false }, text);
    expect(out.checks[0]!.details?.['scores']).toEqual({ claim_score: 0.5, citation_score: 1, hallucination_penalty: 0, overall: 0.7 });
    expect(out.checks[0]!.message).toContain('citations not checked; hallucinations not checked');
  });

  it('no claims: claim score 1; path narrows the artifacts; structured data is read as JSON', async () => {
    const dir = groundTruthDir(GROUND_TRUTH);
    const artifacts = [
      { path: 'greeting.md', content: 'Hello! Here is your answer.' },
      { type: 'structured' as const, name: 'facts', data: { capital: 'Lyon is the capital of France.' } },
    ];
    const greeting = await createEvaluator().evaluate(makeInput({ ground_truth_file: 'gt.json', path: 'greeting.md' }, artifacts, dir));
    expect([greeting.checks[0]!.passed, greeting.checks[0]!.score, greeting.checks[0]!.details?.['counts']]).toEqual([
      true,
      1,
      { claims: 0, verified: 0, false: 0, unverified: 0, citations_valid: 0, citations_invalid: 0, citations_unchecked: 0, hallucination_indicators: 0 },
    ]);
    const all = await createEvaluator().evaluate(makeInput({ ground_truth_file: 'gt.json' }, artifacts, dir));
    expect((all.checks[0]!.details?.['claims'] as Array<{ artifact: string; status: string }>).map((c) => [c.artifact, c.status])).toEqual([['facts', 'false']]);
  });
});

/** The runtime's own JSON.parse message (its wording differs between Node versions). */
function jsonError(text: string): string {
  try {
    JSON.parse(text);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('the ground-truth file', () => {
  it('is resolved against the suite file directory', async () => {
    const dir = groundTruthDir(GROUND_TRUTH, 'data/truth.json');
    const out = await createEvaluator().evaluate(makeInput({ ground_truth_file: 'data/truth.json' }, [{ path: 'a.md', content: 'Paris is the capital of France.' }], dir));
    expect(out.checks[0]!.details?.['ground_truth_file']).toBe(join(dir, 'data/truth.json'));
  });

  it.each([
    ['missing', undefined, 'nope.json', (dir: string) => `ground_truth_file "nope.json" not found (looked for ${join(dir, 'nope.json')}; relative paths are resolved against the suite file's directory)`],
    ['not JSON', '{facts: 1', 'gt.json', (dir: string) => `ground_truth_file ${join(dir, 'gt.json')} is not valid JSON: ${jsonError('{facts: 1')}`],
    [
      'wrong shape',
      { facts: { x: 3 }, sources: [] },
      'gt.json',
      (dir: string) => `ground_truth_file ${join(dir, 'gt.json')} is invalid: facts.x: expected a string, a list of strings, or {value, keywords}; (root): Unrecognized key: "sources" (expected {facts, dates, numbers, valid_sources})`,
    ],
    ['bad date', { dates: { launch: 'next spring' } }, 'gt.json', (dir: string) => `ground_truth_file ${join(dir, 'gt.json')} is invalid: dates.launch: cannot read "next spring" as a date (use 1889-03-31, 1889-03, 1889 or "March 31, 1889")`],
  ])('%s → a failing check with a precise message', async (_, content, file, message) => {
    const dir = groundTruthDir(content ?? {});
    const out = await createEvaluator().evaluate(makeInput({ ground_truth_file: file }, [{ path: 'a.md', content: 'Paris is the capital of France.' }], dir));
    expect(out.checks).toEqual([{ name: 'factuality_check', passed: false, score: 0, message: message(dir) }]);
  });
});

describe('errors', () => {
  it('missing artifact, invalid raw config, unknown type', async () => {
    const dir = groundTruthDir(GROUND_TRUTH);
    expect((await createEvaluator().evaluate(makeInput({ ground_truth_file: 'gt.json', path: 'x.md' }, [], dir))).checks).toEqual([
      { name: 'factuality_check', passed: false, score: 0, message: 'artifact "x.md" not found; the response has no artifacts' },
    ]);
    expect((await createEvaluator().evaluate(makeInput({}, [], dir))).checks).toEqual([
      { name: 'factuality_check', passed: false, score: 0, message: 'invalid factuality config: ground_truth_file: ground_truth_file is required with verification_method: ground_truth' },
    ]);
    expect((await createEvaluator().evaluate(makeInput({}, [], dir, 'facts'))).checks).toEqual([
      { name: 'unknown_facts', passed: false, score: 0, message: 'unknown factuality assertion type "facts" (known: factuality)' },
    ]);
  });
});
