import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validatePlugin } from '@atp/kernel';
import { describe, expect, it } from 'vitest';
import { staticImports } from '@atp/testkit';
import plugin from '../src/index.js';
import { CHECK_NAMES } from '../src/code-exec-evaluator.js';

describe('@atp/evaluator-code-exec plugin', () => {
  it('is a valid plugin with one entry per code-execution assertion type', () => {
    expect(validatePlugin(plugin, '@atp/evaluator-code-exec')).toBe(plugin);
    expect(plugin.evaluators.map((e) => [e.name, e.evaluator, CHECK_NAMES[e.name as keyof typeof CHECK_NAMES]])).toEqual([
      ['code_exec', 'code_exec', 'custom_command'],
      ['custom_command', 'code_exec', 'custom_command'],
      ['pytest', 'code_exec', 'pytest'],
      ['npm', 'code_exec', 'npm'],
      ['lint', 'code_exec', 'lint'],
    ]);
  });

  it('loads a module with createEvaluator', async () => {
    const mod = await plugin.evaluators[0]!.load();
    const evaluatorModule = 'default' in mod ? mod.default : mod;
    expect(typeof evaluatorModule.createEvaluator).toBe('function');
  });

  // @atp/subprocess loads child_process only when something is spawned (its own tests check that).
  it('keeps the index light: zod, the kernel and @atp/subprocess only (no child_process)', () => {
    const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
    const imports = staticImports(join(src, 'index.ts'));
    expect([...imports].sort()).toEqual(['@atp/kernel', '@atp/subprocess', 'zod']);
  });
});
