import type { CstNode, IToken } from 'chevrotain';
import { ErrorCodes, type Comparator, type ExprNode } from '@atp/kernel';
import { exprParser } from './grammar.js';
import { tokenEnd, type ExprIssue, type SpanMap } from './issue.js';
import { didYouMean } from '../suggest.js';

const MEMBERS = ['score', 'passed'] as const;

/** What the visitor fills while building: node spans and member problems. */
export interface BuildContext {
  spans: SpanMap;
  issues: ExprIssue[];
}

type Children = Record<string, Array<CstNode | IToken> | undefined>;

const BaseVisitor = exprParser.getBaseCstVisitorConstructor<BuildContext, ExprNode>();

/** Turns the CST into the kernel's ExprNode, recording spans for later located messages. */
class AstBuilder extends BaseVisitor {
  constructor() {
    super();
    this.validateVisitor();
  }

  expression(children: Children, ctx: BuildContext): ExprNode {
    return this.visit(node(children.orExpr), ctx);
  }

  orExpr(children: Children, ctx: BuildContext): ExprNode {
    return this.#nary('or', nodes(children.operands), ctx);
  }

  andExpr(children: Children, ctx: BuildContext): ExprNode {
    return this.#nary('and', nodes(children.operands), ctx);
  }

  notExpr(children: Children, ctx: BuildContext): ExprNode {
    const not = children.Not?.[0] as IToken | undefined;
    if (!not) return this.visit(node(children.comparison), ctx);
    const operand = this.visit(node(children.notExpr), ctx);
    return span(ctx, { kind: 'not', operand }, not.startOffset, ctx.spans.get(operand)?.end ?? tokenEnd(not));
  }

  comparison(children: Children, ctx: BuildContext): ExprNode {
    const left = this.visit(node(children.left), ctx);
    const op = children.Comparator?.[0] as IToken | undefined;
    if (!op) return left;
    const right = this.visit(node(children.right), ctx);
    const start = ctx.spans.get(left)?.start ?? op.startOffset;
    const end = ctx.spans.get(right)?.end ?? tokenEnd(op);
    return span(ctx, { kind: 'compare', op: op.image as Comparator, left, right }, start, end);
  }

  operand(children: Children, ctx: BuildContext): ExprNode {
    if (children.expression) {
      const inner = this.visit(node(children.expression), ctx);
      const open = children.LParen?.[0] as IToken;
      const close = children.RParen?.[0] as IToken;
      // A parenthesised node keeps the span with its parentheses, so messages underline all of it.
      return span(ctx, inner, open.startOffset, tokenEnd(close));
    }
    const num = children.NumberLiteral?.[0] as IToken | undefined;
    if (num) return span(ctx, { kind: 'number', value: Number(num.image) }, num.startOffset, tokenEnd(num));
    return this.visit(node(children.reference), ctx);
  }

  reference(children: Children, ctx: BuildContext): ExprNode {
    const name = children.name?.[0] as IToken;
    const member = children.member?.[0] as IToken | undefined;
    const end = tokenEnd(member ?? name);
    if (!member) return span(ctx, { kind: 'ref', name: name.image }, name.startOffset, end);
    if ((MEMBERS as readonly string[]).includes(member.image)) {
      return span(ctx, { kind: 'ref', name: name.image, member: member.image as 'score' | 'passed' }, name.startOffset, end);
    }
    ctx.issues.push({
      code: ErrorCodes.ATP_EXPR_REFERENCE,
      message: `unknown member ".${member.image}" of "${name.image}"${didYouMean(member.image, MEMBERS)}`,
      hint: 'an assertion has two members: .score (a number from 0 to 1) and .passed (true or false)',
      start: member.startOffset,
      end: tokenEnd(member),
    });
    return span(ctx, { kind: 'ref', name: name.image }, name.startOffset, end);
  }

  #nary(kind: 'and' | 'or', operands: CstNode[], ctx: BuildContext): ExprNode {
    const built = operands.map((o) => this.visit(o, ctx));
    if (built.length === 1) return built[0]!;
    const start = ctx.spans.get(built[0]!)?.start ?? 0;
    const end = ctx.spans.get(built[built.length - 1]!)?.end ?? start;
    return span(ctx, { kind, operands: built }, start, end);
  }
}

function node(list: Array<CstNode | IToken> | undefined): CstNode {
  return list![0] as CstNode;
}

function nodes(list: Array<CstNode | IToken> | undefined): CstNode[] {
  return (list ?? []) as CstNode[];
}

function span<T extends ExprNode>(ctx: BuildContext, n: T, start: number, end: number): T {
  ctx.spans.set(n, { start, end });
  return n;
}

/** The one visitor instance. */
export const astBuilder = new AstBuilder();
