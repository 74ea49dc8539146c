/**
 * The baseline comparison a run report may carry in `extensions.baseline_comparison` (written by
 * `atp baseline compare --html`). Data crosses the plugin boundary, not code: this reporter checks the
 * shape itself, structurally and only for the fields it draws, so an older or newer writer still works.
 */
import { z } from 'zod';

/** The `RunReport.extensions` key holding a baseline comparison (the JSON of `atp baseline compare --json`). */
export const BASELINE_COMPARISON_EXTENSION = 'baseline_comparison';

const interval = z.tuple([z.number(), z.number()]);

/** One side (baseline or current) of a test's comparison: its score sample's summary. */
const scoreSummarySchema = z.object({
  mean: z.number().nullable(),
  n_runs: z.int().min(0),
  ci_95: interval.nullable(),
  success_rate: z.number().min(0).max(1),
});

/** How a test changed against the baseline. */
export const CHANGE_TYPES = ['regression', 'improvement', 'no_change', 'new_test', 'removed_test'] as const;
/** How a test changed against the baseline. */
export type ChangeType = (typeof CHANGE_TYPES)[number];

/** One test of the comparison. */
const testComparisonSchema = z.object({
  test_id: z.string(),
  test_name: z.string(),
  change_type: z.enum(CHANGE_TYPES),
  current: scoreSummarySchema.optional(),
  baseline: scoreSummarySchema.optional(),
  delta: z.number().optional(),
  delta_percent: z.number().nullable().optional(),
  statistics: z
    .object({
      p_value: z.number().min(0).max(1),
      is_significant: z.boolean(),
      effect_size: z.number().nullable(),
      ci_95_of_delta: interval.nullable(),
    })
    .optional(),
  note: z.string().optional(),
});

/** The part of a baseline comparison this reporter draws (unknown keys are ignored). */
export const baselineComparisonSchema = z.object({
  suite_name: z.string(),
  agent_name: z.string(),
  baseline_agent_name: z.string(),
  baseline_created_at: z.string(),
  compared_at: z.string(),
  alpha: z.number().gt(0).lt(1),
  min_delta: z.number().min(0).optional(),
  runs_per_test: z.int().min(0).optional(),
  comparisons: z.array(testComparisonSchema),
  flaky_tests: z.array(z.object({ test_id: z.string() })).optional(),
});

/** A validated baseline comparison. */
export type BaselineComparisonView = z.output<typeof baselineComparisonSchema>;
/** One validated test of it. */
export type TestComparisonView = BaselineComparisonView['comparisons'][number];
/** One validated side of a test. */
export type ScoreSummaryView = NonNullable<TestComparisonView['current']>;

const MAX_ISSUES = 3;

/**
 * The baseline comparison of a report's extensions: undefined when there is none, or when it is
 * malformed — then `warn` says why (the page is still written, without the section). Never throws.
 */
export function readBaselineComparison(extensions: Readonly<Record<string, unknown>> | undefined, warn: (message: string) => void): BaselineComparisonView | undefined {
  const value = extensions?.[BASELINE_COMPARISON_EXTENSION];
  if (value === undefined) return undefined;
  const leftOut = 'the "Baseline comparison" section is left out';
  try {
    const parsed = baselineComparisonSchema.safeParse(value);
    if (parsed.success) return parsed.data;
    const issues = parsed.error.issues.slice(0, MAX_ISSUES).map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
    const more = parsed.error.issues.length > MAX_ISSUES ? `; and ${parsed.error.issues.length - MAX_ISSUES} more` : '';
    warn(`extensions.${BASELINE_COMPARISON_EXTENSION} is not a baseline comparison (${issues.join('; ')}${more}); ${leftOut}`);
  } catch (error) {
    // A getter or proxy from some plugin could throw while being read: the report must still be written.
    warn(`extensions.${BASELINE_COMPARISON_EXTENSION} could not be read (${error instanceof Error ? error.message : String(error)}); ${leftOut}`);
  }
  return undefined;
}
