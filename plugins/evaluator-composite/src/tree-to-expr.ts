/**
 * The tree form of `composite` turned into an ExprNode. The suite compiler normally does this
 * (validating each leaf's config with its own schema) and hands over `assertion.expr`; this fallback
 * serves SDK callers who build assertions by hand.
 */
import type { Comparator, ExprNode } from '@atp/kernel';
import { COMPARATORS } from './config-schema.js';
import { ExpressionError } from './expr-evaluator.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isComparator(value: unknown): value is Comparator {
  return typeof value === 'string' && (COMPARATORS as readonly string[]).includes(value);
}

/**
 * Convert a tree-form node (`{operator, ...}` or an inline assertion `{type, config}`). `id` names the
 * node as the compiler does: the composite's id, then `.<index>` per level (`.0` under not/threshold);
 * it becomes the id of an inline assertion that has none.
 */
export function treeToExpr(node: unknown, id: string): ExprNode {
  if (!isRecord(node)) throw new ExpressionError(`condition ${id}: a condition must be a mapping`);
  if (typeof node['operator'] === 'string') {
    const operator = node['operator'];
    const conditions = Array.isArray(node['conditions']) ? node['conditions'] : undefined;
    const single = (): ExprNode => {
      const operand = node['condition'] ?? (conditions?.length === 1 ? conditions[0] : undefined);
      if (operand === undefined) throw new ExpressionError(`condition ${id}: ${operator} needs one condition`);
      return treeToExpr(operand, `${id}.0`);
    };
    switch (operator) {
      case 'and':
      case 'or':
        return { kind: operator, operands: (conditions ?? []).map((c, i) => treeToExpr(c, `${id}.${i}`)) };
      case 'not':
        return { kind: 'not', operand: single() };
      case 'threshold': {
        const value = node['value'];
        if (typeof value !== 'number') throw new ExpressionError(`condition ${id}: threshold needs a numeric value`);
        const comparator = node['comparator'] ?? '>=';
        if (!isComparator(comparator)) throw new ExpressionError(`condition ${id}: unknown comparator ${JSON.stringify(comparator)}`);
        return { kind: 'threshold', op: comparator, value, operand: single() };
      }
      default:
        throw new ExpressionError(`condition ${id}: unknown operator ${JSON.stringify(operator)}`);
    }
  }
  if (typeof node['type'] === 'string') {
    return {
      kind: 'assertion',
      assertion: {
        id: typeof node['id'] === 'string' ? node['id'] : id,
        type: node['type'],
        config: isRecord(node['config']) ? node['config'] : {},
        critical: node['critical'] === true,
      },
    };
  }
  throw new ExpressionError(`condition ${id}: a condition needs an operator or an assertion type`);
}
