import { check, stableStringify } from '@atp/kernel';
import type { EvalCheck } from '@atp/kernel';
import { show } from '../call-patterns.js';
import type { BehaviorContext } from '../context.js';
import type { ToolCall } from '../tool-calls.js';
import { plural } from '../tool-count.js';

/** Repeats of one identical call allowed when `max_repeats` is not set. */
export const DEFAULT_MAX_REPEATS = 1;

/** The identity of a call for repetition: its tool and its input, compared deeply. */
export function callSignature(call: ToolCall): string {
  return `${call.tool}\u0000${stableStringify(call.input ?? null)}`;
}

/** A call that ended with status `error` or never completed: repeating it at once is a retry. */
function isFailedAttempt(call: ToolCall): boolean {
  return call.status === 'error' || !call.completed;
}

/** One identical call made too often. */
interface Repeat {
  tool: string;
  input: unknown;
  sequences: number[];
  backToBack: boolean;
  tooMany: boolean;
}

/**
 * `no_repeated_actions`: two calls are the same action when tool and input are deeply equal.
 * Fails when the same action is made twice in a row (unless the first attempt ended with status
 * `error` or never completed: that is a retry), or made more than `1 + maxRepeats` times in all.
 */
export function noRepeatedActions(maxRepeats: number, ctx: BehaviorContext): EvalCheck {
  const calls = ctx.trace.calls;
  const groups = new Map<string, ToolCall[]>();
  const backToBack = new Set<string>();
  calls.forEach((call, i) => {
    const signature = callSignature(call);
    const group = groups.get(signature) ?? [];
    group.push(call);
    groups.set(signature, group);
    const previous = i > 0 ? calls[i - 1] : undefined;
    if (previous && callSignature(previous) === signature && !isFailedAttempt(previous)) backToBack.add(signature);
  });
  const repeats: Repeat[] = [];
  for (const [signature, group] of groups) {
    const tooMany = group.length - 1 > maxRepeats;
    if (!tooMany && !backToBack.has(signature)) continue;
    const first = group[0]!;
    repeats.push({ tool: first.tool, input: first.input, sequences: group.map((c) => c.sequence), backToBack: backToBack.has(signature), tooMany });
  }
  const rule = `at most ${plural(maxRepeats, 'repeat')} of an identical call, never back to back`;
  if (repeats.length === 0) return check('no_repeated_actions', true, `no repeated actions among ${plural(calls.length, 'tool call')} (${rule})`);
  const lines = repeats.map((r) => {
    const what = `${r.tool} ${show(r.input ?? null)}`;
    const problems = [r.tooMany ? `called ${r.sequences.length} times` : undefined, r.backToBack ? 'repeated back to back' : undefined].filter((p) => p !== undefined);
    return `${what} ${problems.join(' and ')} (seq ${r.sequences.join(', ')})`;
  });
  return check('no_repeated_actions', false, `${plural(repeats.length, 'repeated action')} (${rule}): ${lines.join('; ')}`, {
    evidence: lines.join('\n'),
    details: { max_repeats: maxRepeats, repeats },
  });
}
