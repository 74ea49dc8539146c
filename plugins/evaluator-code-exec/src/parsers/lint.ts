/** What a linter reported. */
export interface LintCounts {
  violations: number;
  errors: number;
  warnings: number;
  linter: 'ruff' | 'eslint';
}

// `path/a.py:1:8: F401 [*] \`os\` imported but unused` (concise format), and syntax errors without a code.
const RUFF_LINE = /^(?:[A-Za-z]:)?[^:\n]+:\d+:\d+: (?:([A-Z]+\d+)\b|(SyntaxError):)/gm;

/**
 * ruff (concise output): one line per violation; codes starting with E (pycodestyle errors) and
 * syntax errors count as errors. Without violation lines, `Found N error(s)` gives the count and
 * `All checks passed!` means zero.
 */
export function parseRuff(output: string): LintCounts | undefined {
  let violations = 0;
  let errors = 0;
  for (const m of output.matchAll(RUFF_LINE)) {
    violations++;
    if (m[2] || m[1]!.startsWith('E')) errors++;
  }
  if (violations > 0) return { violations, errors, warnings: violations - errors, linter: 'ruff' };
  const found = /^Found (\d+) errors?\b/m.exec(output);
  if (found) return { violations: Number(found[1]), errors: 0, warnings: Number(found[1]), linter: 'ruff' };
  if (/All checks passed!/.test(output)) return { violations: 0, errors: 0, warnings: 0, linter: 'ruff' };
  return undefined;
}

/**
 * eslint (stylish output): `✖ 3 problems (2 errors, 1 warning)`; without the summary, the
 * `  1:7  error  message  rule` lines are counted. No output at all means no problems.
 */
export function parseEslint(output: string): LintCounts | undefined {
  const summary = /(\d+) problems? \((\d+) errors?, (\d+) warnings?\)/.exec(output);
  if (summary) return { violations: Number(summary[1]), errors: Number(summary[2]), warnings: Number(summary[3]), linter: 'eslint' };
  let errors = 0;
  let warnings = 0;
  for (const m of output.matchAll(/^\s+\d+:\d+\s+(error|warning)\s/gm)) {
    if (m[1] === 'error') errors++;
    else warnings++;
  }
  if (errors + warnings > 0) return { violations: errors + warnings, errors, warnings, linter: 'eslint' };
  return output.trim() === '' ? { violations: 0, errors: 0, warnings: 0, linter: 'eslint' } : undefined;
}
