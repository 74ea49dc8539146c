import type { ScoringWeights } from '@atp/kernel';
import { DefaultsShellSchema, ScoringSchema, type DefaultsShellInput } from './schema/suite.js';
import { rawAt, validateAt, type CompileContext } from './context.js';
import { checkWeights, DEFAULT_WEIGHTS } from './semantic/weights.js';

/** The suite's `defaults`, validated, and the scoring weights every test without `scoring` gets. */
export interface CompiledDefaults {
  defaults?: DefaultsShellInput;
  scoring: ScoringWeights;
}

/** Validate `defaults` (its `scoring` on its own, so a bad key elsewhere does not hide a bad sum). */
export function compileDefaults(ctx: CompileContext): CompiledDefaults {
  if (rawAt(ctx, ['defaults']) === undefined) return { scoring: { ...DEFAULT_WEIGHTS } };
  const defaults = validateAt(ctx, DefaultsShellSchema, ['defaults']);
  const partial = rawAt(ctx, ['defaults', 'scoring']) === undefined ? undefined : validateAt(ctx, ScoringSchema, ['defaults', 'scoring']);
  const scoring = (partial && checkWeights(ctx, partial, ['defaults', 'scoring'])) ?? { ...DEFAULT_WEIGHTS };
  return { ...(defaults ? { defaults } : {}), scoring };
}
