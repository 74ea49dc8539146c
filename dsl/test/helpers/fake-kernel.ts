import { z } from 'zod';
import { Kernel, definePlugin, zSecretString, type EvaluatorModule, type AdapterModule } from '@atp/kernel';

const evaluatorModule = async (): Promise<EvaluatorModule> => ({ createEvaluator: () => ({ evaluate: () => ({ passed: true, score: 1, checks: [] }) }) });
const adapterModule = async (): Promise<AdapterModule> => ({
  createAdapter: () => ({ run: async () => ({ version: '1.0', task_id: 't', status: 'completed', artifacts: [] }) as never }),
});

const evaluator = (name: string, configSchema: z.ZodType, family: string) => ({ name, description: `fake ${name}`, configSchema, evaluator: family, load: evaluatorModule });
const Path = z.string().min(1);
const Tools = z.array(z.string());

/** Fake evaluators mirroring the real assertion types (reference §3.0) with zod config schemas. */
export const fakeEvaluators = definePlugin({
  name: 'fake-evaluators',
  apiVersion: 1,
  evaluators: [
    evaluator('artifact_exists', z.strictObject({ path: Path }), 'artifact'),
    evaluator('contains', z.strictObject({ pattern: z.string(), regex: z.boolean().default(false), path: Path.optional() }), 'artifact'),
    evaluator('schema', z.strictObject({ schema: z.record(z.string(), z.unknown()), path: Path.optional() }), 'artifact'),
    evaluator('sections', z.strictObject({ sections: z.array(z.string()).min(1), path: Path.optional() }), 'artifact'),
    evaluator(
      'behavior',
      z.strictObject({
        check: z.string().optional(),
        must_use_tools: Tools.optional(),
        forbidden_tools: Tools.optional(),
        max_tool_calls: z.int().min(0).optional(),
        min_tool_calls: z.int().min(0).optional(),
        no_errors: z.boolean().optional(),
      }),
      'behavior',
    ),
    evaluator('must_use_tools', z.strictObject({ tools: Tools }), 'behavior'),
    evaluator('forbidden_tools', z.strictObject({ tools: Tools }), 'behavior'),
    evaluator('max_tool_calls', z.strictObject({ max: z.int().min(0) }), 'behavior'),
    evaluator('min_tool_calls', z.strictObject({ min: z.int().min(0) }), 'behavior'),
    evaluator('no_errors', z.strictObject({}), 'behavior'),
    evaluator('composite', z.object({}).loose(), 'composite'),
    // Not strict on purpose: unknown keys are dropped by zod, and the compiler warns about them.
    evaluator('llm_eval', z.object({ criteria: z.string(), threshold: z.number().min(0).max(1).default(0.7), path: Path.optional() }), 'llm_judge'),
    evaluator(
      'security',
      z.strictObject({
        checks: z.array(z.enum(['pii_exposure', 'secret_leak', 'prompt_injection', 'code_injection'])).optional(),
        sensitivity: z.enum(['low', 'medium', 'high']).default('medium'),
      }),
      'security',
    ),
    evaluator(
      'custom_command',
      z.strictObject({ command: z.string(), timeout: z.int().min(1).default(60), pattern: z.string().optional(), threshold: z.number().optional() }),
      'code_exec',
    ),
    evaluator('lint', z.strictObject({ linter: z.string(), path: Path, max_violations: z.int().min(0).default(0) }), 'code_exec'),
    evaluator('readability', z.strictObject({ max_flesch_kincaid_grade: z.number().min(0) }), 'style'),
  ],
});

/** Fake adapters mirroring `cli` and `http`. */
export const fakeAdapters = definePlugin({
  name: 'fake-adapters',
  apiVersion: 1,
  adapters: [
    {
      name: 'cli',
      description: 'fake cli adapter',
      configSchema: z.strictObject({
        command: z.string().min(1),
        args: z.array(z.string()).default([]),
        cwd: z.string().optional(),
        env: z.record(z.string(), zSecretString()).optional(),
        timeout_seconds: z.int().min(1).optional(),
      }),
      load: adapterModule,
    },
    {
      name: 'http',
      description: 'fake http adapter',
      configSchema: z.strictObject({
        endpoint: z.string().min(1),
        allow_internal: z.boolean().default(false),
        headers: z.record(z.string(), zSecretString()).optional(),
        api_key: zSecretString().optional(),
        timeout_seconds: z.int().min(1).optional(),
      }),
      load: adapterModule,
    },
  ],
});

/** A kernel with the fake evaluators and adapters installed. */
export async function fakeKernel(options: { withComposite?: boolean } = {}): Promise<Kernel> {
  const kernel = new Kernel();
  await kernel.use(
    options.withComposite === false ? { ...fakeEvaluators, evaluators: fakeEvaluators.evaluators.filter((e) => e.name !== 'composite') } : fakeEvaluators,
  );
  await kernel.use(fakeAdapters);
  return kernel;
}
