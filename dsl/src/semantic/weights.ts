import { ErrorCodes, type ScoringWeights } from '@atp/kernel';
import type { ScoringInput } from '../schema/suite.js';
import type { DataPath } from '../yaml/locator.js';
import { formatPath } from '../validate/path.js';
import { report, type CompileContext } from '../context.js';

/** The default weights of §3.13. */
export const DEFAULT_WEIGHTS: Readonly<ScoringWeights> = Object.freeze({
  quality_weight: 0.4,
  completeness_weight: 0.3,
  efficiency_weight: 0.2,
  cost_weight: 0.1,
});

/** The one tolerance: the merged weights must sum to 1 within this (the scorer's tolerance). */
export const WEIGHT_TOLERANCE = 0.001;

const KEYS = Object.keys(DEFAULT_WEIGHTS) as Array<keyof ScoringWeights>;

/** A partial `scoring` merged over the default weights. */
export function mergeWeights(partial: ScoringInput | undefined): ScoringWeights {
  return { ...DEFAULT_WEIGHTS, ...Object.fromEntries(Object.entries(partial ?? {}).filter(([, v]) => v !== undefined)) };
}

const round = (n: number): number => Math.round(n * 1e6) / 1e6;

/**
 * Check one `scoring` object, once, where it is written: merged over the defaults, the four weights
 * must sum to 1 ± 0.001. Returns the merged weights when they are valid.
 */
export function checkWeights(ctx: CompileContext, partial: ScoringInput, path: DataPath): ScoringWeights | undefined {
  const merged = mergeWeights(partial);
  const sum = KEYS.reduce((acc, k) => acc + merged[k], 0);
  if (Math.abs(sum - 1) <= WEIGHT_TOLERANCE) return merged;
  const terms = KEYS.map((k) => `${k} ${round(merged[k])}${partial[k] === undefined ? ' (default)' : ''}`).join(' + ');
  report(
    ctx,
    ErrorCodes.ATP_SCORING_WEIGHTS,
    `${formatPath(path)}: scoring weights sum to ${round(sum)}, expected ~1.0`,
    ctx.locator.keyRange(path),
    `missing weights take their defaults (0.4/0.3/0.2/0.1); here ${terms} = ${round(sum)}, and the sum must be 1 ± ${WEIGHT_TOLERANCE}`,
  );
  return undefined;
}
