import { isScalar } from 'yaml';
import { ErrorCodes, type AssertionSpec, type ExprNode } from '@atp/kernel';
import { AssertionSchema, type AssertionInput } from './schema/suite.js';
import { ExprConfigSchema, OperatorNodeSchemas, OperatorSchema } from './schema/composite.js';
import type { DataPath, Range } from './yaml/locator.js';
import type { ExprIssue, SpanMap } from './expr/issue.js';
import { formatPath } from './validate/path.js';
import { describeValue } from './validate/describe.js';
import { rawAt, report, validateAt, type CompileContext } from './context.js';
import { didYouMean } from './suggest.js';

/** The assertion type whose config is an expression or a condition tree. */
export const COMPOSITE_TYPE = 'composite';

/** A top-level assertion of the same test, which expressions may refer to. */
export interface Sibling {
  id: string;
  type: string;
  path: DataPath;
}

/** Compiles a tree leaf like a top-level assertion. */
type ResolveLeaf = (leaf: AssertionInput, id: string, path: DataPath) => AssertionSpec | undefined;

const TREE_HINT = 'a condition is an assertion ({type: contains, config: {…}}) or an operator ({operator: and, conditions: […]})';

/**
 * Compile a composite assertion's config into an ExprNode: `expr: "<expression>"` (names resolved to
 * sibling assertion ids) or the tree form (`operator`, `conditions`/`condition`, `value`, `comparator`).
 */
export function compileComposite(
  ctx: CompileContext,
  path: DataPath,
  ownId: string,
  siblings: readonly Sibling[],
  resolveLeaf: ResolveLeaf,
): { expr: ExprNode; refs: string[] } | undefined {
  const configPath = [...path, 'config'];
  const raw = rawAt(ctx, configPath);
  if (isRecord(raw) && 'expr' in raw) {
    const config = validateAt(ctx, ExprConfigSchema, configPath);
    return config ? compileExpression(ctx, config.expr, [...configPath, 'expr'], ownId, siblings) : undefined;
  }
  if (!isRecord(raw) || !('operator' in raw)) {
    report(
      ctx,
      ErrorCodes.ATP_SUITE_SCHEMA,
      `${formatPath(configPath)}: a composite assertion needs "expr" (an expression) or "operator" (a condition tree)`,
      raw === undefined ? ctx.locator.valueRange([...path, 'type']) : ctx.locator.valueRange(configPath),
      'e.g. config: {expr: "artifact_exists AND NOT security"}',
    );
    return undefined;
  }
  const expr = compileCondition(ctx, configPath, ownId, resolveLeaf, true);
  return expr ? { expr, refs: [] } : undefined;
}

function compileExpression(ctx: CompileContext, text: string, exprPath: DataPath, ownId: string, siblings: readonly Sibling[]): { expr: ExprNode; refs: string[] } | undefined {
  const parsed = ctx.parseExpression!(text);
  const locate = (start: number, end: number): Range => {
    const node = ctx.locator.find(exprPath).value;
    // Offsets map into the file only when the scalar was not changed by ${VAR} substitution.
    return isScalar(node) && node.value === text ? ctx.locator.scalarSpan(node, text, start, end) : ctx.locator.valueRange(exprPath);
  };
  const emit = (issues: readonly ExprIssue[]): void => {
    for (const i of issues) report(ctx, i.code, i.message, locate(i.start, i.end), i.hint);
  };
  if (!parsed.ast) {
    emit(parsed.issues);
    return undefined;
  }
  const resolved = resolveReferences(parsed.ast, parsed.spans, siblings, ownId);
  emit(resolved.issues);
  return resolved.issues.length ? undefined : { expr: resolved.ast, refs: resolved.refs };
}

/**
 * Resolve each name to a sibling assertion id: an id first, else a type present exactly once.
 * A bare name inside a comparison becomes `.score`, so the evaluator never guesses.
 */
export function resolveReferences(
  ast: ExprNode,
  spans: SpanMap,
  siblings: readonly Sibling[],
  ownId: string,
): { ast: ExprNode; refs: string[]; issues: ExprIssue[] } {
  const issues: ExprIssue[] = [];
  const refs = new Set<string>();
  const ids = new Map(siblings.map((s) => [s.id, s]));
  const byType = new Map<string, Sibling[]>();
  for (const s of siblings) byType.set(s.type, [...(byType.get(s.type) ?? []), s]);
  const candidates = [...new Set([...ids.keys(), ...byType.keys()])].filter((n) => n !== ownId);
  const issue = (n: ExprNode, message: string, hint: string): void => {
    const s = spans.get(n) ?? { start: 0, end: 0 };
    issues.push({ code: ErrorCodes.ATP_EXPR_REFERENCE, message, hint, start: s.start, end: s.end });
  };
  const walk = (n: ExprNode, numeric: boolean): ExprNode => {
    switch (n.kind) {
      case 'and':
      case 'or':
        return { kind: n.kind, operands: n.operands.map((o) => walk(o, false)) };
      case 'not':
        return { kind: 'not', operand: walk(n.operand, false) };
      case 'compare':
        return { kind: 'compare', op: n.op, left: walk(n.left, true), right: walk(n.right, true) };
      case 'threshold':
        return { ...n, operand: walk(n.operand, false) };
      case 'ref': {
        const sameType = byType.get(n.name) ?? [];
        const target = ids.get(n.name) ?? (sameType.length === 1 ? sameType[0] : undefined);
        if (!target) {
          if (sameType.length > 1) {
            issue(n, `"${n.name}" is ambiguous: this test has ${sameType.length} "${n.name}" assertions (${sameType.map((s) => s.id).join(', ')})`, 'refer to one of them by its id');
          } else {
            issue(
              n,
              `unknown assertion "${n.name}" in the expression${didYouMean(n.name, candidates)}`,
              candidates.length ? `this test's assertions: ${candidates.join(', ')} (by id or by type)` : 'the test has no other assertions to refer to',
            );
          }
          return n;
        }
        if (target.id === ownId) {
          issue(n, `the composite "${ownId}" cannot refer to itself`, 'refer to the other assertions of the test');
          return n;
        }
        refs.add(target.id);
        const member = n.member ?? (numeric ? 'score' : undefined);
        return member ? { kind: 'ref', name: target.id, member } : { kind: 'ref', name: target.id };
      }
      default:
        return n;
    }
  };
  const out = walk(ast, false);
  return { ast: out, refs: [...refs], issues };
}

function compileCondition(ctx: CompileContext, path: DataPath, leafId: string, resolveLeaf: ResolveLeaf, top: boolean): ExprNode | undefined {
  const raw = rawAt(ctx, path);
  if (!isRecord(raw)) {
    report(ctx, ErrorCodes.ATP_SUITE_SCHEMA, `${formatPath(path)}: expected a condition, got ${describeValue(raw)}`, ctx.locator.valueRange(path), TREE_HINT);
    return undefined;
  }
  if (!('operator' in raw)) {
    if (!top && 'type' in raw) {
      const leaf = validateAt(ctx, AssertionSchema, path);
      const spec = leaf ? resolveLeaf(leaf, leaf.id ?? leafId, path) : undefined;
      return spec ? { kind: 'assertion', assertion: spec } : undefined;
    }
    report(ctx, ErrorCodes.ATP_SUITE_SCHEMA, `${formatPath(path)}: a condition needs "operator" or an assertion "type"`, ctx.locator.valueRange(path), TREE_HINT);
    return undefined;
  }
  const head = validateAt(ctx, OperatorSchema, path);
  if (!head) return undefined;
  switch (head.operator) {
    case 'and':
    case 'or': {
      const node = validateAt(ctx, OperatorNodeSchemas.andOr, path);
      if (!node) return undefined;
      const operands = node.conditions.map((_, i) => compileCondition(ctx, [...path, 'conditions', i], `${leafId}.${i}`, resolveLeaf, false));
      return operands.every((o) => o !== undefined) ? { kind: node.operator, operands: operands as ExprNode[] } : undefined;
    }
    case 'not': {
      const node = validateAt(ctx, OperatorNodeSchemas.not, path);
      const operand = node ? compileCondition(ctx, [...path, 'condition'], `${leafId}.0`, resolveLeaf, false) : undefined;
      return operand ? { kind: 'not', operand } : undefined;
    }
    case 'threshold': {
      const node = validateAt(ctx, OperatorNodeSchemas.threshold, path);
      const operand = node ? compileCondition(ctx, [...path, 'condition'], `${leafId}.0`, resolveLeaf, false) : undefined;
      return node && operand ? { kind: 'threshold', op: node.comparator ?? '>=', value: node.value, operand } : undefined;
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
