import { check } from '@atp/kernel';
import type { EvalCheck } from '@atp/kernel';
import type { BehaviorContext } from '../context.js';
import { completedCalls } from '../tool-calls.js';
import { plural } from '../tool-count.js';

/** `max_tool_calls`: the tool-call count (see tool-count.ts) is at most `limit`. */
export function maxToolCalls(limit: number, ctx: BehaviorContext): EvalCheck {
  const { count, explanation } = ctx.count;
  const passed = count <= limit;
  const verdict = passed ? `within the limit of ${limit}` : `over the limit of ${limit}`;
  return check('max_tool_calls', passed, `${plural(count, 'tool call')}, ${verdict} (${explanation})`, evidence(ctx));
}

/** `min_tool_calls`: the tool-call count (see tool-count.ts) is at least `limit`. */
export function minToolCalls(limit: number, ctx: BehaviorContext): EvalCheck {
  const { count, explanation } = ctx.count;
  const passed = count >= limit;
  const verdict = passed ? `meeting the minimum of ${limit}` : `below the minimum of ${limit}`;
  return check('min_tool_calls', passed, `${plural(count, 'tool call')}, ${verdict} (${explanation})`, evidence(ctx));
}

/** Calls per tool (`create_file ×2, read_file ×1`) when the count came from the trace. */
function evidence(ctx: BehaviorContext): { evidence?: string } {
  if (ctx.count.source !== 'trace') return {};
  const perTool = new Map<string, number>();
  for (const call of completedCalls(ctx.trace)) perTool.set(call.tool, (perTool.get(call.tool) ?? 0) + 1);
  if (perTool.size === 0) return {};
  return { evidence: [...perTool].map(([tool, n]) => `${tool} ×${n}`).join(', ') };
}
