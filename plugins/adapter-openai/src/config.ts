import { z } from 'zod';
import { zSecretString } from '@atp/kernel';
import { agentConfigFields, envValue, zHttpUrl } from '@atp/llm-agent-core';

/** Environment variables the adapter reads when the config leaves a value out. */
export const OPENAI_ENV = {
  apiKey: 'OPENAI_API_KEY',
  baseUrl: 'OPENAI_BASE_URL',
  azureApiKey: 'AZURE_OPENAI_API_KEY',
  azureAdToken: 'AZURE_OPENAI_AD_TOKEN',
  azureEndpoint: 'AZURE_OPENAI_ENDPOINT',
  azureApiVersion: 'OPENAI_API_VERSION',
} as const;

/** The Azure OpenAI `api-version` used when neither the config nor OPENAI_API_VERSION sets one. */
export const DEFAULT_AZURE_API_VERSION = '2024-10-21';

/** Azure OpenAI: the resource endpoint, the deployment and an API key or an Entra ID (Azure AD) token. */
export const AzureConfigSchema = z
  .strictObject({
    endpoint: zHttpUrl('azure.endpoint').optional().describe(`Resource endpoint, e.g. https://my-resource.openai.azure.com (default: $${OPENAI_ENV.azureEndpoint})`),
    deployment: z.string().min(1).optional().describe('Deployment name (default: the model)'),
    api_version: z.string().min(1).optional().describe(`api-version query parameter (default: $${OPENAI_ENV.azureApiVersion}, else ${DEFAULT_AZURE_API_VERSION})`),
    api_key: zSecretString().optional().describe(`API key, sent as the api-key header (default: $${OPENAI_ENV.azureApiKey})`),
    ad_token: zSecretString().optional().describe(`Entra ID bearer token instead of a key (default: $${OPENAI_ENV.azureAdToken})`),
  })
  .superRefine((azure, ctx) => {
    if (azure.api_key !== undefined && azure.ad_token !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['ad_token'], message: 'give azure.api_key or azure.ad_token, not both' });
    }
  });

/** Configuration of the `openai` adapter (strict: unknown keys are errors). */
export const OpenAIAgentConfigSchema = z
  .strictObject({
    model: z.string().min(1).describe('Model id (gpt-4o-mini, llama3.1 on Ollama…); for Azure the deployment defaults to it'),
    api_key: zSecretString().optional().describe(`API key (default: $${OPENAI_ENV.apiKey}); never printed`),
    base_url: zHttpUrl('base_url').optional().describe(`Any OpenAI-compatible API, e.g. http://localhost:11434/v1 (default: $${OPENAI_ENV.baseUrl}, else https://api.openai.com/v1)`),
    azure: AzureConfigSchema.optional().describe('Use Azure OpenAI instead of base_url'),
    system_prompt: z.string().optional().describe('System message of the agent'),
    temperature: z.number().min(0).max(2).optional().describe('Sampling temperature'),
    max_tokens: z.int().positive().optional().describe('Cap on the tokens of each model answer'),
    // max_steps … retry_delay_seconds: the keys every LLM agent adapter has.
    ...agentConfigFields('408/409/429/5xx'),
  })
  .superRefine((config, ctx) => {
    // Checked whenever the config is validated (compile and run), so a missing credential stops the
    // run before any job starts, with the variable to set.
    if (config.azure) {
      if (config.base_url !== undefined) ctx.addIssue({ code: 'custom', path: ['base_url'], message: 'base_url and azure cannot be combined: azure.endpoint names the Azure resource' });
      if (config.api_key !== undefined) ctx.addIssue({ code: 'custom', path: ['api_key'], message: 'with azure, put the key in azure.api_key' });
      if (config.azure.endpoint === undefined && !envValue(OPENAI_ENV.azureEndpoint)) {
        ctx.addIssue({ code: 'custom', path: ['azure', 'endpoint'], message: `no Azure endpoint: set azure.endpoint or the ${OPENAI_ENV.azureEndpoint} environment variable` });
      }
      const credential = config.azure.api_key ?? config.azure.ad_token ?? envValue(OPENAI_ENV.azureApiKey) ?? envValue(OPENAI_ENV.azureAdToken);
      if (credential === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['azure', 'api_key'],
          message: `no Azure credential: set the ${OPENAI_ENV.azureApiKey} environment variable (or azure.api_key), or an Entra ID token in ${OPENAI_ENV.azureAdToken} (or azure.ad_token)`,
        });
      }
      return;
    }
    const customServer = config.base_url !== undefined || envValue(OPENAI_ENV.baseUrl) !== undefined;
    if (!customServer && config.api_key === undefined && !envValue(OPENAI_ENV.apiKey)) {
      ctx.addIssue({
        code: 'custom',
        path: ['api_key'],
        message: `no OpenAI API key: set the ${OPENAI_ENV.apiKey} environment variable (or api_key: \${MY_KEY} in the agent config); for a local OpenAI-compatible server set base_url`,
      });
    }
  });

/** The `openai` adapter config after parsing (defaults applied). */
export type OpenAIAgentConfig = z.output<typeof OpenAIAgentConfigSchema>;

/** The `openai` adapter config as written (defaulted keys optional). */
export type OpenAIAgentConfigInput = z.input<typeof OpenAIAgentConfigSchema>;
