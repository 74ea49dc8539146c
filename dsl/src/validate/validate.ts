import type { z } from 'zod';
import { diagnostic, type Diagnostic } from '@atp/kernel';
import type { VariableBinding, VariableBindings } from '../yaml/to-data.js';
import { issuesToDiagnostics, type Issue, type IssueContext } from './issues.js';
import { formatPath, valueAt } from './path.js';
import { expectedNoun } from './describe.js';

/** What `validate` needs: how to word issues, the pure-variable scalars, and where to put diagnostics. */
export interface ValidateContext extends IssueContext {
  bindings: VariableBindings;
  diagnostics: Diagnostic[];
}

const TYPED = new Set(['number', 'int', 'boolean']);
const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const MAX_ROUNDS = 4;

/**
 * Parse `ctx.data` with `schema`. A scalar that was exactly one `${VAR}` takes the type its field needs:
 * when the schema wants a number or boolean there, the variable's text is converted and the data parsed
 * again; text that does not convert is a located error naming the variable. Returns the parsed output,
 * or undefined after pushing diagnostics.
 */
export function validate<T>(schema: z.ZodType<T>, ctx: ValidateContext): T | undefined {
  const handled = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const result = schema.safeParse(ctx.data, { reportInput: true });
    if (result.success) return result.data;
    const remaining: Issue[] = [];
    let changed = false;
    for (const issue of result.error.issues as unknown as Issue[]) {
      const outcome = coerce(issue, ctx, handled);
      if (outcome === 'coerced') changed = true;
      else if (outcome === 'none') remaining.push(issue);
    }
    if (!changed) {
      ctx.diagnostics.push(...issuesToDiagnostics(remaining, ctx));
      return undefined;
    }
  }
  return undefined;
}

type Outcome = 'coerced' | 'reported' | 'none';

function coerce(issue: Issue, ctx: ValidateContext, handled: Set<string>): Outcome {
  const expected = typedExpectation(issue);
  if (!expected || issue.path.length === 0) return 'none';
  const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
  const parent = valueAt(ctx.data, path.slice(0, -1));
  if (parent === null || typeof parent !== 'object') return 'none';
  const key = path[path.length - 1]!;
  const binding = ctx.bindings.get(parent)?.get(key);
  if (!binding) return 'none';
  const id = JSON.stringify(path);
  if (handled.has(id)) return 'reported';
  // A missing variable was already reported where it is written.
  if (binding.text === undefined) {
    handled.add(id);
    return 'reported';
  }
  const current = (parent as Record<string | number, unknown>)[key];
  const converted = current === binding.text || (typeof current === 'object' && current !== null) ? convert(binding.text, expected) : undefined;
  if (converted !== undefined) {
    (parent as Record<string | number, unknown>)[key] = converted;
    return 'coerced';
  }
  handled.add(id);
  ctx.diagnostics.push(failure(binding, expected, path, ctx));
  return 'reported';
}

function typedExpectation(issue: Issue): string | undefined {
  if (issue.code === 'invalid_type' && issue.expected && TYPED.has(issue.expected)) return issue.expected;
  if (issue.code === 'invalid_union') {
    for (const branch of issue.errors ?? []) {
      const first = branch[0];
      if (branch.length === 1 && first && first.path.length === 0 && first.code === 'invalid_type' && first.expected && TYPED.has(first.expected)) return first.expected;
    }
  }
  return undefined;
}

function convert(text: string, expected: string): number | boolean | undefined {
  const trimmed = text.trim();
  if (expected === 'boolean') return /^true$/i.test(trimmed) ? true : /^false$/i.test(trimmed) ? false : undefined;
  if (!NUMBER.test(trimmed)) return undefined;
  const n = Number(trimmed);
  if (!Number.isFinite(n)) return undefined;
  return expected === 'int' && !Number.isInteger(n) ? undefined : n;
}

function failure(binding: VariableBinding, expected: string, path: Array<string | number>, ctx: ValidateContext): Diagnostic {
  const shown = formatPath(ctx.label ? path : [...ctx.basePath, ...path]);
  const prefix = ctx.label ? `${ctx.label}: ${shown}: ` : `${shown}: `;
  const value = binding.sensitive ? 'a secret value' : JSON.stringify(binding.text);
  return diagnostic(ctx.code, `${prefix}expected ${expectedNoun(expected)}, but environment variable "${binding.name}" is ${value}`, {
    ...(ctx.file ? { file: ctx.file } : {}),
    ...(ctx.locator ? ctx.locator.nodeRange(binding.node) : {}),
    hint: expected === 'boolean' ? `set ${binding.name} to true or false` : `set ${binding.name} to ${expected === 'int' ? 'a whole number' : 'a number'}`,
  });
}
