import { readFile } from 'node:fs/promises';
import { ATPEventSchema, ATPRequestSchema, ATPResponseSchema, type ATPEvent, type ATPRequest, type ATPResponse, type EventType } from '@atp/kernel';
import type { z } from 'zod';
import { JsonTraceOptionsSchema, TraceFileSchema, type JsonTraceOptions, type TraceFile, type TraceStep } from './config.js';

/** One imported run: what was asked, what happened, what came back. */
export interface ImportedTrace {
  request: ATPRequest;
  events: ATPEvent[];
  response?: ATPResponse;
}

function issues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ');
}

/** The ATP event type and conventional payload of a step, or undefined when the options drop it. */
function eventOf(step: TraceStep, options: JsonTraceOptions): { type: EventType; payload: Record<string, unknown> } | undefined {
  switch (step.type) {
    case 'thought':
      return options.include_reasoning ? { type: 'reasoning', payload: { thought: step.text } } : undefined;
    case 'tool':
      return {
        type: 'tool_call',
        payload: {
          tool: step.name,
          input: step.input ?? null,
          ...(step.output !== undefined ? { output: step.output } : {}),
          ...(step.duration_ms !== undefined ? { duration_ms: step.duration_ms } : {}),
          status: step.error ? 'error' : 'success',
          ...(step.error ? { error: step.error } : {}),
        },
      };
    case 'llm':
      return { type: 'llm_request', payload: { model: step.model, input_tokens: step.input_tokens ?? null, output_tokens: step.output_tokens ?? null, duration_ms: step.duration_ms ?? null } };
    case 'error':
      return { type: 'error', payload: { error_type: step.error_type, message: step.message, recoverable: step.recoverable ?? null } };
  }
}

/** Convert parsed traces to ATP messages; each is validated with the protocol schemas. */
export function convertTraces(file: TraceFile, options: JsonTraceOptions): ImportedTrace[] {
  return file.traces.map((trace) => {
    const request = ATPRequestSchema.parse({ version: '1.0', task_id: trace.id, task: { description: trace.task } });
    // Steps carry durations, not times: each event is stamped when the previous steps' time has passed.
    let clock = Date.parse(trace.started_at);
    const events: ATPEvent[] = [];
    for (const step of trace.steps) {
      const event = eventOf(step, options);
      if (event) {
        events.push(ATPEventSchema.parse({ version: '1.0', task_id: trace.id, timestamp: new Date(clock).toISOString(), sequence: events.length, event_type: event.type, payload: event.payload }));
      }
      clock += 'duration_ms' in step && step.duration_ms !== undefined ? step.duration_ms : 0;
    }
    const tools = trace.steps.filter((s) => s.type === 'tool').length;
    const llms = trace.steps.filter((s) => s.type === 'llm');
    const tokens = llms.reduce((sum, s) => sum + (s.input_tokens ?? 0) + (s.output_tokens ?? 0), 0);
    const response = ATPResponseSchema.parse({
      version: '1.0',
      task_id: trace.id,
      status: trace.status,
      artifacts: trace.output !== undefined ? [{ type: 'file', path: 'output.txt', content_type: 'text/plain', content: trace.output }] : [],
      metrics: { total_steps: trace.steps.length, tool_calls: tools, llm_calls: llms.length, ...(llms.length ? { total_tokens: tokens } : {}) },
      error: trace.status === 'completed' ? null : (trace.steps.findLast((s) => s.type === 'error')?.message ?? `the trace ended with status ${trace.status}`),
    });
    return { request, events, response };
  });
}

/** The importer: a trace file path and options in, ATP requests, events and responses out. */
export async function importTraces(source: string, options: Record<string, unknown>): Promise<ImportedTrace[]> {
  const parsedOptions = JsonTraceOptionsSchema.safeParse(options ?? {});
  if (!parsedOptions.success) throw new Error(`json-trace: invalid options: ${issues(parsedOptions.error)}`);
  let text: string;
  try {
    text = await readFile(source, 'utf8');
  } catch (error) {
    throw new Error(`json-trace: cannot read ${source}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`json-trace: ${source} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = TraceFileSchema.safeParse(json);
  if (!parsed.success) throw new Error(`json-trace: ${source}: ${issues(parsed.error)}`);
  return convertTraces(parsed.data, parsedOptions.data);
}
