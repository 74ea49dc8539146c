import { check } from '@atp/kernel';
import type { EvalCheck } from '@atp/kernel';
import { describePattern, matchCall } from '../call-patterns.js';
import type { ToolCallPattern } from '../config-schemas.js';
import type { BehaviorContext } from '../context.js';
import type { ToolCall } from '../tool-calls.js';

/**
 * `expected_tool_calls`: with order `any`, every pattern matches at least one call (calls may be reused);
 * with order `expected`, the patterns match calls with strictly increasing sequence numbers, each taking
 * the earliest matching call after the previous match (greedy).
 */
export function expectedToolCalls(patterns: readonly ToolCallPattern[], order: 'any' | 'expected', ctx: BehaviorContext): EvalCheck {
  const calls = ctx.trace.calls;
  const matched: string[] = [];
  let after = -Infinity;
  for (const pattern of patterns) {
    const candidates = order === 'expected' ? calls.filter((c) => c.sequence > after) : calls;
    const hit = candidates.find((c) => matchCall(pattern, c).matched);
    if (!hit) {
      const why = whyNot(pattern, candidates, calls, order === 'expected' ? after : undefined);
      const prefix = matched.length ? `matched ${matched.join(', ')}; ` : '';
      const label = order === 'expected' ? 'expected tool calls not in order' : 'expected tool call missing';
      return check('expected_tool_calls', false, `${label}: ${prefix}no call matches ${describePattern(pattern)}${why}`, {
        details: { order, matched: matched.length, expected: patterns.length },
      });
    }
    after = hit.sequence;
    matched.push(`${pattern.tool} (seq ${hit.sequence})`);
  }
  const how = order === 'expected' ? ' in order' : '';
  return check('expected_tool_calls', true, `all ${patterns.length} expected tool calls matched${how}: ${matched.join(', ')}`);
}

/** Why no candidate matched: the nearest misses, or where the tool was called out of order. */
function whyNot(pattern: ToolCallPattern, candidates: readonly ToolCall[], all: readonly ToolCall[], after: number | undefined): string {
  const sameTool = candidates.filter((c) => c.tool === pattern.tool);
  if (sameTool.length) {
    const reasons = sameTool.slice(0, 3).map((c) => {
      const result = matchCall(pattern, c);
      return `seq ${c.sequence}: ${result.matched ? 'matched' : result.reason}`;
    });
    return ` (${reasons.join('; ')})`;
  }
  const earlier = after === undefined ? [] : all.filter((c) => c.tool === pattern.tool && c.sequence <= after);
  if (earlier.length) return ` after seq ${after} (${pattern.tool} was called at seq ${earlier.map((c) => c.sequence).join(', ')})`;
  return after === undefined || after === -Infinity ? ` (${pattern.tool} was never called)` : ` after seq ${after} (${pattern.tool} was never called)`;
}
