/** Test counts parsed from a runner's output. `total` is the denominator of the pass rate. */
export interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
  /** Collection/setup errors (pytest), counted apart from failures. */
  errors: number;
  total: number;
  /** Which output format the counts came from (`pytest`, `jest`, `vitest`, `mocha`, `node-test`, `pattern`). */
  format: string;
}

/** passed / total, 0 when no test ran. */
export function passRate(counts: TestCounts): number {
  return counts.total > 0 ? counts.passed / counts.total : 0;
}

/** Remove ANSI escape sequences (colours, cursor moves) so summaries can be parsed. */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007/g, '');
}

/** The last match of a global regex in `text`. */
export function lastMatch(text: string, regex: RegExp): RegExpExecArray | undefined {
  const global = new RegExp(regex.source, regex.flags.includes('g') ? regex.flags : regex.flags + 'g');
  let last: RegExpExecArray | undefined;
  for (let m = global.exec(text); m; m = global.exec(text)) {
    last = m;
    if (m[0].length === 0) global.lastIndex++;
  }
  return last;
}
