/**
 * Prices of models for the `cost_usd` metric (USD per 1K tokens, reference §7.5). Each adapter keeps its
 * provider's small built-in table; @atp/cost owns the full, user-overridable one.
 */

/** USD per 1,000 tokens. */
export interface Price {
  input_per_1k: number;
  output_per_1k: number;
}

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
