/**
 * Compare the agents of one run (`atp test SUITE --agent a --agent b`): per test and overall, each
 * agent's mean score with its CI and pass rate with its Wilson interval, the significance of every
 * pairwise difference (Holm-adjusted within each family of pairs) and a ranking.
 */
import { compareSamples, describe, holmAdjust, mean, pairedTTest, sampleStd, stratifiedMean, stratifiedWelchTTest, wilsonInterval, type RunReport, type TestResult } from '@atp/kernel';
import { runScores } from './run-scores.js';
import { flakyTests, type FlakyTest } from './flaky.js';

/** One agent on one test. */
export interface AgentTestStats {
  agent: string;
  /** Size of the score sample (runs with a score; failed runs count as 0). */
  n: number;
  mean: number | null;
  std: number | null;
  /** Student-t 95% CI of the mean score; null with fewer than 2 scores. */
  ci95: [number, number] | null;
  passed_runs: number;
  total_runs: number;
  success_rate: number;
  /** Wilson 95% interval of the pass rate. */
  success_ci95: [number, number];
  flaky: boolean;
  scores: number[];
}

/** The difference between two agents: delta = mean(a) − mean(b). */
export interface AgentPair {
  a: string;
  b: string;
  delta: number | null;
  ci95_of_delta: [number, number] | null;
  t: number | null;
  df: number | null;
  p_value: number;
  /** Holm-adjusted p-value within its family (the pairs of one test, or the overall pairs). */
  p_adjusted: number;
  /** p_adjusted < alpha. */
  significant: boolean;
  /**
   * Standardized difference: Hedges' g (one test), delta over the pooled within-test standard
   * deviation (stratified), or Cohen's d_z of the per-test differences (paired).
   */
  effect_size: number | null;
  /** The significantly better agent, or null. */
  better: string | null;
  /**
   * How the pair was tested: `welch` (one test, run scores), `stratified` (Welch over the tests, each
   * test weighing the same), `paired` (paired t-test over per-test means, when tests ran once), `none`.
   */
  method: 'welch' | 'stratified' | 'paired' | 'none';
}

/** All agents on one test. */
export interface TestAgentComparison {
  test_id: string;
  test_name: string;
  agents: AgentTestStats[];
  pairs: AgentPair[];
  /** The agent with the highest mean score (null when nothing was scored). */
  best: string | null;
}

/** One agent over the whole suite. */
export interface AgentSummary {
  agent: string;
  rank: number;
  /** Tests this agent has a score for. */
  tests: number;
  /** Mean of the per-test mean scores (each test weighs the same). */
  mean_score: number | null;
  /**
   * 95% CI of mean_score: stratified over the tests' run scores (Satterthwaite df) when every test has
   * ≥ 2 scores, else Student t over the per-test means (≥ 2 tests), else null.
   */
  ci95: [number, number] | null;
  passed_runs: number;
  total_runs: number;
  success_rate: number;
  success_ci95: [number, number];
  flaky_tests: number;
  /** Agents this one is significantly better than overall. */
  beats: string[];
}

/** The whole comparison. */
export interface AgentComparison {
  suite_name: string;
  agents: string[];
  alpha: number;
  runs_per_test: number;
  tests: TestAgentComparison[];
  overall: { ranking: AgentSummary[]; pairs: AgentPair[] };
  flaky_tests: FlakyTest[];
}

/** Options of `compareAgents`. */
export interface CompareAgentsOptions {
  /** Significance level (default 0.05). */
  alpha?: number;
}

function agentStats(test: TestResult): AgentTestStats {
  const scores = runScores(test.runResults);
  const stats = scores.length ? describe(scores) : undefined;
  return {
    agent: test.agent,
    n: scores.length,
    mean: stats ? stats.mean : null,
    std: stats ? stats.std : null,
    ci95: stats && stats.n >= 2 ? stats.ci95 : null,
    passed_runs: test.runs.passed,
    total_runs: test.runs.total,
    success_rate: test.successRate,
    success_ci95: wilsonInterval(test.runs.passed, test.runs.total),
    flaky: test.flaky,
    scores,
  };
}

type RawPair = Omit<AgentPair, 'p_adjusted' | 'significant' | 'better'>;

function welchPair(a: string, b: string, sa: readonly number[], sb: readonly number[]): RawPair {
  if (!sa.length || !sb.length) return { a, b, delta: null, ci95_of_delta: null, t: null, df: null, p_value: 1, effect_size: null, method: 'none' };
  const c = compareSamples(sb, sa);
  return { a, b, delta: c.delta, ci95_of_delta: c.ci95_of_delta, t: c.t, df: c.df, p_value: c.p_value, effect_size: c.effect_size, method: 'welch' };
}

function adjust(pairs: RawPair[], alpha: number): AgentPair[] {
  const adjusted = holmAdjust(pairs.map((p) => p.p_value));
  return pairs.map((p, i) => {
    const pAdj = adjusted[i]!;
    const significant = pAdj < alpha && p.delta !== null && p.delta !== 0;
    return { ...p, p_adjusted: pAdj, significant, better: significant ? (p.delta! > 0 ? p.a : p.b) : null };
  });
}

function pairsOf<T>(items: readonly T[]): Array<[T, T]> {
  const out: Array<[T, T]> = [];
  for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) out.push([items[i]!, items[j]!]);
  return out;
}

function pooledWithinSd(samples: ReadonlyArray<readonly number[]>): number {
  let ss = 0;
  let df = 0;
  for (const x of samples) {
    if (x.length < 2) continue;
    ss += (x.length - 1) * sampleStd(x) ** 2;
    df += x.length - 1;
  }
  return df > 0 ? Math.sqrt(ss / df) : NaN;
}

const standardized = (delta: number, sd: number): number | null => {
  if (Number.isNaN(sd)) return null;
  if (sd === 0) return delta === 0 ? 0 : null;
  return delta / sd;
};

function overallPair(a: string, b: string, tests: readonly TestAgentComparison[]): RawPair {
  const common = tests.flatMap((t) => {
    const x = t.agents.find((s) => s.agent === a);
    const y = t.agents.find((s) => s.agent === b);
    return x && y && x.mean !== null && y.mean !== null ? [{ x, y }] : [];
  });
  const none: RawPair = { a, b, delta: null, ci95_of_delta: null, t: null, df: null, p_value: 1, effect_size: null, method: 'none' };
  if (common.length === 0) return none;
  if (common.length === 1) return welchPair(a, b, common[0]!.x.scores, common[0]!.y.scores);
  if (common.every(({ x, y }) => x.n >= 2 && y.n >= 2)) {
    const r = stratifiedWelchTTest(common.map(({ x, y }) => [x.scores, y.scores] as const));
    return {
      a,
      b,
      delta: r.estimate,
      ci95_of_delta: r.ci,
      t: r.t,
      df: r.df,
      p_value: r.pValue,
      effect_size: standardized(r.estimate, pooledWithinSd(common.flatMap(({ x, y }) => [x.scores, y.scores]))),
      method: 'stratified',
    };
  }
  const xs = common.map((c) => c.x.mean!);
  const ys = common.map((c) => c.y.mean!);
  const r = pairedTTest(xs, ys);
  const diffs = xs.map((v, i) => v - ys[i]!);
  return {
    a,
    b,
    delta: r.estimate,
    ci95_of_delta: Number.isNaN(r.ci[0]) ? null : r.ci,
    t: Number.isNaN(r.t) ? null : r.t,
    df: Number.isNaN(r.df) ? null : r.df,
    p_value: r.pValue,
    effect_size: standardized(mean(diffs), sampleStd(diffs)),
    method: 'paired',
  };
}

function overallCi(scored: readonly AgentTestStats[]): [number, number] | null {
  if (!scored.length) return null;
  if (scored.every((s) => s.n >= 2)) return stratifiedMean(scored.map((s) => s.scores)).ci;
  return scored.length >= 2 ? describe(scored.map((s) => s.mean!)).ci95 : null;
}

/** Compare the agents of a run; pure. With one agent the pair lists are empty. */
export function compareAgents(report: RunReport, options: CompareAgentsOptions = {}): AgentComparison {
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be between 0 and 1, got ${alpha}`);
  const agents = report.agents.length ? [...report.agents] : [...new Set(report.tests.map((t) => t.agent))];
  const byTest = new Map<string, TestResult[]>();
  for (const t of report.tests) byTest.set(t.testId, [...(byTest.get(t.testId) ?? []), t]);

  const tests: TestAgentComparison[] = [...byTest.values()].map((results) => {
    const stats = results.map(agentStats);
    const raw = pairsOf(stats).map(([x, y]) => welchPair(x.agent, y.agent, x.scores, y.scores));
    const scored = stats.filter((s) => s.mean !== null);
    const best = scored.length ? scored.reduce((m, s) => (s.mean! > m.mean! ? s : m)).agent : null;
    return { test_id: results[0]!.testId, test_name: results[0]!.testName, agents: stats, pairs: adjust(raw, alpha), best };
  });

  const overallPairs = adjust(pairsOf(agents).map(([a, b]) => overallPair(a, b, tests)), alpha);
  const summaries = agents.map((agent): Omit<AgentSummary, 'rank'> => {
    const mine = tests.flatMap((t) => t.agents.filter((s) => s.agent === agent));
    const scored = mine.filter((s) => s.mean !== null);
    const means = scored.map((s) => s.mean!);
    const passed = mine.reduce((n, s) => n + s.passed_runs, 0);
    const total = mine.reduce((n, s) => n + s.total_runs, 0);
    return {
      agent,
      tests: scored.length,
      mean_score: means.length ? mean(means) : null,
      ci95: overallCi(scored),
      passed_runs: passed,
      total_runs: total,
      success_rate: total ? passed / total : 0,
      success_ci95: wilsonInterval(passed, total),
      flaky_tests: mine.filter((s) => s.flaky).length,
      beats: overallPairs.filter((p) => p.better === agent).map((p) => (p.a === agent ? p.b : p.a)),
    };
  });
  const ranking = [...summaries]
    .sort((x, y) => (y.mean_score ?? -Infinity) - (x.mean_score ?? -Infinity) || y.success_rate - x.success_rate)
    .map((s, i) => ({ ...s, rank: i + 1 }));
  return {
    suite_name: report.suite.name,
    agents,
    alpha,
    runs_per_test: report.runsPerTest,
    tests,
    overall: { ranking, pairs: overallPairs },
    flaky_tests: flakyTests(report.tests),
  };
}
