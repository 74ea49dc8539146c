import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validatePlugin } from '@atp/kernel';
import { describe, expect, it } from 'vitest';
import { importsOf } from '@atp/testkit';
import plugin from '../src/index.js';

describe('@atp/evaluator-style plugin', () => {
  it('is a valid plugin with one entry per style assertion type', async () => {
    expect(validatePlugin(plugin, '@atp/evaluator-style')).toBe(plugin);
    expect(plugin.evaluators.map((e) => [e.name, e.evaluator])).toEqual([
      ['style', 'style'],
      ['tone', 'style'],
      ['readability', 'style'],
      ['passive_voice', 'style'],
      ['sentence_length', 'style'],
      ['style_rules', 'style'],
    ]);
    for (const entry of plugin.evaluators) {
      const mod = await entry.load();
      expect(typeof ('default' in mod ? mod.default : mod).createEvaluator).toBe('function');
    }
  });

  it('keeps the index light: schemas and constants only', () => {
    const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
    const imports = (file: string): string[] => importsOf(join(src, file));
    expect(imports('index.ts')).toEqual(['@atp/kernel', './config-schemas.js']);
    expect(imports('config-schemas.ts')).toEqual(['zod', './compile-regex.js', './tones.js']);
  });
});
