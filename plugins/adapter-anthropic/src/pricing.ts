/**
 * A small built-in price list for the cost metric of Anthropic models (USD per 1K tokens, reference §7.5).
 * @atp/cost owns the full, user-overridable pricing table; this one only lets the adapter report
 * `cost_usd` on its own. The agent's `pricing` config overrides it.
 */

/** USD per 1,000 tokens. */
export interface Price {
  input_per_1k: number;
  output_per_1k: number;
}

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

/**
 * The price of `model`: an exact id, else the longest id the model starts with followed by `-`
 * (`claude-sonnet-4-20250514` → `claude-sonnet-4`), also after a `vendor/` prefix.
 */
export function findPrice(model: string, table: Readonly<Record<string, Price>>): Price | undefined {
  for (const candidate of [model, model.slice(model.lastIndexOf('/') + 1)]) {
    const exact = table[candidate];
    if (exact) return exact;
    let best: string | undefined;
    for (const id of Object.keys(table)) {
      if (candidate.startsWith(`${id}-`) && (!best || id.length > best.length)) best = id;
    }
    if (best) return table[best];
  }
  return undefined;
}

/** Token counts of one call: `input` holds every prompt token, cache reads and writes included. */
export interface CostTokens {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}

/** Cost in USD of one call, cache tokens at their multipliers (rounded to 1e-10 to drop float noise). */
export function costUsd(price: Price, tokens: CostTokens): number {
  const uncached = Math.max(0, tokens.input - tokens.cacheRead - tokens.cacheWrite);
  const input = uncached + tokens.cacheWrite * CACHE_WRITE_MULTIPLIER + tokens.cacheRead * CACHE_READ_MULTIPLIER;
  return Math.round(((input * price.input_per_1k + tokens.output * price.output_per_1k) / 1000) * 1e10) / 1e10;
}
