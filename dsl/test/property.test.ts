import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { ErrorCodes, type Comparator, type ExprNode } from '@atp/kernel';
import { parseExpressionText } from '../src/expr/parse.js';
import { printExpression } from '../src/expr/print.js';
import { compileSource } from '../src/compile-source.js';
import { fakeKernel } from './helpers/fake-kernel.js';

const KEYWORDS = new Set(['and', 'or', 'not']);
const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,8}$/).filter((n) => !KEYWORDS.has(n.toLowerCase()));
const number = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0));
const comparator = fc.constantFrom<Comparator>('>', '>=', '<', '<=', '==', '!=');

/** Random ASTs in the parser's normal form: AND/OR have two or more operands; types are respected. */
const { condition } = fc.letrec<{ condition: ExprNode; numeric: ExprNode }>((tie) => ({
  numeric: fc.oneof(
    number.map((value): ExprNode => ({ kind: 'number', value })),
    fc.record({ name, member: fc.constantFrom<'score' | undefined>('score', undefined) }).map(({ name: n, member }): ExprNode =>
      member ? { kind: 'ref', name: n, member } : { kind: 'ref', name: n },
    ),
  ),
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ name, member: fc.constantFrom<'passed' | undefined>('passed', undefined) }).map(({ name: n, member }): ExprNode =>
      member ? { kind: 'ref', name: n, member } : { kind: 'ref', name: n },
    ),
    fc.record({ op: comparator, left: tie('numeric'), right: tie('numeric') }).map(({ op, left, right }): ExprNode => ({ kind: 'compare', op, left, right })),
    tie('condition').map((operand): ExprNode => ({ kind: 'not', operand })),
    fc.array(tie('condition'), { minLength: 2, maxLength: 4 }).map((operands): ExprNode => ({ kind: 'and', operands })),
    fc.array(tie('condition'), { minLength: 2, maxLength: 4 }).map((operands): ExprNode => ({ kind: 'or', operands })),
  ),
}));

describe('expression printer and parser', () => {
  it('print then parse gives the same AST', () => {
    fc.assert(
      fc.property(condition, (ast) => {
        const text = printExpression(ast);
        const parsed = parseExpressionText(text);
        expect(parsed.issues).toEqual([]);
        expect(parsed.ast).toEqual(ast);
      }),
      { numRuns: 500 },
    );
  }, 30_000);

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const parsed = parseExpressionText(text);
        expect(parsed.ast !== undefined || parsed.issues.length > 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  }, 30_000);
});

describe('the compiler never throws', () => {
  const kernel = fakeKernel();
  const compile = async (source: string) => {
    const out = await compileSource(source, { file: 'random.yaml', env: { A: '1' }, kernel: await kernel });
    expect(out.diagnostics.filter((d) => d.code === ErrorCodes.ATP_INTERNAL)).toEqual([]);
    expect(out.plan !== undefined || out.diagnostics.length > 0).toBe(true);
  };

  it('on random strings', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), compile), { numRuns: 300 });
  }, 30_000);

  it('on random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), fc.constantFrom<BufferEncoding>('utf8', 'latin1'), (bytes, encoding) =>
        compile(Buffer.from(bytes).toString(encoding)),
      ),
      { numRuns: 300 },
    );
  }, 30_000);

  it('on random YAML values placed into a suite', async () => {
    const value = fc.jsonValue({ maxDepth: 3 });
    const suite = fc.record({
      test_suite: fc.oneof(fc.string(), value),
      defaults: fc.option(value),
      agents: fc.option(fc.array(fc.record({ name: fc.string(), type: fc.constantFrom('cli', 'http', 'x'), config: value }), { maxLength: 2 })),
      tests: fc.array(
        fc.record(
          {
            id: fc.oneof(fc.constantFrom('a', 'b'), value),
            name: fc.string(),
            task: fc.oneof(fc.record({ description: fc.string() }), value),
            constraints: value,
            scoring: fc.dictionary(fc.constantFrom('quality_weight', 'cost_weight', 'x'), fc.double({ noNaN: true })),
            assertions: fc.array(
              fc.record({
                type: fc.constantFrom('contains', 'composite', 'artifact_exists', 'nope'),
                config: fc.oneof(value, fc.record({ expr: fc.string({ maxLength: 30 }) }), fc.record({ operator: fc.constantFrom('and', 'not', 'x'), conditions: value })),
              }),
              { maxLength: 3 },
            ),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
    });
    await fc.assert(fc.asyncProperty(suite, (s) => compile(stringify(s))), { numRuns: 200 });
  }, 60_000);
});
