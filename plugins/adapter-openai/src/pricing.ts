/**
 * A small built-in price list for the cost metric of OpenAI models (USD per 1K tokens, reference §7.5).
 * @atp/cost owns the full, user-overridable pricing table; this one only lets the adapter report
 * `cost_usd` on its own. The agent's `pricing` config overrides it. Lookup and cost are @atp/llm-agent-core's.
 */
import type { Price } from '@atp/llm-agent-core';

export { costUsd, findPrice, type Price } from '@atp/llm-agent-core';

/** Built-in prices, keyed by model id (dated variants such as `gpt-4o-2024-08-06` match their base id). */
export const OPENAI_PRICES: Readonly<Record<string, Price>> = Object.freeze({
  'gpt-4o': { input_per_1k: 0.0025, output_per_1k: 0.01 },
  'gpt-4o-mini': { input_per_1k: 0.00015, output_per_1k: 0.0006 },
  'gpt-4-turbo': { input_per_1k: 0.01, output_per_1k: 0.03 },
  'gpt-4': { input_per_1k: 0.03, output_per_1k: 0.06 },
  'gpt-3.5-turbo': { input_per_1k: 0.0005, output_per_1k: 0.0015 },
  o1: { input_per_1k: 0.015, output_per_1k: 0.06 },
  'o1-mini': { input_per_1k: 0.003, output_per_1k: 0.012 },
  'o1-pro': { input_per_1k: 0.15, output_per_1k: 0.6 },
});
