/**
 * @atp/cost: the LLM pricing table, a cost tracker tapping the run hooks (agent calls from
 * `llm_request` events and metrics, judge calls from check details), the `cost` reporter and
 * `atp estimate`. This module stays light: the tracker, the table and the command load on first use.
 */
import { dirname } from 'node:path';
import { STAGE_PRE, definePlugin, type CommandEntry, type Plugin, type ReporterEntry } from '@atp/kernel';
import { z } from 'zod';
import { COST_PLUGIN_NAME, parseCostOptions } from './options.js';
import type { CostPluginState } from './state.js';

/**
 * Create the plugin. The config's `['@atp/cost', {...}]` options arrive here; `settings['@atp/cost']`
 * and options given to `kernel.use` are merged over them in `setup`.
 */
export function createCostPlugin(options: Record<string, unknown> = {}): Plugin {
  const state: CostPluginState = { options: parseCostOptions(options, `${COST_PLUGIN_NAME} options`), baseDir: process.cwd() };
  const reporter: ReporterEntry = {
    name: 'cost',
    description: 'the cost of the run per model, test and agent (agent and LLM-judge calls)',
    extension: 'cost.txt',
    configSchema: z.object({}).strict(),
    load: async () => {
      const { createCostReporter } = await import('./cost-reporter.js');
      return { createReporter: (_config, init) => createCostReporter(state, init) };
    },
  };
  const estimate: CommandEntry = {
    name: 'estimate',
    usage: 'estimate SUITE --model M [--runs N] [--budget-check USD]',
    description: 'estimate what a suite will cost with a model, per test and in total (min/max)',
    load: async () => (await import('./estimate-command.js')).createEstimateCommand(state),
  };
  return definePlugin({
    name: COST_PLUGIN_NAME,
    apiVersion: 1,
    version: '0.1.0',
    description: 'LLM pricing table, run cost tracking and budgets, the cost reporter and atp estimate',
    reporters: [reporter],
    commands: [estimate],
    setup({ hooks, config, options: useOptions, logger }) {
      const settings = config.settings[COST_PLUGIN_NAME];
      state.options = parseCostOptions({ ...options, ...useOptions, ...settings }, `${COST_PLUGIN_NAME} options`, settings ? config.configFile : undefined);
      state.baseDir = config.configFile ? dirname(config.configFile.replace(/#atp$/, '')) : config.cwd;
      hooks.runStart.tapPromise({ stage: STAGE_PRE }, async (info) => {
        const { startCostRun } = await import('./start-run.js');
        state.run = await startCostRun(info, state, config, logger);
      });
      hooks.event.tap(COST_PLUGIN_NAME, (event, job) => state.run?.onEvent(event, job));
      hooks.evaluated.tapPromise(COST_PLUGIN_NAME, async (result) => state.run?.onEvaluated(result));
      hooks.runEnd.tapPromise({ stage: STAGE_PRE }, async () => {
        if (!state.run) return;
        state.lastSummary = await state.run.finish();
        state.run = undefined;
      });
    },
  });
}

export default createCostPlugin;

export { CostOptionsSchema, COST_PLUGIN_NAME, type CostOptions } from './options.js';
export { PricingOverridesSchema, ModelPriceSchema, ProviderPriceSchema, PricePer1kSchema, type PricingOverrides, type ModelPriceInput } from './pricing-schema.js';
export { LLM_USAGE_DETAILS_KEY, type LlmUsage } from './usage.js';
export type { CostSummary, CostGroup, BudgetState } from './summary.js';
export type { SuiteEstimate, TestEstimate } from './estimate.js';
