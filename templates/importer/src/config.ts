import { z } from 'zod';

/** Options of the `json-trace` importer. */
export const JsonTraceOptionsSchema = z.strictObject({
  include_reasoning: z.boolean().default(true).describe('Import "thought" steps as reasoning events (false drops them)'),
});

/** The parsed options of `json-trace`. */
export type JsonTraceOptions = z.output<typeof JsonTraceOptionsSchema>;

const step = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('thought'), text: z.string() }),
  z.strictObject({
    type: z.literal('tool'),
    name: z.string().min(1),
    input: z.record(z.string(), z.unknown()).optional(),
    output: z.unknown().optional(),
    duration_ms: z.number().min(0).optional(),
    error: z.string().optional(),
  }),
  z.strictObject({
    type: z.literal('llm'),
    model: z.string().min(1),
    input_tokens: z.number().int().min(0).optional(),
    output_tokens: z.number().int().min(0).optional(),
    duration_ms: z.number().min(0).optional(),
  }),
  z.strictObject({ type: z.literal('error'), message: z.string().min(1), error_type: z.string().default('error'), recoverable: z.boolean().optional() }),
]);

/** A trace file: traces of one task each, with the steps the agent took and its final output. */
export const TraceFileSchema = z.strictObject({
  traces: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, { error: 'id must be 1-128 letters, digits, "_" or "-"' }),
        task: z.string().min(1),
        started_at: z.iso.datetime({ offset: true }),
        status: z.enum(['completed', 'failed', 'timeout', 'cancelled', 'partial']).default('completed'),
        output: z.string().optional(),
        steps: z.array(step).default([]),
      }),
    )
    .min(1, { error: 'the file has no traces' }),
});

/** A parsed trace file. */
export type TraceFile = z.output<typeof TraceFileSchema>;
/** One step of a trace. */
export type TraceStep = z.output<typeof step>;
