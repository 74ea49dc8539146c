import type { TestCounts } from '../test-counts.js';
import { parseJest, parseMocha, parseNodeTest, parseVitest } from './js-runners.js';
import { parsePytest } from './pytest.js';

/** The JavaScript test runners `npm` recognises, in the order they are tried. */
export const JS_PARSERS = [parseVitest, parseJest, parseMocha, parseNodeTest] as const;

/** Counts from the first JavaScript runner format found in the output. */
export function detectJsCounts(output: string): TestCounts | undefined {
  for (const parse of JS_PARSERS) {
    const counts = parse(output);
    if (counts) return counts;
  }
  return undefined;
}

/** Counts from any known test runner format (JavaScript runners, then pytest). */
export function detectCounts(output: string): TestCounts | undefined {
  return detectJsCounts(output) ?? parsePytest(output);
}
