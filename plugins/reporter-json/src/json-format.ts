import type { EvalCheck, EvalResult, FailureKind, ResponseStatus, RunReport, ScoreBreakdown, ScoreComponent, TestResult } from '@atp/kernel';

/** The JSON format version (compatible with the original ATP's `version: "1.0"` reports). */
export const JSON_FORMAT_VERSION = '1.0';

/** One check of an evaluation (scores 0..1, 4 decimals). */
export interface JsonCheck {
  name: string;
  passed: boolean;
  score: number;
  message: string | null;
  /** What was found (masked by the evaluator when sensitive); present only when the check has it. */
  evidence?: string;
  /** Present only when the check has non-empty details. */
  details?: Record<string, unknown>;
}

/** One assertion's result. */
export interface JsonEvaluation {
  /** The assertion type (`contains`, `behavior`, …). */
  evaluator: string;
  /** The assertion id within the test (differs from `evaluator` when a type is used twice or an id is given). */
  assertion: string;
  passed: boolean;
  score: number;
  checks: JsonCheck[];
  /** Present when the assertion could not be decided: it neither passes nor fails. */
  skipped?: { reason: string; message: string };
}

/** Score statistics over the runs of a test (0–100 scale, 2 decimals; rates 4 decimals). */
export interface JsonStatistics {
  /** Number of scored runs. */
  n: number;
  mean: number | null;
  std: number | null;
  ci_95: [number, number] | null;
  min: number | null;
  max: number | null;
  median: number | null;
  /** Share of runs that passed. */
  success_rate: number;
  /** Estimated probability that k independent runs all pass (k = runs of the test). */
  pass_hat_k: number;
}

/** One run of a test (with `include_runs`). */
export interface JsonRunResult {
  run: number;
  status: ResponseStatus;
  passed: boolean;
  score: number | null;
  error: string | null;
  duration_seconds: number;
}

/** The score breakdown of §3.13, as the kernel computed it. */
export interface JsonScoreBreakdown {
  final_score: number;
  components: Record<'quality' | 'completeness' | 'efficiency' | 'cost', ScoreComponent>;
}

/** One test against one agent. */
export interface JsonTest {
  test_id: string;
  test_name: string;
  agent: string;
  tags: string[];
  success: boolean;
  /** Mean score over scored runs (0–100, 2 decimals), null when nothing was scored. */
  score: number | null;
  duration_seconds: number;
  runs: { total: number; successful: number; passed: number };
  /** The first run error (timeout, adapter error, agent failure), so the cause is never lost. */
  error: string | null;
  /** Why a run failed when it was not an assertion (timeout, adapter, protocol, …), else null. */
  failure_kind: FailureKind | null;
  /** Runs disagreed on pass/fail. */
  flaky: boolean;
  score_breakdown?: JsonScoreBreakdown;
  /** Present when the test ran more than once. */
  statistics?: JsonStatistics;
  /** Evaluations of the first run; present when there are any. */
  evaluations?: JsonEvaluation[];
  /** Present with the `include_runs` option. */
  run_results?: JsonRunResult[];
}

/** The run summary. */
export interface JsonSummary {
  suite_name: string;
  /** The agents of the run, comma-separated. */
  agent_name: string;
  total_tests: number;
  passed_tests: number;
  failed_tests: number;
  success_rate: number;
  duration_seconds: number;
  runs_per_test: number;
  success: boolean;
  error: string | null;
  /** The run was stopped early (Ctrl-C): results are partial. */
  interrupted: boolean;
  /** Tests (per agent) that never finished a run because the run stopped early (Ctrl-C, fail-fast, budget). */
  not_run_tests: number;
}

/** A test (against one agent) that never finished a run because the run stopped early. */
export interface JsonNotRunTest {
  test_id: string;
  test_name: string;
  agent: string;
  tags: string[];
}

/** The whole JSON report. */
export interface JsonReport {
  version: typeof JSON_FORMAT_VERSION;
  generated_at: string;
  run_id: string;
  summary: JsonSummary;
  tests: JsonTest[];
  /** The tests the run stopped before they finished a run, in suite order (empty when every test ran). */
  not_run: JsonNotRunTest[];
}

/** Options of the conversion. */
export interface JsonReportOptions {
  includeRuns: boolean;
  generatedAt: Date;
}

/** Round to `digits` decimals (non-finite values pass through and serialise as null). */
export function round(value: number, digits: number): number {
  return Number.isFinite(value) ? Number(value.toFixed(digits)) : value;
}

const seconds = (ms: number): number => round(ms / 1000, 3);
const score2 = (score: number | null): number | null => (score === null ? null : round(score, 2));

function checkJson(check: EvalCheck): JsonCheck {
  return {
    name: check.name,
    passed: check.passed,
    score: round(check.score, 4),
    message: check.message ?? null,
    ...(check.evidence !== undefined ? { evidence: check.evidence } : {}),
    ...(check.details && Object.keys(check.details).length > 0 ? { details: check.details } : {}),
  };
}

function evaluationJson(result: EvalResult): JsonEvaluation {
  return {
    evaluator: result.type,
    assertion: result.assertion,
    passed: result.passed,
    score: round(result.score, 4),
    checks: result.checks.map(checkJson),
    ...(result.skipped ? { skipped: { reason: result.skipped.reason, message: result.skipped.message } } : {}),
  };
}

function breakdownJson(breakdown: ScoreBreakdown): JsonScoreBreakdown {
  const component = (c: ScoreComponent): ScoreComponent => ({ normalized: c.normalized, weight: c.weight, weighted: c.weighted, details: c.details });
  const { quality, completeness, efficiency, cost } = breakdown.components;
  return {
    final_score: breakdown.final_score,
    components: { quality: component(quality), completeness: component(completeness), efficiency: component(efficiency), cost: component(cost) },
  };
}

function statisticsJson(test: TestResult): JsonStatistics {
  const stats = test.statistics;
  const rates = { success_rate: round(test.successRate, 4), pass_hat_k: round(test.passHatK, 4) };
  if (!stats) return { n: 0, mean: null, std: null, ci_95: null, min: null, max: null, median: null, ...rates };
  return {
    n: stats.n,
    mean: round(stats.mean, 2),
    std: round(stats.std, 2),
    ci_95: [round(stats.ci95[0], 2), round(stats.ci95[1], 2)],
    min: round(stats.min, 2),
    max: round(stats.max, 2),
    median: round(stats.median, 2),
    ...rates,
  };
}

function testJson(test: TestResult, options: JsonReportOptions): JsonTest {
  return {
    test_id: test.testId,
    test_name: test.testName,
    agent: test.agent,
    tags: [...test.tags],
    success: test.passed,
    score: score2(test.score),
    duration_seconds: seconds(test.durationMs),
    runs: { total: test.runs.total, successful: test.runs.successful, passed: test.runs.passed },
    error: test.error ?? null,
    failure_kind: test.failureKind ?? null,
    flaky: test.flaky,
    ...(test.breakdown ? { score_breakdown: breakdownJson(test.breakdown) } : {}),
    ...(test.runs.total > 1 ? { statistics: statisticsJson(test) } : {}),
    ...(test.evaluations.length > 0 ? { evaluations: test.evaluations.map(evaluationJson) } : {}),
    ...(options.includeRuns
      ? {
          run_results: test.runResults.map((run) => ({
            run: run.run,
            status: run.status,
            passed: run.passed,
            score: score2(run.score),
            error: run.error ?? null,
            failed_checks: run.failedChecks ?? [],
            duration_seconds: seconds(run.durationMs),
          })),
        }
      : {}),
  };
}

/** Convert a run report to the JSON report object: a pure function of its inputs. */
export function toJsonReport(report: RunReport, options: JsonReportOptions): JsonReport {
  return {
    version: JSON_FORMAT_VERSION,
    generated_at: options.generatedAt.toISOString(),
    run_id: report.runId,
    summary: {
      suite_name: report.suite.name,
      agent_name: report.agents.join(', '),
      total_tests: report.summary.total,
      passed_tests: report.summary.passed,
      failed_tests: report.summary.failed,
      success_rate: round(report.summary.successRate, 4),
      duration_seconds: seconds(report.durationMs),
      runs_per_test: report.runsPerTest,
      success: report.summary.success,
      error: report.error ?? null,
      interrupted: report.summary.interrupted,
      not_run_tests: report.notRun?.length ?? 0,
    },
    tests: report.tests.map((test) => testJson(test, options)),
    not_run: (report.notRun ?? []).map((t) => ({ test_id: t.testId, test_name: t.testName, agent: t.agent, tags: t.tags })),
  };
}

// Evaluator details are free-form: a bigint must not make the whole report fail.
const replacer = (_key: string, value: unknown): unknown => (typeof value === 'bigint' ? value.toString() : value);

/** Serialise the JSON report (two-space indent when `pretty`), ending with a newline. */
export function renderJsonReport(report: RunReport, options: JsonReportOptions & { pretty: boolean }): string {
  return `${JSON.stringify(toJsonReport(report, options), replacer, options.pretty ? 2 : undefined)}\n`;
}
