/** Console rendering of a baseline comparison and of a saved baseline. */
import type { BaselineComparison, ChangeType, ScoreSummary } from './baseline-compare.js';
import type { BaselineFile } from './baseline-format.js';
import { interval, num, oneLine, percent, pValue, signed, styles, table, type Styles } from './format.js';
import { renderFlaky } from './render-flaky.js';

const LABELS: Record<ChangeType, string> = {
  regression: 'regression',
  improvement: 'improvement',
  no_change: 'no change',
  new_test: 'new',
  removed_test: 'removed',
};

function styled(s: Styles, type: ChangeType): string {
  const label = LABELS[type];
  return type === 'regression' ? s.red(label) : type === 'improvement' ? s.green(label) : type === 'no_change' ? label : s.yellow(label);
}

const side = (x: ScoreSummary | undefined): string => (x ? `${num(x.mean)} ±${num(x.std)} (n=${x.n_runs})` : '—');
const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

/** The comparison as a console table, its summary line and the flaky tests. */
export function renderComparison(c: BaselineComparison, options: { color: boolean }): string {
  const s = styles(options.color);
  const head = [
    s.bold(`Baseline comparison — suite "${oneLine(c.suite_name)}", agent "${oneLine(c.agent_name)}"`),
    `Baseline of ${c.baseline_created_at} (agent "${oneLine(c.baseline_agent_name)}"); Welch's t-test on per-run scores, exact p-values, α = ${c.alpha}${c.min_delta ? `, minimum change ${c.min_delta} points` : ''}`,
    '',
  ].join('\n');
  const rows: string[][] = [['test', 'change', 'baseline mean ±sd', 'current mean ±sd', 'Δ', 'Δ%', '95% CI of Δ', 'p', 'g']];
  for (const x of c.comparisons) {
    rows.push([
      `${oneLine(x.test_id)} ${s.dim(oneLine(x.test_name))}`,
      styled(s, x.change_type),
      side(x.baseline),
      side(x.current),
      x.delta === undefined ? '—' : signed(x.delta),
      x.delta_percent === undefined || x.delta_percent === null ? '—' : `${signed(x.delta_percent, 1)}%`,
      interval(x.statistics?.ci_95_of_delta),
      pValue(x.statistics?.p_value),
      num(x.statistics?.effect_size),
    ]);
  }
  const sum = c.summary;
  const summary = [
    sum.regressions ? s.red(plural(sum.regressions, 'regression')) : plural(0, 'regression'),
    sum.improvements ? s.green(plural(sum.improvements, 'improvement')) : plural(0, 'improvement'),
    `${sum.no_changes} unchanged`,
    `${sum.new_tests} new`,
    `${sum.removed_tests} removed`,
  ].join(', ');
  const notes = c.comparisons.filter((x) => x.note).map((x) => `  ${oneLine(x.test_id)}: ${x.note}`);
  return `${head}${table(rows, ['left', 'left', 'right', 'right', 'right', 'right', 'left', 'right', 'right'])}${notes.length ? `\n${notes.join('\n')}\n` : ''}\nSummary: ${summary}\n${renderFlaky(c.flaky_tests, { color: options.color, showAgent: false })}`;
}

/** What `baseline save` prints: one line per test with its mean, CI and success rate. */
export function renderBaseline(b: BaselineFile, file: string, options: { color: boolean }): string {
  const s = styles(options.color);
  const rows: string[][] = [['test', 'mean', 'sd', '95% CI', 'runs', 'success']];
  for (const t of Object.values(b.tests)) {
    rows.push([`${oneLine(t.test_id)} ${s.dim(oneLine(t.test_name))}`, num(t.mean_score), num(t.std), interval(t.ci_95), String(t.n_runs), percent(t.success_rate)]);
  }
  return `${s.bold(`Baseline of suite "${oneLine(b.suite_name)}", agent "${oneLine(b.agent_name)}", ${b.runs_per_test} runs per test`)}\n${table(rows, ['left', 'right', 'right', 'left', 'right', 'right'])}Saved to ${file}\n`;
}
