/**
 * The config schema of `composite`: an expression string (`expr`) or the condition-tree form
 * (`operator` with `conditions` / `condition`, `value`, `comparator`). Only the top level is
 * checked here: nested conditions are compiled and validated by the suite compiler, which puts
 * the compiled expression in `assertion.expr`. This module is imported by the plugin index (zod only).
 */
import { z } from 'zod';

/** The operators of the tree form. */
export const OPERATORS = ['and', 'or', 'not', 'threshold'] as const;
/** The comparators of `threshold` and of expressions. */
export const COMPARATORS = ['>', '>=', '<', '<=', '==', '!='] as const;

const condition = z.record(z.string(), z.unknown(), { error: 'a condition must be a mapping (an assertion or an operator node)' });

/** `composite`: `{expr}` or `{operator, conditions?, condition?, value?, comparator?}`. */
export const CompositeConfigSchema = z
  .strictObject({
    expr: z.string().trim().min(1, { error: 'expr cannot be empty' }).optional().describe('Expression over other assertions: AND/OR/NOT, comparisons, name.score'),
    operator: z
      .enum(OPERATORS, { error: (iss) => `unknown operator ${JSON.stringify(iss.input)}; expected one of ${OPERATORS.join(', ')}` })
      .optional()
      .describe('Tree form: and | or | not | threshold'),
    conditions: z.array(condition).optional().describe('Operands of and / or'),
    condition: condition.optional().describe('Operand of not / threshold'),
    value: z.number().optional().describe('threshold: the value the condition score is compared with'),
    comparator: z.enum(COMPARATORS).optional().describe('threshold: comparison (default >=)'),
  })
  .superRefine((config, ctx) => {
    const issue = (path: string, message: string): void => ctx.addIssue({ code: 'custom', path: [path], message });
    if (config.expr !== undefined) {
      if (config.operator !== undefined) issue('operator', 'use either expr or operator, not both');
      for (const key of ['conditions', 'condition', 'value', 'comparator'] as const) {
        if (config[key] !== undefined) issue(key, `${key} belongs to the tree form (operator), not to expr`);
      }
      return;
    }
    if (config.operator === undefined) {
      ctx.addIssue({ code: 'custom', path: [], message: 'a composite needs expr (an expression) or operator (a condition tree)' });
      return;
    }
    const op = config.operator;
    if (op === 'and' || op === 'or') {
      if (config.conditions === undefined) issue('conditions', `${op} needs a conditions list`);
      if (config.condition !== undefined) issue('condition', `${op} takes a conditions list, not condition`);
    } else {
      if (config.condition === undefined) issue('condition', `${op} needs one condition`);
      if (config.conditions !== undefined) issue('conditions', `${op} takes one condition, not a conditions list`);
    }
    if (op === 'threshold' && config.value === undefined) issue('value', 'threshold needs a value');
    if (op !== 'threshold') {
      if (config.value !== undefined) issue('value', 'value only applies to operator: threshold');
      if (config.comparator !== undefined) issue('comparator', 'comparator only applies to operator: threshold');
    }
  })
  .describe('Combine other assertions with three-valued (Kleene) logic');

/** Parsed `composite` config. */
export type CompositeConfig = z.output<typeof CompositeConfigSchema>;
