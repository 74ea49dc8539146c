import { Secret } from '@atp/kernel';
import { describe, expect, it } from 'vitest';
import { createLlmEvalConfigSchema, mergeJudge, type JudgeFields } from '../src/config-schema.js';

const schema = (suite?: JudgeFields) => createLlmEvalConfigSchema('llm_eval', () => suite);
const issues = (suite: JudgeFields | undefined, config: unknown) => {
  const r = schema(suite).safeParse(config);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path, message: i.message }));
};
const DEFAULTS = { temperature: 0, max_tokens: 1024, timeout_seconds: 60, retries: 3, retry_delay_seconds: 1 };

describe('llm_eval config schema', () => {
  it('refuses a config without any judge, saying how to configure one', () => {
    expect(issues(undefined, { criteria: 'completeness' })).toEqual([
      { path: [], message: 'llm_eval needs a judge model: set judge: {provider, model} on the assertion or configure the plugin in atp.config (see docs/guides/llm-judge-and-cost.md)' },
    ]);
  });

  it('uses the project judge, with defaults filled in', () => {
    const out = schema({ provider: 'openai', model: 'gpt-4o-mini', base_url: 'http://127.0.0.1:1/v1' }).parse({ criteria: ['completeness', 'relevance'] });
    expect(out).toEqual({
      criteria: ['completeness', 'relevance'],
      rubric: [],
      threshold: 0.7,
      per_artifact: false,
      samples: 1,
      max_chars: 50_000,
      judge: { provider: 'openai', model: 'gpt-4o-mini', base_url: 'http://127.0.0.1:1/v1', ...DEFAULTS },
    });
  });

  it('takes a judge from the assertion alone, and wraps a plain api_key in a Secret', () => {
    const out = schema(undefined).parse({ prompt: 'Is it polite?', judge: { provider: 'anthropic', model: 'claude-3-5-haiku', api_key: 'sk-live-123456' } });
    expect(out.judge.api_key).toBeInstanceOf(Secret);
    expect(JSON.stringify(out)).not.toContain('sk-live-123456');
    expect(out.prompt).toBe('Is it polite?');
  });

  it('merges an assertion judge over the project judge', () => {
    const suite: JudgeFields = { provider: 'openai', model: 'gpt-4o', base_url: 'http://x.test/v1', api_key_env: 'MY_KEY', pricing: { input_per_1k: 1, output_per_1k: 2 }, retries: 5 };
    expect(mergeJudge(suite, { model: 'gpt-4o-mini' })).toEqual({ provider: 'openai', model: 'gpt-4o-mini', base_url: 'http://x.test/v1', api_key_env: 'MY_KEY', retries: 5 });
    // another provider does not inherit the project judge's connection
    expect(mergeJudge(suite, { provider: 'anthropic', model: 'claude-3-haiku' })).toEqual({ provider: 'anthropic', model: 'claude-3-haiku', retries: 5 });
  });

  it('names the missing part of a partial judge', () => {
    expect(issues(undefined, { criteria: 'safety', judge: { model: 'gpt-4o' } })).toEqual([
      { path: ['judge'], message: 'llm_eval needs a judge provider: set judge.provider to openai, anthropic, azure (it is never guessed from the model; see docs/guides/llm-judge-and-cost.md)' },
    ]);
    expect(issues({ provider: 'openai' }, { criteria: 'safety' })[0]?.message).toMatch(/^llm_eval needs a judge model: set judge.model/);
    expect(issues(undefined, { criteria: 'safety', judge: { provider: 'azure', model: 'gpt-4o' } })).toEqual([
      { path: ['judge'], message: 'llm_eval: the azure judge needs base_url, your Azure OpenAI endpoint (https://<resource>.openai.azure.com)' },
    ]);
  });

  it('needs something to judge by and rejects conflicting or duplicated keys', () => {
    const judge = { provider: 'openai' as const, model: 'm' };
    expect(issues(judge, {}).map((i) => i.message)).toEqual(['llm_eval needs something to judge by: criteria (factual_accuracy, completeness, relevance, coherence, safety, clarity, actionability, quality), a rubric, or a prompt']);
    expect(issues(judge, { prompt: 'x', path: 'a', paths: ['b'] })).toEqual([{ path: ['path'], message: 'give either path or paths, not both' }]);
    expect(issues(judge, { criteria: ['safety', 'safety'] })).toEqual([{ path: ['criteria', 1], message: 'criterion "safety" is listed twice' }]);
    expect(issues(judge, { criteria: 'clarity', rubric: [{ criterion: 'clarity' }] })).toEqual([{ path: ['rubric', 0, 'criterion'], message: 'criterion "clarity" is listed twice' }]);
    expect(issues(judge, { criteria: 'wit' })[0]?.path).toEqual(['criteria']);
    expect(issues(judge, { prompt: 'x', temperature: 1 })).toEqual([{ path: [], message: 'Unrecognized key: "temperature"' }]);
  });

  it('accepts ATP v1 spellings: a single criterion, path and num_runs', () => {
    const out = schema({ provider: 'openai', model: 'm' }).parse({ criteria: 'quality', path: 'out.md', num_runs: 3, rubric: [{ criterion: 'tone', weight: 2 }] });
    expect(out).toMatchObject({ criteria: ['quality'], paths: ['out.md'], samples: 3, rubric: [{ criterion: 'tone', weight: 2 }] });
  });
});
