import { check } from '@atp/kernel';
import type { EvalCheck } from '@atp/kernel';
import type { BehaviorContext } from '../context.js';

/** `must_use_tools`: every listed tool appears on some `tool_call` event (an empty list passes). */
export function mustUseTools(tools: readonly string[], ctx: BehaviorContext): EvalCheck {
  const used = ctx.trace.usedTools;
  if (tools.length === 0) return check('must_use_tools', true, 'no required tools listed');
  const missing = tools.filter((t) => !used.includes(t));
  if (missing.length === 0) return check('must_use_tools', true, `all required tools used: ${tools.join(', ')}`);
  const seen = used.length ? `used: ${used.join(', ')}` : 'no tools used';
  return check('must_use_tools', false, `required tools not used: ${missing.join(', ')} (${seen})`, { details: { missing, used } });
}

/** `forbidden_tools`: none of the listed tools appears on any `tool_call` event. */
export function forbiddenTools(tools: readonly string[], ctx: BehaviorContext): EvalCheck {
  const hits = tools.filter((t) => ctx.trace.usedTools.includes(t));
  if (hits.length === 0) {
    return check('forbidden_tools', true, tools.length ? `none of the forbidden tools used (${tools.join(', ')})` : 'no forbidden tools listed');
  }
  const where = hits.map((tool) => {
    const sequences = ctx.trace.calls.filter((c) => c.tool === tool).map((c) => c.sequence);
    return `${tool} (seq ${sequences.join(', ')})`;
  });
  return check('forbidden_tools', false, `forbidden tools used: ${where.join(', ')}`, { details: { used: hits } });
}
