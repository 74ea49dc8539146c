import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validatePlugin } from '@atp/kernel';
import { describe, expect, it } from 'vitest';
import { importsOf } from '@atp/testkit';
import plugin from '../src/index.js';

describe('@atp/evaluator-security plugin', () => {
  it('is a valid plugin with the security assertion type', async () => {
    expect(validatePlugin(plugin, '@atp/evaluator-security')).toBe(plugin);
    expect(plugin.evaluators.map((e) => [e.name, e.evaluator])).toEqual([['security', 'security']]);
    const mod = await plugin.evaluators[0]!.load();
    expect(typeof mod.createEvaluator).toBe('function');
  });

  it('keeps the index light: it imports the config schema only, not the scanner', () => {
    const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
    expect(importsOf(join(src, 'index.ts'))).toEqual(['@atp/kernel', './config-schema.js']);
    expect(readFileSync(join(src, 'config-schema.ts'), 'utf8')).not.toMatch(/from '\.\//);
  });
});
