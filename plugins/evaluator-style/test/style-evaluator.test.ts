import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../src/style-evaluator.js';
import { evaluate, makeInput } from './helpers.js';

const CAT = 'The cat sat. The dog ran.';
const CAT_DETAILS = {
  artifact: 'out.md',
  metrics: { flesch_kincaid_grade: 0, flesch_reading_ease: 100, smog_grade: 0, coleman_liau_grade: 0 },
  counts: { words: 6, sentences: 2, syllables: 6, complex_words: 0, letters: 18 },
};

describe('readability', () => {
  it('reference case 23: max_flesch_kincaid_grade 5 passes with FK 0', async () => {
    expect(await evaluate('readability', { max_flesch_kincaid_grade: 5 }, CAT)).toEqual([
      { name: 'flesch_kincaid_grade', passed: true, score: 1, message: 'Flesch–Kincaid grade 0 ≤ max 5 (out.md)', details: { ...CAT_DETAILS, value: 0, max: 5 } },
    ]);
  });

  it('one check per limit; failures say by how much', async () => {
    const hard = 'Interdisciplinary institutionalization notwithstanding, telecommunications internationalization characteristically overcomplicates organizational responsibilities.';
    const checks = await evaluate('readability', { max_flesch_kincaid_grade: 12, min_flesch_reading_ease: 30, max_smog_grade: 14, max_coleman_liau_grade: 16 }, hard);
    expect(checks.map((c) => [c.name, c.passed, c.message])).toEqual([
      ['flesch_kincaid_grade', false, 'Flesch–Kincaid grade 65.28 > max 12 (out.md)'],
      ['flesch_reading_ease', false, 'Flesch reading ease 0 < min 30 (out.md)'],
      ['smog_grade', false, 'SMOG grade 65.28 > max 14 (out.md)'],
      ['coleman_liau_grade', false, 'Coleman–Liau grade 80.87 > max 16 (out.md)'],
    ]);
  });

  it('without limits: one informational passing check with every metric', async () => {
    expect(await evaluate('readability', {}, CAT)).toEqual([
      {
        name: 'readability',
        passed: true,
        score: 1,
        message: 'no limits configured; out.md: Flesch–Kincaid grade 0, reading ease 100, SMOG 0, Coleman–Liau 0; 6 words, 2 sentences, 6 syllables',
        details: { ...CAT_DETAILS, avg_sentence_length: 3, passive_voice_percentage: 0 },
      },
    ]);
  });
});

describe('passive_voice', () => {
  it('passes at or under the limit, fails over it, with examples', async () => {
    const text = 'The cake was eaten. We cleaned up. The dishes were washed. Everyone left.';
    expect(await evaluate('passive_voice', { max_passive_voice_percentage: 50 }, text)).toEqual([
      {
        name: 'passive_voice',
        passed: true,
        score: 1,
        message: 'passive voice in 2 of 4 sentences (50%) ≤ max 50% (out.md)',
        evidence: 'was eaten; were washed',
        details: { artifact: 'out.md', percentage: 50, max: 50, sentences: 4, passive_sentences: 2, examples: ['was eaten', 'were washed'] },
      },
    ]);
    const [strict] = await evaluate('passive_voice', { max_passive_voice_percentage: 25 }, text);
    expect([strict!.passed, strict!.score, strict!.message]).toEqual([false, 0, 'passive voice in 2 of 4 sentences (50%) > max 25% (out.md)']);
  });
});

describe('sentence_length', () => {
  const text = 'Short one. This second sentence is quite a bit longer than the first one was. Tiny.';
  it('average within min/max and the longest sentence', async () => {
    expect(await evaluate('sentence_length', { min_avg_sentence_length: 3, max_avg_sentence_length: 10, max_sentence_length: 12 }, text)).toEqual([
      {
        name: 'avg_sentence_length',
        passed: true,
        score: 1,
        message: 'average sentence length 5.33 words over 3 sentences is within the limits (min 3, max 10) (out.md)',
        details: { artifact: 'out.md', value: 5.33, min: 3, max: 10, sentences: 3, words: 16 },
      },
      {
        name: 'max_sentence_length',
        passed: false,
        score: 0,
        message: '1 sentence longer than 12 words; the longest has 13 (sentence 2 of out.md)',
        evidence: 'This second sentence is quite a bit longer than the first one was',
        details: { artifact: 'out.md', value: 13, max: 12, sentence: 2, over_limit: 1 },
      },
    ]);
    const [tooShort] = await evaluate('sentence_length', { min_avg_sentence_length: 8 }, text);
    expect(tooShort!.message).toBe('average sentence length 5.33 words over 3 sentences is below the limits (min 8) (out.md)');
  });
});

describe('tone', () => {
  it('the check score is the tone score; passes at the threshold', async () => {
    const text = 'Please review the proposal and provide your analysis. Thank you. Regards, Ana';
    expect(await evaluate('tone', { expected_tone: 'professional' }, text)).toEqual([
      {
        name: 'tone',
        passed: true,
        score: 1,
        message: 'professional tone score 1 ≥ threshold 0.7 (out.md; for: please, thank you, regards, provide, review, analysis, proposal; against: none)',
        details: {
          artifact: 'out.md',
          expected_tone: 'professional',
          score: 1,
          threshold: 0.7,
          markers_for: { please: 1, 'thank you': 1, regards: 1, provide: 1, review: 1, analysis: 1, proposal: 1 },
          markers_against: {},
          words: 12,
        },
      },
    ]);
    const [casual] = await evaluate('tone', { expected_tone: 'formal', tone_threshold: 0.6 }, "Hey! We're gonna be late lol");
    expect([casual!.passed, casual!.score, casual!.message]).toEqual([false, 0, 'formal tone score 0 < threshold 0.6 (out.md; for: none; against: contraction, slang ×3, exclamation)']);
  });
});

describe('style_rules', () => {
  const artifacts = [
    { path: 'a.md', content: 'This is very, VERY simple.\nBasically done.' },
    { path: 'b.md', content: 'Contact: support@example.com' },
  ];
  it('forbidden/required words and patterns over every text artifact', async () => {
    const out = await createEvaluator().evaluate(
      makeInput('style_rules', { forbidden_words: ['very', 'basically', 'obviously'], required_words: ['done', 'summary'], forbidden_patterns: ['\\S+@\\S+'], required_patterns: ['^Contact:', '^Summary'] }, artifacts),
    );
    expect(out.checks).toEqual([
      {
        name: 'forbidden_words',
        passed: false,
        score: 0,
        message: 'forbidden words found: "very" ×2 (first at a.md:1:9), "basically" ×1 (first at a.md:2:1)',
        evidence: 'a.md:1:9: very\na.md:2:1: Basically',
        details: {
          artifacts: ['a.md', 'b.md'],
          found: [
            { word: 'very', count: 2, first: { artifact: 'a.md', line: 1, column: 9, text: 'very' } },
            { word: 'basically', count: 1, first: { artifact: 'a.md', line: 2, column: 1, text: 'Basically' } },
          ],
        },
      },
      { name: 'required_words', passed: false, score: 0, message: 'required words missing: "summary"', details: { artifacts: ['a.md', 'b.md'], missing: ['summary'] } },
      {
        name: 'forbidden_patterns',
        passed: false,
        score: 0,
        message: 'forbidden patterns found: "\\\\S+@\\\\S+" ×1 (first at b.md:1:10)',
        evidence: 'b.md:1:10: support@example.com',
        details: { artifacts: ['a.md', 'b.md'], found: [{ pattern: '\\S+@\\S+', count: 1, first: { artifact: 'b.md', line: 1, column: 10, text: 'support@example.com' } }] },
      },
      { name: 'required_patterns', passed: false, score: 0, message: 'required patterns missing: "^Summary"', details: { artifacts: ['a.md', 'b.md'], missing: ['^Summary'] } },
    ]);
  });

  it('case_sensitive; path narrows to one artifact; words match whole words only', async () => {
    const cs = await createEvaluator().evaluate(makeInput('style_rules', { forbidden_words: ['VERY'], case_sensitive: true }, artifacts));
    expect(cs.checks[0]!.message).toBe('forbidden words found: "VERY" ×1 (first at a.md:1:15)');
    const onlyB = await createEvaluator().evaluate(makeInput('style_rules', { forbidden_words: ['very'], path: 'b.md' }, artifacts));
    expect([onlyB.checks[0]!.passed, onlyB.checks[0]!.message]).toEqual([true, 'none of 1 forbidden words found']);
    const [partial] = await evaluate('style_rules', { forbidden_words: ['cat', 'big deal'] }, 'Concatenate the catalog; no big\n deal.');
    expect(partial!.message).toBe('forbidden words found: "big deal" ×1 (first at out.md:1:29)');
  });
});

describe('style', () => {
  it('each configured key adds its check, in a fixed order', async () => {
    const checks = await evaluate(
      'style',
      { forbidden_words: ['lol'], expected_tone: 'casual', max_sentence_length: 10, max_passive_voice_percentage: 100, max_flesch_kincaid_grade: 5 },
      CAT,
    );
    expect(checks.map((c) => [c.name, c.passed])).toEqual([
      ['flesch_kincaid_grade', true],
      ['passive_voice', true],
      ['max_sentence_length', true],
      ['tone', false],
      ['forbidden_words', true],
    ]);
    expect(checks[3]!.score).toBe(0.5);
  });

  it('no keys: one informational check named style', async () => {
    const [check] = await evaluate('style', {}, CAT);
    expect([check!.name, check!.passed, check!.score]).toEqual(['style', true, 1]);
  });
});

describe('which text', () => {
  it('metrics use the first artifact with text (reference §3.9), or path', async () => {
    const artifacts = [
      { type: 'reference' as const, path: 'https://example.com/x' },
      { path: 'first.md', content: CAT },
      { path: 'second.md', content: 'Comprehensive documentation facilitates understanding.' },
    ];
    const first = await createEvaluator().evaluate(makeInput('readability', { max_flesch_kincaid_grade: 5 }, artifacts));
    expect(first.checks[0]!.message).toBe('Flesch–Kincaid grade 0 ≤ max 5 (first.md)');
    const second = await createEvaluator().evaluate(makeInput('readability', { max_flesch_kincaid_grade: 5, path: 'second.md' }, artifacts));
    expect(second.checks[0]!.message).toBe('Flesch–Kincaid grade 39.07 > max 5 (second.md)');
  });

  it('no text, or a missing path, is a failing check named by the assertion type', async () => {
    expect((await createEvaluator().evaluate(makeInput('tone', { expected_tone: 'formal' }, []))).checks).toEqual([
      { name: 'tone', passed: false, score: 0, message: 'no artifact has text content; the response has no artifacts' },
    ]);
    expect((await createEvaluator().evaluate(makeInput('style_rules', { required_words: ['x'], path: 'nope.md' }, [{ path: 'a.md', content: 'x' }]))).checks).toEqual([
      { name: 'style_rules', passed: false, score: 0, message: 'artifact "nope.md" not found; available: a.md' },
    ]);
  });

  it('an invalid raw config and an unknown type fail clearly', async () => {
    expect(await evaluate('tone', { expected_tone: 'snarky' }, CAT)).toEqual([
      { name: 'tone', passed: false, score: 0, message: 'invalid tone config: expected_tone: unknown tone "snarky"; expected one of professional, casual, formal, friendly' },
    ]);
    expect(await evaluate('grammar', {}, CAT)).toEqual([
      { name: 'unknown_grammar', passed: false, score: 0, message: 'unknown style assertion type "grammar" (known: readability, passive_voice, sentence_length, tone, style_rules, style)' },
    ]);
  });
});
