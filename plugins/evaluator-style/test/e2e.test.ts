import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cannedAgent, cannedSuiteHead, removeTempDirs, runAtp, tempProject as makeProject, type JsonReport } from '@atp/testkit/e2e';

/** Every quality-evaluator e2e project enables the three of them. */
const PLUGINS = ['@atp/preset-default', '@atp/evaluator-security', '@atp/evaluator-factuality', '@atp/evaluator-style'];
/** The suite header with the canned agent `crafted`. */
const SUITE_HEAD = cannedSuiteHead('quality');
/** A temp project with the canned agent answering `responses`, and `files`. */
const tempProject = (responses: Parameters<typeof cannedAgent>[0], files: Record<string, string>): string =>
  makeProject({ ...cannedAgent(responses), ...files }, { prefix: 'quality-e2e-', plugins: PLUGINS });
afterAll(removeTempDirs);

const RESPONSES = {
  cat: [{ path: 'story.md', content: 'The cat sat. The dog ran.' }],
  memo: [
    {
      path: 'memo.md',
      content:
        'Please review the attached proposal. We recommend that the timeline be extended by two weeks to ensure quality. The analysis was completed by the data team. Thank you for your time. Regards, Ana',
    },
  ],
  chat: [{ path: 'reply.md', content: "hey!! we're gonna ship it tmrw lol, basically done 😎" }],
};

const SUITE = `${SUITE_HEAD}  - id: case-23
    name: reference case 23
    task: { description: cat }
    assertions:
      - type: readability
        config: { max_flesch_kincaid_grade: 5, min_flesch_reading_ease: 90 }
  - id: memo
    name: professional memo
    task: { description: memo }
    assertions:
      - type: tone
        config: { expected_tone: professional }
      - type: passive_voice
        config: { max_passive_voice_percentage: 50 }
      - type: sentence_length
        config: { max_avg_sentence_length: 20, max_sentence_length: 25 }
  - id: chat
    name: casual chat fails the style guide
    task: { description: chat }
    assertions:
      - type: style
        config:
          expected_tone: formal
          forbidden_words: [basically, lol]
          forbidden_patterns: ["!{2,}"]
      - type: style_rules
        config: { required_words: [ship] }
`;

describe('style e2e through the atp binary', () => {
  it('reference case 23, a professional memo and a failing casual reply', async () => {
    const dir = tempProject(RESPONSES, { 'suite.yaml': SUITE });
    const run = await runAtp(['test', 'suite.yaml', '--output', 'json', '--output-file', 'report.json', '--no-journal'], dir);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(run.code).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as JsonReport;
    const byId = Object.fromEntries(report.tests.map((t) => [t.test_id, t]));
    expect(Object.fromEntries(report.tests.map((t) => [t.test_id, t.success]))).toEqual({ 'case-23': true, memo: true, chat: false });
    const [readability] = byId['case-23']!.evaluations!;
    expect(readability!.checks).toEqual([
      {
        name: 'flesch_kincaid_grade',
        passed: true,
        score: 1,
        message: 'Flesch–Kincaid grade 0 ≤ max 5 (story.md)',
        details: {
          artifact: 'story.md',
          metrics: { flesch_kincaid_grade: 0, flesch_reading_ease: 100, smog_grade: 0, coleman_liau_grade: 0 },
          counts: { words: 6, sentences: 2, syllables: 6, complex_words: 0, letters: 18 },
          value: 0,
          max: 5,
        },
      },
      expect.objectContaining({ name: 'flesch_reading_ease', passed: true, message: 'Flesch reading ease 100 ≥ min 90 (story.md)' }),
    ]);
    expect(byId['memo']!.evaluations!.map((e) => [e.evaluator, e.passed, e.checks.map((c) => c.name)])).toEqual([
      ['tone', true, ['tone']],
      ['passive_voice', true, ['passive_voice']],
      ['sentence_length', true, ['avg_sentence_length', 'max_sentence_length']],
    ]);
    const chat = byId['chat']!.evaluations!;
    expect(chat.map((e) => [e.evaluator, e.passed, e.checks.map((c) => [c.name, c.passed])])).toEqual([
      ['style', false, [['tone', false], ['forbidden_words', false], ['forbidden_patterns', false]]],
      ['style_rules', true, [['required_words', true]]],
    ]);
    expect(chat[0]!.checks[1]!.message).toBe('forbidden words found: "basically" ×1 (first at reply.md:1:37), "lol" ×1 (first at reply.md:1:32)');
  }, 120_000);

  it('an invalid regex and an unknown tone are located compile-time errors (exit 2)', async () => {
    const dir = tempProject(RESPONSES, {
      'suite.yaml': `${SUITE_HEAD}  - id: bad
    name: bad config
    task: { description: cat }
    assertions:
      - type: style_rules
        config: { forbidden_patterns: ["(unclosed"] }
      - type: tone
        config: { expected_tone: snarky }
`,
    });
    const run = await runAtp(['test', 'suite.yaml', '--no-journal'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('suite.yaml:12:40: error "style_rules" config: forbidden_patterns[0]: invalid regular expression /(unclosed/: Unterminated group [ATP_EVALUATOR_CONFIG]');
    expect(run.stderr).toContain(
      'suite.yaml:14:34: error "tone" config: expected_tone: expected one of "professional", "casual", "formal", "friendly", got the text "snarky" [ATP_EVALUATOR_CONFIG]',
    );
    expect(run.stderr).toContain('2 errors');
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  }, 60_000);
});
