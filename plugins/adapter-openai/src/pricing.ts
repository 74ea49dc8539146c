/**
 * A small built-in price list for the cost metric of OpenAI models (USD per 1K tokens, reference §7.5).
 * @atp/cost owns the full, user-overridable pricing table; this one only lets the adapter report
 * `cost_usd` on its own. The agent's `pricing` config overrides it.
 */

/** USD per 1,000 tokens. */
export interface Price {
  input_per_1k: number;
  output_per_1k: number;
}

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

/**
 * The price of `model`: an exact id, else the longest id the model starts with followed by `-`
 * (`gpt-4o-mini-2024-07-18` → `gpt-4o-mini`, never `gpt-4`), also after a `vendor/` prefix.
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

/** Cost in USD of `inputTokens` prompt and `outputTokens` completion tokens (rounded to 1e-10 to drop float noise). */
export function costUsd(price: Price, inputTokens: number, outputTokens: number): number {
  return Math.round(((inputTokens * price.input_per_1k + outputTokens * price.output_per_1k) / 1000) * 1e10) / 1e10;
}
