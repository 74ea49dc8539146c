import { z } from 'zod';

/** Options of the `junit` reporter. */
export const junitReporterConfigSchema = z.strictObject({
  /** Add `<properties>` (agent_name, runs_per_test, success_rate, run_id) to the test suite. */
  include_properties: z.boolean().default(true).describe('Add <properties> (agent_name, runs_per_test, success_rate, run_id)'),
  /** Add a `<system-out>` with the score and per-assertion check lines to every test case. */
  include_system_out: z.boolean().default(true).describe('Add <system-out> with the score and check lines to every test case'),
});

/** The parsed options of the `junit` reporter. */
export type JUnitReporterConfig = z.output<typeof junitReporterConfigSchema>;
