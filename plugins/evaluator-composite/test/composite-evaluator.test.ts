import type { AssertionSpec, EvalResult, EvaluatorOutput, ExprNode } from '@atp/kernel';
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../src/composite-evaluator.js';
import { sampleEvaluationInput } from '@atp/testkit';

const evaluator = createEvaluator();

function result(assertion: string, type: string, passed: boolean, score = passed ? 1 : 0, skipped?: EvalResult['skipped']): EvalResult {
  const r: EvalResult = { assertion, type, passed, score, checks: [], critical: false };
  if (skipped) r.skipped = skipped;
  return r;
}

/** An inline evaluator like the kernel's: known types give fixed results, unknown ones resolve as skipped. */
async function inlineEvaluate(spec: AssertionSpec): Promise<EvalResult> {
  switch (spec.type) {
    case 'contains':
      return result(spec.id, 'contains', false);
    case 'artifact_exists':
      return result(spec.id, 'artifact_exists', true);
    case 'llm_eval':
      return result(spec.id, 'llm_eval', true, 0.85);
    case 'security':
      return result(spec.id, 'security', true);
    case 'flaky':
      throw new Error('connection reset');
    default:
      return { ...result(spec.id, spec.type, false), skipped: { reason: 'unsupported_assertion_type', message: `no evaluator for "${spec.type}"` } };
  }
}

const leaf = (type: string, config: Record<string, unknown> = {}): ExprNode => ({ kind: 'assertion', assertion: { id: type, type, config, critical: false } });
const ref = (name: string, member?: 'passed' | 'score'): ExprNode => (member ? { kind: 'ref', name, member } : { kind: 'ref', name });
const num = (value: number): ExprNode => ({ kind: 'number', value });

function run(config: Record<string, unknown>, expr: ExprNode | undefined, results: EvalResult[] = []): Promise<EvaluatorOutput> {
  return Promise.resolve(evaluator.evaluate(sampleEvaluationInput({ type: 'composite', config, results, evaluate: inlineEvaluate, ...(expr ? { expr } : {}) })));
}

describe('reference §8.3 row 21: Kleene over a failing contains and an unknown leaf', () => {
  const conditions = [
    { type: 'contains', config: { pattern: 'Summary' } },
    { type: 'mystery_check', config: {} },
  ];

  it('OR is UNEVALUATED: the assertion is skipped as indeterminate', async () => {
    const expr: ExprNode = { kind: 'or', operands: [leaf('contains', { pattern: 'Summary' }), leaf('mystery_check')] };
    expect(await run({ operator: 'or', conditions }, expr)).toEqual({
      checks: [],
      skipped: { reason: 'indeterminate', message: 'cannot decide: OR undecided: contains failed, mystery_check skipped (unsupported_assertion_type)' },
    });
  });

  it('AND is FAIL', async () => {
    const expr: ExprNode = { kind: 'and', operands: [leaf('contains', { pattern: 'Summary' }), leaf('mystery_check')] };
    expect(await run({ operator: 'and', conditions }, expr)).toEqual({
      checks: [
        {
          name: 'composite_and',
          passed: false,
          score: 0,
          message: 'AND failed: contains failed, mystery_check skipped (unsupported_assertion_type) (score interval [0, 0.5])',
          details: { verdict: 'fail', interval: [0, 0.5] },
        },
      ],
    });
  });

  it('gives the same answers from the tree form alone (no compiled expr)', async () => {
    expect((await run({ operator: 'or', conditions }, undefined)).skipped?.reason).toBe('indeterminate');
    expect((await run({ operator: 'and', conditions }, undefined)).checks[0]).toMatchObject({ name: 'composite_and', passed: false });
  });
});

describe('expression form', () => {
  const results = [result('artifact', 'artifact_exists', true), result('llm_judge', 'llm_eval', true, 0.62)];

  it('explains every operand: artifact AND llm_judge.score > 0.8', async () => {
    const expr: ExprNode = { kind: 'and', operands: [ref('artifact'), { kind: 'compare', op: '>', left: ref('llm_judge', 'score'), right: num(0.8) }] };
    expect(await run({ expr: 'artifact AND llm_judge.score > 0.8' }, expr, results)).toEqual({
      checks: [
        {
          name: 'composite_expr',
          passed: false,
          score: 0.5,
          message: 'AND failed: artifact passed, llm_judge.score 0.62 > 0.8 failed',
          details: { verdict: 'fail', interval: [0.5, 0.5] },
        },
      ],
    });
  });

  it('uses scores as the interval of refs: OR takes the max', async () => {
    const expr: ExprNode = { kind: 'or', operands: [ref('artifact'), ref('llm_judge')] };
    expect((await run({ expr: 'artifact OR llm_judge' }, expr, results)).checks).toEqual([
      {
        name: 'composite_expr',
        passed: true,
        score: 1,
        message: 'OR passed: artifact passed, llm_judge passed (score 0.62)',
        details: { verdict: 'pass', interval: [1, 1] },
      },
    ]);
  });

  it('NOT flips the verdict and complements the score', async () => {
    const expr: ExprNode = { kind: 'not', operand: ref('judge') };
    expect((await run({ expr: 'NOT judge' }, expr, [result('judge', 'llm_eval', false, 0.3)])).checks).toEqual([
      { name: 'composite_expr', passed: true, score: 0.7, message: 'NOT passed: judge failed (score 0.3)', details: { verdict: 'pass', interval: [0.7, 0.7] } },
    ]);
  });

  it('finds results by type when no assertion has that id', async () => {
    const expr: ExprNode = { kind: 'compare', op: '>=', left: ref('llm_eval', 'score'), right: num(0.6) };
    expect((await run({ expr: 'llm_eval.score >= 0.6' }, expr, results)).checks[0]).toEqual({
      name: 'composite_expr',
      passed: true,
      score: 1,
      message: 'llm_eval.score 0.62 >= 0.6 passed',
      details: { verdict: 'pass', interval: [1, 1] },
    });
  });

  it('notes which result a type name picked when there are several', async () => {
    const two = [result('contains_1', 'contains', true), result('contains_2', 'contains', false)];
    expect((await run({ expr: 'contains' }, ref('contains'), two)).checks[0]?.message).toBe('contains passed [first of 2 "contains" results: contains_1]');
  });

  it('reads .passed as a boolean', async () => {
    const expr: ExprNode = { kind: 'and', operands: [ref('llm_judge', 'passed'), ref('artifact')] };
    expect((await run({ expr: 'llm_judge.passed AND artifact' }, expr, results)).checks[0]).toMatchObject({ passed: true, score: 1, details: { interval: [1, 1] } });
  });

  it('missing and skipped refs are UNEVALUATED [0, 1]', async () => {
    const skipped = [result('sec', 'security', false, 0, { reason: 'evaluator_error', message: 'boom' })];
    expect(await run({ expr: 'sec AND ghost' }, { kind: 'and', operands: [ref('sec'), ref('ghost')] }, skipped)).toEqual({
      checks: [],
      skipped: { reason: 'indeterminate', message: 'cannot decide: AND undecided: sec skipped (evaluator_error), ghost not evaluated (no result)' },
    });
    // OR with a decided PASS wins over the unknown.
    expect((await run({ expr: 'artifact OR ghost' }, { kind: 'or', operands: [ref('artifact'), ref('ghost')] }, results)).checks[0]).toMatchObject({ passed: true, score: 1 });
    // A comparison on an unknown score is undecided unless every value in [0, 1] agrees.
    const unknownScore = (op: '>=' | '<=', value: number): ExprNode => ({ kind: 'compare', op, left: ref('ghost', 'score'), right: num(value) });
    expect((await run({ expr: 'ghost.score >= 0.5' }, unknownScore('>=', 0.5))).skipped?.message).toBe(
      'cannot decide: ghost.score unknown (not evaluated) >= 0.5 undecided',
    );
    expect((await run({ expr: 'ghost.score <= 1' }, unknownScore('<=', 1))).checks[0]).toMatchObject({ passed: true });
  });

  it('compares the scores of sub-expressions', async () => {
    const expr: ExprNode = { kind: 'compare', op: '<', left: { kind: 'and', operands: [ref('artifact'), ref('llm_judge')] }, right: num(0.9) };
    expect((await run({ expr: '(artifact AND llm_judge) < 0.9' }, expr, results)).checks[0]?.message).toBe('AND(artifact passed, llm_judge passed (score 0.62)) score 0.81 < 0.9 passed');
  });

  it('rejects a number used as a condition with a failing check', async () => {
    expect(await run({ expr: 'llm_judge.score' }, ref('llm_judge', 'score'), results)).toEqual({
      checks: [
        {
          name: 'composite_expr',
          passed: false,
          score: 0,
          message: 'invalid composite: llm_judge.score is a number, not a condition; compare it (for example llm_judge.score >= 0.8)',
        },
      ],
    });
  });

  it('needs the compiled expression', async () => {
    expect(await run({ expr: 'a AND b' }, undefined)).toEqual({
      checks: [
        {
          name: 'composite_expr',
          passed: false,
          score: 0,
          message:
            'invalid composite: the expression "a AND b" was not compiled (assertion.expr is missing); expressions are compiled by the suite compiler (@atp/dsl)',
        },
      ],
    });
  });
});

describe('tree form', () => {
  it('thresholds an inline assertion score', async () => {
    const expr: ExprNode = { kind: 'threshold', op: '>=', value: 0.8, operand: leaf('llm_eval', { criteria: 'coherence' }) };
    expect((await run({ operator: 'threshold', value: 0.8, comparator: '>=', condition: { type: 'llm_eval' } }, expr)).checks).toEqual([
      { name: 'composite_threshold', passed: true, score: 1, message: 'llm_eval score 0.85 >= 0.8 passed', details: { verdict: 'pass', interval: [1, 1] } },
    ]);
  });

  it('evaluates the reference example tree', async () => {
    const config = {
      operator: 'or',
      conditions: [
        { type: 'artifact_exists', config: { path: 'report.md' } },
        { operator: 'and', conditions: [{ type: 'contains', config: { pattern: 'Summary' } }, { operator: 'not', condition: { type: 'security', config: {} } }] },
        { operator: 'threshold', value: 0.8, comparator: '>=', condition: { type: 'llm_eval', config: { criteria: 'coherence' } } },
      ],
    };
    expect(await run(config, undefined)).toEqual({
      checks: [
        {
          name: 'composite_or',
          passed: true,
          score: 1,
          message: 'OR passed: artifact_exists passed, AND(contains failed, NOT(security passed) failed) failed, llm_eval score 0.85 >= 0.8 passed',
          details: { verdict: 'pass', interval: [1, 1] },
        },
      ],
    });
  });

  it('names inline assertions as the compiler does when converting the tree itself', async () => {
    const seen: string[] = [];
    const config = { operator: 'and', conditions: [{ type: 'artifact_exists' }, { operator: 'not', condition: { type: 'contains', config: { pattern: 'x' } } }, { id: 'mine', type: 'security' }] };
    const input = sampleEvaluationInput({ type: 'composite', config, evaluate: (spec) => (seen.push(`${spec.id}:${spec.type}:${JSON.stringify(spec.config)}`), inlineEvaluate(spec)) });
    expect((await evaluator.evaluate(input)).checks[0]).toMatchObject({ name: 'composite_and', passed: true });
    expect(seen).toEqual(['composite.0:artifact_exists:{}', 'composite.1.0:contains:{"pattern":"x"}', 'mine:security:{}']);
  });

  it('a crashing leaf is UNEVALUATED', async () => {
    expect(await run({ operator: 'not', condition: { type: 'flaky' } }, { kind: 'not', operand: leaf('flaky') })).toEqual({
      checks: [],
      skipped: { reason: 'indeterminate', message: 'cannot decide: NOT undecided: flaky crashed: connection reset' },
    });
  });

  it('empty conditions at the top level are vacuously true, nested empty OR is false', async () => {
    const vacuous = { name: 'composite_or', passed: true, score: 1, message: 'no conditions: vacuously true', details: { verdict: 'pass', interval: [1, 1] } };
    expect(await run({ operator: 'or', conditions: [] }, { kind: 'or', operands: [] })).toEqual({ checks: [vacuous] });
    expect(await run({ operator: 'or', conditions: [] }, undefined)).toEqual({ checks: [vacuous] });
    expect((await run({ operator: 'and', conditions: [{ operator: 'or', conditions: [] }] }, undefined)).checks[0]).toEqual({
      name: 'composite_and',
      passed: false,
      score: 0,
      message: 'AND failed: OR() failed',
      details: { verdict: 'fail', interval: [0, 0] },
    });
  });

  it('reports a malformed tree (SDK use without the compiler)', async () => {
    expect((await run({ operator: 'and', conditions: [{ config: {} }] }, undefined)).checks[0]).toEqual({
      name: 'composite_and',
      passed: false,
      score: 0,
      message: 'invalid composite: condition composite.0: a condition needs an operator or an assertion type',
    });
  });
});
