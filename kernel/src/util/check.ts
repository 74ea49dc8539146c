import type { EvalCheck } from '../results.js';

/** Optional parts of a check. */
export interface CheckExtras {
  evidence?: string;
  details?: Record<string, unknown>;
}

/** A binary check: score 1 when passed, 0 when failed. */
export function check(name: string, passed: boolean, message: string, extras: CheckExtras = {}): EvalCheck {
  const result: EvalCheck = { name, passed, score: passed ? 1 : 0, message };
  if (extras.evidence !== undefined) result.evidence = extras.evidence;
  if (extras.details !== undefined) result.details = extras.details;
  return result;
}
