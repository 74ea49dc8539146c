import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKernel, validatePlugin, type EvaluatorModule } from '@atp/kernel';
import { describe, expect, it } from 'vitest';
import { staticImports } from '@atp/testkit';
import createLlmJudgePlugin, { JUDGE_TYPES } from '../src/index.js';

describe('@atp/evaluator-llm-judge plugin', () => {
  it('is a valid plugin registering llm_eval, its alias llm_judge and the generate command', () => {
    const plugin = createLlmJudgePlugin();
    expect(validatePlugin(plugin, '@atp/evaluator-llm-judge')).toBe(plugin);
    expect(plugin.evaluators?.map((e) => [e.name, e.evaluator])).toEqual([
      ['llm_eval', 'llm_judge'],
      ['llm_judge', 'llm_judge'],
    ]);
    expect(JUDGE_TYPES).toEqual(['llm_eval', 'llm_judge']);
    expect(plugin.commands?.map((c) => c.name)).toEqual(['generate']);
  });

  it('loads an evaluator module with createEvaluator', async () => {
    const mod = (await createLlmJudgePlugin().evaluators![0]!.load()) as EvaluatorModule;
    expect(typeof mod.createEvaluator).toBe('function');
  });

  it('reads the project judge from factory options, use() options and settings, settings last', async () => {
    const schemaOf = (p: ReturnType<typeof createLlmJudgePlugin>) => p.evaluators![0]!.configSchema!;
    const noJudge = createLlmJudgePlugin();
    expect(schemaOf(noJudge).safeParse({ criteria: 'quality' }).success).toBe(false);

    const fromFactory = createLlmJudgePlugin({ provider: 'openai', model: 'gpt-4o-mini' });
    expect(schemaOf(fromFactory).parse({ criteria: 'quality' })).toMatchObject({ judge: { provider: 'openai', model: 'gpt-4o-mini' } });

    const kernel = createKernel();
    kernel.config.settings['@atp/evaluator-llm-judge'] = { model: 'gpt-4o' };
    const viaUse = createLlmJudgePlugin({ provider: 'openai', model: 'gpt-4o-mini' });
    await kernel.use(viaUse, 'test', { base_url: 'http://127.0.0.1:1/v1' });
    expect(schemaOf(viaUse).parse({ criteria: 'quality' })).toMatchObject({ judge: { provider: 'openai', model: 'gpt-4o', base_url: 'http://127.0.0.1:1/v1' } });
  });

  it('reports invalid options with the key and a suggestion', () => {
    expect(() => createLlmJudgePlugin({ provider: 'gemini', modle: 'x' })).toThrow(
      '@atp/evaluator-llm-judge options: provider: Invalid option: expected one of "openai"|"anthropic"|"azure"\n@atp/evaluator-llm-judge options: unknown key "modle" — did you mean "model"?',
    );
  });
});


describe('the plugin index', () => {
  it('stays light: zod and the kernel only; the SDKs load when a judge is called', () => {
    const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
    expect([...staticImports(join(src, 'index.ts'))].sort()).toEqual(['@atp/kernel', 'zod']);
    expect(staticImports(join(src, 'evaluator.ts')).has('openai')).toBe(false);
    expect(staticImports(join(src, 'clients', 'openai-client.ts')).has('openai')).toBe(true);
    expect(staticImports(join(src, 'clients', 'anthropic-client.ts')).has('@anthropic-ai/sdk')).toBe(true);
  });
});
