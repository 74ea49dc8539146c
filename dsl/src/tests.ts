import type { PlanTest } from '@atp/kernel';
import { ScoringSchema, TestShellSchema } from './schema/suite.js';
import { rawAt, validateAt, type CompileContext } from './context.js';
import { checkWeights } from './semantic/weights.js';
import { checkUnique, type Named } from './semantic/duplicates.js';
import { checkMultiAgent } from './semantic/multi-agent.js';
import { compileAssertions } from './assertions.js';
import { buildTest, type TestInheritance } from './build-test.js';

/**
 * Compile every test. Each test, its scoring and each assertion are validated separately, so one
 * problem does not hide the others; tests with any error are left out (the plan is dropped anyway).
 */
export function compileTests(ctx: CompileContext, inherit: TestInheritance, agentNames: ReadonlySet<string>): PlanTest[] {
  const raw = rawAt(ctx, ['tests']);
  const tests: PlanTest[] = [];
  const ids: Named[] = [];
  (Array.isArray(raw) ? raw : []).forEach((rawTest, i) => {
    const path = ['tests', i];
    const id = (rawTest as { id?: unknown } | null)?.id;
    if (typeof id === 'string') ids.push({ name: id, path: [...path, 'id'], item: path });
    const test = validateAt(ctx, TestShellSchema, path);
    const rawScoring = rawAt(ctx, [...path, 'scoring']);
    const partial = rawScoring === undefined ? undefined : validateAt(ctx, ScoringSchema, [...path, 'scoring']);
    const scoring = rawScoring === undefined ? inherit.scoring : partial && checkWeights(ctx, partial, [...path, 'scoring']);
    const assertions = compileAssertions(ctx, path);
    if (!test) return;
    checkMultiAgent(ctx, test, path, agentNames);
    if (scoring && assertions) tests.push(buildTest(ctx, test, path, assertions, { ...inherit, scoring }));
  });
  checkUnique(ctx, ids, 'test id', 'test ids must be unique within a suite');
  return tests;
}
