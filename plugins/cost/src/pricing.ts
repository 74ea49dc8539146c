import builtIn from './pricing-data.json' with { type: 'json' };
import type { PricingOverrides } from './pricing-schema.js';
import { parseUsd, tokenCost, type Usd } from './usd.js';

/** Input and output prices in USD per 1,000 tokens. */
export interface Rate {
  input: Usd;
  output: Usd;
}

/** A model's entry in the table. */
export interface ModelPrice extends Rate {
  provider?: string;
  name?: string;
}

/**
 * How a price was found: the model's own entry, its `azure/` twin, the entry of a dated or versioned
 * variant's base id (`gpt-4o-2024-08-06` → `gpt-4o`), the provider's default, or nothing (priced at 0).
 */
export type PriceMatch = 'exact' | 'azure' | 'versioned' | 'provider_default' | 'unknown';

/** The result of a price lookup. */
export interface PriceLookup {
  model: string;
  rate: Rate;
  match: PriceMatch;
  /** The table key that matched (absent for provider defaults and unknown models). */
  key?: string;
  /** The provider given or inferred (absent when unknown). */
  provider?: string;
}

interface TableData {
  models: Record<string, { input_per_1k: number | string; output_per_1k: number | string; name?: string; provider?: string }>;
  provider_defaults: Record<string, { input_per_1k: number | string; output_per_1k: number | string }>;
}

const AZURE_PREFIX = 'azure/';

/** Guess a model's provider from its id (`claude-…` → anthropic, `anthropic.…` → bedrock, …). */
export function inferProvider(model: string): string | undefined {
  const m = model.trim().toLowerCase();
  if (m.startsWith(AZURE_PREFIX)) return 'azure';
  if (/^(?:[a-z]{2}\.)?(?:anthropic|amazon|meta|mistral|cohere|ai21)\./.test(m)) return 'bedrock';
  if (m.startsWith('claude')) return 'anthropic';
  if (/^(?:gpt|o\d|chatgpt|text-|davinci|babbage)/.test(m)) return 'openai';
  if (m.startsWith('gemini')) return 'google';
  return undefined;
}

/** The table of model prices: the built-in list of reference §7.5 with user overrides merged in. */
export class PricingTable {
  readonly #models: Map<string, ModelPrice>;
  readonly #providers: Map<string, Rate>;

  private constructor(models: Map<string, ModelPrice>, providers: Map<string, Rate>) {
    this.#models = models;
    this.#providers = providers;
  }

  /** The table shipped with @atp/cost (pricing-data.json). */
  static builtIn(): PricingTable {
    return PricingTable.empty().withOverrides(builtIn as TableData);
  }

  /** A table without any price. */
  static empty(): PricingTable {
    return new PricingTable(new Map(), new Map());
  }

  /** A new table with `overrides` merged over this one (models and provider defaults replace by key). */
  withOverrides(overrides: PricingOverrides | TableData): PricingTable {
    const models = new Map(this.#models);
    const providers = new Map(this.#providers);
    for (const [key, p] of Object.entries(overrides.models ?? {})) {
      const price: ModelPrice = { input: parseUsd(p.input_per_1k), output: parseUsd(p.output_per_1k) };
      const provider = p.provider ?? inferProvider(key);
      if (provider) price.provider = provider;
      if (p.name) price.name = p.name;
      models.set(key, price);
    }
    for (const [key, p] of Object.entries(overrides.provider_defaults ?? {})) {
      providers.set(key.toLowerCase(), { input: parseUsd(p.input_per_1k), output: parseUsd(p.output_per_1k) });
    }
    return new PricingTable(models, providers);
  }

  /** Model ids in the table, sorted. */
  modelIds(): string[] {
    return [...this.#models.keys()].sort();
  }

  /** The entry of exactly `model`, if any. */
  get(model: string): ModelPrice | undefined {
    return this.#models.get(model);
  }

  /** The default rate of a provider, if any. */
  providerDefault(provider: string): Rate | undefined {
    return this.#providers.get(provider.toLowerCase());
  }

  /**
   * Find the price of `model`: exact id → `azure/<model>` (or the bare id of an `azure/` model) →
   * the longest table id the model extends with `-…` or `:…` (dated/versioned ids) → the default of
   * `provider` (given, else inferred from the id) → zero with match `unknown`.
   */
  lookup(model: string, provider?: string): PriceLookup {
    const id = model.trim();
    const given = provider?.trim().toLowerCase() || undefined;
    const hit = (key: string, match: PriceMatch): PriceLookup => {
      const price = this.#models.get(key)!;
      const p = given ?? (id.startsWith(AZURE_PREFIX) ? 'azure' : (price.provider ?? inferProvider(key)));
      return { model: id, rate: { input: price.input, output: price.output }, match, key, ...(p ? { provider: p } : {}) };
    };
    if (this.#models.has(id)) return hit(id, 'exact');
    const azureTwin = id.startsWith(AZURE_PREFIX) ? id.slice(AZURE_PREFIX.length) : `${AZURE_PREFIX}${id}`;
    if ((given === undefined || given === 'azure' || id.startsWith(AZURE_PREFIX)) && this.#models.has(azureTwin)) return hit(azureTwin, 'azure');
    const base = this.#longestBase(id) ?? (given === 'azure' && !id.startsWith(AZURE_PREFIX) ? this.#longestBase(`${AZURE_PREFIX}${id}`) : undefined);
    if (base) return hit(base, 'versioned');
    const p = given ?? inferProvider(id);
    const fallback = p ? this.#providers.get(p) : undefined;
    if (p && fallback) return { model: id, rate: fallback, match: 'provider_default', provider: p };
    return { model: id, rate: { input: 0n, output: 0n }, match: 'unknown', ...(p ? { provider: p } : {}) };
  }

  #longestBase(id: string): string | undefined {
    let best: string | undefined;
    for (const key of this.#models.keys()) {
      if (id.length > key.length && id.startsWith(key) && (id[key.length] === '-' || id[key.length] === ':' || id[key.length] === '@')) {
        if (!best || key.length > best.length) best = key;
      }
    }
    return best;
  }
}

/** The cost of a call with `input`/`output` tokens at the looked-up rate. */
export function callCost(rate: Rate, inputTokens: number, outputTokens: number): Usd {
  return tokenCost(inputTokens, rate.input) + tokenCost(outputTokens, rate.output);
}

/** Providers whose prompt-cache tokens are billed at multipliers of the input price (reads 0.1×, writes 1.25×). */
export const CACHE_MULTIPLIER_PROVIDERS: ReadonlySet<string> = new Set(['anthropic', 'bedrock']);

/**
 * The cost of a call whose `input` tokens include cache reads and writes: Anthropic-style providers bill
 * reads at 0.1× and writes at 1.25× the input price; others are billed at the full input price (an upper
 * bound: OpenAI's cached-input discount is not applied).
 */
export function cachedCallCost(rate: Rate, provider: string | undefined, tokens: { input: number; output: number; cacheRead: number; cacheWrite: number }): Usd {
  if (!provider || !CACHE_MULTIPLIER_PROVIDERS.has(provider) || tokens.cacheRead + tokens.cacheWrite === 0) return callCost(rate, tokens.input, tokens.output);
  const uncached = Math.max(0, tokens.input - tokens.cacheRead - tokens.cacheWrite);
  // (uncached + 1.25·write + 0.1·read) × rate / 1000, in whole units: ×20 → 20·uncached + 25·write + 2·read.
  const weighted = 20n * BigInt(Math.round(uncached)) + 25n * BigInt(Math.round(tokens.cacheWrite)) + 2n * BigInt(Math.round(tokens.cacheRead));
  return (weighted * rate.input + 10_000n) / 20_000n + tokenCost(tokens.output, rate.output);
}
