import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cannedAgent, cannedSuiteHead, removeTempDirs, runAtp, tempProject as makeProject, type JsonReport } from '@atp/testkit/e2e';
import { keywordJudge, startFakeChat, type FakeChat } from './fake-chat-server.js';

/** Every quality-evaluator e2e project enables the three of them. */
const PLUGINS = ['@atp/preset-default', '@atp/evaluator-security', '@atp/evaluator-factuality', '@atp/evaluator-style'];
/** The suite header with the canned agent `crafted`. */
const SUITE_HEAD = cannedSuiteHead('quality');
/** A temp project with the canned agent answering `responses`, and `files`. */
const tempProject = (responses: Parameters<typeof cannedAgent>[0], files: Record<string, string>): string =>
  makeProject({ ...cannedAgent(responses), ...files }, { prefix: 'quality-e2e-', plugins: PLUGINS });
afterAll(removeTempDirs);

const KEY = 'sk-e2e-Hq7Lw2Vd9Xc4Rt6Y';

const RESPONSES = {
  right: [{ path: 'answer.md', content: 'Paris is the capital of France. The Eiffel Tower was completed on 31 March 1889 [1].\n\n[1] https://en.wikipedia.org/wiki/Eiffel_Tower' }],
  wrong: [{ path: 'answer.md', content: 'Lyon is the capital of France. Many experts believe the Eiffel Tower was definitely completed in 1887.' }],
  open: [{ path: 'answer.md', content: 'Paris is the capital of France. The Louvre opened in 1793. Mars has three moons.' }],
};

const GROUND_TRUTH = {
  facts: { 'capital of France': 'Paris' },
  dates: { 'Eiffel Tower completed': '1889-03-31' },
  valid_sources: ['https://en.wikipedia.org/wiki/Eiffel_Tower'],
};

// The suite lives in suites/, the ground truth in suites/data/: the path is resolved against the suite file, not the cwd.
const SUITE = SUITE_HEAD.replace('args: [agent.mjs]', 'args: [../agent.mjs]') + `  - id: right
    name: a correct answer
    task: { description: right }
    assertions:
      - type: factuality
        config: { ground_truth_file: data/truth.json }
  - id: wrong
    name: a wrong answer
    task: { description: wrong }
    assertions:
      - type: factuality
        config: { ground_truth_file: data/truth.json }
  - id: open
    name: claims beyond the ground truth, checked by an LLM
    task: { description: open }
    assertions:
      - type: factuality
        config:
          ground_truth_file: data/truth.json
          verification_method: llm_verify
          min_confidence: 0.7
          llm: { base_url: "\${LLM_URL}", model: gpt-e2e, api_key: "\${OPENAI_API_KEY}" }
`;

let server: FakeChat;
beforeAll(async () => {
  server = await startFakeChat(keywordJudge(['Louvre'], ['Mars']));
});
afterAll(async () => {
  await server.close();
});

describe('factuality e2e through the atp binary', () => {
  it('ground truth next to the suite, false claims fail, llm_verify through a Chat Completions endpoint with a secret key', async () => {
    const dir = tempProject(RESPONSES, { 'suites/suite.yaml': SUITE, 'suites/data/truth.json': JSON.stringify(GROUND_TRUTH) });
    const run = await runAtp(['test', 'suites/suite.yaml', '--output', 'console', '--output', 'json', '--output-file', 'report.json', '--no-journal'], dir, {
      LLM_URL: server.baseUrl,
      OPENAI_API_KEY: KEY,
    });
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(run.code).toBe(1);
    const raw = readFileSync(join(dir, 'report.json'), 'utf8');
    const report = JSON.parse(raw) as JsonReport;
    const check = (id: string) => report.tests.find((t) => t.test_id === id)!.evaluations![0]!.checks[0]!;
    expect(Object.fromEntries(report.tests.map((t) => [t.test_id, t.success]))).toEqual({ right: true, wrong: false, open: false });
    expect([check('right').passed, check('right').score, check('right').details?.['ground_truth_file']]).toEqual([true, 1, join(dir, 'suites/data/truth.json')]);
    // claim max(0, 0 − 0.5·2/2) = 0: 0 + 0.2·1 + 0.2·(1 − 0.11) = 0.378
    expect(check('wrong').message).toBe(
      'overall 0.378 < 0.8 and 2 false claims: 2 claims (0 verified, 2 false, 0 unverified); citations 0 valid, 0 invalid; 2 hallucination indicators (penalty 0.11)',
    );
    expect(check('wrong').evidence).toBe(
      [
        'false: "Lyon is the capital of France." — expected "Paris" (facts."capital of France")',
        'false: "Many experts believe the Eiffel Tower was definitely completed in 1887." — expected 1889-03-31, found 1887 (dates."Eiffel Tower completed")',
        'medium vague_attribution: vague attribution "Many experts believe" without a source',
        'low overconfidence: over-confident wording "definitely"',
      ].join('\n'),
    );
    // The LLM saw the two claims the ground truth could not decide, with the key as a bearer token.
    expect(server.requests.map((r) => [r.headers['authorization'], r.body.model])).toEqual([[`Bearer ${KEY}`, 'gpt-e2e']]);
    const open = check('open');
    expect((open.details?.['claims'] as Array<{ status: string; source?: string }>).map((c) => [c.status, c.source])).toEqual([
      ['verified', 'facts."capital of France"'],
      ['verified', 'llm'],
      ['false', 'llm'],
    ]);
    expect(open.passed).toBe(false);
    for (const text of [raw, run.stdout, run.stderr]) expect(text).not.toContain(KEY);
  }, 120_000);

  it('an unsupported verification method is a located compile-time error (exit 2)', async () => {
    const dir = tempProject(RESPONSES, {
      'suite.yaml': `${SUITE_HEAD}  - id: rag
    name: rag
    task: { description: right }
    assertions:
      - type: factuality
        config: { verification_method: rag }
`,
    });
    const run = await runAtp(['test', 'suite.yaml', '--no-journal'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('suite.yaml:12:40: error "factuality" config: verification_method: expected one of "ground_truth", "llm_verify", got the text "rag" [ATP_EVALUATOR_CONFIG]');
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  }, 60_000);
});
