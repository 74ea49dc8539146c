import { z } from 'zod';

/** Options of the `json` reporter. */
export const jsonReporterConfigSchema = z.strictObject({
  /** Indent the JSON by two spaces (false: one line). */
  pretty: z.boolean().default(true).describe('Indent the JSON by two spaces (false: one line)'),
  /** Add `run_results` (status, score, error of every run) to each test. */
  include_runs: z.boolean().default(false).describe('Add run_results (status, score, error of every run) to each test'),
});

/** The parsed options of the `json` reporter. */
export type JsonReporterConfig = z.output<typeof jsonReporterConfigSchema>;
