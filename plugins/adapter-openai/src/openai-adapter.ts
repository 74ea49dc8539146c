/**
 * The `openai` adapter: an LLM agent (model + system prompt + suite-declared tools) on the Chat
 * Completions API of OpenAI, Azure OpenAI or any OpenAI-compatible server (vLLM, Ollama, LM Studio),
 * through the official `openai` SDK.
 */
import OpenAI, { AzureOpenAI } from 'openai';
import { AdapterError, reveal } from '@atp/kernel';
import type { ATPRequest, ATPResponse, Adapter, AdapterCallContext, AdapterInit, Logger } from '@atp/kernel';
import { ToolRunner, costUsd, displayUrl, envValue, modelCost, parseAgentConfig, runAgent, sdkLogger, type ModelTurn } from '@atp/llm-agent-core';
import { DEFAULT_AZURE_API_VERSION, OPENAI_ENV, OpenAIAgentConfigSchema, type OpenAIAgentConfig, type OpenAIAgentConfigInput } from './config.js';
import type { ErrorContext } from './errors.js';
import { OpenAISession } from './openai-session.js';
import { OPENAI_PRICES } from './pricing.js';

const OPENAI_BASE_URL = 'https://api.openai.com/v1';

interface Connection {
  client: OpenAI;
  provider: 'openai' | 'azure';
  errors: Omit<ErrorContext, 'timeoutMs'>;
  /** Whether this is a hosted OpenAI service (unknown prices are then worth a warning). */
  hosted: boolean;
}

function connect(config: OpenAIAgentConfig, logger: Logger): Connection {
  const common = { maxRetries: config.max_retries, timeout: config.timeout_seconds * 1000 };
  if (config.azure) {
    const endpoint = config.azure.endpoint ?? envValue(OPENAI_ENV.azureEndpoint);
    const key = config.azure.api_key !== undefined ? reveal(config.azure.api_key) : config.azure.ad_token === undefined ? envValue(OPENAI_ENV.azureApiKey) : undefined;
    const token = key === undefined ? (config.azure.ad_token !== undefined ? reveal(config.azure.ad_token) : envValue(OPENAI_ENV.azureAdToken)) : undefined;
    if (!endpoint) throw new AdapterError('other', `no Azure endpoint: set azure.endpoint or the ${OPENAI_ENV.azureEndpoint} environment variable`, { retryable: false });
    if (key === undefined && token === undefined) {
      throw new AdapterError('other', `no Azure credential: set ${OPENAI_ENV.azureApiKey} (or azure.api_key), or an Entra ID token in ${OPENAI_ENV.azureAdToken} (or azure.ad_token)`, { retryable: false });
    }
    const secrets = [key, token].filter((s): s is string => s !== undefined);
    const deployment = config.azure.deployment ?? config.model;
    const client = new AzureOpenAI({
      ...common,
      endpoint,
      deployment,
      apiVersion: config.azure.api_version ?? envValue(OPENAI_ENV.azureApiVersion) ?? DEFAULT_AZURE_API_VERSION,
      ...(key !== undefined ? { apiKey: key } : { azureADTokenProvider: () => Promise.resolve(token!) }),
      logger: sdkLogger(logger, secrets, 'openai sdk'),
    });
    return {
      client,
      provider: 'azure',
      hosted: true,
      errors: {
        service: 'Azure OpenAI',
        endpoint: `${displayUrl(endpoint)}/openai/deployments/${deployment}`,
        credentialHint: key !== undefined ? `the key (azure.api_key or ${OPENAI_ENV.azureApiKey})` : `the Entra ID token (azure.ad_token or ${OPENAI_ENV.azureAdToken})`,
        maxRetries: config.max_retries,
        secrets,
      },
    };
  }
  const baseURL = config.base_url ?? envValue(OPENAI_ENV.baseUrl) ?? OPENAI_BASE_URL;
  const key = config.api_key !== undefined ? reveal(config.api_key) : envValue(OPENAI_ENV.apiKey);
  const hosted = baseURL === OPENAI_BASE_URL;
  if (key === undefined && hosted) {
    throw new AdapterError('other', `no OpenAI API key: set the ${OPENAI_ENV.apiKey} environment variable (or api_key in the agent config)`, { retryable: false });
  }
  const secrets = key === undefined ? [] : [key];
  const client = new OpenAI({
    ...common,
    baseURL,
    // Local servers (Ollama, vLLM…) often need no key: the SDK insists on one, so send none at all.
    apiKey: key ?? 'no-key',
    ...(key === undefined ? { defaultHeaders: { Authorization: null } } : {}),
    logger: sdkLogger(logger, secrets, 'openai sdk'),
  });
  return {
    client,
    provider: 'openai',
    hosted,
    errors: {
      service: hosted ? 'OpenAI' : 'the OpenAI-compatible server',
      endpoint: displayUrl(baseURL),
      credentialHint: `the API key (api_key in the agent config, or ${OPENAI_ENV.apiKey})`,
      maxRetries: config.max_retries,
      secrets,
    },
  };
}

/** An `openai` agent. One SDK client per agent; runs may be concurrent. */
export class OpenAIAdapter implements Adapter {
  readonly #config: OpenAIAgentConfig;
  readonly #tools: ToolRunner;
  readonly #connection: Connection;
  readonly #cost: (turn: ModelTurn) => number | undefined;

  constructor(config: OpenAIAgentConfig, init: AdapterInit, tools: ToolRunner) {
    this.#config = config;
    this.#tools = tools;
    this.#connection = connect(config, init.logger);
    this.#cost = modelCost({
      pricing: config.pricing,
      prices: OPENAI_PRICES,
      model: config.model,
      costOf: (price, usage) => costUsd(price, usage.input, usage.output),
      logger: init.logger,
      // An unknown price is worth a warning on OpenAI and Azure, not on a local server (Ollama, vLLM…).
      warnUnknown: this.#connection.hosted,
    });
  }

  /** Run the agent on one request. */
  async run(request: ATPRequest, context: AdapterCallContext): Promise<ATPResponse> {
    const config = this.#config;
    const connection = this.#connection;
    return runAgent(request, context, {
      config,
      tools: this.#tools,
      provider: connection.provider,
      cost: this.#cost,
      openSession: (start) =>
        new OpenAISession({
          ...start,
          client: connection.client,
          ...(config.max_tokens !== undefined ? { maxTokens: config.max_tokens } : {}),
          errors: { ...connection.errors, timeoutMs: start.timeoutMs },
        }),
    });
  }
}

/** Create an `openai` adapter: the config is validated (again, so defaults apply) and tool scripts are loaded. */
export async function createAdapter(config: OpenAIAgentConfigInput, init: AdapterInit): Promise<OpenAIAdapter> {
  const parsed = parseAgentConfig(OpenAIAgentConfigSchema, config, 'openai');
  const tools = await ToolRunner.create(parsed.tools, init.baseDir);
  return new OpenAIAdapter(parsed, init, tools);
}
