/** Workspace files for the code-execution tests: a module and node:test files for it. */

/** sum.mjs: the module under test. */
export const SUM = 'export const sum = (a, b) => a + b;\n';

/** A node:test file with `pass` passing and `fail` failing tests of sum.mjs. */
export function sumTests(pass: number, fail: number): string {
  const lines = ["import { test } from 'node:test';", "import assert from 'node:assert/strict';", "import { sum } from './sum.mjs';"];
  for (let i = 0; i < pass; i++) lines.push(`test('adds ${i}', () => assert.equal(sum(${i}, 1), ${i + 1}));`);
  for (let i = 0; i < fail; i++) lines.push(`test('wrong ${i}', () => assert.equal(sum(${i}, 1), ${i + 2}));`);
  return lines.join('\n') + '\n';
}
