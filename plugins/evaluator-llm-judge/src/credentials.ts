import { AtpError, ErrorCodes, diagnostic, type AssertionSpec, type Diagnostic, type ExprNode, type Plan } from '@atp/kernel';
import { resolveApiKey } from './api-key.js';
import type { LlmEvalConfig } from './config-schema.js';

function leaves(node: ExprNode | undefined, out: AssertionSpec[]): void {
  if (!node) return;
  switch (node.kind) {
    case 'assertion':
      out.push(node.assertion);
      leaves(node.assertion.expr, out);
      break;
    case 'and':
    case 'or':
      node.operands.forEach((o) => leaves(o, out));
      break;
    case 'not':
    case 'threshold':
      leaves(node.operand, out);
      break;
    case 'compare':
      leaves(node.left, out);
      leaves(node.right, out);
      break;
    default:
      break;
  }
}

/** Every assertion of a plan of the given types, composite tree leaves included. */
export function judgeAssertions(plan: Plan, types: ReadonlySet<string>): AssertionSpec[] {
  const all: AssertionSpec[] = [];
  for (const t of plan.tests) {
    for (const a of t.assertions) {
      all.push(a);
      leaves(a.expr, all);
    }
  }
  return all.filter((a) => types.has(a.type));
}

/**
 * Before any job starts: every judge the plan uses must have its API key, so a missing variable is
 * one clear error naming it instead of a failed check in every test. Throws an AtpError listing them.
 */
export function checkJudgeCredentials(plan: Plan, types: ReadonlySet<string>, env: Readonly<Record<string, string | undefined>>): void {
  const problems = new Map<string, Diagnostic>();
  for (const a of judgeAssertions(plan, types)) {
    const judge = (a.config as unknown as LlmEvalConfig).judge;
    if (!judge) continue;
    const key = resolveApiKey(judge, env);
    if (key.ok || problems.has(key.message)) continue;
    problems.set(
      key.message,
      diagnostic(ErrorCodes.ATP_CONFIG_INVALID, key.message, {
        ...(a.location ? { file: a.location.file, start: { line: a.location.line, column: a.location.column, offset: 0 } } : {}),
        hint: 'export the variable (or put it in .env); keys are never printed',
      }),
    );
  }
  if (problems.size) throw new AtpError([...problems.values()]);
}
