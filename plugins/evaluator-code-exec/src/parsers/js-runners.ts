import { lastMatch, type TestCounts } from '../test-counts.js';

function count(text: string, word: RegExp): number {
  const m = word.exec(text);
  return m ? Number(m[1]) : 0;
}

/** Jest: `Tests:       1 failed, 1 skipped, 3 passed, 5 total`; pass rate passed / total. */
export function parseJest(output: string): TestCounts | undefined {
  const line = lastMatch(output, /^Tests:\s+(.*\d+ total)\s*$/m);
  if (!line) return undefined;
  const text = line[1]!;
  const passed = count(text, /(\d+) passed/);
  const failed = count(text, /(\d+) failed/);
  const skipped = count(text, /(\d+) skipped/) + count(text, /(\d+) todo/) + count(text, /(\d+) pending/);
  return { passed, failed, skipped, errors: 0, total: count(text, /(\d+) total/), format: 'jest' };
}

/** Vitest: `Tests  1 failed | 3 passed | 1 skipped (5)`; pass rate passed / total. */
export function parseVitest(output: string): TestCounts | undefined {
  const line = lastMatch(output, /^\s*Tests\s{2,}(.*?)\s*\((\d+)\)\s*$/m);
  if (!line) return undefined;
  const text = line[1]!;
  const passed = count(text, /(\d+) passed/);
  const failed = count(text, /(\d+) failed/);
  const skipped = count(text, /(\d+) skipped/) + count(text, /(\d+) todo/);
  return { passed, failed, skipped, errors: 0, total: Number(line[2]), format: 'vitest' };
}

/** Mocha: `3 passing (12ms)`, `1 pending`, `2 failing`; pass rate passing / (passing + failing + pending). */
export function parseMocha(output: string): TestCounts | undefined {
  const passing = lastMatch(output, /^\s*(\d+) passing\b/m);
  if (!passing) return undefined;
  const after = output.slice(passing.index);
  const passed = Number(passing[1]);
  const failed = count(after, /^\s*(\d+) failing\b/m);
  const skipped = count(after, /^\s*(\d+) pending\b/m);
  return { passed, failed, skipped, errors: 0, total: passed + failed + skipped, format: 'mocha' };
}

/**
 * node:test (`node --test`), TAP reporter `# tests 3` / `# pass 2`… or spec reporter `ℹ tests 3`…;
 * pass rate pass / tests. Cancelled tests count as failed.
 */
export function parseNodeTest(output: string): TestCounts | undefined {
  const tests = lastMatch(output, /^(?:#|ℹ) tests (\d+)\s*$/m);
  if (!tests) return undefined;
  const after = output.slice(tests.index);
  const field = (name: string): number => count(after, new RegExp(`^(?:#|ℹ) ${name} (\\d+)\\s*$`, 'm'));
  return {
    passed: field('pass'),
    failed: field('fail') + field('cancelled'),
    skipped: field('skipped') + field('todo'),
    errors: 0,
    total: Number(tests[1]),
    format: 'node-test',
  };
}
