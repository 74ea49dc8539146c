/**
 * Tools declared in the suite for an LLM agent, and what they return when the model calls them.
 * (Shared by @atp/adapter-openai and @atp/adapter-anthropic.)
 */
import { z } from 'zod';
import { parseJsonPath } from '@atp/kernel';

/** Operators a `when` value may use instead of a literal (`{ contains: "x" }`). */
export const MATCH_OPERATORS = ['equals', 'contains', 'regex', 'exists'] as const;

/** True when `value` is an operator object: exactly one key, an operator name. */
export function isOperator(value: unknown): value is Partial<Record<(typeof MATCH_OPERATORS)[number], unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (MATCH_OPERATORS as readonly string[]).includes(keys[0]!);
}

/** `when`: argument name (or `$`-JSON path) → literal (deep equality) or operator object. */
const WhenSchema = z.record(z.string(), z.unknown()).superRefine((when, ctx) => {
  for (const [key, expected] of Object.entries(when)) {
    if (key.startsWith('$')) {
      const parsed = parseJsonPath(key);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', path: [key], message: parsed.error });
    }
    if (!isOperator(expected)) continue;
    if ('regex' in expected) {
      if (typeof expected.regex !== 'string') ctx.addIssue({ code: 'custom', path: [key, 'regex'], message: 'regex expects a string' });
      else {
        try {
          new RegExp(expected.regex, 'u');
        } catch (error) {
          ctx.addIssue({ code: 'custom', path: [key, 'regex'], message: `invalid regular expression: ${(error as Error).message}` });
        }
      }
    }
    if ('exists' in expected && typeof expected.exists !== 'boolean') ctx.addIssue({ code: 'custom', path: [key, 'exists'], message: 'exists expects true or false' });
  }
});

/** One scripted answer of a tool: `then` (the output) or `error`, when the arguments match `when`. */
export const ToolResponseSchema = z
  .strictObject({
    when: WhenSchema.optional().describe('Arguments to match: name or $-path → value, or {contains|regex|equals|exists}; omitted = always'),
    then: z.unknown().optional().describe('The output returned to the model'),
    error: z.string().min(1).optional().describe('Fail the call with this message instead'),
    delay_ms: z.int().min(0).max(600_000).optional().describe('Wait this long before answering'),
  })
  .superRefine((r, ctx) => {
    const hasThen = Object.hasOwn(r, 'then');
    if (hasThen === (r.error !== undefined)) ctx.addIssue({ code: 'custom', message: 'a response needs exactly one of `then` (the output) or `error`' });
  });

/** A tool response after parsing. */
export type ToolResponse = z.output<typeof ToolResponseSchema>;

const ParametersSchema = z
  .looseObject({ type: z.literal('object', { error: 'tool parameters must be a JSON Schema with type: object' }) })
  .describe('JSON Schema of the arguments (type: object)');

/** A tool offered to the model, with exactly one of `result`, `script` or `responses` deciding its output. */
export const ToolSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-zA-Z0-9_-]{1,64}$/, { error: 'tool names use 1-64 letters, digits, _ or - (what the model APIs accept)' })
      .describe('Tool name the model calls'),
    description: z.string().default('').describe('What the tool does (shown to the model)'),
    parameters: ParametersSchema.default({ type: 'object', properties: {} }),
    result: z.unknown().optional().describe('A static output returned on every call'),
    script: z.string().min(1).optional().describe('Path of a node module (relative to the suite) whose function computes the output'),
    export: z.string().min(1).optional().describe('The exported function of `script` (default: the default export)'),
    responses: z.array(ToolResponseSchema).min(1).optional().describe('Outputs chosen by matching the arguments, first match wins'),
    default: z.unknown().optional().describe('Output when no response matches (otherwise the call fails)'),
  })
  .superRefine((tool, ctx) => {
    const sources = [Object.hasOwn(tool, 'result') && 'result', tool.script !== undefined && 'script', tool.responses !== undefined && 'responses'].filter(Boolean);
    if (sources.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: sources.length ? `tool "${tool.name}" has ${sources.join(' and ')}: give exactly one` : `tool "${tool.name}" needs one of result (static output), script (a node module) or responses (matched on the arguments)`,
      });
    }
    if (tool.export !== undefined && tool.script === undefined) ctx.addIssue({ code: 'custom', path: ['export'], message: '`export` only applies with `script`' });
    if (Object.hasOwn(tool, 'default') && tool.responses === undefined) ctx.addIssue({ code: 'custom', path: ['default'], message: '`default` only applies with `responses`' });
  });

/** A tool declaration after parsing. */
export type ToolDefinition = z.output<typeof ToolSchema>;

/** The `tools` list: names must be unique. */
export const ToolsSchema = z
  .array(ToolSchema)
  .default([])
  .superRefine((tools, ctx) => {
    const seen = new Set<string>();
    tools.forEach((t, i) => {
      if (seen.has(t.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `duplicate tool name "${t.name}"` });
      seen.add(t.name);
    });
  })
  .describe('Tools offered to the model');
