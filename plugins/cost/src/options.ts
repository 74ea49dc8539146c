import { z } from 'zod';
import { AtpError, ErrorCodes, diagnostic, didYouMean } from '@atp/kernel';
import { PricingOverridesSchema } from './pricing-schema.js';

/** The plugin's name, also the key of its `settings` block. */
export const COST_PLUGIN_NAME = '@atp/cost';

/** Options of @atp/cost (`['@atp/cost', {...}]` in the config, or `settings['@atp/cost']`). */
export const CostOptionsSchema = z
  .object({
    pricing: PricingOverridesSchema.optional().describe('Prices merged over the built-in table: {models, provider_defaults}'),
    pricing_file: z.string().min(1).optional().describe('A JSON or YAML file of prices, merged over the built-ins (inline pricing wins)'),
    budget_usd: z.number().positive().optional().describe('Run budget in USD over every tracked cost (agent and judge calls): no new job starts once it is spent'),
    summary: z.boolean().default(true).describe('Print the one-line cost summary at the end of a run'),
    output_file: z.string().min(1).optional().describe('Also write the JSON cost summary to this file'),
  })
  .strict();

/** Parsed options of @atp/cost. */
export type CostOptions = z.output<typeof CostOptionsSchema>;

/** Validate options; problems become an AtpError (ATP_CONFIG_INVALID) naming `where`. */
export function parseCostOptions(raw: unknown, where: string, file?: string): CostOptions {
  const parsed = CostOptionsSchema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const known = Object.keys(CostOptionsSchema.shape);
  throw new AtpError(
    parsed.error.issues.flatMap((i) => {
      const at = i.path.length ? `${i.path.join('.')}: ` : '';
      const messages = i.code === 'unrecognized_keys' ? i.keys.map((k) => `unknown key "${k}"${i.path.length ? '' : didYouMean(k, known)}`) : [i.message];
      return messages.map((m) =>
        diagnostic(ErrorCodes.ATP_CONFIG_INVALID, `${where}: ${at}${m}`, {
          ...(file ? { file } : {}),
          hint: `the options of ${COST_PLUGIN_NAME} are ${known.join(', ')} (see its README)`,
        }),
      );
    }),
  );
}
