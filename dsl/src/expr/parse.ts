import type { IToken } from 'chevrotain';
import type { ExprNode } from '@atp/kernel';
import { exprLexer } from './tokens.js';
import { exprParser } from './grammar.js';
import { astBuilder } from './build-ast.js';
import { lexingIssue, parserIssue } from './syntax-errors.js';
import { checkTypes } from './check-types.js';
import type { ExprIssue, SpanMap } from './issue.js';

/** The result of parsing one expression: the AST when it is valid, spans for later messages, and problems. */
export interface ParsedExpression {
  ast?: ExprNode;
  spans: SpanMap;
  issues: ExprIssue[];
  /** The tokens, for locating "end of input" positions. */
  tokens: IToken[];
}

/** Lex, parse, build and type-check an expression; issues are located by offsets into `text`. */
export function parseExpressionText(text: string): ParsedExpression {
  const spans: SpanMap = new WeakMap();
  const lexed = exprLexer.tokenize(text);
  if (lexed.errors.length) return { spans, issues: lexed.errors.map((e) => lexingIssue(e, text)), tokens: lexed.tokens };
  exprParser.input = lexed.tokens;
  const cst = exprParser.expression();
  const errors = exprParser.errors;
  if (errors.length) return { spans, issues: [parserIssue(errors[0]!, lexed.tokens)], tokens: lexed.tokens };
  const issues: ExprIssue[] = [];
  const ast = astBuilder.visit(cst, { spans, issues });
  issues.push(...checkTypes(ast, spans));
  return issues.length ? { spans, issues, tokens: lexed.tokens } : { ast, spans, issues, tokens: lexed.tokens };
}
