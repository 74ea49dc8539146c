import { check } from '@atp/kernel';
import type { EvalCheck } from '@atp/kernel';
import type { BehaviorContext } from '../context.js';
import { plural } from '../tool-count.js';

/**
 * `no_errors`: `response.error` is empty and the trace has no `error` events (reference §3.3).
 * A tool call that ended with status `error` is not an agent error (the agent may handle it,
 * as the demo agent does for a missing file, §8.3 row 4); the message still mentions such calls.
 */
export function noErrors(ctx: BehaviorContext): EvalCheck {
  const { response, events } = ctx.input;
  const problems: string[] = [];
  if (typeof response.error === 'string' && response.error.trim() !== '') problems.push(`response.error: ${JSON.stringify(response.error)}`);
  const errorEvents = events.filter((e) => e.event_type === 'error');
  for (const event of errorEvents) {
    const type = typeof event.payload['error_type'] === 'string' ? event.payload['error_type'] : 'error';
    const message = typeof event.payload['message'] === 'string' ? `: ${event.payload['message']}` : '';
    problems.push(`${type}${message} (seq ${event.sequence})`);
  }
  const toolErrors = ctx.trace.calls.filter((c) => c.status === 'error').length;
  const toolNote = toolErrors ? `; ${plural(toolErrors, 'tool call')} ended with status error (handled by the agent, not counted)` : '';
  if (problems.length === 0) return check('no_errors', true, `no errors: response.error is empty and the trace has no error events${toolNote}`);
  const summary = [typeof response.error === 'string' && response.error.trim() !== '' ? 'response.error is set' : undefined, errorEvents.length ? plural(errorEvents.length, 'error event') : undefined]
    .filter((s) => s !== undefined)
    .join(' and ');
  return check('no_errors', false, `${summary}${toolNote}`, { evidence: problems.join('\n') });
}
