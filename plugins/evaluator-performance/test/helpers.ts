import type { ATPEventInput, ATPResponseInput, EvaluationInput, RunTiming } from '@atp/kernel';
import { sampleEvaluationInput } from '@atp/testkit';

/** What a test case varies; everything else gets a plausible default. */
export interface InputOptions {
  config?: Record<string, unknown>;
  type?: string;
  metrics?: ATPResponseInput['metrics'];
  events?: Array<Omit<ATPEventInput, 'task_id' | 'sequence'>>;
  suiteFile?: string;
  testId?: string;
  taskId?: string;
  /** The runner's harness-clock timing of the run. */
  timing?: RunTiming;
}

/** `llm_request` events with these durations (and optional token counts). */
export function llmEvents(durations: number[], tokens?: { input: number; output: number }): Array<Omit<ATPEventInput, 'task_id' | 'sequence'>> {
  return durations.map((d) => ({ event_type: 'llm_request', payload: { model: 'm', duration_ms: d, ...(tokens ? { input_tokens: tokens.input, output_tokens: tokens.output } : {}) } }));
}

/** A whole EvaluationInput for a performance assertion (type `performance` unless given). */
export function makeInput(options: InputOptions = {}): EvaluationInput {
  const { type = 'performance', metrics, suiteFile, timing, ...rest } = options;
  const input = sampleEvaluationInput({
    ...rest,
    type,
    description: 'Answer',
    response: { metrics: metrics ?? null },
    ...(suiteFile ? { location: { file: suiteFile, line: 3, column: 7 } } : {}),
  });
  return timing ? { ...input, timing } : input;
}
