import { ErrorCodes, type ExprNode } from '@atp/kernel';
import type { ExprIssue, SpanMap } from './issue.js';
import { printExpression } from './print.js';

/**
 * Check that conditions and numbers are used where they belong:
 * AND/OR/NOT and the whole expression need conditions; comparisons need numbers (a bare name there is its score).
 */
export function checkTypes(ast: ExprNode, spans: SpanMap): ExprIssue[] {
  const issues: ExprIssue[] = [];
  const at = (n: ExprNode, message: string, hint: string): void => {
    const s = spans.get(n) ?? { start: 0, end: 0 };
    issues.push({ code: ErrorCodes.ATP_EXPR_SYNTAX, message, hint, start: s.start, end: s.end });
  };
  const condition = (n: ExprNode): void => {
    switch (n.kind) {
      case 'and':
      case 'or':
        n.operands.forEach(condition);
        return;
      case 'not':
        condition(n.operand);
        return;
      case 'compare':
        numeric(n.left);
        numeric(n.right);
        return;
      case 'threshold':
        condition(n.operand);
        return;
      case 'number':
        at(n, `the number ${n.value} is not a condition`, `compare a score with it, e.g. \`llm_eval.score >= ${n.value}\``);
        return;
      case 'ref':
        if (n.member === 'score') {
          at(n, `"${n.name}.score" is a number, not a condition`, `compare it, e.g. \`${n.name}.score >= 0.8\`, or use \`${n.name}\` for its pass/fail verdict`);
        }
        return;
      case 'assertion':
        return;
    }
  };
  const numeric = (n: ExprNode): void => {
    if (n.kind === 'number' || (n.kind === 'ref' && n.member !== 'passed')) return;
    if (n.kind === 'ref') {
      at(n, `"${n.name}.passed" is true or false and cannot be compared with a number`, `compare its score instead: \`${n.name}.score\``);
      return;
    }
    at(n, `a comparison needs a number on each side, but "${printExpression(n)}" is a condition`, 'compare a score with a number, e.g. `llm_eval.score >= 0.8`');
  };
  condition(ast);
  return issues;
}
