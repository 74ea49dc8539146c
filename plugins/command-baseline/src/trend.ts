/**
 * `atp trend`: success rate and mean score over saved JSON reports (the @atp/reporter-json shape, and
 * the original ATP's), in `generated_at` order, with a least-squares slope per report and its t-test.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { z } from 'zod';
import { AtpError, ErrorCodes, diagnostic, linearRegression, mean, type Diagnostic } from '@atp/kernel';
import { flakyTest, type FlakyTest } from './flaky.js';
import { round, roundP } from './numbers.js';

/** The part of a JSON report the trend reads (unknown keys are ignored, so older and newer reports load). */
export const TrendReportSchema = z.object({
  generated_at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'expected an ISO 8601 date' }),
  summary: z.object({
    suite_name: z.string(),
    agent_name: z.string().optional(),
    total_tests: z.number().int().min(0),
    passed_tests: z.number().int().min(0),
    success_rate: z.number().min(0).max(1),
  }),
  tests: z.array(
    z.object({
      test_id: z.string(),
      test_name: z.string().optional(),
      agent: z.string().optional(),
      success: z.boolean(),
      score: z.number().nullable().optional(),
      flaky: z.boolean().optional(),
      runs: z.object({ total: z.number().int().min(0), passed: z.number().int().min(0).optional() }).optional(),
    }),
  ),
});

/** A JSON report as the trend reads it. */
export type TrendReport = z.output<typeof TrendReportSchema>;

/** One point of the trend. */
export interface TrendPoint {
  file: string;
  generated_at: string;
  suite_name: string;
  total_tests: number;
  passed_tests: number;
  /** Share of passed tests, 0..1. */
  success_rate: number;
  /** Mean of the tests' scores (0–100); null when no test has a score. */
  mean_score: number | null;
}

/** The fitted slope of one metric, in points (percentage points for the success rate) per report. */
export interface TrendFit {
  slope: number | null;
  intercept: number | null;
  slope_std_error: number | null;
  /** ±Infinity for points exactly on a sloped line (written as null in JSON); null when it cannot be computed. */
  t: number | null;
  df: number;
  p_value: number;
  r_squared: number | null;
  /** slope < 0, p < alpha and |slope| ≥ threshold. */
  regression: boolean;
}

/** The trend over the reports. */
export interface Trend {
  reports: TrendPoint[];
  alpha: number;
  /** Minimum decline per report counted as a regression. */
  threshold: number;
  /** Success rate in percentage points per report. */
  success_rate: TrendFit;
  /** Mean score in points per report (null when no report has scores). */
  mean_score: TrendFit | null;
  /** A significant decline of either metric. */
  regression: boolean;
  /** Tests whose runs disagreed within a report, or whose outcome changed between reports, with their pass rate over the window. */
  flaky_tests: FlakyTest[];
  warnings: string[];
}

/** Options of `computeTrend`. */
export interface TrendOptions {
  /** Only the last N reports (after sorting). */
  window?: number;
  /** Decline per report (points) below which a significant slope is not a regression (default 0). */
  threshold?: number;
  /** Significance level (default 0.05). */
  alpha?: number;
}

/** Read and validate JSON reports; every problem of every file comes back at once as an AtpError (exit 2). */
export function readReports(paths: readonly string[], cwd: string): Array<{ file: string; report: TrendReport }> {
  const problems: Diagnostic[] = [];
  const out: Array<{ file: string; report: TrendReport }> = [];
  for (const path of paths) {
    const file = relative(cwd, path) || path;
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path, 'utf8'));
    } catch (cause) {
      const e = cause as NodeJS.ErrnoException;
      const reason = e.code === 'ENOENT' ? 'file not found' : e instanceof SyntaxError ? `not valid JSON: ${e.message.replace(/, ".*" is not valid JSON$/s, '')}` : e.message;
      problems.push(diagnostic(ErrorCodes.ATP_DATA_FILE, `cannot read report: ${reason}`, { file }));
      continue;
    }
    const parsed = TrendReportSchema.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(diagnostic(ErrorCodes.ATP_DATA_FILE, `not an ATP JSON report: ${issue.path.join('.') || '(root)'}: ${issue.message}`, { file, hint: 'write reports with: atp test SUITE -o json --output-file report.json' }));
      }
      continue;
    }
    out.push({ file, report: parsed.data });
  }
  if (problems.length) throw new AtpError(problems, { exitCode: 2 });
  return out;
}

function fit(values: readonly number[], alpha: number, threshold: number): TrendFit {
  const f = linearRegression(
    values.map((_, i) => i),
    values,
  );
  const regression = f.slope < 0 && f.pValue < alpha && -f.slope >= threshold;
  return {
    slope: round(f.slope, 4),
    intercept: round(f.intercept, 4),
    slope_std_error: round(f.slopeStdError, 4),
    t: Number.isNaN(f.t) ? null : Number.isFinite(f.t) ? round(f.t, 4) : f.t,
    df: f.df,
    p_value: roundP(f.pValue),
    r_squared: round(f.rSquared, 4),
    regression,
  };
}

/** Compute the trend of reports (sorted by generated_at; ties keep the given order). */
export function computeTrend(inputs: ReadonlyArray<{ file: string; report: TrendReport }>, options: TrendOptions = {}): Trend {
  const alpha = options.alpha ?? 0.05;
  const threshold = options.threshold ?? 0;
  const sorted = inputs
    .map((x, i) => ({ ...x, i, time: Date.parse(x.report.generated_at) }))
    .sort((a, b) => a.time - b.time || a.i - b.i);
  const windowed = options.window ? sorted.slice(-options.window) : sorted;
  const warnings: string[] = [];
  const suites = [...new Set(windowed.map((x) => x.report.summary.suite_name))];
  if (suites.length > 1) warnings.push(`the reports come from ${suites.length} suites (${suites.join(', ')}): the trend mixes them`);
  if (windowed.length < 3) warnings.push(`${windowed.length} report${windowed.length === 1 ? '' : 's'}: a slope needs at least 3 reports to be tested`);

  const points: TrendPoint[] = windowed.map(({ file, report }) => {
    const scores = report.tests.flatMap((t) => (typeof t.score === 'number' ? [t.score] : []));
    return {
      file,
      generated_at: report.generated_at,
      suite_name: report.summary.suite_name,
      total_tests: report.summary.total_tests,
      passed_tests: report.summary.passed_tests,
      success_rate: report.summary.success_rate,
      mean_score: scores.length ? round(mean(scores), 2) : null,
    };
  });
  const successFit = fit(
    points.map((p) => p.success_rate * 100),
    alpha,
    threshold,
  );
  const scored = points.filter((p) => p.mean_score !== null);
  if (scored.length && scored.length < points.length) warnings.push(`${points.length - scored.length} report(s) have no test scores: the score trend uses the other ${scored.length}`);
  const scoreFit = scored.length ? fit(scored.map((p) => p.mean_score!), alpha, threshold) : null;

  // Flaky: within a report (runs disagree) or across reports (the outcome changed).
  const byTest = new Map<string, { id: string; name: string; agent: string; passed: number; total: number; flaggedFlaky: boolean; outcomes: Set<boolean> }>();
  for (const { report } of windowed) {
    for (const t of report.tests) {
      const agent = t.agent ?? report.summary.agent_name ?? '';
      const key = `${t.test_id}\u0000${agent}`;
      const entry = byTest.get(key) ?? { id: t.test_id, name: t.test_name ?? t.test_id, agent, passed: 0, total: 0, flaggedFlaky: false, outcomes: new Set<boolean>() };
      const total = t.runs?.total ?? 1;
      const passed = t.runs?.passed ?? (t.success ? total : 0);
      entry.total += total;
      entry.passed += passed;
      entry.flaggedFlaky ||= t.flaky === true;
      entry.outcomes.add(t.success);
      byTest.set(key, entry);
    }
  }
  const flaky = [...byTest.values()].flatMap((e) =>
    e.flaggedFlaky || e.outcomes.size > 1 ? (flakyTest({ testId: e.id, testName: e.name, agent: e.agent, passed: e.passed, total: e.total }) ?? []) : [],
  );
  return {
    reports: points,
    alpha,
    threshold,
    success_rate: successFit,
    mean_score: scoreFit,
    regression: successFit.regression || (scoreFit?.regression ?? false),
    flaky_tests: flaky,
    warnings,
  };
}
