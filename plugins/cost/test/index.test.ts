import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validatePlugin } from '@atp/kernel';
import { describe, expect, it } from 'vitest';
import { staticImports } from '@atp/testkit';
import createCostPlugin from '../src/index.js';

describe('@atp/cost plugin', () => {
  it('is a valid plugin with the cost reporter and the estimate command', () => {
    const plugin = createCostPlugin();
    expect(validatePlugin(plugin, '@atp/cost')).toBe(plugin);
    expect(plugin.reporters?.map((r) => [r.name, r.extension])).toEqual([['cost', 'cost.txt']]);
    expect(plugin.commands?.map((c) => c.name)).toEqual(['estimate']);
  });

  it('rejects invalid options with the offending key', () => {
    expect(() => createCostPlugin({ budget_usd: 0, pricing: { models: { x: { input_per_1k: 'cheap', output_per_1k: 1 } } } })).toThrow(
      '@atp/cost options: pricing.models.x.input_per_1k: expected a non-negative decimal such as "0.0025"\n@atp/cost options: budget_usd: Too small: expected number to be >0',
    );
  });
});


describe('the plugin index', () => {
  it('stays light: the pricing table and the tracker load when a run starts', () => {
    const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
    const imports = staticImports(join(src, 'index.ts'));
    expect([...imports].filter((s) => !s.startsWith('node:')).sort()).toEqual(['@atp/kernel', 'zod']);
    expect(readFileSync(join(src, 'index.ts'), 'utf8')).not.toMatch(/from '\.\/(pricing|tracker|cost-run)\.js'/);
  });
});
