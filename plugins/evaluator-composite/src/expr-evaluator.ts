/**
 * Interprets the kernel's expression AST (ExprNode) over a test's assertion results with
 * three-valued logic; every outcome carries a one-line explanation for the check message.
 */
import type { AssertionSpec, EvalResult, EvaluationInput, ExprNode } from '@atp/kernel';
import {
  booleanInterval,
  compareIntervals,
  complementInterval,
  kleeneAnd,
  kleeneNot,
  kleeneOr,
  maxInterval,
  meanInterval,
  type Interval,
  type Verdict,
} from './kleene.js';

/** The outcome of a condition: verdict, score interval and explanations. */
export interface Outcome extends Interval {
  verdict: Verdict;
  /** The condition without its verdict (`contains`, `AND(a passed, b failed)`), for score messages. */
  label: string;
  /** How the condition reads as an operand: `contains failed`, `OR(a passed, b failed) passed`. */
  text: string;
  /** How it reads as the whole composite: `OR passed: a passed, b failed`. */
  summary: string;
  /** True for an and/or with no operands. */
  empty?: boolean;
}

/** A numeric operand: bounds and how it reads (`llm_judge.score 0.62`, `0.8`). */
interface NumericOutcome extends Interval {
  text: string;
}

/** An expression that cannot be evaluated as written (the compiler normally rejects these). */
export class ExpressionError extends Error {
  override name = 'ExpressionError';
}

/** What the interpreter reads: earlier results and the inline evaluator. */
export type ExprEnv = Pick<EvaluationInput, 'results' | 'evaluate'>;

const WORDS: Record<Verdict, string> = { pass: 'passed', fail: 'failed', unevaluated: 'undecided' };

/** `passed`, `failed`, `undecided`. */
export function verdictWord(verdict: Verdict): string {
  return WORDS[verdict];
}

/** A number for messages: at most three decimals. */
export function formatNumber(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

function formatInterval(i: Interval): string {
  return i.hi - i.lo <= 1e-9 ? formatNumber(i.lo) : `[${formatNumber(i.lo)}, ${formatNumber(i.hi)}]`;
}

/** Evaluate `node` as a condition. */
export async function evaluateCondition(node: ExprNode, env: ExprEnv): Promise<Outcome> {
  switch (node.kind) {
    case 'and':
    case 'or': {
      const operands = await Promise.all(node.operands.map((o) => evaluateCondition(o, env)));
      const verdict = node.kind === 'and' ? kleeneAnd(operands.map((o) => o.verdict)) : kleeneOr(operands.map((o) => o.verdict));
      const interval = node.kind === 'and' ? meanInterval(operands) : maxInterval(operands);
      const op = node.kind.toUpperCase();
      const inner = operands.map((o) => o.text).join(', ');
      const outcome: Outcome = {
        verdict,
        ...interval,
        label: `${op}(${inner})`,
        text: `${op}(${inner}) ${verdictWord(verdict)}`,
        summary: operands.length ? `${op} ${verdictWord(verdict)}: ${inner}` : `${op} with no conditions ${verdictWord(verdict)}`,
      };
      if (operands.length === 0) outcome.empty = true;
      return outcome;
    }
    case 'not': {
      const operand = await evaluateCondition(node.operand, env);
      const verdict = kleeneNot(operand.verdict);
      return {
        verdict,
        ...complementInterval(operand),
        label: `NOT(${operand.text})`,
        text: `NOT(${operand.text}) ${verdictWord(verdict)}`,
        summary: `NOT ${verdictWord(verdict)}: ${operand.text}`,
      };
    }
    case 'compare': {
      const [left, right] = await Promise.all([evaluateNumeric(node.left, env), evaluateNumeric(node.right, env)]);
      const verdict = compareIntervals(node.op, left, right);
      const text = `${left.text} ${node.op} ${right.text} ${verdictWord(verdict)}`;
      return { verdict, ...booleanInterval(verdict), label: text, text, summary: text };
    }
    case 'threshold': {
      const operand = await evaluateCondition(node.operand, env);
      const verdict = compareIntervals(node.op, operand, { lo: node.value, hi: node.value });
      const text = `${operand.label} score ${formatInterval(operand)} ${node.op} ${formatNumber(node.value)} ${verdictWord(verdict)}`;
      return { verdict, ...booleanInterval(verdict), label: text, text, summary: text };
    }
    case 'ref': {
      if (node.member === 'score') throw new ExpressionError(`${node.name}.score is a number, not a condition; compare it (for example ${node.name}.score >= 0.8)`);
      const outcome = resultOutcome(node.name, lookup(node.name, env));
      return node.member === 'passed' ? { ...outcome, ...booleanInterval(outcome.verdict) } : outcome;
    }
    case 'assertion':
      return assertionOutcome(node.assertion, env);
    case 'number':
      throw new ExpressionError(`the number ${formatNumber(node.value)} is not a condition; compare a score with it`);
  }
}

/** Evaluate `node` as a number: numbers, `name.score`, or a condition's score interval. */
async function evaluateNumeric(node: ExprNode, env: ExprEnv): Promise<NumericOutcome> {
  if (node.kind === 'number') return { lo: node.value, hi: node.value, text: formatNumber(node.value) };
  if (node.kind === 'ref' && node.member === 'score') {
    const found = lookup(node.name, env);
    const name = `${node.name}.score`;
    if (found.result && !found.result.skipped) return { lo: found.result.score, hi: found.result.score, text: `${name} ${formatNumber(found.result.score)}${found.note}` };
    return { lo: 0, hi: 1, text: `${name} unknown (${found.result?.skipped ? `skipped: ${found.result.skipped.reason}` : 'not evaluated'})` };
  }
  const outcome = await evaluateCondition(node, env);
  return { lo: outcome.lo, hi: outcome.hi, text: `${outcome.label} score ${formatInterval(outcome)}` };
}

/** A result found for a name, and a note when the choice was not obvious. */
interface Lookup {
  result: EvalResult | undefined;
  note: string;
}

/** Find a result by assertion id, else by assertion type (the first of that type, noted when there are several). */
function lookup(name: string, env: ExprEnv): Lookup {
  const byId = env.results.get(name);
  if (byId) return { result: byId, note: '' };
  const byType = [...env.results.values()].filter((r) => r.type === name);
  const note = byType.length > 1 ? ` [first of ${byType.length} "${name}" results: ${byType[0]!.assertion}]` : '';
  return { result: byType[0], note };
}

function resultOutcome(label: string, found: Lookup): Outcome {
  const { result, note } = found;
  if (!result) return undecided(label, `${label} not evaluated (no result)`);
  if (result.skipped) return undecided(label, `${label} skipped (${result.skipped.reason})${note}`);
  const verdict: Verdict = result.passed ? 'pass' : 'fail';
  const plain = (verdict === 'pass' && result.score === 1) || (verdict === 'fail' && result.score === 0);
  const text = `${label} ${verdictWord(verdict)}${plain ? '' : ` (score ${formatNumber(result.score)})`}${note}`;
  return { verdict, lo: result.score, hi: result.score, label, text, summary: text };
}

function undecided(label: string, text: string): Outcome {
  return { verdict: 'unevaluated', lo: 0, hi: 1, label, text, summary: text };
}

async function assertionOutcome(spec: AssertionSpec, env: ExprEnv): Promise<Outcome> {
  const label = spec.type;
  let result: EvalResult;
  try {
    result = await env.evaluate(spec);
  } catch (error) {
    return undecided(label, `${label} crashed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return resultOutcome(label, { result, note: '' });
}
