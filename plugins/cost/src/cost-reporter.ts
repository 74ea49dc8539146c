import type { Reporter, ReporterInit, RunReport } from '@atp/kernel';
import type { CostPluginState } from './state.js';
import { renderSummary } from './summary.js';

/** The `cost` reporter (`atp test --output console,cost`): the full cost table of the run. */
export function createCostReporter(state: CostPluginState, init: ReporterInit): Reporter {
  return {
    finish(report: RunReport): void {
      const summary = state.lastSummary;
      if (!summary || summary.run_id !== report.runId) {
        init.write(`Cost of run ${report.runId}: no cost data was recorded\n`);
        return;
      }
      init.write(renderSummary(summary));
    },
  };
}
