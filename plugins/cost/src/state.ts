import type { CostOptions } from './options.js';
import type { CostRun } from './cost-run.js';
import type { CostSummary } from './summary.js';

/** What one instance of the plugin shares between its hooks, its reporter and its command. */
export interface CostPluginState {
  /** Options from the plugin list, the `setup` call and `settings['@atp/cost']`, merged and validated. */
  options: CostOptions;
  /** The directory relative option paths resolve against (the config file's, else the project's). */
  baseDir: string;
  /** The run being tracked. */
  run?: CostRun;
  /** The summary of the last finished run (for the `cost` reporter). */
  lastSummary?: CostSummary;
}
