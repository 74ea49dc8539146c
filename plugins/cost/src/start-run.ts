import { join, resolve } from 'node:path';
import type { Logger, ResolvedConfig, RunStartInfo } from '@atp/kernel';
import { CostRun } from './cost-run.js';
import { loadPricing } from './load-pricing.js';
import type { CostPluginState } from './state.js';
import { parseUsd } from './usd.js';

/**
 * Start tracking a run: load the pricing table (pricing_file errors surface here, before any job
 * starts), take the run budget (`budget_usd`) and the kernel's run control that enforces it, and
 * locate the run journal's directory for cost.json.
 */
export async function startCostRun(info: RunStartInfo, state: CostPluginState, config: ResolvedConfig, logger: Logger): Promise<CostRun> {
  const pricing = await loadPricing(state.options, state.baseDir);
  const budget = state.options.budget_usd;
  return new CostRun(info.runId, {
    pricing,
    ...(budget !== undefined ? { budget: parseUsd(budget) } : {}),
    printSummary: state.options.summary,
    runDir: join(resolve(config.cwd, config.defaults.runs_dir), info.runId),
    ...(state.options.output_file ? { outputFile: resolve(config.cwd, state.options.output_file) } : {}),
    logger,
    cwd: config.cwd,
    control: info.control,
  });
}
