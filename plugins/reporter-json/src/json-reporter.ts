import type { Reporter, ReporterInit, RunReport } from '@atp/kernel';
import { jsonReporterConfigSchema, type JsonReporterConfig } from './config.js';
import { renderJsonReport } from './json-format.js';

/** Create the JSON reporter with an explicit clock for `generated_at` (tests pin it). */
export function createJsonReporter(config: JsonReporterConfig, init: ReporterInit, now: () => Date = () => new Date()): Reporter {
  return {
    finish(report: RunReport): void {
      init.write(renderJsonReport(report, { pretty: config.pretty, includeRuns: config.include_runs, generatedAt: now() }));
    },
  };
}

/** Create the JSON reporter: writes the whole report through `init.write` when the run ends. */
export function createReporter(config: JsonReporterConfig, init: ReporterInit): Reporter {
  return createJsonReporter(jsonReporterConfigSchema.parse(config ?? {}), init);
}
