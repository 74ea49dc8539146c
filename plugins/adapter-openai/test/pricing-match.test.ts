import { describe, expect, it } from 'vitest';
import { OPENAI_PRICES, costUsd, findPrice } from '../src/pricing.js';
import { matchesWhen } from '@atp/llm-agent-core';
import { parseJsonAnswer, stepLimit, taskPrompt } from '@atp/llm-agent-core';
import { makeRequest } from './helpers.js';

describe('pricing', () => {
  it('finds exact ids, dated variants by the longest id, and vendor-prefixed ids', () => {
    expect(findPrice('gpt-4o', OPENAI_PRICES)).toEqual({ input_per_1k: 0.0025, output_per_1k: 0.01 });
    expect(findPrice('gpt-4o-mini-2024-07-18', OPENAI_PRICES)).toEqual({ input_per_1k: 0.00015, output_per_1k: 0.0006 });
    expect(findPrice('gpt-4o-2024-08-06', OPENAI_PRICES)).toBe(OPENAI_PRICES['gpt-4o']);
    expect(findPrice('o1-mini-2024-09-12', OPENAI_PRICES)).toBe(OPENAI_PRICES['o1-mini']);
    expect(findPrice('openai/gpt-4-turbo', OPENAI_PRICES)).toBe(OPENAI_PRICES['gpt-4-turbo']);
    expect(findPrice('gpt-4omni', OPENAI_PRICES)).toBeUndefined();
    expect(findPrice('llama3.1', OPENAI_PRICES)).toBeUndefined();
  });

  it('computes cost per 1K tokens without float noise', () => {
    expect(costUsd({ input_per_1k: 0.00015, output_per_1k: 0.0006 }, 600, 90)).toBe(0.000144);
    expect(costUsd({ input_per_1k: 0.1, output_per_1k: 0.2 }, 3, 3)).toBe(0.0009);
  });
});

describe('matching tool arguments', () => {
  const args = { city: 'Paris', tags: ['a', 'b'], nested: { n: 2 }, note: 'hello world' };
  it.each([
    [undefined, true],
    [{ city: 'Paris' }, true],
    [{ city: 'paris' }, false],
    [{ nested: { n: 2 } }, true],
    [{ '$.nested.n': 2 }, true],
    [{ '$.tags[1]': 'b' }, true],
    [{ note: { contains: 'world' } }, true],
    [{ tags: { contains: 'b' } }, true],
    [{ tags: { contains: 'z' } }, false],
    [{ city: { regex: '^Pa' } }, true],
    [{ missing: { exists: false } }, true],
    [{ city: { exists: false } }, false],
    [{ nested: { equals: { n: 2 } } }, true],
    [{ city: 'Paris', note: { contains: 'nope' } }, false],
    [{ missing: null }, false],
  ])('when %j → %s', (when, expected) => {
    expect(matchesWhen(args, when as Record<string, unknown> | undefined)).toBe(expected);
  });
});

describe('task mapping', () => {
  it('builds the prompt, the step limit and reads JSON answers', () => {
    expect(taskPrompt(makeRequest({ description: 'Do it' }))).toBe('Do it');
    expect(taskPrompt(makeRequest({ description: 'Do it', input_data: {} }))).toBe('Do it');
    expect(stepLimit(10, makeRequest({}, { max_steps: 3 }))).toBe(3);
    expect(stepLimit(2, makeRequest({}, { max_steps: 3 }))).toBe(2);
    expect(stepLimit(4, makeRequest())).toBe(4);
    expect(parseJsonAnswer('```json\n{"a": 1}\n```')).toEqual({ a: 1 });
    expect(parseJsonAnswer(' [1, 2] ')).toEqual([1, 2]);
    expect(parseJsonAnswer('"just a string"')).toBeUndefined();
    expect(parseJsonAnswer('{not json}')).toBeUndefined();
    expect(parseJsonAnswer('The answer is {"a":1}')).toBeUndefined();
  });
});
