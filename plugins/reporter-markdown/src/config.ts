import { z } from 'zod';

/** Options of the `markdown` reporter. */
export const markdownReporterConfigSchema = z.strictObject({
  /** The word that starts the verdict heading (`## ✅ ATP · suite: …`). */
  title: z.string().min(1).max(100).default('ATP').describe('Word that starts the verdict heading'),
  /** Failed tests listed in the table; the rest are counted in one line. */
  max_failures: z.int().min(0).max(10_000).default(20).describe('Failed tests listed in the table; the rest are counted'),
  /** Also list the passed tests (in a collapsed section). */
  include_passed: z.boolean().default(false).describe('Also list the passed tests, in a collapsed section'),
  /** Append the summary to the file named by `GITHUB_STEP_SUMMARY` when that variable is set (GitHub Actions). */
  github_step_summary: z
    .boolean()
    .default(false)
    .describe('Append the summary to $GITHUB_STEP_SUMMARY when it is set (GitHub Actions job summary)'),
});

/** The parsed options of the `markdown` reporter. */
export type MarkdownReporterConfig = z.output<typeof markdownReporterConfigSchema>;
