/**
 * A small built-in price list for the cost metric of Anthropic models (USD per 1K tokens, reference §7.5).
 * @atp/cost owns the full, user-overridable pricing table; this one only lets the adapter report
 * `cost_usd` on its own. The agent's `pricing` config overrides it. Lookup is @atp/llm-agent-core's; the
 * cost of cached prompt tokens is Anthropic's own.
 */
import { costUsd as tokenCostUsd, type ModelUsage, type Price } from '@atp/llm-agent-core';

export { findPrice, type Price } from '@atp/llm-agent-core';

/** Built-in prices, keyed by model id (dated variants such as `claude-3-5-haiku-20241022` match their base id). */
export const ANTHROPIC_PRICES: Readonly<Record<string, Price>> = Object.freeze({
  'claude-opus-4-5': { input_per_1k: 0.015, output_per_1k: 0.075 },
  'claude-sonnet-4': { input_per_1k: 0.003, output_per_1k: 0.015 },
  'claude-3-5-sonnet': { input_per_1k: 0.003, output_per_1k: 0.015 },
  'claude-3-5-haiku': { input_per_1k: 0.0008, output_per_1k: 0.004 },
  'claude-3-opus': { input_per_1k: 0.015, output_per_1k: 0.075 },
  'claude-3-haiku': { input_per_1k: 0.00025, output_per_1k: 0.00125 },
});

/** Prompt-cache writes cost 1.25× the input price, cache reads 0.1× (Anthropic's published multipliers). */
export const CACHE_WRITE_MULTIPLIER = 1.25;
/** See {@link CACHE_WRITE_MULTIPLIER}. */
export const CACHE_READ_MULTIPLIER = 0.1;

/** Token counts of one call: `input` holds every prompt token, cache reads and writes included (the loop's usage). */
export type CostTokens = ModelUsage;

/** Cost in USD of one call, cache tokens at their multipliers (rounded to 1e-10 to drop float noise). */
export function costUsd(price: Price, tokens: CostTokens): number {
  const uncached = Math.max(0, tokens.input - tokens.cacheRead - tokens.cacheWrite);
  const input = uncached + tokens.cacheWrite * CACHE_WRITE_MULTIPLIER + tokens.cacheRead * CACHE_READ_MULTIPLIER;
  return tokenCostUsd(price, input, tokens.output);
}
