import { z } from 'zod';
import { zSecretString } from '@atp/kernel';
import { agentConfigFields, envValue, zHttpUrl } from '@atp/llm-agent-core';

/** Environment variables the adapter reads when the config leaves a value out. */
export const ANTHROPIC_ENV = {
  apiKey: 'ANTHROPIC_API_KEY',
  authToken: 'ANTHROPIC_AUTH_TOKEN',
  baseUrl: 'ANTHROPIC_BASE_URL',
} as const;

/** `max_tokens` sent when the config gives none (the Messages API requires one). */
export const DEFAULT_MAX_TOKENS = 1024;

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
    // max_steps … retry_delay_seconds: the keys every LLM agent adapter has.
    ...agentConfigFields('408/409/429/5xx/529'),
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
