import type { ATPEvent, JobInfo, JobResult } from '@atp/kernel';
import { cachedCallCost, type PriceMatch, type PricingTable } from './pricing.js';
import { usageFromEvaluations, usageFromEvent, type LlmUsage } from './usage.js';
import { parseUsd, sumUsd, ZERO_USD, type Usd } from './usd.js';

/** Where a cost came from: the agent's own calls, or an evaluator's (the LLM judge). */
export type CostSource = 'agent' | 'judge' | 'evaluator';

/** One priced LLM call (or a sum of calls), attributed to a job. */
export interface CostEvent {
  timestamp: string;
  jobId: string;
  testId: string;
  agent: string;
  run: number;
  source: CostSource;
  model: string;
  provider?: string;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  cost: Usd;
  /** How the price was found; `reported` when the producer gave the cost itself. */
  pricing: PriceMatch | 'reported';
}

/** What one finished job cost. */
export interface JobCost {
  jobId: string;
  testId: string;
  agent: string;
  run: number;
  agentCost: Usd;
  judgeCost: Usd;
  inputTokens: number;
  outputTokens: number;
  /** Where the agent's cost came from: its llm_request events, its response metrics, or nothing. */
  agentBasis: 'events' | 'metrics' | 'none';
  /** The `metrics.cost_usd` the agent reported, when it did (the figure the kernel's budget check uses). */
  reportedCost?: Usd;
  /** The job never finished (cancelled): only its streamed events are counted. */
  incomplete?: boolean;
}

/** The model id used for agent costs reported only as `metrics.cost_usd`, without llm_request events. */
export const UNATTRIBUTED_MODEL = '(unattributed)';

interface PendingJob {
  testId: string;
  agent: string;
  run: number;
  usages: Array<{ usage: LlmUsage; timestamp: string }>;
}

/**
 * Records the cost of a run, job by job: agent calls from `llm_request` events (or, when an agent
 * streams none, its `metrics.cost_usd`), evaluator calls from checks' `details.llm_usage`.
 */
export class CostTracker {
  readonly pricing: PricingTable;
  readonly events: CostEvent[] = [];
  readonly jobs: JobCost[] = [];
  readonly #pending = new Map<string, PendingJob>();
  readonly #warnings = new Map<string, string>();
  #total: Usd = ZERO_USD;

  constructor(pricing: PricingTable) {
    this.pricing = pricing;
  }

  /** Total cost so far. */
  get total(): Usd {
    return this.#total;
  }

  /** Warnings (unknown models, unpriced tokens), once each. */
  get warnings(): string[] {
    return [...this.#warnings.values()];
  }

  /** Record an ATP event streamed by a job; only `llm_request` events matter. */
  onEvent(event: ATPEvent, job: Pick<JobInfo, 'job'>): void {
    const usage = usageFromEvent(event);
    if (!usage) return;
    const pending = this.#pending.get(job.job.id) ?? { testId: job.job.testId, agent: job.job.agent, run: job.job.run, usages: [] };
    pending.usages.push({ usage, timestamp: event.timestamp });
    this.#pending.set(job.job.id, pending);
  }

  /** Close a job: price its agent calls and its evaluators' calls. Returns the job's cost. */
  onEvaluated(result: JobResult): JobCost {
    const pending = this.#pending.get(result.jobId);
    this.#pending.delete(result.jobId);
    const now = new Date().toISOString();
    const base = { jobId: result.jobId, testId: result.testId, agent: result.agent, run: result.run };
    const agentEvents: CostEvent[] = [];
    let agentBasis: JobCost['agentBasis'] = 'none';
    const metrics = result.response.metrics;
    const reported = typeof metrics?.cost_usd === 'number' ? parseUsd(metrics.cost_usd) : undefined;
    if (pending?.usages.length) {
      agentBasis = 'events';
      for (const { usage, timestamp } of pending.usages) agentEvents.push(this.#price(usage, { ...base, timestamp, source: 'agent' }));
    } else if (reported !== undefined) {
      agentBasis = 'metrics';
      agentEvents.push({
        ...base,
        timestamp: now,
        source: 'agent',
        model: UNATTRIBUTED_MODEL,
        calls: metrics?.llm_calls ?? 0,
        inputTokens: metrics?.input_tokens ?? 0,
        outputTokens: metrics?.output_tokens ?? 0,
        cost: reported,
        pricing: 'reported',
      });
    } else if ((metrics?.input_tokens ?? 0) + (metrics?.output_tokens ?? 0) > 0) {
      this.#warn('tokens-without-model', 'some agents reported token counts without a model or cost_usd: those tokens are counted at $0 (emit llm_request events with a model, or report metrics.cost_usd)');
      agentEvents.push({
        ...base,
        timestamp: now,
        source: 'agent',
        model: UNATTRIBUTED_MODEL,
        calls: metrics?.llm_calls ?? 0,
        inputTokens: metrics?.input_tokens ?? 0,
        outputTokens: metrics?.output_tokens ?? 0,
        cost: ZERO_USD,
        pricing: 'unknown',
      });
      agentBasis = 'metrics';
    }
    const evaluatorEvents = usageFromEvaluations(result.evaluations).map((u) =>
      this.#price(u, { ...base, timestamp: now, source: u.role === 'judge' ? 'judge' : 'evaluator' }),
    );
    this.events.push(...agentEvents, ...evaluatorEvents);
    const job: JobCost = {
      ...base,
      agentCost: sumUsd(agentEvents.map((e) => e.cost)),
      judgeCost: sumUsd(evaluatorEvents.map((e) => e.cost)),
      inputTokens: [...agentEvents, ...evaluatorEvents].reduce((s, e) => s + e.inputTokens, 0),
      outputTokens: [...agentEvents, ...evaluatorEvents].reduce((s, e) => s + e.outputTokens, 0),
      agentBasis,
      ...(reported !== undefined ? { reportedCost: reported } : {}),
    };
    this.jobs.push(job);
    this.#total += job.agentCost + job.judgeCost;
    return job;
  }

  /** Count the streamed calls of jobs that never finished (cancelled by Ctrl-C); call at the end of a run. */
  flushIncomplete(): void {
    for (const [jobId, pending] of this.#pending) {
      const base = { jobId, testId: pending.testId, agent: pending.agent, run: pending.run };
      const events = pending.usages.map(({ usage, timestamp }) => this.#price(usage, { ...base, timestamp, source: 'agent' }));
      this.events.push(...events);
      const cost = sumUsd(events.map((e) => e.cost));
      this.jobs.push({
        ...base,
        agentCost: cost,
        judgeCost: ZERO_USD,
        inputTokens: events.reduce((s, e) => s + e.inputTokens, 0),
        outputTokens: events.reduce((s, e) => s + e.outputTokens, 0),
        agentBasis: 'events',
        incomplete: true,
      });
      this.#total += cost;
    }
    this.#pending.clear();
  }

  #price(usage: LlmUsage, at: Omit<CostEvent, 'model' | 'provider' | 'calls' | 'inputTokens' | 'outputTokens' | 'cost' | 'pricing'>): CostEvent {
    const calls = usage.calls ?? 1;
    if (usage.cost_usd !== undefined) {
      return { ...at, model: usage.model, ...(usage.provider ? { provider: usage.provider } : {}), calls, inputTokens: usage.input_tokens, outputTokens: usage.output_tokens, cost: parseUsd(usage.cost_usd), pricing: 'reported' };
    }
    const found = this.pricing.lookup(usage.model, usage.provider);
    if (found.match === 'unknown') {
      this.#warn(`unknown:${usage.model}`, `no price for model "${usage.model}"${found.provider ? ` (provider ${found.provider})` : ''}: its calls are counted at $0 — add it to the pricing table (pricing.models in the @atp/cost options)`);
    }
    return {
      ...at,
      model: usage.model,
      ...(found.provider ? { provider: found.provider } : {}),
      calls,
      inputTokens: usage.input_tokens,
      outputTokens: usage.output_tokens,
      cost: cachedCallCost(found.rate, found.provider, { input: usage.input_tokens, output: usage.output_tokens, cacheRead: usage.cache_read_tokens ?? 0, cacheWrite: usage.cache_creation_tokens ?? 0 }),
      pricing: found.match,
    };
  }

  #warn(key: string, message: string): void {
    if (!this.#warnings.has(key)) this.#warnings.set(key, message);
  }
}
