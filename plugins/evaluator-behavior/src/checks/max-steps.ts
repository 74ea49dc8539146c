import { check } from '@atp/kernel';
import type { EvalCheck } from '@atp/kernel';
import type { BehaviorContext } from '../context.js';
import { completedCalls } from '../tool-calls.js';
import { plural } from '../tool-count.js';

/** A step count and where it came from. */
export interface StepCount {
  steps: number;
  explanation: string;
}

/**
 * Steps of a run: `metrics.total_steps` when reported; else the number of distinct
 * `current_step` values of `progress` events; else the number of completed tool calls.
 */
export function countSteps(ctx: BehaviorContext): StepCount {
  const reported = ctx.input.response.metrics?.total_steps;
  if (typeof reported === 'number') return { steps: reported, explanation: 'from metrics.total_steps' };
  const distinct = new Set<number>();
  for (const e of ctx.input.events) {
    const step = e.event_type === 'progress' ? e.payload['current_step'] : undefined;
    if (typeof step === 'number') distinct.add(step);
  }
  if (distinct.size > 0) return { steps: distinct.size, explanation: 'distinct current_step values of progress events' };
  return { steps: completedCalls(ctx.trace).length, explanation: 'no metrics.total_steps or progress steps; counted tool calls' };
}

/** `max_steps`: the step count is at most `limit`. */
export function maxSteps(limit: number, ctx: BehaviorContext): EvalCheck {
  const { steps, explanation } = countSteps(ctx);
  const passed = steps <= limit;
  return check('max_steps', passed, `${plural(steps, 'step')}, ${passed ? 'within' : 'over'} the limit of ${limit} (${explanation})`);
}
