import type { Reporter, ReporterInit, RunReport } from '@atp/kernel';
import { junitReporterConfigSchema, type JUnitReporterConfig } from './config.js';
import { renderJUnit } from './render-junit.js';

/** Create the JUnit reporter: writes the XML through `init.write` when the run ends. */
export function createReporter(config: JUnitReporterConfig, init: ReporterInit): Reporter {
  const options = junitReporterConfigSchema.parse(config ?? {});
  return {
    finish(report: RunReport): void {
      init.write(renderJUnit(report, { includeProperties: options.include_properties, includeSystemOut: options.include_system_out }));
    },
  };
}
