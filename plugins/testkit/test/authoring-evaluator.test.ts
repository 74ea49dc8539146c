import { describe, expect, it } from 'vitest';
import { definePlugin, type EvaluatorModule } from '@atp/kernel';
import { z } from 'zod';
import { sampleEvents, sampleResponse, testEvaluator, type TestFramework } from '../src/authoring/index.js';

/** Passes when an artifact contains `text`; fails with score 0 otherwise. */
const containsModule: EvaluatorModule = {
  createEvaluator: () => ({
    evaluate: ({ assertion, response }) => {
      const text = String(assertion.config.text);
      const found = response.artifacts.some((a) => a.type === 'file' && Boolean(a.content?.includes(text)));
      return { checks: [{ name: 'has_text', passed: found, score: found ? 1 : 0, message: found ? `found "${text}"` : `no "${text}"` }] };
    },
  }),
};
const textSchema = z.strictObject({ text: z.string().min(1) });

const plugin = definePlugin({
  name: 'atp-plugin-sample',
  apiVersion: 1,
  evaluators: [
    { name: 'has_text', description: 'an artifact contains text', configSchema: textSchema, load: async () => containsModule },
    {
      name: 'tool_used',
      description: 'a tool was called',
      configSchema: z.strictObject({ tool: z.string() }),
      load: async () => ({
        createEvaluator: () => ({
          evaluate: ({ assertion, events }) => {
            const used = events.some((e) => e.event_type === 'tool_call' && e.payload['tool'] === assertion.config['tool']);
            return used ? { checks: [{ name: 'tool_used', passed: true, score: 1 }] } : { checks: [], skipped: { reason: 'no_tool_calls', message: 'the run called no tool' } };
          },
        }),
      }),
    },
  ],
});

// The helper itself, registered as vitest tests (describe/it detected from the vitest runner).
testEvaluator(plugin, {
  evaluator: 'has_text',
  valid: [{ name: 'finds the text', config: { text: 'agent' }, checks: [{ name: 'has_text', passed: true, score: 1, message: 'found "agent"' }] }],
  invalid: [
    { name: 'missing text', config: { text: 'Paris' }, checks: [{ passed: false, message: /no "Paris"/ }] },
    { name: 'empty text is rejected', config: { text: '' }, configError: 'text' },
  ],
});

testEvaluator(plugin, {
  evaluator: 'tool_used',
  valid: [{ config: { tool: 'search' }, events: sampleEvents(['tool_call', { tool: 'search' }]) }],
  invalid: [{ name: 'no tool call: skipped, not failed', config: { tool: 'search' }, skipped: 'no_tool_calls' }],
});

/** Run the cases at once and return the AssertionError message (or undefined when all passed). */
async function failures(run: Promise<void>): Promise<string | undefined> {
  try {
    await run;
    return undefined;
  } catch (error) {
    expect((error as Error).name).toBe('AssertionError');
    return (error as Error).message;
  }
}

describe('testEvaluator without a test framework', () => {
  it('resolves when every case holds', async () => {
    expect(await failures(testEvaluator(containsModule, { evaluator: 'contains', configSchema: textSchema, valid: [{ config: { text: 'Hello' } }], invalid: [{ config: { text: 'Bye' } }] }, { framework: null }))).toBeUndefined();
  });

  it('rejects with every failed case, named, and why', async () => {
    const message = await failures(
      testEvaluator(
        plugin,
        {
          evaluator: 'has_text',
          valid: [
            { name: 'wrongly valid', config: { text: 'Paris' } },
            { name: 'wrong message', config: { text: 'agent' }, checks: [{ message: 'found it' }] },
            { name: 'bad config', config: { txt: 'x' } },
          ],
          invalid: [
            { name: 'wrongly invalid', config: { text: 'agent' } },
            { name: 'config accepted', config: { text: 'agent' }, configError: 'text' },
            { name: 'wrong config message', config: { text: '' }, configError: 'must be a number' },
            { name: 'not skipped', config: { text: 'Paris' }, skipped: true },
            { name: 'bad response', config: { text: 'a' }, response: { version: '1.0', task_id: 't', status: 'done' as never } },
          ],
        },
        { framework: null },
      ),
    );
    expect(message).toBe(
      [
        '8 cases failed:',
        '  - evaluator has_text > valid > wrongly valid: expected every check to pass but 1 failed: has_text (no "Paris")',
        '  - evaluator has_text > valid > wrong message: checks[0].message: expected "found it" but got "found \\"agent\\""',
        '  - evaluator has_text > valid > bad config: the config was rejected by the "has_text" config schema: text: Invalid input: expected string, received undefined; Unrecognized key: "txt"',
        '  - evaluator has_text > invalid > wrongly invalid: expected the evaluator to fail but every check passed: has_text',
        '  - evaluator has_text > invalid > config accepted: expected the config to be rejected ("text") but the "has_text" schema accepted it',
        '  - evaluator has_text > invalid > wrong config message: the config was rejected with "text: Too small: expected string to have >=1 characters", which does not match "must be a number"',
        '  - evaluator has_text > invalid > not skipped: expected the assertion to be skipped but it failed',
        `  - evaluator has_text > invalid > bad response: the case's response is not a valid ATP message: status: expected one of completed|failed|timeout|cancelled|partial, received "done"`,
      ].join('\n'),
    );
  });

  it('checks the evaluator contract and reports evaluators that throw', async () => {
    const broken = (output: unknown): EvaluatorModule => ({ createEvaluator: () => ({ evaluate: () => output as never }) });
    const message = await failures(
      testEvaluator(broken({ checks: [{ name: '', passed: 'yes', score: 2, details: [] }], skipped: 'no' }), { evaluator: 'broken', valid: [{ name: 'contract' }] }, { framework: null }),
    );
    expect(message).toContain(
      'evaluator "broken" broke the evaluator contract: checks[0].name must be a non-empty string; checks[0].passed must be a boolean; checks[0].score must be a number from 0 to 1, got 2; checks[0].details must be an object when present; skipped must be { reason: string, message: string } when present',
    );
    const throwing: EvaluatorModule = {
      createEvaluator: () => ({
        evaluate: () => {
          throw new Error('boom');
        },
      }),
    };
    expect(await failures(testEvaluator(throwing, { invalid: [{ name: 'throws' }] }, { framework: null }))).toContain('evaluator "evaluator-under-test" threw instead of returning a failed check: boom');
  });

  it('needs the evaluator name when a plugin registers several', async () => {
    expect(await failures(testEvaluator(plugin, { valid: [{}] }, { framework: null }))).toContain('plugin "atp-plugin-sample" registers several evaluators (has_text, tool_used): name the one to test');
    expect(await failures(testEvaluator(plugin, { evaluator: 'nope', valid: [{}] }, { framework: null }))).toContain('plugin "atp-plugin-sample" registers no evaluator "nope" (it registers: has_text, tool_used)');
  });

  it('rejects a call with no cases at once', () => {
    expect(() => testEvaluator(plugin, { evaluator: 'has_text' }, { framework: null })).toThrow('evaluator has_text: no cases: give at least one valid or invalid case');
  });
});

describe('testEvaluator with a given framework', () => {
  it('registers describe > describe(valid|invalid) > it(case) and resolves at once', async () => {
    const calls: string[] = [];
    const bodies: Array<() => Promise<void>> = [];
    const framework: TestFramework = {
      describe: (name, fn) => {
        calls.push(`describe ${name}`);
        fn();
      },
      it: (name, fn) => {
        calls.push(`it ${name}`);
        bodies.push(fn);
      },
    };
    await testEvaluator(plugin, { evaluator: 'has_text', valid: [{ name: 'ok', config: { text: 'agent' } }], invalid: [{ config: { text: 'zzz' }, response: sampleResponse({ text: 'abc' }) }] }, { framework });
    expect(calls).toEqual(['describe evaluator has_text', 'describe valid', 'it ok', 'describe invalid', 'it #1 {"text":"zzz"}']);
    for (const body of bodies) await body();
  });
});
