import { z } from 'zod';

/** Options of the `console` reporter. */
export const consoleReporterConfigSchema = z.strictObject({
  /** Show progress while the run goes: a live line on a terminal, one plain line per finished test otherwise. */
  progress: z.boolean().default(true).describe('Show live progress (terminal) or one line per finished test (CI)'),
});

/** The parsed options of the `console` reporter. */
export type ConsoleReporterConfig = z.output<typeof consoleReporterConfigSchema>;
