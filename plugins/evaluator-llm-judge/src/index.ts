/**
 * @atp/evaluator-llm-judge: LLM-as-judge assertions (`llm_eval`, alias `llm_judge`) with criteria and
 * free rubrics, structured verdicts, retries, samples with agreement and token usage for @atp/cost;
 * plus `atp generate from-description`. This module stays light: the SDKs load when a judge is called.
 */
import { STAGE_PRE, definePlugin, type CommandEntry, type EvaluatorEntry, type EvaluatorModule, type Plugin } from '@atp/kernel';
import { createLlmEvalConfigSchema, type JudgeFields } from './config-schema.js';
import { JUDGE_PLUGIN_NAME, parseJudgeOptions } from './options.js';

/** The assertion types this plugin registers: `llm_eval` (ATP v1's name) and its alias `llm_judge`. */
export const JUDGE_TYPES = ['llm_eval', 'llm_judge'] as const;

/** What one plugin instance shares between its schema, its hooks and its command. */
interface JudgeState {
  /** The project-wide judge: plugin options, then options given to `kernel.use`, then `settings`. */
  suiteJudge?: JudgeFields;
}

/**
 * Create the plugin. `options` are the project-wide judge (`['@atp/evaluator-llm-judge', {provider,
 * model, base_url, api_key_env}]`); `settings['@atp/evaluator-llm-judge']` is merged over them in setup.
 * The assertion schema reads them when a suite compiles, so a suite using llm_eval with no judge
 * anywhere fails to compile, with a located error saying how to configure one.
 */
export function createLlmJudgePlugin(options: Record<string, unknown> = {}): Plugin {
  const state: JudgeState = { suiteJudge: parseJudgeOptions(options, `${JUDGE_PLUGIN_NAME} options`) };
  const load: EvaluatorEntry['load'] = async () => (await import('./evaluator.js')).default as unknown as EvaluatorModule;
  const evaluators: EvaluatorEntry[] = JUDGE_TYPES.map((type) => ({
    name: type,
    evaluator: 'llm_judge',
    description: type === 'llm_eval' ? 'An LLM judge scores artifacts against criteria, a rubric or instructions' : 'Alias of llm_eval',
    configSchema: createLlmEvalConfigSchema(type, () => state.suiteJudge),
    load,
  }));
  const generate: CommandEntry = {
    name: 'generate',
    usage: 'generate from-description [TEXT] [--file F] [--output suite.yaml]',
    description: 'write a test suite from a description with the configured LLM, validated by the compiler',
    load: async () => (await import('./generate/generate-command.js')).createGenerateCommand(() => state.suiteJudge),
  };
  return definePlugin({
    name: JUDGE_PLUGIN_NAME,
    apiVersion: 1,
    version: '0.1.0',
    description: 'LLM-as-judge assertions (llm_eval) and atp generate from-description',
    evaluators,
    commands: [generate],
    setup({ hooks, config, options: useOptions }) {
      const settings = config.settings[JUDGE_PLUGIN_NAME];
      state.suiteJudge = parseJudgeOptions({ ...options, ...useOptions, ...settings }, settings ? `settings["${JUDGE_PLUGIN_NAME}"]` : `${JUDGE_PLUGIN_NAME} options`, settings ? config.configFile : undefined);
      hooks.runStart.tapPromise({ stage: STAGE_PRE }, async ({ plan }) => {
        const { checkJudgeCredentials } = await import('./credentials.js');
        checkJudgeCredentials(plan, new Set(JUDGE_TYPES), process.env);
      });
    },
  });
}

export default createLlmJudgePlugin;

export {
  JUDGE_PROVIDERS,
  JUDGE_DEFAULTS,
  JudgeFieldsSchema,
  JudgePricingSchema,
  RubricItemSchema,
  createLlmEvalConfigSchema,
  type JudgeProvider,
  type JudgeFields,
  type ResolvedJudge,
  type LlmEvalConfig,
  type RubricItem,
} from './config-schema.js';
export { CRITERIA, CRITERION_DESCRIPTIONS, type Criterion } from './criteria.js';
export { JUDGE_PLUGIN_NAME } from './options.js';
export type { JudgeUsage } from './usage.js';
export type { Agreement } from './agreement.js';
