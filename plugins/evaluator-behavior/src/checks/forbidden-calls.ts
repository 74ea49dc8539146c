import { check } from '@atp/kernel';
import type { EvalCheck } from '@atp/kernel';
import { describePattern, matchCall } from '../call-patterns.js';
import type { ToolCallPattern } from '../config-schemas.js';
import type { BehaviorContext } from '../context.js';
import { plural } from '../tool-count.js';

/** `forbidden_tool_calls`: no call matches any pattern; every violation is listed. */
export function forbiddenToolCalls(patterns: readonly ToolCallPattern[], ctx: BehaviorContext): EvalCheck {
  const violations: string[] = [];
  for (const call of ctx.trace.calls) {
    for (const pattern of patterns) {
      if (matchCall(pattern, call).matched) violations.push(`${call.tool} (seq ${call.sequence}) matches ${describePattern(pattern)}`);
    }
  }
  if (violations.length === 0) return check('forbidden_tool_calls', true, `no call matches the ${plural(patterns.length, 'forbidden pattern')}`);
  return check('forbidden_tool_calls', false, `${plural(violations.length, 'forbidden tool call')}: ${violations.join('; ')}`, {
    evidence: violations.join('\n'),
  });
}
