import type { EvaluationInput } from '@atp/kernel';
import { toolTrace, type ToolTrace } from './tool-calls.js';
import { countToolCalls, type ToolCallCount } from './tool-count.js';

/** What every behavior check reads: the evaluation input, its tool calls and their count. */
export interface BehaviorContext {
  input: EvaluationInput;
  trace: ToolTrace;
  count: ToolCallCount;
}

/** Analyse the trace once per assertion. */
export function behaviorContext(input: EvaluationInput): BehaviorContext {
  const trace = toolTrace(input.events);
  return { input, trace, count: countToolCalls(trace, input.response) };
}
