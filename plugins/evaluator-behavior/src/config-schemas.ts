import { parseJsonPath } from '@atp/kernel';
/**
 * Config schemas of the behavior assertion types. The compiler parses each assertion's config
 * with its schema (unknown keys are errors); evaluators receive the parsed value.
 * This module is imported by the plugin index, so it holds zod schemas only.
 */
import { z } from 'zod';

const toolName = z.string().min(1, { error: 'a tool name cannot be empty' });
const toolList = z.array(toolName).describe('Tool names');
const count = z.int({ error: 'expected a whole number' }).min(0, { error: 'must be >= 0' });

/** A JSON path (`$`, `.key`, `[index]`, `["key"]`), checked when the suite is compiled. */
export const JsonPathStringSchema = z
  .string()
  .superRefine((path, ctx) => {
    const parsed = parseJsonPath(path);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
  })
  .describe('JSON path: $ followed by .key, [index] or ["key"] segments');

/** One rule on a tool call's input or output: exactly one of `equals`, `exists: true`, `absent: true`. */
export const MatchRuleSchema = z
  .strictObject({
    path: JsonPathStringSchema,
    equals: z.unknown().optional().describe('Expected value (deep equality)'),
    exists: z.literal(true, { error: 'exists must be true (use absent: true for the opposite)' }).optional(),
    absent: z.literal(true, { error: 'absent must be true (use exists: true for the opposite)' }).optional(),
  })
  .superRefine((rule, ctx) => {
    const given = (['equals', 'exists', 'absent'] as const).filter((k) => k in rule);
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: given.length === 0 ? 'a match rule needs one of equals, exists: true, absent: true' : `use only one of equals, exists, absent (got ${given.join(', ')})`,
      });
    }
  })
  .describe('A rule on a JSON path of the tool input or output');

/** A pattern that tool calls are matched against. */
export const ToolCallPatternSchema = z
  .strictObject({
    tool: toolName.describe('Tool name'),
    status: z.string().min(1).optional().describe('Exact status of the call (success, error; started for a call that never completed)'),
    input_matches: z.array(MatchRuleSchema).optional().describe('Rules on the call input'),
    output_matches: z.array(MatchRuleSchema).optional().describe('Rules on the call output'),
  })
  .describe('A tool call pattern');

/** The named checks of the `check:` key. */
export const NAMED_CHECKS = ['no_errors', 'no_repeated_actions', 'efficient_tool_use'] as const;

const unknownCheck = (name: unknown): string => `unknown check ${JSON.stringify(name)}; expected one of ${NAMED_CHECKS.join(', ')}`;
const namedCheck = z.enum(NAMED_CHECKS, { error: (iss) => unknownCheck(iss.input) });
const checkList = z.union([namedCheck, z.array(namedCheck).min(1, { error: 'list at least one check' })], {
  error: (iss) => {
    const input = iss.input;
    if (typeof input === 'string') return unknownCheck(input);
    if (Array.isArray(input)) {
      const bad = input.find((v) => !(NAMED_CHECKS as readonly unknown[]).includes(v));
      return bad !== undefined ? unknownCheck(bad) : 'list at least one check';
    }
    return 'expected a check name or a list of check names';
  },
});

/** `behavior`: any combination of tool-use constraints; each key present adds one check. */
export const BehaviorConfigSchema = z
  .strictObject({
    must_use_tools: toolList.optional().describe('Every listed tool must be called'),
    max_tool_calls: count.optional().describe('At most this many tool calls'),
    min_tool_calls: count.optional().describe('At least this many tool calls'),
    forbidden_tools: toolList.optional().describe('None of these tools may be called'),
    expected_tool_calls: z.array(ToolCallPatternSchema).optional().describe('Each pattern must match a tool call'),
    tool_call_order: z.enum(['any', 'expected']).optional().describe('expected: patterns match calls in order (default any)'),
    forbidden_tool_calls: z.array(ToolCallPatternSchema).optional().describe('No tool call may match any of these patterns'),
    no_errors: z.boolean().optional().describe('true: no response error and no error events'),
    max_steps: count.optional().describe('At most this many steps (metrics.total_steps, else counted from the trace)'),
    check: checkList.optional().describe('Named checks: no_errors, no_repeated_actions, efficient_tool_use'),
    max_repeats: count.optional().describe('no_repeated_actions: repeats allowed per identical call (default 1)'),
    min_efficiency: z.number().min(0).max(1).optional().describe('efficient_tool_use: minimum useful/total ratio (default 0.8)'),
  })
  .superRefine((config, ctx) => {
    const checks = config.check === undefined ? [] : [config.check].flat();
    const needs = (key: 'tool_call_order' | 'max_repeats' | 'min_efficiency', present: boolean, what: string): void => {
      if (config[key] !== undefined && !present) ctx.addIssue({ code: 'custom', path: [key], message: `${key} only applies with ${what}` });
    };
    needs('tool_call_order', config.expected_tool_calls !== undefined, 'expected_tool_calls');
    needs('max_repeats', checks.includes('no_repeated_actions'), 'check: no_repeated_actions');
    needs('min_efficiency', checks.includes('efficient_tool_use'), 'check: efficient_tool_use');
    if (config.max_tool_calls !== undefined && config.min_tool_calls !== undefined && config.min_tool_calls > config.max_tool_calls) {
      ctx.addIssue({ code: 'custom', path: ['min_tool_calls'], message: `min_tool_calls (${config.min_tool_calls}) is greater than max_tool_calls (${config.max_tool_calls})` });
    }
  })
  .default({})
  .describe('Tool-use, ordering, error and efficiency constraints on the agent trace');

/** `must_use_tools`: every listed tool is called at least once. */
export const MustUseToolsConfigSchema = z.strictObject({ tools: toolList }).describe('Every listed tool is called');
/** `forbidden_tools`: none of the listed tools is called. */
export const ForbiddenToolsConfigSchema = z.strictObject({ tools: toolList }).describe('None of the listed tools is called');
/** `max_tool_calls`: at most `limit` tool calls. */
export const MaxToolCallsConfigSchema = z.strictObject({ limit: count.describe('Maximum number of tool calls') }).describe('At most `limit` tool calls');
/** `min_tool_calls`: at least `limit` tool calls. */
export const MinToolCallsConfigSchema = z.strictObject({ limit: count.describe('Minimum number of tool calls') }).describe('At least `limit` tool calls');
/** `no_errors`: no response error and no `error` events. */
export const NoErrorsConfigSchema = z.strictObject({}).default({}).describe('No response error and no error events');

/** Parsed `behavior` config. */
export type BehaviorConfig = z.output<typeof BehaviorConfigSchema>;
/** A parsed tool call pattern. */
export type ToolCallPattern = z.output<typeof ToolCallPatternSchema>;
/** A parsed match rule. */
export type MatchRule = z.output<typeof MatchRuleSchema>;
/** A named check of the `check:` key. */
export type NamedCheck = (typeof NAMED_CHECKS)[number];

/** The config schema of each behavior assertion type. */
export const BEHAVIOR_CONFIG_SCHEMAS = {
  behavior: BehaviorConfigSchema,
  must_use_tools: MustUseToolsConfigSchema,
  forbidden_tools: ForbiddenToolsConfigSchema,
  max_tool_calls: MaxToolCallsConfigSchema,
  min_tool_calls: MinToolCallsConfigSchema,
  no_errors: NoErrorsConfigSchema,
} as const;

/** A behavior assertion type. */
export type BehaviorAssertionType = keyof typeof BEHAVIOR_CONFIG_SCHEMAS;
