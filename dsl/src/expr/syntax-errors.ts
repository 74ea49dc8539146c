import { tokenMatcher, type ILexingError, type IRecognitionException, type IToken } from 'chevrotain';
import { ErrorCodes } from '@atp/kernel';
import { And, Comparator, Dot, Identifier, LParen, Not, NumberLiteral, Or, RParen } from './tokens.js';
import { tokenEnd, type ExprIssue } from './issue.js';

const CHAR_HINTS: Record<string, string> = {
  '&': 'write AND to require both sides, e.g. `artifact_exists AND contains`',
  '|': 'write OR to accept either side, e.g. `a OR b`',
  '!': 'write NOT to negate, or != to compare',
  '=': 'compare with == (two equals signs)',
  '"': 'names are written without quotes',
  "'": 'names are written without quotes',
};

/** One issue per lexing error, in the user's words. */
export function lexingIssue(error: ILexingError, text: string): ExprIssue {
  const bad = text.slice(error.offset, error.offset + error.length);
  const first = bad[0] ?? '';
  const hint = CHAR_HINTS[first] ?? 'expressions use evaluator names, AND, OR, NOT, comparisons (> >= < <= == !=), numbers and parentheses';
  const shown = bad.length > 20 ? `${bad.slice(0, 20)}…` : bad;
  return {
    code: ErrorCodes.ATP_EXPR_SYNTAX,
    message: `unexpected ${bad.length === 1 ? 'character' : 'characters'} "${shown}" in the expression`,
    hint,
    start: error.offset,
    end: error.offset + Math.max(1, error.length),
  };
}

/** Translate a Chevrotain recognition exception into a located message about the expression. */
export function parserIssue(error: IRecognitionException, tokens: readonly IToken[]): ExprIssue {
  const token = error.token;
  const atEnd = !token || token.tokenType.name === 'EOF' || Number.isNaN(token.startOffset);
  const prev = atEnd ? tokens[tokens.length - 1] : previousToken(tokens, token);
  // At end of input Chevrotain gives no position: point just after the last real token.
  const start = atEnd ? (prev ? tokenEnd(prev) : 0) : token.startOffset;
  const end = atEnd ? start : tokenEnd(token);
  const found = atEnd ? '' : ` but found ${describe(token)}`;
  const rule = error.context.ruleStack[error.context.ruleStack.length - 1] ?? '';
  const issue = (message: string, hint?: string): ExprIssue => ({ code: ErrorCodes.ATP_EXPR_SYNTAX, message, start, end, ...(hint ? { hint } : {}) });

  if (error.name === 'NotAllInputParsedException') {
    if (tokenMatcher(token, RParen)) return issue('unmatched ")": there is no "(" to close', 'remove the ")" or add the missing "("');
    if (tokenMatcher(token, Comparator)) {
      return issue(`comparisons cannot be chained: unexpected "${token.image}"`, 'join two comparisons with AND, e.g. `a.score > 0.2 AND a.score < 0.9`');
    }
    if (tokenMatcher(token, Dot)) return issue('unexpected "." : a member is written once, e.g. `llm_eval.score`');
    return issue(
      `expected AND, OR or the end of the expression after ${prev ? describe(prev) : 'the condition'}${found}`,
      'join conditions with AND or OR, e.g. `artifact_exists AND contains`',
    );
  }
  if (rule === 'reference' && prev && tokenMatcher(prev, Dot)) {
    return issue(`expected "score" or "passed" after "."${found}`, 'an assertion has two members: .score (0 to 1) and .passed (true or false)');
  }
  if (rule === 'operand' && error.name === 'MismatchedTokenException') {
    return issue(`missing ")" to close the "("${found}`, 'every "(" needs a matching ")"');
  }
  if (prev && tokenMatcher(prev, Comparator)) {
    return issue(`expected a number after "${prev.image}"${found}`, 'compare a score with a number, e.g. `llm_eval.score >= 0.8`');
  }
  if (!prev) {
    return issue(
      atEnd ? 'the expression is empty: expected an evaluator name' : `expected an evaluator name at the start of the expression${found}`,
      'an expression names assertions of the test, e.g. `artifact_exists AND NOT security`',
    );
  }
  return issue(`expected an evaluator name after ${describe(prev)}${found}`, hint(prev));
}

function hint(prev: IToken): string | undefined {
  if (tokenMatcher(prev, Not)) return 'NOT negates one condition, e.g. `NOT security`';
  if (tokenMatcher(prev, And) || tokenMatcher(prev, Or)) return `${prev.image.toUpperCase()} joins two conditions, e.g. \`a ${prev.image.toUpperCase()} b\``;
  if (tokenMatcher(prev, LParen)) return 'a "(" starts a group, e.g. `(a OR b) AND c`';
  return undefined;
}

function previousToken(tokens: readonly IToken[], token: IToken): IToken | undefined {
  let prev: IToken | undefined;
  for (const t of tokens) {
    if (t.startOffset >= token.startOffset) break;
    prev = t;
  }
  return prev;
}

/** A token as the user wrote it: keywords bare, punctuation quoted. */
function describe(token: IToken): string {
  if (tokenMatcher(token, And) || tokenMatcher(token, Or) || tokenMatcher(token, Not)) return token.image;
  if (tokenMatcher(token, Identifier)) return `"${token.image}"`;
  if (tokenMatcher(token, NumberLiteral)) return `the number ${token.image}`;
  return `"${token.image}"`;
}
