import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Kernel, definePlugin, run, type ATPRequest, type AdapterModule } from '@atp/kernel';
import { sampleResponse, testEvaluator } from '@atp/testkit';
import plugin from '../src/index.js';
import { SAMPLE_DATASET, load } from '../src/load-dataset.js';

const fixture = (name: string): string => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));

describe('json-dataset loader', () => {
  it('turns the bundled dataset into a plan: one test and one job per item', async () => {
    const plan = await load({});
    expect(plan.suite).toEqual({ name: 'capitals', version: '1.0', description: 'Capital cities: a tiny sample dataset', file: SAMPLE_DATASET });
    expect(plan.tests.map((t) => t.id)).toEqual(['france', 'japan', 'kenya']);
    expect(plan.tests[0]).toMatchObject({
      name: 'What is the capital of France?',
      task: { description: 'What is the capital of France?', input_data: null, expected_artifacts: null },
      timeoutMs: 60_000,
      assertions: [{ id: 'expected_answer', type: 'expected_answer', config: { answer: 'Paris', case_sensitive: false }, critical: false }],
    });
    expect(plan.jobs.map((j) => j.id)).toEqual(['france::default::1', 'japan::default::1', 'kenya::default::1']);
  });

  it('applies limit and runs', async () => {
    const plan = await load({ limit: 2, runs: 3 });
    expect(plan.tests).toHaveLength(2);
    expect(plan.jobs).toHaveLength(6);
  });

  it('reports bad options and bad datasets with the file and the path of the problem', async () => {
    await expect(load({ limt: 2 })).rejects.toThrow('json-dataset: invalid options: Unrecognized key: "limt"');
    await expect(load({ file: fixture('missing.json') })).rejects.toThrow(`json-dataset: cannot read ${fixture('missing.json')}: file not found`);
    await expect(load({ file: fixture('duplicate-ids.json') })).rejects.toThrow(`json-dataset: ${fixture('duplicate-ids.json')}: items.1.answer: Too small: expected string to have >=1 characters; items: item ids must be unique`);
  });

  it('produces a plan the ATP runner executes', async () => {
    const answers: Record<string, string> = { 'What is the capital of France?': 'Paris', 'What is the capital of Japan?': 'Kyoto', 'What is the capital of Kenya?': 'Nairobi' };
    const oracle: AdapterModule = {
      createAdapter: () => ({
        run: async (request: ATPRequest) => sampleResponse({ task_id: request.task_id, text: `The answer is ${answers[request.task.description] ?? 'unknown'}.` }),
      }),
    };
    const kernel = new Kernel();
    await kernel.use(plugin);
    await kernel.use(definePlugin({ name: 'oracle', apiVersion: 1, adapters: [{ name: 'oracle', description: 'answers from a table', load: async () => oracle }] }));
    const report = await run(await load({}), { kernel, adapter: 'oracle', journal: false });
    expect(report.tests.map((t) => [t.testId, t.passed, t.score])).toEqual([
      ['france', true, 100],
      ['japan', false, 0],
      ['kenya', true, 100],
    ]);
  });
});

testEvaluator(plugin, {
  evaluator: 'expected_answer',
  valid: [
    { name: 'finds the answer, ignoring case and spacing', config: { answer: 'New  York' }, response: sampleResponse({ text: 'It is new york.' }) },
  ],
  invalid: [
    { name: 'wrong answer', config: { answer: 'Paris' }, response: sampleResponse({ text: 'Lyon' }), checks: [{ passed: false, score: 0, message: '"Paris" is not in the answer' }] },
    { name: 'case matters when asked', config: { answer: 'Paris', case_sensitive: true }, response: sampleResponse({ text: 'paris' }), checks: [{ passed: false }] },
    { name: 'empty answer', config: { answer: '' }, configError: 'answer cannot be empty' },
  ],
});
