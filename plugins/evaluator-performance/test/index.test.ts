import { validatePlugin } from '@atp/kernel';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

describe('@atp/evaluator-performance plugin', () => {
  it('is a valid plugin with the performance assertion', () => {
    expect(validatePlugin(plugin, '@atp/evaluator-performance')).toBe(plugin);
    expect(plugin.evaluators.map((e) => [e.name, e.evaluator])).toEqual([['performance', 'performance']]);
  });

  it('loads a module with createEvaluator', async () => {
    const mod = await plugin.evaluators[0]!.load();
    expect(typeof mod.createEvaluator).toBe('function');
  });

  it('taps no hook: the runner times each run (EvaluationInput.timing), so no plugin work runs per job', () => {
    expect(Object.keys(plugin)).not.toContain('setup');
  });
});
