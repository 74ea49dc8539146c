import type { TestResult } from '@atp/kernel';

/** The minimal view of one run this package needs. */
export type RunView = Pick<TestResult['runResults'][number], 'score' | 'passed' | 'status'>;

/**
 * The score sample of a test: one 0–100 score per run, assertions included. A run without a score
 * because it failed (timeout, adapter error, agent failure, budget) counts as 0 — the agent did not do
 * the task; a completed run of a test without assertions has no score and is left out.
 */
export function runScores(runs: readonly RunView[]): number[] {
  const scores: number[] = [];
  for (const run of runs) {
    if (run.score !== null) scores.push(run.score);
    else if (!run.passed) scores.push(0);
  }
  return scores;
}
