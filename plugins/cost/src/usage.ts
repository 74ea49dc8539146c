import type { ATPEvent, EvalResult } from '@atp/kernel';

/**
 * One LLM usage record. Evaluators that call models (the LLM judge) put an array of these in a check's
 * `details.llm_usage`; agents report theirs as `llm_request` events. This is the whole interface
 * between @atp/cost and the plugins it prices: no package imports another.
 */
export interface LlmUsage {
  /** The model id as sent to the provider (`gpt-4o-mini`, `claude-sonnet-4-20250514`). */
  model: string;
  /** `openai`, `anthropic`, `azure`, `google`, `bedrock`, …; inferred from the model id when absent. */
  provider?: string;
  /** Every prompt token, cache reads and writes included. */
  input_tokens: number;
  output_tokens: number;
  /** Of the input tokens, those read from a prompt cache (Anthropic bills them at 0.1× the input price). */
  cache_read_tokens?: number;
  /** Of the input tokens, those written to a prompt cache (Anthropic bills them at 1.25× the input price). */
  cache_creation_tokens?: number;
  /** Number of calls this record sums up (default 1). */
  calls?: number;
  /** A cost the producer computed itself (explicit pricing); used as is instead of the table. */
  cost_usd?: number;
  /** Who made the calls (`judge`, `generator`); agent calls come from events. */
  role?: string;
}

/** The key of `EvalCheck.details` holding an `LlmUsage[]`. */
export const LLM_USAGE_DETAILS_KEY = 'llm_usage';

const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.round(v) : 0);
const amount = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Read one usage record leniently (unknown fields ignored); undefined when it has no model. */
export function toLlmUsage(value: unknown): LlmUsage | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const model = text(v.model);
  if (!model) return undefined;
  const usage: LlmUsage = { model, input_tokens: count(v.input_tokens), output_tokens: count(v.output_tokens) };
  const provider = text(v.provider);
  if (provider) usage.provider = provider;
  const cacheRead = count(v.cache_read_tokens);
  if (cacheRead) usage.cache_read_tokens = cacheRead;
  const cacheWrite = count(v.cache_creation_tokens);
  if (cacheWrite) usage.cache_creation_tokens = cacheWrite;
  const calls = count(v.calls);
  if (calls) usage.calls = calls;
  const cost = amount(v.cost_usd);
  if (cost !== undefined) usage.cost_usd = cost;
  const role = text(v.role);
  if (role) usage.role = role;
  return usage;
}

/** The usage of an `llm_request` event (its payload: model, input_tokens, output_tokens, provider?, cost_usd?). */
export function usageFromEvent(event: ATPEvent): LlmUsage | undefined {
  if (event.event_type !== 'llm_request') return undefined;
  const payload = event.payload as Record<string, unknown>;
  return toLlmUsage({ ...payload, model: text(payload.model) ?? 'unknown', role: 'agent' });
}

/** Every `details.llm_usage` record of a job's evaluations (judge calls and the like). */
export function usageFromEvaluations(evaluations: readonly EvalResult[]): LlmUsage[] {
  const out: LlmUsage[] = [];
  for (const e of evaluations) {
    for (const c of e.checks) {
      const list = c.details?.[LLM_USAGE_DETAILS_KEY];
      if (!Array.isArray(list)) continue;
      for (const item of list) {
        const u = toLlmUsage(item);
        if (u) out.push({ ...u, role: u.role ?? 'evaluator' });
      }
    }
  }
  return out;
}
