import { z } from 'zod';
import { ArtifactPathSchema, zSecretString } from '@atp/kernel';
import { ToolsSchema } from '@atp/llm-agent-core';

/** Environment variables the adapter reads when the config leaves a value out. */
export const ANTHROPIC_ENV = {
  apiKey: 'ANTHROPIC_API_KEY',
  authToken: 'ANTHROPIC_AUTH_TOKEN',
  baseUrl: 'ANTHROPIC_BASE_URL',
} as const;

/** `max_tokens` sent when the config gives none (the Messages API requires one). */
export const DEFAULT_MAX_TOKENS = 1024;

/** A non-empty environment variable, or undefined. */
export function envValue(name: string, env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

const zHttpUrl = (key: string) =>
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

/** Configuration of the `anthropic` adapter (strict: unknown keys are errors). */
export const AnthropicAgentConfigSchema = z
  .strictObject({
    model: z.string().min(1).describe('Model id, e.g. claude-sonnet-4-20250514'),
    api_key: zSecretString().optional().describe(`API key (default: $${ANTHROPIC_ENV.apiKey}); never printed`),
    auth_token: zSecretString().optional().describe(`Bearer token instead of a key, e.g. for a gateway (default: $${ANTHROPIC_ENV.authToken})`),
    base_url: zHttpUrl('base_url').optional().describe(`Messages API host, e.g. a proxy (default: $${ANTHROPIC_ENV.baseUrl}, else https://api.anthropic.com)`),
    system_prompt: z.string().optional().describe('System prompt of the agent'),
    temperature: z.number().min(0).max(1).optional().describe('Sampling temperature'),
    max_tokens: z.int().positive().default(DEFAULT_MAX_TOKENS).describe('Cap on the tokens of each model answer (required by the API)'),
    max_steps: z.int().min(1).max(1000).default(10).describe('Model calls allowed per run (the tool loop bound); the test constraint max_steps lowers it'),
    stream: z.boolean().default(false).describe('Stream answers (SSE) and report time to first token'),
    tools: ToolsSchema,
    response_file: ArtifactPathSchema.default('response.md').describe('Path of the file artifact holding the final answer'),
    pricing: z
      .strictObject({ input_per_1k: z.number().min(0), output_per_1k: z.number().min(0) })
      .optional()
      .describe('USD per 1K tokens, overriding the built-in price of the model'),
    timeout_seconds: z.number().positive().default(300).describe('Limit of one model call, in seconds (the test limit applies too)'),
    max_retries: z.int().min(0).max(10).default(2).describe('Retries of 408/409/429/5xx/529 and connection errors by the SDK, honouring Retry-After'),
    retry_count: z.int().min(0).default(0).describe('Retries of the whole run after a retryable failure (done by the runner)'),
    retry_delay_seconds: z.number().min(0).default(1).describe('Delay between those runner retries'),
  })
  .superRefine((config, ctx) => {
    // Checked whenever the config is validated (compile and run), so a missing credential stops the
    // run before any job starts, with the variable to set.
    if (config.api_key !== undefined && config.auth_token !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['auth_token'], message: 'give api_key or auth_token, not both' });
    }
    const customServer = config.base_url !== undefined || envValue(ANTHROPIC_ENV.baseUrl) !== undefined;
    const credential = config.api_key ?? config.auth_token ?? envValue(ANTHROPIC_ENV.apiKey) ?? envValue(ANTHROPIC_ENV.authToken);
    if (!customServer && credential === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['api_key'],
        message: `no Anthropic API key: set the ${ANTHROPIC_ENV.apiKey} environment variable (or api_key: \${MY_KEY} in the agent config)`,
      });
    }
  });

/** The `anthropic` adapter config after parsing (defaults applied). */
export type AnthropicAgentConfig = z.output<typeof AnthropicAgentConfigSchema>;

/** The `anthropic` adapter config as written (defaulted keys optional). */
export type AnthropicAgentConfigInput = z.input<typeof AnthropicAgentConfigSchema>;
