import { ErrorCodes, type AssertionSpec, type ExprNode } from '@atp/kernel';
import { AssertionSchema, type AssertionInput } from './schema/suite.js';
import type { DataPath } from './yaml/locator.js';
import { locationOf, rawAt, report, validateAt, type CompileContext } from './context.js';
import { validateEntryConfig } from './entry-config.js';
import { checkUnique } from './semantic/duplicates.js';
import { compileComposite, COMPOSITE_TYPE, type Sibling } from './composite.js';
import { didYouMean } from './suggest.js';

/** An assertion compiled, plus the ids its expression refers to (for the cycle check). */
interface Compiled {
  spec: AssertionSpec;
  refs: string[];
  path: DataPath;
}

/**
 * Compile a test's assertions: ids (given, else the type, else `<type>_<n>`), evaluator lookup,
 * config validation by the evaluator's own schema, composite expressions. Each assertion is validated
 * on its own so one bad assertion does not hide the others. Undefined when any failed.
 */
export function compileAssertions(ctx: CompileContext, testPath: DataPath): AssertionSpec[] | undefined {
  const raw = rawAt(ctx, [...testPath, 'assertions']);
  if (!Array.isArray(raw)) return [];
  const list = raw.map((_, i) => validateAt(ctx, AssertionSchema, [...testPath, 'assertions', i]));
  const valid = list.flatMap((a, i) => (a ? [{ a, path: [...testPath, 'assertions', i] }] : []));
  const totals = new Map<string, number>();
  for (const { a } of valid) totals.set(a.type, (totals.get(a.type) ?? 0) + 1);
  const numbering = new Map<string, number>();
  const siblings: Sibling[] = valid.map(({ a, path }) => {
    const n = (numbering.get(a.type) ?? 0) + 1;
    numbering.set(a.type, n);
    const id = a.id ?? (totals.get(a.type)! > 1 ? `${a.type}_${n}` : a.type);
    return { id, type: a.type, path };
  });
  checkUnique(
    ctx,
    siblings.map((s, i) => ({ name: s.id, path: [...s.path, valid[i]!.a.id !== undefined ? 'id' : 'type'], item: s.path })),
    'assertion id',
    'give the assertions distinct ids (id: …)',
  );
  const compiled = valid.map(({ a }, i) => resolveAssertion(ctx, a, siblings[i]!.id, siblings[i]!.path, siblings));
  const ok = compiled.filter((c): c is Compiled => c !== undefined);
  checkCycles(ctx, ok);
  markReferenced(ok);
  return ok.length === list.length ? ok.map((c) => c.spec) : undefined;
}

/** Resolve one assertion (top-level or a tree leaf) to its evaluator and validated config. */
function resolveAssertion(ctx: CompileContext, a: AssertionInput, id: string, path: DataPath, siblings: readonly Sibling[]): Compiled | undefined {
  let configOk = true;
  if (ctx.evaluators && !ctx.evaluators.get(a.type)) {
    const names = ctx.evaluators.names();
    report(
      ctx,
      ErrorCodes.ATP_UNKNOWN_EVALUATOR,
      `unknown evaluator "${a.type}"${didYouMean(a.type, names)}`,
      ctx.locator.valueRange([...path, 'type']),
      names.length ? `installed evaluators: ${names.join(', ')}` : 'no evaluators are installed: add a plugin that provides them (e.g. @atp/preset-default) to your config',
    );
    configOk = false;
  }
  let expr: ExprNode | undefined;
  let refs: string[] = [];
  if (a.type === COMPOSITE_TYPE) {
    // Composites nested in the tree form refer to siblings too: their references count as this one's
    // (for the cycle check and for which composite decides an assertion).
    const nestedRefs: string[] = [];
    const composite = compileComposite(ctx, path, id, siblings, (leaf, leafId, leafPath) => {
      const compiled = resolveAssertion(ctx, leaf, leafId, leafPath, siblings);
      if (compiled) nestedRefs.push(...compiled.refs);
      return compiled?.spec;
    });
    if (!composite) return undefined;
    expr = composite.expr;
    refs = [...new Set([...composite.refs, ...nestedRefs])];
  }
  const schema = configOk ? ctx.evaluators?.get(a.type)?.configSchema : undefined;
  const config = configOk ? validateEntryConfig(ctx, schema, [...path, 'config'], `"${a.type}" config`, ErrorCodes.ATP_EVALUATOR_CONFIG) : undefined;
  if (!config) return undefined;
  const spec: AssertionSpec = {
    id,
    type: a.type,
    config,
    critical: a.critical ?? false,
    ...(a.weight !== undefined ? { weight: a.weight } : {}),
    ...(expr ? { expr } : {}),
    location: locationOf(ctx, path),
  };
  return { spec, refs, path };
}

/** Record on each referenced assertion which composites refer to it: those decide its verdict. */
function markReferenced(compiled: readonly Compiled[]): void {
  const usedBy = new Map<string, string[]>();
  for (const c of compiled) {
    for (const ref of c.refs) {
      if (ref === c.spec.id) continue;
      const list = usedBy.get(ref) ?? [];
      list.push(c.spec.id);
      usedBy.set(ref, list);
    }
  }
  for (const c of compiled) {
    const list = usedBy.get(c.spec.id);
    if (list) c.spec.usedBy = list;
  }
}

/** Composites may refer to other composites, but not in a circle. */
function checkCycles(ctx: CompileContext, compiled: readonly Compiled[]): void {
  const byId = new Map(compiled.filter((c) => c.spec.type === COMPOSITE_TYPE).map((c) => [c.spec.id, c]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = trail.slice(trail.indexOf(id));
      const first = byId.get(id)!;
      report(
        ctx,
        ErrorCodes.ATP_EXPR_REFERENCE,
        `composite "${id}" depends on itself: ${[...cycle, id].join(' → ')}`,
        ctx.locator.valueRange([...first.path, 'config']),
        'a composite can refer to other assertions, but references cannot go round in a circle',
      );
      return;
    }
    state.set(id, 'visiting');
    for (const ref of byId.get(id)?.refs ?? []) if (byId.has(ref)) visit(ref, [...trail, id]);
    state.set(id, 'done');
  };
  for (const id of byId.keys()) visit(id, []);
}
