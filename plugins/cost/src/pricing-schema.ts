import { z } from 'zod';

const DECIMAL_TEXT = /^\s*(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

/** A price in USD per 1,000 tokens: a non-negative number, or a decimal string for exact values. */
export const PricePer1kSchema = z.union([
  z.number().nonnegative().finite(),
  z.string().regex(DECIMAL_TEXT, { error: 'expected a non-negative decimal such as "0.0025"' }),
]);

/** The price of one model: `{input_per_1k, output_per_1k, name?, provider?}`. */
export const ModelPriceSchema = z
  .object({
    input_per_1k: PricePer1kSchema.describe('USD per 1,000 input tokens'),
    output_per_1k: PricePer1kSchema.describe('USD per 1,000 output tokens'),
    name: z.string().optional().describe('Display name'),
    provider: z.string().optional().describe('Provider (openai, anthropic, google, azure, bedrock, …) used for provider defaults'),
  })
  .strict();

/** A provider's fallback price for models the table does not list. */
export const ProviderPriceSchema = z
  .object({
    input_per_1k: PricePer1kSchema,
    output_per_1k: PricePer1kSchema,
  })
  .strict();

/** User overrides of the built-in table (`models` and `provider_defaults`, merged over the built-ins). */
export const PricingOverridesSchema = z
  .object({
    models: z.record(z.string().min(1), ModelPriceSchema).optional(),
    provider_defaults: z.record(z.string().min(1), ProviderPriceSchema).optional(),
  })
  .strict();

/** Pricing overrides as written in a config or pricing file. */
export type PricingOverrides = z.output<typeof PricingOverridesSchema>;
/** One model's price as written. */
export type ModelPriceInput = z.output<typeof ModelPriceSchema>;
