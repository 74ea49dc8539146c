import type { ExprNode } from '@atp/kernel';

const PREC = { or: 1, and: 2, not: 3, compare: 4, atom: 5 } as const;

function precedence(n: ExprNode): number {
  switch (n.kind) {
    case 'or':
      return PREC.or;
    case 'and':
      return PREC.and;
    case 'not':
      return PREC.not;
    case 'compare':
    case 'threshold':
      return PREC.compare;
    default:
      return PREC.atom;
  }
}

/** Print `n`, wrapped in parentheses when its precedence is not above `min`. */
function wrap(n: ExprNode, min: number): string {
  const text = printExpression(n);
  return precedence(n) > min ? text : `(${text})`;
}

/**
 * Print an AST in the expression syntax with the fewest parentheses that parse back to the same tree
 * (nested AND/OR of the same kind keep theirs). Tree-form nodes print readably: a `threshold` as a
 * comparison of its condition, an inline assertion as its id.
 */
export function printExpression(n: ExprNode): string {
  switch (n.kind) {
    case 'or':
      return n.operands.map((o) => wrap(o, PREC.or)).join(' OR ');
    case 'and':
      return n.operands.map((o) => wrap(o, PREC.and)).join(' AND ');
    case 'not':
      return `NOT ${wrap(n.operand, PREC.not - 1)}`;
    case 'compare':
      return `${wrap(n.left, PREC.compare)} ${n.op} ${wrap(n.right, PREC.compare)}`;
    case 'threshold':
      return `${wrap(n.operand, PREC.compare)} ${n.op} ${String(n.value)}`;
    case 'ref':
      return n.member ? `${n.name}.${n.member}` : n.name;
    case 'number':
      return String(n.value);
    case 'assertion':
      return n.assertion.id;
  }
}
