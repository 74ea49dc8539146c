import { check } from '@atp/kernel';
import type { EvalCheck } from '@atp/kernel';
import type { BehaviorContext } from '../context.js';
import { completedCalls } from '../tool-calls.js';
import { plural } from '../tool-count.js';
import { callSignature } from './repeated-actions.js';

/** The minimum useful/total ratio when `min_efficiency` is not set. */
export const DEFAULT_MIN_EFFICIENCY = 0.8;

/**
 * `efficient_tool_use`: a completed tool call is *wasted* when it ended with status `error`, or when it
 * repeats (same tool, deeply equal input) an earlier call that did not fail — the work was already done.
 * efficiency = useful / total (1 with no calls). Passes when efficiency >= `minEfficiency` and, when a
 * step limit is known (`max_steps` in the config, else the test's `constraints.max_steps`), the tool-call
 * count does not exceed it; over the limit the score is also scaled by limit / count.
 * Without tool_call events (count from metrics only) waste cannot be judged and efficiency is 1.
 */
export function efficientToolUse(minEfficiency: number, stepLimit: number | undefined, ctx: BehaviorContext): EvalCheck {
  const calls = ctx.count.source === 'trace' ? completedCalls(ctx.trace) : [];
  const done = new Set<string>();
  const wasted: string[] = [];
  let errors = 0;
  let repeats = 0;
  for (const call of calls) {
    const signature = callSignature(call);
    if (call.status === 'error') {
      errors++;
      wasted.push(`${call.tool} (seq ${call.sequence}): ended with status error`);
    } else if (done.has(signature)) {
      repeats++;
      wasted.push(`${call.tool} (seq ${call.sequence}): repeats an earlier identical call`);
    } else {
      done.add(signature);
    }
  }
  const total = calls.length;
  const useful = total - errors - repeats;
  const efficiency = total === 0 ? 1 : useful / total;
  const count = ctx.count.count;
  const overLimit = stepLimit !== undefined && count > stepLimit;
  const score = overLimit ? efficiency * (stepLimit / count) : efficiency;
  const passed = efficiency >= minEfficiency && !overLimit;

  const basis =
    ctx.count.source === 'trace'
      ? `${useful} of ${plural(total, 'tool call')} useful${total > useful ? ` (${plural(errors, 'error')}, ${plural(repeats, 'repeat')})` : ''}`
      : `no tool_call events to judge waste (${ctx.count.explanation})`;
  const verdict = efficiency >= minEfficiency ? `meeting the minimum ${minEfficiency}` : `below the minimum ${minEfficiency}`;
  const limitNote = stepLimit === undefined ? '' : `; ${plural(count, 'tool call')} ${overLimit ? 'exceed' : 'within'} max_steps ${stepLimit}`;
  const details: Record<string, unknown> = { efficiency, useful, total, errors, repeats, min_efficiency: minEfficiency };
  if (stepLimit !== undefined) details['max_steps'] = stepLimit;
  const result = check('efficient_tool_use', passed, `efficiency ${round(efficiency)}: ${basis}, ${verdict}${limitNote}`, {
    ...(wasted.length ? { evidence: wasted.join('\n') } : {}),
    details,
  });
  result.score = score;
  return result;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
