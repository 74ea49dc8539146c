import type { CostEvent, CostTracker } from './tracker.js';
import { displayUsd, formatUsd, parseUsd, sumUsd, usdToNumber, type Usd } from './usd.js';

/** Totals of one group (a test, an agent, a model). */
export interface CostGroup {
  cost_usd: number;
  input_tokens: number;
  output_tokens: number;
  calls: number;
}

/** The run budget state. */
export interface BudgetState {
  limit_usd: number;
  spent_usd: number;
  exceeded: boolean;
  /** The job after which the spend reached the limit. */
  exhausted_after_job?: string;
  /** Jobs that were already in flight when the budget ran out and finished after (parallel runs). */
  jobs_after_exhaustion: number;
}

/** The cost summary of a run, as written to `cost.json` and given to the `cost` reporter. */
export interface CostSummary {
  version: 1;
  run_id: string;
  currency: 'USD';
  total_usd: number;
  /** The exact total as a decimal string (18 places). */
  total_usd_exact: string;
  agent_usd: number;
  judge_usd: number;
  input_tokens: number;
  output_tokens: number;
  jobs: number;
  by_test: Array<CostGroup & { test_id: string }>;
  by_agent: Array<CostGroup & { agent: string }>;
  by_model: Array<CostGroup & { model: string; provider?: string; source: string; pricing: string }>;
  job_costs: Array<{
    job_id: string;
    test_id: string;
    agent: string;
    run: number;
    agent_usd: number;
    judge_usd: number;
    input_tokens: number;
    output_tokens: number;
    agent_basis: string;
    reported_cost_usd?: number;
    incomplete?: boolean;
  }>;
  budget?: BudgetState;
  warnings: string[];
}

function group<K extends string>(events: readonly CostEvent[], keyOf: (e: CostEvent) => K): Map<K, { events: CostEvent[] }> {
  const out = new Map<K, { events: CostEvent[] }>();
  for (const e of events) {
    const k = keyOf(e);
    const g = out.get(k) ?? { events: [] };
    g.events.push(e);
    out.set(k, g);
  }
  return out;
}

function totals(events: readonly CostEvent[]): CostGroup & { exact: Usd } {
  const exact = sumUsd(events.map((e) => e.cost));
  return {
    exact,
    cost_usd: usdToNumber(exact),
    input_tokens: events.reduce((s, e) => s + e.inputTokens, 0),
    output_tokens: events.reduce((s, e) => s + e.outputTokens, 0),
    calls: events.reduce((s, e) => s + e.calls, 0),
  };
}

const strip = <T extends { exact: Usd }>(t: T): Omit<T, 'exact'> => {
  const { exact: _exact, ...rest } = t;
  return rest;
};

/** Build the summary of what the tracker recorded. */
export function summarize(runId: string, tracker: CostTracker, budget?: BudgetState): CostSummary {
  const all = tracker.events;
  const agentCost = sumUsd(all.filter((e) => e.source === 'agent').map((e) => e.cost));
  const judgeCost = sumUsd(all.filter((e) => e.source !== 'agent').map((e) => e.cost));
  const total = agentCost + judgeCost;
  const byCost = <T extends { cost_usd: number }>(a: T, b: T): number => b.cost_usd - a.cost_usd;
  return {
    version: 1,
    run_id: runId,
    currency: 'USD',
    total_usd: usdToNumber(total),
    total_usd_exact: formatUsd(total, 18),
    agent_usd: usdToNumber(agentCost),
    judge_usd: usdToNumber(judgeCost),
    input_tokens: all.reduce((s, e) => s + e.inputTokens, 0),
    output_tokens: all.reduce((s, e) => s + e.outputTokens, 0),
    jobs: tracker.jobs.length,
    by_test: [...group(all, (e) => e.testId)].map(([test_id, g]) => ({ test_id, ...strip(totals(g.events)) })).sort(byCost),
    by_agent: [...group(all, (e) => e.agent)].map(([agent, g]) => ({ agent, ...strip(totals(g.events)) })).sort(byCost),
    by_model: [...group(all, (e) => `${e.source}\u0000${e.provider ?? ''}\u0000${e.model}`)]
      .map(([, g]) => {
        const first = g.events[0]!;
        const pricings = [...new Set(g.events.map((e) => e.pricing))];
        return { model: first.model, ...(first.provider ? { provider: first.provider } : {}), source: first.source, pricing: pricings.join(','), ...strip(totals(g.events)) };
      })
      .sort(byCost),
    job_costs: tracker.jobs.map((j) => ({
      job_id: j.jobId,
      test_id: j.testId,
      agent: j.agent,
      run: j.run,
      agent_usd: usdToNumber(j.agentCost),
      judge_usd: usdToNumber(j.judgeCost),
      input_tokens: j.inputTokens,
      output_tokens: j.outputTokens,
      agent_basis: j.agentBasis,
      ...(j.reportedCost !== undefined ? { reported_cost_usd: usdToNumber(j.reportedCost) } : {}),
      ...(j.incomplete ? { incomplete: true } : {}),
    })),
    ...(budget ? { budget } : {}),
    warnings: tracker.warnings,
  };
}

const n = (v: number): string => v.toLocaleString('en-US');
const usd = (v: number): string => displayUsd(parseUsd(Math.max(0, v).toFixed(12)));

/** One line: `cost: $0.0123 (agent $0.01, judge $0.0023; 1,234 in / 567 out tokens)`. */
export function summaryLine(s: CostSummary): string {
  return `cost: ${usd(s.total_usd)} (agent ${usd(s.agent_usd)}, judge ${usd(s.judge_usd)}; ${n(s.input_tokens)} input / ${n(s.output_tokens)} output tokens, ${s.jobs} job${s.jobs === 1 ? '' : 's'})`;
}

function table(headers: string[], rows: string[][]): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(headers), ...rows.map(line)];
}

/** The full text summary: totals, then per model, per test and per agent tables, budget and warnings. */
export function renderSummary(s: CostSummary): string {
  const out: string[] = [`Cost of run ${s.run_id}`, `  ${summaryLine(s)}`];
  if (s.by_model.length) {
    out.push('', 'By model:');
    out.push(...table(['model', 'source', 'calls', 'input', 'output', 'cost', 'pricing'], s.by_model.map((m) => [m.provider ? `${m.provider}/${m.model}` : m.model, m.source, n(m.calls), n(m.input_tokens), n(m.output_tokens), usd(m.cost_usd), m.pricing])).map((l) => `  ${l}`));
  }
  if (s.by_test.length) {
    out.push('', 'By test:');
    out.push(...table(['test', 'input', 'output', 'cost'], s.by_test.map((t) => [t.test_id, n(t.input_tokens), n(t.output_tokens), usd(t.cost_usd)])).map((l) => `  ${l}`));
  }
  if (s.by_agent.length > 1) {
    out.push('', 'By agent:');
    out.push(...table(['agent', 'input', 'output', 'cost'], s.by_agent.map((a) => [a.agent, n(a.input_tokens), n(a.output_tokens), usd(a.cost_usd)])).map((l) => `  ${l}`));
  }
  if (s.budget) {
    const b = s.budget;
    out.push('', b.exceeded
      ? `Budget: ${usd(b.limit_usd)} exhausted after job ${b.exhausted_after_job ?? '?'} (spent ${usd(b.spent_usd)}; ${b.jobs_after_exhaustion} job${b.jobs_after_exhaustion === 1 ? '' : 's'} finished after that)`
      : `Budget: ${usd(b.spent_usd)} of ${usd(b.limit_usd)} spent`);
  }
  for (const w of s.warnings) out.push(`warning: ${w}`);
  return out.join('\n') + '\n';
}
