import { describe, studentTQuantile, studentTTwoSidedP, type RunReport, type TestResult } from '@atp/kernel';

/** Mean, standard deviation and size of one test's run scores. */
interface Sample {
  mean: number;
  std: number;
  n: number;
}

/** Welch's t-test of two samples: difference of means (a − b), t, Welch–Satterthwaite df, two-sided p. */
export interface WelchResult {
  diff: number;
  t: number;
  df: number;
  p: number;
}

/** The scores of every scored run of a test. */
export function runScores(test: TestResult): number[] {
  return test.runResults.map((run) => run.score).filter((score): score is number => score !== null && Number.isFinite(score));
}

function sampleOf(test: TestResult): Sample | undefined {
  const scores = runScores(test);
  if (scores.length === 0) return undefined;
  const stats = describe(scores);
  return { mean: stats.mean, std: stats.std, n: stats.n };
}

/**
 * Welch's t-test on summary statistics; undefined when a side has fewer than two runs.
 * With no variance on either side, p is 1 for equal means and 0 otherwise.
 */
export function welch(a: Sample, b: Sample): WelchResult | undefined {
  if (a.n < 2 || b.n < 2) return undefined;
  const va = (a.std * a.std) / a.n;
  const vb = (b.std * b.std) / b.n;
  const diff = a.mean - b.mean;
  const se = Math.sqrt(va + vb);
  if (se === 0) return { diff, t: diff === 0 ? 0 : Math.sign(diff) * Infinity, df: a.n + b.n - 2, p: diff === 0 ? 1 : 0 };
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const t = diff / se;
  return { diff, t, df, p: studentTTwoSidedP(t, df) };
}

/** Wilson score interval (95%) of a pass rate k/n; [0, 1] when n is 0. */
export function wilsonInterval(k: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const z = 1.959963984540054;
  const p = k / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * The mean of several independent means with its 95% CI: variance Σ(s²/n)/T², Welch–Satterthwaite df.
 * The interval is run-to-run noise on this fixed set of tests; null when some test has fewer than two runs.
 */
export function meanOfMeans(samples: readonly Sample[]): { mean: number; ci: [number, number] | null } | undefined {
  if (samples.length === 0) return undefined;
  const T = samples.length;
  const mean = samples.reduce((s, x) => s + x.mean, 0) / T;
  if (samples.some((x) => x.n < 2)) return { mean, ci: null };
  const parts = samples.map((x) => ({ v: (x.std * x.std) / x.n / (T * T), df: x.n - 1 }));
  const variance = parts.reduce((s, x) => s + x.v, 0);
  if (variance === 0) return { mean, ci: [mean, mean] };
  const df = variance ** 2 / parts.reduce((s, x) => s + x.v ** 2 / x.df, 0);
  const half = studentTQuantile(0.975, df) * Math.sqrt(variance);
  return { mean, ci: [mean - half, mean + half] };
}

/** Difference of two agents' suite means over the tests both scored, with a Welch-type p-value (undefined without variance information). */
function suiteDifference(pairs: ReadonlyArray<readonly [Sample, Sample]>): { diff: number; p: number | undefined } | undefined {
  if (pairs.length === 0) return undefined;
  const T = pairs.length;
  const diff = pairs.reduce((s, [a, b]) => s + a.mean - b.mean, 0) / T;
  if (pairs.some(([a, b]) => a.n < 2 || b.n < 2)) return { diff, p: undefined };
  const parts = pairs.flatMap(([a, b]) => [a, b]).map((x) => ({ v: (x.std * x.std) / x.n / (T * T), df: x.n - 1 }));
  const variance = parts.reduce((s, x) => s + x.v, 0);
  if (variance === 0) return { diff, p: diff === 0 ? 1 : 0 };
  const df = variance ** 2 / parts.reduce((s, x) => s + x.v ** 2 / x.df, 0);
  return { diff, p: studentTTwoSidedP(diff / Math.sqrt(variance), df) };
}

/** One agent's line in the ranking. */
export interface AgentSummary {
  agent: string;
  /** 1-based rank by mean score (agents without any score come last). */
  rank: number;
  tests: number;
  passedTests: number;
  /** Passed tests / tests. */
  successRate: number;
  runs: number;
  passedRuns: number;
  /** Wilson 95% interval of the run pass rate. */
  runPassInterval: [number, number];
  flakyTests: number;
  /** Mean of the per-test mean scores (each test weighs the same), null when nothing was scored. */
  mean: number | null;
  /** 95% CI of `mean` over run-to-run noise; null with single runs. */
  ci: [number, number] | null;
  scoredTests: number;
  /** Against the top-ranked agent, over the tests both scored (absent for the leader). */
  vsLeader?: { diff: number; p: number | undefined; tests: number };
}

/** One agent on one test. */
export interface ComparisonCell {
  agent: string;
  test: TestResult | undefined;
  mean: number | null;
  ci: [number, number] | null;
  n: number;
  /** The best mean on this test. */
  best: boolean;
  /** Welch's test against the best agent on this test (absent for the best, or with fewer than two runs). */
  vsBest?: WelchResult;
}

/** One test across agents. */
export interface ComparisonRow {
  testId: string;
  testName: string;
  cells: ComparisonCell[];
}

/** Everything the comparison section shows. */
export interface Comparison {
  /** Agents in rank order. */
  ranking: AgentSummary[];
  rows: ComparisonRow[];
}

function cellOf(agent: string, test: TestResult | undefined): ComparisonCell {
  const sample = test ? sampleOf(test) : undefined;
  if (!test || !sample) return { agent, test, mean: null, ci: null, n: 0, best: false };
  const ci: [number, number] | null = sample.n > 1 ? (test.statistics?.ci95 ?? describe(runScores(test)).ci95) : null;
  return { agent, test, mean: sample.mean, ci, n: sample.n, best: false };
}

/** Build the multi-agent comparison (ranking, per-test cells, significance) from the report alone. */
export function buildComparison(report: RunReport): Comparison {
  const agents = report.agents.length ? [...report.agents] : [...new Set(report.tests.map((t) => t.agent))];
  const byTest = new Map<string, { name: string; results: Map<string, TestResult> }>();
  for (const test of report.tests) {
    let entry = byTest.get(test.testId);
    if (!entry) byTest.set(test.testId, (entry = { name: test.testName, results: new Map() }));
    entry.results.set(test.agent, test);
  }
  const rows: ComparisonRow[] = [...byTest].map(([testId, { name, results }]) => {
    const entries = agents.map((agent) => {
      const test = results.get(agent);
      return { cell: cellOf(agent, test), sample: test ? sampleOf(test) : undefined };
    });
    const scored = entries.filter((e): e is { cell: ComparisonCell; sample: Sample } => e.sample !== undefined);
    const best = scored.reduce<(typeof scored)[number] | undefined>((top, e) => (!top || e.sample.mean > top.sample.mean ? e : top), undefined);
    for (const { cell, sample } of scored) {
      cell.best = scored.length > 1 && sample.mean === best?.sample.mean;
      const result = best && sample !== best.sample ? welch(sample, best.sample) : undefined;
      if (result) cell.vsBest = result;
    }
    return { testId, testName: name, cells: entries.map((e) => e.cell) };
  });

  const summaries: AgentSummary[] = agents.map((agent) => {
    const tests = report.tests.filter((t) => t.agent === agent);
    const samples = tests.map(sampleOf).filter((s): s is Sample => s !== undefined);
    const overall = meanOfMeans(samples);
    const runs = tests.reduce((s, t) => s + t.runs.total, 0);
    const passedRuns = tests.reduce((s, t) => s + t.runs.passed, 0);
    const passedTests = tests.filter((t) => t.passed).length;
    return {
      agent,
      rank: 0,
      tests: tests.length,
      passedTests,
      successRate: tests.length ? passedTests / tests.length : 0,
      runs,
      passedRuns,
      runPassInterval: wilsonInterval(passedRuns, runs),
      flakyTests: tests.filter((t) => t.flaky).length,
      mean: overall?.mean ?? null,
      ci: overall?.ci ?? null,
      scoredTests: samples.length,
    };
  });
  summaries.sort((a, b) => (b.mean ?? -Infinity) - (a.mean ?? -Infinity) || b.successRate - a.successRate || a.agent.localeCompare(b.agent));
  summaries.forEach((s, i) => (s.rank = i + 1));

  const leader = summaries[0];
  if (leader && leader.mean !== null) {
    for (const summary of summaries.slice(1)) {
      if (summary.mean === null) continue;
      const pairs: Array<[Sample, Sample]> = [];
      for (const [, { results }] of byTest) {
        const mine = results.get(summary.agent);
        const theirs = results.get(leader.agent);
        const a = mine ? sampleOf(mine) : undefined;
        const b = theirs ? sampleOf(theirs) : undefined;
        if (a && b) pairs.push([a, b]);
      }
      const difference = suiteDifference(pairs);
      if (difference) summary.vsLeader = { diff: difference.diff, p: difference.p, tests: pairs.length };
    }
  }
  return { ranking: summaries, rows };
}
