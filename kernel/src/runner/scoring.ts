import type { ATPResponse } from '../protocol/index.js';
import type { PlanConstraints, ScoringWeights } from '../plan.js';
import type { EvalResult, ScoreBreakdown, ScoreComponent } from '../results.js';

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));
const POWERS_OF_TEN = [1, 10, 100, 1000, 10_000];
/** Round to `dp` decimals (0–4): a table lookup, as this runs several times per job. */
const round = (x: number, dp: 0 | 1 | 2 | 3 | 4): number => {
  const p = POWERS_OF_TEN[dp]!;
  return Math.round(x * p) / p;
};

/** The default weights of §3.13. */
export const DEFAULT_WEIGHTS: ScoringWeights = { quality_weight: 0.4, completeness_weight: 0.3, efficiency_weight: 0.2, cost_weight: 0.1 };

function efficiency(response: ATPResponse, constraints: PlanConstraints): { value: number; details: Record<string, unknown> } {
  const steps = response.metrics?.total_steps;
  if (steps === undefined || steps === null || steps === 0) return { value: 1, details: { reason: 'no step count reported' } };
  const max = constraints.max_steps;
  if (max === undefined) return { value: steps <= 1 ? 1 : 0.5, details: { steps } };
  const optimal = 1;
  if (steps <= optimal) return { value: 1, details: { steps, max_steps: max } };
  if (max <= optimal) return { value: steps <= max ? 1 : 0, details: { steps, max_steps: max } };
  return { value: clamp01(1 - (steps - optimal) / (max - optimal)), details: { steps, max_steps: max } };
}

function cost(response: ATPResponse, constraints: PlanConstraints): { value: number; details: Record<string, unknown> } {
  const m = response.metrics;
  if (!m) return { value: 1, details: { reason: 'no metrics reported' } };
  if (m.cost_usd !== undefined && m.cost_usd !== null && constraints.budget_usd !== undefined) {
    const c = m.cost_usd;
    return { value: c <= 0 ? 1 : clamp01(1 - c / constraints.budget_usd), details: { cost_usd: c, budget_usd: constraints.budget_usd } };
  }
  const tokens = m.total_tokens;
  if (tokens !== undefined && tokens !== null && constraints.max_tokens !== undefined) {
    return {
      value: tokens <= 0 ? 1 : clamp01(1 - Math.log(1 + tokens / constraints.max_tokens) / Math.log(2)),
      details: { total_tokens: tokens, max_tokens: constraints.max_tokens },
    };
  }
  if (tokens !== undefined && tokens !== null) return { value: tokens < 1000 ? 1 : 0.5, details: { total_tokens: tokens } };
  return { value: 1, details: {} };
}

/**
 * The weighted 0–100 score of §3.13 over one run's evaluations.
 * Quality is the (assertion-weighted) mean check score; skipped assertions do not count.
 */
export function scoreRun(
  evaluations: readonly EvalResult[],
  response: ATPResponse,
  constraints: PlanConstraints,
  weights: ScoringWeights,
  assertionWeights: ReadonlyMap<string, number> = new Map(),
): ScoreBreakdown {
  let qSum = 0;
  let qWeight = 0;
  let checks = 0;
  let passedChecks = 0;
  for (const r of evaluations) {
    if (r.skipped) continue;
    const w = assertionWeights.get(r.assertion) ?? 1;
    for (const c of r.checks) {
      qSum += w * c.score;
      qWeight += w;
      checks++;
      if (c.passed) passedChecks++;
    }
  }
  const quality = qWeight > 0 ? qSum / qWeight : 0;
  const completeness = checks > 0 ? passedChecks / checks : 1;
  const eff = efficiency(response, constraints);
  const cst = cost(response, constraints);
  const comp = (normalized: number, weight: number, details: Record<string, unknown>): ScoreComponent => ({
    normalized: round(normalized, 4),
    weight,
    weighted: round(normalized * weight, 4),
    details,
  });
  const components = {
    quality: comp(quality, weights.quality_weight, { checks, assertions: evaluations.filter((e) => !e.skipped).length }),
    completeness: comp(completeness, weights.completeness_weight, { passed_checks: passedChecks, total_checks: checks }),
    efficiency: comp(eff.value, weights.efficiency_weight, eff.details),
    cost: comp(cst.value, weights.cost_weight, cst.details),
  };
  let final =
    weights.quality_weight * quality + weights.completeness_weight * completeness + weights.efficiency_weight * eff.value + weights.cost_weight * cst.value;
  if (evaluations.some((e) => e.critical && !e.passed && !e.skipped)) final = 0;
  return { final_score: round(100 * final, 2), components };
}
