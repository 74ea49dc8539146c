import type { ATPEvent, EvalResult, JobResult } from '@atp/kernel';
import { silentLogger } from '@atp/kernel';
import { describe, expect, it } from 'vitest';
import { CostRun } from '../src/cost-run.js';
import { PricingTable } from '../src/pricing.js';
import { summarize } from '../src/summary.js';
import { CostTracker, UNATTRIBUTED_MODEL } from '../src/tracker.js';
import { formatUsd, parseUsd } from '../src/usd.js';

const job = (testId: string, run = 1, agent = 'bot') => ({ job: { id: `${testId}::${agent}::${run}`, testId, agent, run } });
const llm = (payload: Record<string, unknown>): ATPEvent => ({ version: '1.0', task_id: 't', timestamp: '2026-01-05T09:00:00Z', sequence: 0, event_type: 'llm_request', payload });
const result = (testId: string, metrics: Record<string, number> | null, evaluations: EvalResult[] = [], run = 1, agent = 'bot'): JobResult => ({
  jobId: `${testId}::${agent}::${run}`,
  testId,
  agent,
  run,
  taskId: 't',
  status: 'completed',
  startedAt: '2026-01-05T09:00:00Z',
  durationMs: 1,
  attempts: 1,
  response: { status: 'completed', metrics: metrics as JobResult['response']['metrics'], error: null, trace_id: null, artifactCount: 0 },
  eventCount: 0,
  evaluations,
  score: 100,
  passed: true,
});
const judged = (usage: unknown[]): EvalResult => ({
  assertion: 'llm_eval',
  type: 'llm_eval',
  passed: true,
  score: 0.9,
  critical: false,
  checks: [{ name: 'llm_eval', passed: true, score: 0.9, details: { llm_usage: usage } }],
});

describe('CostTracker', () => {
  it('prices llm_request events per model and ignores other events', () => {
    const t = new CostTracker(PricingTable.builtIn());
    t.onEvent(llm({ model: 'gpt-4o-mini', input_tokens: 1000, output_tokens: 500 }), job('a'));
    t.onEvent(llm({ model: 'claude-3-5-haiku-20241022', input_tokens: 2000, output_tokens: 100 }), job('a'));
    t.onEvent({ ...llm({ tool: 'x' }), event_type: 'tool_call' }, job('a'));
    const cost = t.onEvaluated(result('a', { cost_usd: 9 }));
    // 0.00045 (gpt-4o-mini) + 0.002 (claude-3-5-haiku) = 0.00245; the reported 9 is kept for comparison only
    expect(formatUsd(cost.agentCost, 8)).toBe('0.00245000');
    expect(cost).toMatchObject({ agentBasis: 'events', reportedCost: parseUsd(9), inputTokens: 3000, outputTokens: 600 });
    expect(t.events.map((e) => [e.model, e.provider, e.pricing])).toEqual([
      ['gpt-4o-mini', 'openai', 'exact'],
      ['claude-3-5-haiku-20241022', 'anthropic', 'versioned'],
    ]);
  });

  it('reads the cache token counts of @atp/adapter-anthropic events and bills them at their multipliers', () => {
    const t = new CostTracker(PricingTable.builtIn());
    t.onEvent(llm({ model: 'claude-sonnet-4-20250514', provider: 'anthropic', input_tokens: 10_000, output_tokens: 100, cache_read_tokens: 6000, cache_creation_tokens: 2000 }), job('a'));
    expect(formatUsd(t.onEvaluated(result('a', null)).agentCost, 8)).toBe('0.01680000');
  });

  it('uses metrics.cost_usd when the agent streamed no llm_request event', () => {
    const t = new CostTracker(PricingTable.builtIn());
    const cost = t.onEvaluated(result('b', { cost_usd: 0.25, input_tokens: 10, output_tokens: 5, llm_calls: 2 }));
    expect(cost).toMatchObject({ agentCost: parseUsd('0.25'), agentBasis: 'metrics', inputTokens: 10, outputTokens: 5 });
    expect(t.events[0]).toMatchObject({ model: UNATTRIBUTED_MODEL, pricing: 'reported', calls: 2 });
  });

  it('prices judge usage from check details, or takes the cost the judge computed', () => {
    const t = new CostTracker(PricingTable.builtIn());
    const cost = t.onEvaluated(
      result('c', null, [judged([{ model: 'gpt-4o', provider: 'openai', input_tokens: 800, output_tokens: 100, calls: 2, role: 'judge' }, { model: 'x', input_tokens: 1, output_tokens: 1, cost_usd: 0.5, role: 'judge' }, { nope: true }])]),
    );
    // 800 × 0.0025/1K + 100 × 0.01/1K = 0.002 + 0.001 = 0.003, plus the reported 0.5
    expect(formatUsd(cost.judgeCost, 6)).toBe('0.503000');
    expect(cost.agentBasis).toBe('none');
    expect(t.events.map((e) => [e.source, e.calls, e.pricing])).toEqual([
      ['judge', 2, 'exact'],
      ['judge', 1, 'reported'],
    ]);
  });

  it('counts unknown models at $0 with one warning each, and tokens without a model with a warning', () => {
    const t = new CostTracker(PricingTable.builtIn());
    t.onEvent(llm({ model: 'llama3:8b', input_tokens: 100, output_tokens: 100 }), job('d'));
    t.onEvent(llm({ model: 'llama3:8b', input_tokens: 100, output_tokens: 100 }), job('d'));
    t.onEvaluated(result('d', null));
    t.onEvaluated(result('e', { input_tokens: 50, output_tokens: 50 }));
    expect(t.total).toBe(0n);
    expect(t.warnings).toEqual([
      'no price for model "llama3:8b": its calls are counted at $0 — add it to the pricing table (pricing.models in the @atp/cost options)',
      'some agents reported token counts without a model or cost_usd: those tokens are counted at $0 (emit llm_request events with a model, or report metrics.cost_usd)',
    ]);
  });

  it('counts the streamed calls of jobs that never finished', () => {
    const t = new CostTracker(PricingTable.builtIn());
    t.onEvent(llm({ model: 'gpt-4o', input_tokens: 1000, output_tokens: 0 }), job('f'));
    t.flushIncomplete();
    expect(t.jobs).toEqual([{ jobId: 'f::bot::1', testId: 'f', agent: 'bot', run: 1, agentCost: parseUsd('0.0025'), judgeCost: 0n, inputTokens: 1000, outputTokens: 0, agentBasis: 'events', incomplete: true }]);
  });
});

describe('summarize', () => {
  it('groups by test, agent and model, sorted by cost', () => {
    const t = new CostTracker(PricingTable.builtIn());
    t.onEvent(llm({ model: 'gpt-4o-mini', input_tokens: 1000, output_tokens: 500 }), job('a'));
    t.onEvaluated(result('a', null, [judged([{ model: 'gpt-4o', input_tokens: 400, output_tokens: 100, role: 'judge' }])]));
    t.onEvaluated(result('b', { cost_usd: 0.25 }, [], 1, 'other'));
    const s = summarize('run-1', t);
    expect(s).toMatchObject({ run_id: 'run-1', total_usd: 0.25245, agent_usd: 0.25045, judge_usd: 0.002, jobs: 2, input_tokens: 1400, output_tokens: 600 });
    expect(s.total_usd_exact).toBe('0.252450000000000000');
    expect(s.by_test).toEqual([
      { test_id: 'b', cost_usd: 0.25, input_tokens: 0, output_tokens: 0, calls: 0 },
      { test_id: 'a', cost_usd: 0.00245, input_tokens: 1400, output_tokens: 600, calls: 2 },
    ]);
    expect(s.by_agent.map((a) => [a.agent, a.cost_usd])).toEqual([
      ['other', 0.25],
      ['bot', 0.00245],
    ]);
    expect(s.by_model.map((m) => [m.source, m.model, m.cost_usd, m.pricing])).toEqual([
      ['agent', UNATTRIBUTED_MODEL, 0.25, 'reported'],
      ['judge', 'gpt-4o', 0.002, 'exact'],
      ['agent', 'gpt-4o-mini', 0.00045, 'exact'],
    ]);
  });
});

describe('CostRun budget', () => {
  it('stops the run through the kernel run control once spent reaches the budget', () => {
    const reasons: string[] = [];
    const r = new CostRun('r', { pricing: PricingTable.builtIn(), budget: parseUsd('0.3'), printSummary: false, logger: silentLogger, cwd: '/', control: { stop: (reason) => reasons.push(reason), stopped: false } });
    r.onEvaluated(result('a', { cost_usd: 0.2 }));
    expect(reasons).toEqual([]);
    r.onEvaluated(result('b', { cost_usd: 0.1 }));
    // a job that was already in flight when the budget ran out
    r.onEvaluated(result('c', { cost_usd: 0.1 }));
    expect(reasons).toEqual(['run budget of $0.30 exhausted after job b::bot::1 (spent $0.30): no new jobs were started']);
    expect(r.budgetState()).toEqual({ limit_usd: 0.3, spent_usd: 0.4, exceeded: true, exhausted_after_job: 'b::bot::1', jobs_after_exhaustion: 1 });
  });
});
