import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validatePlugin } from '@atp/kernel';
import { describe, expect, it } from 'vitest';
import { importsOf } from '@atp/testkit';
import plugin from '../src/index.js';

describe('@atp/evaluator-factuality plugin', () => {
  it('is a valid plugin with the factuality assertion type', async () => {
    expect(validatePlugin(plugin, '@atp/evaluator-factuality')).toBe(plugin);
    expect(plugin.evaluators.map((e) => [e.name, e.evaluator])).toEqual([['factuality', 'factuality']]);
    const mod = await plugin.evaluators[0]!.load();
    expect(typeof mod.createEvaluator).toBe('function');
  });

  it('keeps the index light: the config schema only', () => {
    const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
    const imports = (file: string): string[] => importsOf(join(src, file));
    expect(imports('index.ts')).toEqual(['@atp/kernel', './config-schema.js']);
    expect(imports('config-schema.ts')).toEqual(['@atp/kernel', 'zod']);
  });
});
