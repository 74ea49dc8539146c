/** Console rendering of an agent comparison: ranking, overall pairs, per-test tables, flaky tests. */
import type { AgentComparison, AgentPair } from './compare-agents.js';
import { interval, num, oneLine, percent, pValue, signed, styles, table, type Styles } from './format.js';
import { renderFlaky } from './render-flaky.js';

function pairRows(pairs: readonly AgentPair[], s: Styles): string[][] {
  return pairs.map((p) => [
    `${oneLine(p.a)} vs ${oneLine(p.b)}`,
    signed(p.delta),
    interval(p.ci95_of_delta),
    pValue(p.p_value),
    pValue(p.p_adjusted),
    num(p.effect_size),
    p.better ? s.green(`${oneLine(p.better)} better`) : p.method === 'none' ? 'not comparable' : 'no significant difference',
  ]);
}

const METHODS: Record<AgentPair['method'], string> = {
  welch: "Welch's t-test on the run scores",
  stratified: "Welch's t-test over the tests, each test weighing the same",
  paired: 'paired t-test over the per-test mean scores (one run per test)',
  none: 'no common scored tests',
};

const PAIR_HEADER = ['pair', 'Δ (a − b)', '95% CI of Δ', 'p', 'p (Holm)', 'effect', 'verdict'];
const PAIR_ALIGN = ['left', 'right', 'left', 'right', 'right', 'right', 'left'] as const;

/** The comparison as console text. */
export function renderAgentComparison(c: AgentComparison, options: { color: boolean }): string {
  const s = styles(options.color);
  const out: string[] = [];
  out.push(s.bold(`Agent comparison — suite "${oneLine(c.suite_name)}", ${c.agents.length} agent${c.agents.length === 1 ? '' : 's'}, ${c.runs_per_test} run${c.runs_per_test === 1 ? '' : 's'} per test, α = ${c.alpha}`));
  if (c.agents.length < 2) out.push('Only one agent ran: nothing to compare (run with --agent a --agent b).');
  out.push('', s.bold('Ranking'));
  out.push(
    table(
      [
        ['#', 'agent', 'mean score', '95% CI', 'pass rate', '95% CI (Wilson)', 'runs', 'beats'],
        ...c.overall.ranking.map((r) => [
          String(r.rank),
          oneLine(r.agent),
          num(r.mean_score),
          interval(r.ci95),
          percent(r.success_rate),
          interval(r.success_ci95, 1, true),
          `${r.passed_runs}/${r.total_runs}`,
          r.beats.length ? r.beats.map(oneLine).join(', ') : '—',
        ]),
      ],
      ['right', 'left', 'right', 'left', 'right', 'left', 'right', 'left'],
    ).trimEnd(),
  );
  if (c.overall.pairs.length) {
    out.push('', s.bold('Overall differences') + s.dim(` (${METHODS[c.overall.pairs[0]!.method]})`));
    out.push(table([PAIR_HEADER, ...pairRows(c.overall.pairs, s)], PAIR_ALIGN).trimEnd());
  }
  out.push('', s.bold('Per test'));
  for (const t of c.tests) {
    out.push(`  ${oneLine(t.test_id)} ${s.dim(oneLine(t.test_name))}${t.best && t.agents.length > 1 ? `  best: ${oneLine(t.best)}` : ''}`);
    out.push(
      table(
        [
          ['agent', 'mean', 'sd', '95% CI', 'pass rate', '95% CI (Wilson)', 'runs'],
          ...t.agents.map((a) => [
            oneLine(a.agent) + (a.flaky ? ` ${s.yellow('flaky')}` : ''),
            num(a.mean),
            num(a.std),
            interval(a.ci95),
            percent(a.success_rate),
            interval(a.success_ci95, 1, true),
            `${a.passed_runs}/${a.total_runs}`,
          ]),
        ],
        ['left', 'right', 'right', 'left', 'right', 'left', 'right'],
        '    ',
      ).trimEnd(),
    );
    if (t.pairs.length) out.push(table([PAIR_HEADER, ...pairRows(t.pairs, s)], PAIR_ALIGN, '    ').trimEnd());
  }
  return `${out.join('\n')}\n${renderFlaky(c.flaky_tests, { color: options.color, showAgent: true })}`;
}
