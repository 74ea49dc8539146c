import type { ResponseStatus } from '../protocol/index.js';
import type { PlanTest } from '../plan.js';
import { MAX_FAILED_CHECKS, type JobResult, type RunSummary, type SampleStats, type TestResult } from '../results.js';
import { describe, passHatK } from '../stats/index.js';

const MAX_CHECK_TEXT = 300;

/** A failed run's failed checks, `assertion › check: message`, so each run of a flaky test explains itself. */
function failedChecksOf(r: JobResult): string[] {
  const out: string[] = [];
  for (const e of r.evaluations) {
    if (e.passed || e.skipped) continue;
    for (const c of e.checks) {
      if (c.passed) continue;
      const text = `${e.assertion} › ${c.name}${c.message ? `: ${c.message}` : ''}`;
      out.push(text.length > MAX_CHECK_TEXT ? `${text.slice(0, MAX_CHECK_TEXT - 1)}…` : text);
      if (out.length === MAX_FAILED_CHECKS) return out;
    }
  }
  return out;
}

/** Statistics of run scores, the 95% CI clipped to 0–100: a mean score cannot lie outside the scale. */
function scoreStatistics(scores: readonly number[]): SampleStats {
  const stats = describe(scores);
  const [lo, hi] = stats.ci95;
  return { ...stats, ci95: [Math.max(0, lo), Math.min(100, hi)] };
}

/**
 * Folds the runs of one test against one agent into its TestResult as they finish, keeping only the
 * per-run summary and the lowest-numbered run in full: memory per test stays small however many runs it has.
 */
export class TestAccumulator {
  readonly test: PlanTest;
  readonly agent: string;
  #runs: RunSummary[] = [];
  /** The lowest-numbered run: its evaluations and breakdown represent the test. */
  #first: JobResult | undefined;
  /** The lowest-numbered run with an error. */
  #firstError: Pick<JobResult, 'run' | 'error' | 'failureKind'> | undefined;

  constructor(test: PlanTest, agent: string) {
    this.test = test;
    this.agent = agent;
  }

  /** Runs added so far. */
  get size(): number {
    return this.#runs.length;
  }

  /** Add one finished run. */
  add(r: JobResult): void {
    const failedChecks = r.passed ? [] : failedChecksOf(r);
    this.#runs.push({ run: r.run, status: r.status, score: r.score, passed: r.passed, error: r.error, durationMs: r.durationMs, ...(failedChecks.length ? { failedChecks } : {}) });
    if (!this.#first || r.run < this.#first.run) this.#first = r;
    if ((r.error || r.failureKind) && (!this.#firstError || r.run < this.#firstError.run)) {
      this.#firstError = { run: r.run, ...(r.error ? { error: r.error } : {}), ...(r.failureKind ? { failureKind: r.failureKind } : {}) };
    }
  }

  /**
   * The test's result (§3.14 with every run evaluated): it passes when every run passed; its score is
   * the mean run score; runs that disagree make it flaky.
   */
  result(): TestResult {
    const runs = [...this.#runs].sort((a, b) => a.run - b.run);
    const scores = runs.map((r) => r.score).filter((s): s is number => s !== null);
    const passed = runs.filter((r) => r.passed).length;
    const successful = runs.filter((r) => r.status === 'completed').length;
    const first = this.#first;
    const firstError = this.#firstError;
    const status: ResponseStatus = runs.some((r) => r.status === 'timeout')
      ? 'timeout'
      : successful === runs.length
        ? 'completed'
        : successful > 0
          ? 'partial'
          : runs.some((r) => r.status === 'cancelled')
            ? 'cancelled'
            : 'failed';
    const n = runs.length;
    return {
      testId: this.test.id,
      testName: this.test.name,
      agent: this.agent,
      tags: this.test.tags,
      passed: n > 0 && passed === n,
      score: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 : null,
      status,
      ...(firstError?.error ? { error: firstError.error } : {}),
      ...(firstError?.failureKind ? { failureKind: firstError.failureKind } : {}),
      runs: { total: n, successful, passed },
      successRate: n ? passed / n : 0,
      passHatK: passHatK(n, passed, n),
      ...(n > 1 && scores.length ? { statistics: scoreStatistics(scores) } : {}),
      durationMs: runs.reduce((s, r) => s + r.durationMs, 0),
      evaluations: first?.evaluations ?? [],
      ...(first?.breakdown ? { breakdown: first.breakdown } : {}),
      runResults: runs,
      flaky: passed > 0 && passed < n,
    };
  }
}

/** Aggregate the runs of one test against one agent at once (see TestAccumulator). */
export function aggregateTest(test: PlanTest, agent: string, runs: readonly JobResult[]): TestResult {
  const acc = new TestAccumulator(test, agent);
  for (const r of runs) acc.add(r);
  return acc.result();
}
