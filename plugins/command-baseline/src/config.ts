import { z } from 'zod';

/** Options of the `compare` reporter. */
export const compareReporterConfigSchema = z.strictObject({
  /** Significance level of the pairwise tests (Holm-adjusted). */
  alpha: z.number().gt(0).lt(1).default(0.05).describe('Significance level of the pairwise tests (Holm-adjusted)'),
  /** `text`: the console table; `json`: the comparison object (for --output-file). */
  format: z.enum(['text', 'json']).default('text').describe('text: the console table; json: the comparison object'),
});

/** The parsed options of the `compare` reporter. */
export type CompareReporterConfig = z.output<typeof compareReporterConfigSchema>;
