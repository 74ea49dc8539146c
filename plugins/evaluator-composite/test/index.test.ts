import { validatePlugin } from '@atp/kernel';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

describe('@atp/evaluator-composite plugin', () => {
  it('is a valid plugin with the composite entry', async () => {
    expect(validatePlugin(plugin, '@atp/evaluator-composite')).toBe(plugin);
    expect(plugin.evaluators.map((e) => [e.name, e.evaluator])).toEqual([['composite', 'composite']]);
    const mod = await plugin.evaluators[0]!.load();
    expect(typeof mod.createEvaluator).toBe('function');
  });
});
