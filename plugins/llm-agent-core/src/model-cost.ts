/**
 * The `cost` of each model call for the agent loop: the agent's `pricing`, else the provider's built-in
 * price of the model the API answered with, else of the configured model; unknown prices are said once.
 */
import type { Logger } from '@atp/kernel';
import type { ModelTurn, ModelUsage } from './agent-loop.js';
import { findPrice, type Price } from './pricing.js';

/** What pricing a call needs. */
export interface ModelCostOptions {
  /** The agent's `pricing` config: when set, it prices every model. */
  pricing: Price | undefined;
  /** The provider's built-in prices. */
  prices: Readonly<Record<string, Price>>;
  /** The configured model id, priced when the id the API answers with is not in `prices`. */
  model: string;
  /** Cost in USD of one call's tokens at `price` (providers differ on cached tokens). */
  costOf(price: Price, usage: ModelUsage): number;
  logger: Logger;
  /** Say an unknown price as a warning (hosted services) rather than a debug line (local servers, where prices rarely apply). */
  warnUnknown: boolean;
}

/** The cost function of one agent: USD per model call, or undefined (logged once per model) when no price is known. */
export function modelCost(options: ModelCostOptions): (turn: ModelTurn) => number | undefined {
  const told = new Set<string>();
  return (turn) => {
    const price = options.pricing ?? findPrice(turn.model, options.prices) ?? findPrice(options.model, options.prices);
    if (price) return options.costOf(price, turn.usage);
    if (!told.has(turn.model)) {
      told.add(turn.model);
      const message = `no price known for model "${turn.model}": cost_usd is not reported; set pricing: {input_per_1k, output_per_1k} in the agent config`;
      if (options.warnUnknown) options.logger.warn(message);
      else options.logger.debug(message);
    }
    return undefined;
  };
}
