/**
 * The composite evaluator: decides an expression over other assertions with Kleene logic (§3.11).
 * A decided expression gives one check `composite_<operator>` (`composite_expr` for the expression
 * form); an undecided one skips the assertion with reason `indeterminate` (it neither passes nor fails).
 */
import type { EvalCheck, EvaluationInput, Evaluator, EvaluatorOutput, ExprNode } from '@atp/kernel';
import { ExpressionError, evaluateCondition, formatNumber, type Outcome } from './expr-evaluator.js';
import { finalScore } from './kleene.js';
import { treeToExpr } from './tree-to-expr.js';

function checkName(config: Record<string, unknown>, expr: ExprNode | undefined): string {
  if (typeof config['expr'] === 'string') return 'composite_expr';
  if (typeof config['operator'] === 'string') return `composite_${config['operator']}`;
  return expr && (expr.kind === 'and' || expr.kind === 'or' || expr.kind === 'not' || expr.kind === 'threshold') ? `composite_${expr.kind}` : 'composite_expr';
}

function compiledExpression(input: EvaluationInput): ExprNode {
  const { expr, config, id } = input.assertion;
  if (expr) return expr;
  if (typeof config['expr'] === 'string') {
    throw new ExpressionError(`the expression ${JSON.stringify(config['expr'])} was not compiled (assertion.expr is missing); expressions are compiled by the suite compiler (@atp/dsl)`);
  }
  return treeToExpr(config, id);
}

function failing(name: string, message: string): EvaluatorOutput {
  return { checks: [{ name, passed: false, score: 0, message }] };
}

/** Create the composite evaluator. */
export function createEvaluator(): Evaluator {
  return {
    async evaluate(input: EvaluationInput): Promise<EvaluatorOutput> {
      const config = input.assertion.config;
      let expr: ExprNode | undefined = input.assertion.expr;
      let outcome: Outcome;
      try {
        expr = compiledExpression(input);
        outcome = await evaluateCondition(expr, input);
      } catch (error) {
        if (error instanceof ExpressionError) return failing(checkName(config, expr), `invalid composite: ${error.message}`);
        throw error;
      }
      const name = checkName(config, expr);
      if (outcome.empty) {
        // Top-level vacuous truth (§3.11), also for OR, whose empty case is FAIL when nested.
        return { checks: [{ name, passed: true, score: 1, message: 'no conditions: vacuously true', details: { verdict: 'pass', interval: [1, 1] } }] };
      }
      if (outcome.verdict === 'unevaluated') {
        return { checks: [], skipped: { reason: 'indeterminate', message: `cannot decide: ${outcome.summary}` } };
      }
      const score = finalScore(outcome.verdict, outcome);
      const wide = outcome.hi - outcome.lo > 1e-9 ? ` (score interval [${formatNumber(outcome.lo)}, ${formatNumber(outcome.hi)}])` : '';
      const check: EvalCheck = {
        name,
        passed: outcome.verdict === 'pass',
        score,
        message: `${outcome.summary}${wide}`,
        details: { verdict: outcome.verdict, interval: [outcome.lo, outcome.hi] },
      };
      return { checks: [check] };
    },
  };
}
