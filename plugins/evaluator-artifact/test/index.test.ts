import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validatePlugin } from '@atp/kernel';
import { describe, expect, it } from 'vitest';
import { staticImports } from '@atp/testkit';
import plugin from '../src/index.js';

describe('@atp/evaluator-artifact plugin', () => {
  it('is a valid plugin with one entry per assertion type in the artifact family', () => {
    expect(validatePlugin(plugin, '@atp/evaluator-artifact')).toBe(plugin);
    expect(plugin.evaluators.map((e) => [e.name, e.evaluator])).toEqual([
      ['artifact_exists', 'artifact'],
      ['contains', 'artifact'],
      ['regex', 'artifact'],
      ['schema', 'artifact'],
      ['json_path', 'artifact'],
      ['sections', 'artifact'],
    ]);
  });

  it('loads a module with createEvaluator', async () => {
    for (const entry of plugin.evaluators) {
      const mod = await entry.load();
      const evaluatorModule = 'default' in mod ? mod.default : mod;
      expect(typeof evaluatorModule.createEvaluator).toBe('function');
    }
  });
});


describe('the plugin index', () => {
  it('stays light: zod and the kernel only, ajv is loaded with the evaluator (or required when a schema config is parsed)', () => {
    const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
    // node:module gives schema-check.ts its createRequire: ajv itself is not a static import.
    expect([...staticImports(join(src, 'index.ts'))].sort()).toEqual(['@atp/kernel', 'node:module', 'zod']);
    expect(staticImports(join(src, 'artifact-evaluator.ts')).has('ajv')).toBe(false);
    expect(staticImports(join(src, 'checks', 'schema.ts')).has('ajv')).toBe(true);
  });
});
