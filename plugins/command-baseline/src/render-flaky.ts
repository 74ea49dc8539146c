import type { FlakyTest } from './flaky.js';
import { interval, oneLine, percent, styles, table } from './format.js';

/** The "Flaky tests" section: one line per test with its pass rate and Wilson interval ('' when none). */
export function renderFlaky(flaky: readonly FlakyTest[], options: { color: boolean; showAgent: boolean; title?: string }): string {
  if (!flaky.length) return '';
  const s = styles(options.color);
  const rows = flaky.map((f) => [
    oneLine(f.test_id),
    oneLine(f.test_name) + (options.showAgent ? ` [${oneLine(f.agent)}]` : ''),
    s.yellow(`pass rate ${percent(f.pass_rate)}`),
    `(${f.passed_runs}/${f.total_runs} runs)`,
    `95% CI ${interval(f.pass_rate_ci95, 1, true)}`,
  ]);
  return `\n${s.bold(options.title ?? 'Flaky tests (runs disagree on pass/fail)')}\n${table(rows, ['left', 'left', 'left', 'left', 'left'])}`;
}
