import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validatePlugin } from '@atp/kernel';
import { describe, expect, it } from 'vitest';
import { staticImports } from '@atp/testkit';
import plugin from '../src/index.js';

describe('@atp/evaluator-filesystem plugin', () => {
  it('is a valid plugin with one entry per filesystem assertion type', () => {
    expect(validatePlugin(plugin, '@atp/evaluator-filesystem')).toBe(plugin);
    expect(plugin.evaluators.map((e) => [e.name, e.evaluator])).toEqual([
      ['file_exists', 'filesystem'],
      ['file_not_exists', 'filesystem'],
      ['file_contains', 'filesystem'],
      ['dir_exists', 'filesystem'],
      ['file_count', 'filesystem'],
      ['json_field', 'filesystem'],
      ['tree_snapshot', 'filesystem'],
    ]);
  });

  it('loads a module with createEvaluator', async () => {
    const mod = await plugin.evaluators[0]!.load();
    const evaluatorModule = 'default' in mod ? mod.default : mod;
    expect(typeof evaluatorModule.createEvaluator).toBe('function');
  });

  it('keeps the index light: zod and the kernel only', () => {
    const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
    const imports = staticImports(join(src, 'index.ts'));
    expect([...imports].sort()).toEqual(['@atp/kernel', 'zod']);
  });
});
