/** The `compare` reporter: the agent comparison table at the end of `atp test --agent a --agent b --output compare`. */
import type { Reporter, ReporterInit, RunReport } from '@atp/kernel';
import { compareReporterConfigSchema } from './config.js';
import { compareAgents } from './compare-agents.js';
import { renderAgentComparison } from './render-agents.js';

/** Create the reporter; it writes once, when the run finishes. */
export function createReporter(config: Record<string, unknown>, init: ReporterInit): Reporter {
  const options = compareReporterConfigSchema.parse(config ?? {});
  return {
    finish(report: RunReport): void {
      const comparison = compareAgents(report, { alpha: options.alpha });
      init.write(options.format === 'json' ? `${JSON.stringify(comparison, finite, 2)}\n` : renderAgentComparison(comparison, { color: init.color }));
    },
  };
}

// JSON has no NaN or ∞: write them as null.
const finite = (_key: string, value: unknown): unknown => (typeof value === 'number' && !Number.isFinite(value) ? null : value);
