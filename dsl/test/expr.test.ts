import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '@atp/kernel';
import { parseExpressionText } from '../src/expr/parse.js';
import { printExpression } from '../src/expr/print.js';
import { parseExpression } from '../src/index.js';

const issues = (text: string) => parseExpressionText(text).issues.map(({ code, message, start, end }) => ({ code, message, start, end }));

describe('expression parser', () => {
  it('builds the kernel AST with precedence NOT > AND > OR', () => {
    expect(parseExpressionText('artifact AND llm_judge.score > 0.8 AND NOT security').ast).toEqual({
      kind: 'and',
      operands: [
        { kind: 'ref', name: 'artifact' },
        { kind: 'compare', op: '>', left: { kind: 'ref', name: 'llm_judge', member: 'score' }, right: { kind: 'number', value: 0.8 } },
        { kind: 'not', operand: { kind: 'ref', name: 'security' } },
      ],
    });
    expect(parseExpressionText('a or b and not c').ast).toEqual({
      kind: 'or',
      operands: [{ kind: 'ref', name: 'a' }, { kind: 'and', operands: [{ kind: 'ref', name: 'b' }, { kind: 'not', operand: { kind: 'ref', name: 'c' } }] }],
    });
  });

  it('keeps keyword prefixes as names (longer_alt)', () => {
    expect(parseExpressionText('ANDROID Or not_found').ast).toEqual({ kind: 'or', operands: [{ kind: 'ref', name: 'ANDROID' }, { kind: 'ref', name: 'not_found' }] });
  });

  it('parses every comparator, negative numbers and exponents', () => {
    for (const op of ['>', '>=', '<', '<=', '==', '!=']) {
      expect(parseExpressionText(`x.score ${op} -1.5e-3`).ast).toEqual({ kind: 'compare', op, left: { kind: 'ref', name: 'x', member: 'score' }, right: { kind: 'number', value: -0.0015 } });
    }
  });

  it('explains syntax errors in user words, at the right offset', () => {
    expect(issues('a AND NOT')).toEqual([{ code: ErrorCodes.ATP_EXPR_SYNTAX, message: 'expected an evaluator name after NOT', start: 9, end: 9 }]);
    expect(issues('a AND  ')).toEqual([{ code: ErrorCodes.ATP_EXPR_SYNTAX, message: 'expected an evaluator name after AND', start: 5, end: 5 }]);
    expect(issues('(a OR b')).toEqual([{ code: ErrorCodes.ATP_EXPR_SYNTAX, message: 'missing ")" to close the "("', start: 7, end: 7 }]);
    expect(issues('a OR b)')).toEqual([{ code: ErrorCodes.ATP_EXPR_SYNTAX, message: 'unmatched ")": there is no "(" to close', start: 6, end: 7 }]);
    expect(issues('a b')).toEqual([
      { code: ErrorCodes.ATP_EXPR_SYNTAX, message: 'expected AND, OR or the end of the expression after "a" but found "b"', start: 2, end: 3 },
    ]);
    expect(issues('x.score >')).toEqual([{ code: ErrorCodes.ATP_EXPR_SYNTAX, message: 'expected a number after ">"', start: 9, end: 9 }]);
    expect(issues('a = 1')).toEqual([{ code: ErrorCodes.ATP_EXPR_SYNTAX, message: 'unexpected character "=" in the expression', start: 2, end: 3 }]);
    expect(issues('x.score > 1 > 0')).toEqual([{ code: ErrorCodes.ATP_EXPR_SYNTAX, message: 'comparisons cannot be chained: unexpected ">"', start: 12, end: 13 }]);
    expect(issues('')).toEqual([{ code: ErrorCodes.ATP_EXPR_SYNTAX, message: 'the expression is empty: expected an evaluator name', start: 0, end: 0 }]);
  });

  it('checks members and where numbers and conditions go', () => {
    expect(issues('x.scor')).toEqual([{ code: ErrorCodes.ATP_EXPR_REFERENCE, message: 'unknown member ".scor" of "x" — did you mean "score"?', start: 2, end: 6 }]);
    expect(issues('x.score')).toEqual([{ code: ErrorCodes.ATP_EXPR_SYNTAX, message: '"x.score" is a number, not a condition', start: 0, end: 7 }]);
    expect(issues('a AND 1')).toEqual([{ code: ErrorCodes.ATP_EXPR_SYNTAX, message: 'the number 1 is not a condition', start: 6, end: 7 }]);
  });

  it('prints with minimal parentheses', () => {
    const print = (text: string) => printExpression(parseExpressionText(text).ast!);
    expect(print('(a AND b) OR c')).toBe('a AND b OR c');
    expect(print('a AND (b OR c)')).toBe('a AND (b OR c)');
    expect(print('(a AND b) AND c')).toBe('(a AND b) AND c');
    expect(print('not (a.score > 1)')).toBe('NOT a.score > 1');
    expect(print('NOT (a OR b)')).toBe('NOT (a OR b)');
  });

  it('prints tree-form nodes readably', () => {
    expect(
      printExpression({
        kind: 'threshold',
        op: '>=',
        value: 0.8,
        operand: { kind: 'assertion', assertion: { id: 'tree.0', type: 'llm_eval', config: {}, critical: false } },
      }),
    ).toBe('tree.0 >= 0.8');
  });
});

describe('parseExpression (public API)', () => {
  it('returns the AST', async () => {
    expect(await parseExpression('a AND b')).toEqual({ ast: { kind: 'and', operands: [{ kind: 'ref', name: 'a' }, { kind: 'ref', name: 'b' }] }, diagnostics: [] });
  });

  it('locates problems by line and column in the text', async () => {
    expect(await parseExpression('a AND\n  NOT')).toEqual({
      diagnostics: [
        {
          code: ErrorCodes.ATP_EXPR_SYNTAX,
          severity: 'error',
          message: 'expected an evaluator name after NOT',
          start: { line: 2, column: 6, offset: 11 },
          end: { line: 2, column: 6, offset: 11 },
          hint: 'NOT negates one condition, e.g. `NOT security`',
        },
      ],
    });
  });
});
