import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSource } from '../src/compile-source.js';
import { fakeKernel } from './helpers/fake-kernel.js';
import { cases, expected, flatten, FIXTURES, normalizePlan, type ExpectedDiagnostic } from './helpers/fixtures.js';

describe('valid suites compile to the expected plan', () => {
  for (const c of cases('valid')) {
    it(c.name, async () => {
      const kernel = await fakeKernel({ withComposite: c.options.withComposite });
      const out = await compileSource(c.source, { file: c.file, cwd: FIXTURES, env: c.env, kernel, tags: c.options.tags, runs: c.options.runs });
      expect(out.diagnostics.map(flatten)).toEqual([]);
      expect(out.plan).toBeDefined();
      const plan = normalizePlan(out.plan!);
      expect(plan).toEqual(expected(join(c.dir, 'expected-plan.json'), plan));
    });
  }
});

describe('invalid suites give the expected diagnostics', () => {
  for (const c of cases('invalid')) {
    it(c.name, async () => {
      const kernel = await fakeKernel({ withComposite: c.options.withComposite });
      const out = await compileSource(c.source, { file: c.file, cwd: FIXTURES, env: c.env, kernel, tags: c.options.tags, runs: c.options.runs });
      expect(out.plan).toBeUndefined();
      const actual = out.diagnostics.map(flatten);
      expect(actual.length).toBeGreaterThan(0);
      expect(actual).toEqual(expected<ExpectedDiagnostic[]>(join(c.dir, 'expected.json'), actual));
    });
  }
});
