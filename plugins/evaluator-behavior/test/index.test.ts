import { validatePlugin } from '@atp/kernel';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

describe('@atp/evaluator-behavior plugin', () => {
  it('is a valid plugin with one entry per assertion type in the behavior family', () => {
    expect(validatePlugin(plugin, '@atp/evaluator-behavior')).toBe(plugin);
    expect(plugin.evaluators.map((e) => [e.name, e.evaluator])).toEqual([
      ['behavior', 'behavior'],
      ['must_use_tools', 'behavior'],
      ['forbidden_tools', 'behavior'],
      ['max_tool_calls', 'behavior'],
      ['min_tool_calls', 'behavior'],
      ['no_errors', 'behavior'],
    ]);
  });

  it('loads a module with createEvaluator', async () => {
    const mod = await plugin.evaluators[0]!.load();
    expect(typeof ('default' in mod ? mod.default : mod).createEvaluator).toBe('function');
  });
});
