/** Compare a run with a baseline, test by test, with Welch's t-test on the per-run scores (reference §7.6 shape, extended). */
import { compareSamples, describe, type RunReport, type Sample, type TestResult } from '@atp/kernel';
import type { BaselineFile, BaselineTest } from './baseline-format.js';
import { runScores } from './run-scores.js';
import { flakyTests, type FlakyTest } from './flaky.js';
import { round, roundInterval, roundOrNull, roundP } from './numbers.js';

/** How a test changed against the baseline. */
export type ChangeType = 'regression' | 'improvement' | 'no_change' | 'new_test' | 'removed_test';

/** One side of a comparison: the score sample's summary. */
export interface ScoreSummary {
  mean: number | null;
  std: number | null;
  /** Size of the score sample. */
  n_runs: number;
  ci_95: [number, number] | null;
  success_rate: number;
}

/** The test statistics of a comparison. */
export interface ComparisonStatistics {
  t_statistic: number | null;
  df: number | null;
  /** Exact two-sided p-value (Welch; Student-t CDF). */
  p_value: number;
  is_significant: boolean;
  /** Hedges' g of current vs baseline. */
  effect_size: number | null;
  ci_95_of_delta: [number, number] | null;
}

/** The comparison of one test. */
export interface TestComparison {
  test_id: string;
  test_name: string;
  change_type: ChangeType;
  current?: ScoreSummary;
  baseline?: ScoreSummary;
  /** current mean − baseline mean (score points). */
  delta?: number;
  delta_percent?: number | null;
  statistics?: ComparisonStatistics;
  /** Why no test was possible (no scored runs). */
  note?: string;
}

/** The whole comparison (§7.6 plus `alpha`, `min_delta`, `flaky_tests`). */
export interface BaselineComparison {
  version: '1.0';
  suite_name: string;
  agent_name: string;
  baseline_agent_name: string;
  baseline_created_at: string;
  compared_at: string;
  alpha: number;
  min_delta: number;
  runs_per_test: number;
  summary: {
    total_tests: number;
    regressions: number;
    improvements: number;
    no_changes: number;
    new_tests: number;
    removed_tests: number;
    has_regressions: boolean;
    has_improvements: boolean;
  };
  comparisons: TestComparison[];
  /** Tests of the current run whose runs disagreed on pass/fail. */
  flaky_tests: FlakyTest[];
}

/** Options of the comparison. */
export interface CompareOptions {
  /** Significance level (default 0.05). */
  alpha?: number;
  /** A significant change smaller than this many score points counts as no change (default 0). */
  minDelta?: number;
  comparedAt?: Date;
}

function baselineSample(test: BaselineTest): Sample | undefined {
  if (test.scores && test.scores.length) return test.scores;
  if (test.mean_score === null || test.std === null) return undefined;
  return { n: test.n_runs, mean: test.mean_score, std: test.std };
}

function baselineSummary(test: BaselineTest): ScoreSummary {
  const n = test.scores && test.scores.length ? test.scores.length : test.mean_score === null ? 0 : test.n_runs;
  return { mean: test.mean_score, std: test.std, n_runs: n, ci_95: test.ci_95, success_rate: test.success_rate };
}

function currentSummary(test: TestResult, scores: readonly number[]): ScoreSummary {
  const stats = scores.length ? describe(scores) : undefined;
  return {
    mean: stats ? round(stats.mean, 4) : null,
    std: stats ? round(stats.std, 4) : null,
    n_runs: scores.length,
    ci_95: stats ? roundInterval(stats.ci95, 4) : null,
    success_rate: round(test.successRate, 4) ?? 0,
  };
}

function compareTest(base: BaselineTest, test: TestResult, alpha: number, minDelta: number): TestComparison {
  const scores = runScores(test.runResults);
  const sides = { current: currentSummary(test, scores), baseline: baselineSummary(base) };
  const before = baselineSample(base);
  if (!before || scores.length === 0) {
    return { test_id: test.testId, test_name: test.testName, change_type: 'no_change', ...sides, note: 'no scored runs on one side (a test without assertions): nothing to compare' };
  }
  const c = compareSamples(before, scores, { alpha });
  const significant = c.significant && Math.abs(c.delta) >= minDelta;
  return {
    test_id: test.testId,
    test_name: test.testName,
    change_type: significant ? (c.delta < 0 ? 'regression' : 'improvement') : 'no_change',
    ...sides,
    delta: round(c.delta, 4) ?? 0,
    delta_percent: roundOrNull(c.delta_percent, 2),
    statistics: {
      t_statistic: roundOrNull(c.t, 4),
      df: roundOrNull(c.df, 4),
      p_value: roundP(c.p_value),
      is_significant: c.significant,
      effect_size: roundOrNull(c.effect_size, 4),
      ci_95_of_delta: roundInterval(c.ci95_of_delta, 4),
    },
  };
}

/** Compare a finished run (one agent) with a baseline. */
export function compareWithBaseline(baseline: BaselineFile, report: RunReport, options: CompareOptions = {}): BaselineComparison {
  const alpha = options.alpha ?? 0.05;
  const minDelta = options.minDelta ?? 0;
  const comparisons: TestComparison[] = [];
  const seen = new Set<string>();
  for (const test of report.tests) {
    seen.add(test.testId);
    const base = baseline.tests[test.testId];
    if (base) comparisons.push(compareTest(base, test, alpha, minDelta));
    else comparisons.push({ test_id: test.testId, test_name: test.testName, change_type: 'new_test', current: currentSummary(test, runScores(test.runResults)) });
  }
  for (const base of Object.values(baseline.tests)) {
    if (!seen.has(base.test_id)) comparisons.push({ test_id: base.test_id, test_name: base.test_name, change_type: 'removed_test', baseline: baselineSummary(base) });
  }
  const count = (type: ChangeType): number => comparisons.filter((c) => c.change_type === type).length;
  const regressions = count('regression');
  const improvements = count('improvement');
  return {
    version: '1.0',
    suite_name: report.suite.name,
    agent_name: report.agents[0] ?? 'default',
    baseline_agent_name: baseline.agent_name,
    baseline_created_at: baseline.created_at,
    compared_at: (options.comparedAt ?? new Date()).toISOString(),
    alpha,
    min_delta: minDelta,
    runs_per_test: report.runsPerTest,
    summary: {
      total_tests: comparisons.length,
      regressions,
      improvements,
      no_changes: count('no_change'),
      new_tests: count('new_test'),
      removed_tests: count('removed_test'),
      has_regressions: regressions > 0,
      has_improvements: improvements > 0,
    },
    comparisons,
    flaky_tests: flakyTests(report.tests),
  };
}
