import type { IToken } from 'chevrotain';
import type { ErrorCode } from '@atp/kernel';

/** A problem inside an expression, located by 0-based offsets into the expression text (end exclusive). */
export interface ExprIssue {
  code: ErrorCode;
  message: string;
  hint?: string;
  start: number;
  end: number;
}

/** Where each AST node came from in the expression text. */
export type SpanMap = WeakMap<object, { start: number; end: number }>;

/** The offset just after a token (Chevrotain's `endOffset` is inclusive and optional in its types). */
export function tokenEnd(token: IToken): number {
  return (token.endOffset ?? token.startOffset + token.image.length - 1) + 1;
}
