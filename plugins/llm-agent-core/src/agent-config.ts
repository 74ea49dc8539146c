/**
 * What the configs of the LLM agent adapters share: the keys of the tool loop, run limits, pricing and
 * retries (each adapter puts its model, credential and endpoint keys before them), URL checks, and parsing
 * a config when the adapter is created.
 */
import { z } from 'zod';
import { AdapterError, ArtifactPathSchema } from '@atp/kernel';
import { ToolsSchema } from './tools.js';

/** A string that must be an absolute http(s) URL; the message names the config `key`. */
export const zHttpUrl = (key: string) =>
  z.string().superRefine((text, ctx) => {
    let url: URL | undefined;
    try {
      url = new URL(text);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      ctx.addIssue({ code: 'custom', message: `${key} must be an absolute http:// or https:// URL (got ${JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text)})` });
    }
  });

/** The `pricing` key: USD per 1K tokens. */
export const PricingSchema = z
  .strictObject({ input_per_1k: z.number().min(0), output_per_1k: z.number().min(0) })
  .optional()
  .describe('USD per 1K tokens, overriding the built-in price of the model');

/**
 * The keys from `max_steps` to `retry_delay_seconds`, in this order (it is the order of validation messages);
 * `retriedStatuses` lists what the provider's SDK retries, for the `max_retries` description.
 */
export function agentConfigFields(retriedStatuses: string) {
  return {
    max_steps: z.int().min(1).max(1000).default(10).describe('Model calls allowed per run (the tool loop bound); the test constraint max_steps lowers it'),
    stream: z.boolean().default(false).describe('Stream answers (SSE) and report time to first token'),
    tools: ToolsSchema,
    response_file: ArtifactPathSchema.default('response.md').describe('Path of the file artifact holding the final answer'),
    pricing: PricingSchema,
    timeout_seconds: z.number().positive().default(300).describe('Limit of one model call, in seconds (the test limit applies too)'),
    max_retries: z.int().min(0).max(10).default(2).describe(`Retries of ${retriedStatuses} and connection errors by the SDK, honouring Retry-After`),
    retry_count: z.int().min(0).default(0).describe('Retries of the whole run after a retryable failure (done by the runner)'),
    retry_delay_seconds: z.number().min(0).default(1).describe('Delay between those runner retries'),
  };
}

/** The agent config with defaults applied; an invalid one is a non-retryable AdapterError `invalid <adapter> agent config: …`. */
export function parseAgentConfig<S extends z.ZodType>(schema: S, config: unknown, adapter: string): z.output<S> {
  const parsed = schema.safeParse(config);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ');
    throw new AdapterError('other', `invalid ${adapter} agent config: ${issues}`, { retryable: false });
  }
  return parsed.data;
}
