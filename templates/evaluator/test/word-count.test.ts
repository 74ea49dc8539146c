import { describe, expect, it } from 'vitest';
import { sampleResponse, testEvaluator } from '@atp/testkit';
import plugin from '../src/index.js';
import { countWords, wordScore } from '../src/word-count.js';

// valid: the assertion must pass; invalid: it must fail, or its config must be rejected by the schema
// (as the suite compiler would reject it). Every result is also checked against the evaluator contract.
testEvaluator(plugin, {
  evaluator: 'word_count',
  valid: [
    {
      name: 'counts the words of every text artifact',
      config: { min: 2, max: 5 },
      response: sampleResponse({ text: 'Hello from the agent' }),
      checks: [{ name: 'word_count', passed: true, score: 1, message: '4 words (expected between 2 and 5)', details: { words: 4, artifacts: ['output.txt'] } }],
    },
    {
      name: 'reads only the artifact at path',
      config: { path: 'summary.md', max: 3 },
      response: sampleResponse({
        artifacts: [
          { path: 'notes.txt', content: 'many many many many many words here' },
          { path: 'summary.md', content_type: 'text/markdown', content: '# Short summary' },
        ],
      }),
      checks: [{ details: { words: 2, artifacts: ['summary.md'] } }],
    },
  ],
  invalid: [
    {
      name: 'too few words scores the share of min reached',
      config: { min: 8 },
      response: sampleResponse({ text: 'Hello from the agent' }),
      checks: [{ name: 'word_count', passed: false, score: 0.5, message: '4 words (expected at least 8)' }],
    },
    {
      name: 'too many words',
      config: { max: 2 },
      response: sampleResponse({ text: 'one two three four' }),
      checks: [{ passed: false, score: 0.5, message: /expected at most 2/ }],
    },
    {
      name: 'no text artifact',
      config: { min: 1 },
      response: sampleResponse({ artifacts: [{ type: 'structured', name: 'result', data: { answer: 42 } }] }),
      checks: [{ passed: false, score: 0, message: 'the response has no file artifact with inline text' }],
    },
    { name: 'a range is required', config: {}, configError: 'give min, max or both' },
    { name: 'min above max', config: { min: 5, max: 2 }, configError: 'min: min must not be greater than max' },
    { name: 'unknown keys are typos', config: { maximum: 3 }, configError: 'maximum' },
  ],
});

describe('countWords', () => {
  it('counts Unicode words, not spaces', () => {
    expect(countWords('  Hello,   world!  ')).toBe(2);
    expect(countWords("l'été est là")).toBe(3);
    expect(countWords('')).toBe(0);
  });
});

describe('wordScore', () => {
  it('is 1 inside the range and a share outside it', () => {
    expect(wordScore(5, 2, 10)).toBe(1);
    expect(wordScore(1, 4, undefined)).toBe(0.25);
    expect(wordScore(20, undefined, 10)).toBe(0.5);
  });
});
