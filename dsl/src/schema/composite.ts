/** The composite assertion's config: an expression string, or the tree form of reference §3.11. */
import { z } from 'zod';

export const COMPARATORS = ['>', '>=', '<', '<=', '==', '!='] as const;
export const OPERATORS = ['and', 'or', 'not', 'threshold'] as const;

/** `config: { expr: "a AND NOT b" }`. */
export const ExprConfigSchema = z.strictObject({ expr: z.string().describe('Expression over the assertions of the test') });

/** A tree node's operator, checked first so that a typo gets "did you mean". */
export const OperatorSchema = z.strictObject({ operator: z.enum(OPERATORS) }).loose();

/** The shape of each operator's node; children (read from the raw data) are validated recursively by the compiler. */
export const OperatorNodeSchemas = {
  andOr: z.strictObject({ operator: z.enum(['and', 'or']), conditions: z.array(z.unknown()) }),
  not: z.strictObject({ operator: z.literal('not'), condition: z.record(z.string(), z.unknown()) }),
  threshold: z.strictObject({
    operator: z.literal('threshold'),
    condition: z.record(z.string(), z.unknown()),
    value: z.number(),
    comparator: z.enum(COMPARATORS).optional(),
  }),
} as const;
