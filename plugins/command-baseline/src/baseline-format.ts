/** The baseline file of reference §7.6, plus the per-run scores so comparisons test the real sample. */
import { z } from 'zod';
import { describe, mean, type JobResult, type RunReport } from '@atp/kernel';
import { runScores } from './run-scores.js';
import { round } from './numbers.js';

/** The baseline format version (the original ATP's). */
export const BASELINE_FORMAT_VERSION = '1.0';

/** One test of a baseline. Files written by the original ATP (no `scores`) are read too. */
export const BaselineTestSchema = z.object({
  test_id: z.string().min(1),
  test_name: z.string(),
  /** Mean 0–100 score over the runs; null when no run had a score (a test without assertions). */
  mean_score: z.number().nullable(),
  /** Sample standard deviation (n − 1) of the run scores. */
  std: z.number().min(0).nullable(),
  /** Number of runs. */
  n_runs: z.int().min(0),
  /** Student-t 95% confidence interval of the mean score. */
  ci_95: z.tuple([z.number(), z.number()]).nullable(),
  /** Share of runs that passed. */
  success_rate: z.number().min(0).max(1),
  /** Mean run duration in seconds. */
  mean_duration: z.number().min(0).nullable().optional(),
  mean_tokens: z.number().min(0).optional(),
  mean_cost: z.number().min(0).optional(),
  /** The score of every run (new: comparisons use the real sample, not only its summary). */
  scores: z.array(z.number()).optional(),
});

/** A whole baseline file. */
export const BaselineFileSchema = z
  .object({
    version: z.string().superRefine((v, ctx) => {
      if (v !== BASELINE_FORMAT_VERSION) ctx.addIssue({ code: 'custom', message: `unsupported baseline version "${v}" (this ATP reads "${BASELINE_FORMAT_VERSION}")` });
    }),
    created_at: z.string(),
    suite_name: z.string(),
    agent_name: z.string(),
    runs_per_test: z.int().min(1),
    tests: z.record(z.string(), BaselineTestSchema),
  })
  .superRefine((file, ctx) => {
    for (const [key, test] of Object.entries(file.tests)) {
      if (key !== test.test_id) ctx.addIssue({ code: 'custom', path: ['tests', key, 'test_id'], message: `test_id "${test.test_id}" differs from its key "${key}"` });
    }
  });

/** One test of a baseline. */
export type BaselineTest = z.output<typeof BaselineTestSchema>;
/** A baseline file. */
export type BaselineFile = z.output<typeof BaselineFileSchema>;

const meanOf = (values: readonly number[]): number | undefined => (values.length ? mean(values) : undefined);

/**
 * Build the baseline of a finished run (one agent). `jobs` are the run's job results, for the token
 * and cost means (the test aggregate does not keep per-run metrics).
 */
export function buildBaseline(report: RunReport, jobs: readonly JobResult[], createdAt: Date): BaselineFile {
  const tests: Record<string, BaselineTest> = {};
  for (const t of report.tests) {
    const scores = runScores(t.runResults);
    const stats = scores.length ? describe(scores) : undefined;
    const runs = jobs.filter((j) => j.testId === t.testId && j.agent === t.agent);
    const tokens = meanOf(runs.flatMap((j) => (typeof j.response.metrics?.total_tokens === 'number' ? [j.response.metrics.total_tokens] : [])));
    const cost = meanOf(runs.flatMap((j) => (typeof j.response.metrics?.cost_usd === 'number' ? [j.response.metrics.cost_usd] : [])));
    const duration = meanOf(t.runResults.map((r) => r.durationMs / 1000));
    tests[t.testId] = {
      test_id: t.testId,
      test_name: t.testName,
      mean_score: stats ? round(stats.mean, 4) : null,
      std: stats ? round(stats.std, 4) : null,
      n_runs: t.runs.total,
      ci_95: stats ? [round(stats.ci95[0], 4) ?? 0, round(stats.ci95[1], 4) ?? 0] : null,
      success_rate: round(t.successRate, 4) ?? 0,
      mean_duration: duration === undefined ? null : round(duration, 4),
      ...(tokens !== undefined ? { mean_tokens: round(tokens, 4) ?? 0 } : {}),
      ...(cost !== undefined ? { mean_cost: round(cost, 6) ?? 0 } : {}),
      scores: scores.map((s) => round(s, 4) ?? 0),
    };
  }
  return {
    version: BASELINE_FORMAT_VERSION,
    created_at: createdAt.toISOString(),
    suite_name: report.suite.name,
    agent_name: report.agents[0] ?? 'default',
    runs_per_test: report.runsPerTest,
    tests,
  };
}
