import { z } from 'zod';

/** Options of the `summary` reporter (`reporters: { summary: {...} }` in atp.config). */
export const SummaryConfigSchema = z.strictObject({
  show_failures: z.boolean().default(true).describe('List each failed test with its score and reason'),
  progress: z.boolean().default(false).describe('Print one line per test as it finishes'),
});

/** The parsed options of the `summary` reporter. */
export type SummaryConfig = z.output<typeof SummaryConfigSchema>;
