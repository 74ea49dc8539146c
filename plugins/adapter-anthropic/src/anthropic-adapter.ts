/**
 * The `anthropic` adapter: an LLM agent (model + system prompt + suite-declared tools) on the Anthropic
 * Messages API, through the official `@anthropic-ai/sdk` SDK.
 */
import Anthropic from '@anthropic-ai/sdk';
import { AdapterError, reveal } from '@atp/kernel';
import type { ATPRequest, ATPResponse, Adapter, AdapterCallContext, AdapterInit, Logger } from '@atp/kernel';
import { ToolRunner, displayUrl, envValue, modelCost, parseAgentConfig, runAgent, sdkLogger, type ModelTurn } from '@atp/llm-agent-core';
import { AnthropicSession } from './anthropic-session.js';
import { ANTHROPIC_ENV, AnthropicAgentConfigSchema, type AnthropicAgentConfig, type AnthropicAgentConfigInput } from './config.js';
import type { ErrorContext } from './errors.js';
import { ANTHROPIC_PRICES, costUsd } from './pricing.js';

const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';

interface Connection {
  client: Anthropic;
  errors: Omit<ErrorContext, 'timeoutMs'>;
  hosted: boolean;
}

function connect(config: AnthropicAgentConfig, logger: Logger): Connection {
  const baseURL = config.base_url ?? envValue(ANTHROPIC_ENV.baseUrl) ?? ANTHROPIC_BASE_URL;
  const hosted = baseURL === ANTHROPIC_BASE_URL;
  const fromConfig = config.api_key !== undefined || config.auth_token !== undefined;
  const key = config.api_key !== undefined ? reveal(config.api_key) : fromConfig ? undefined : envValue(ANTHROPIC_ENV.apiKey);
  const token = key !== undefined ? undefined : config.auth_token !== undefined ? reveal(config.auth_token) : fromConfig ? undefined : envValue(ANTHROPIC_ENV.authToken);
  if (key === undefined && token === undefined && hosted) {
    throw new AdapterError('other', `no Anthropic API key: set the ${ANTHROPIC_ENV.apiKey} environment variable (or api_key in the agent config)`, { retryable: false });
  }
  const secrets = [key, token].filter((s): s is string => s !== undefined);
  const client = new Anthropic({
    baseURL,
    maxRetries: config.max_retries,
    timeout: config.timeout_seconds * 1000,
    // An explicit credential keeps the SDK from reading the environment or local credential files;
    // a keyless server (a local proxy) gets no Authorization header at all.
    ...(key !== undefined ? { apiKey: key } : { authToken: token ?? 'no-key' }),
    ...(key === undefined && token === undefined ? { defaultHeaders: { Authorization: null } } : {}),
    logger: sdkLogger(logger, secrets, 'anthropic sdk'),
  });
  return {
    client,
    hosted,
    errors: {
      service: hosted ? 'Anthropic' : 'the Anthropic-compatible server',
      endpoint: displayUrl(baseURL),
      credentialHint: token !== undefined ? `the token (auth_token or ${ANTHROPIC_ENV.authToken})` : `the API key (api_key in the agent config, or ${ANTHROPIC_ENV.apiKey})`,
      maxRetries: config.max_retries,
      secrets,
    },
  };
}

/** An `anthropic` agent. One SDK client per agent; runs may be concurrent. */
export class AnthropicAdapter implements Adapter {
  readonly #config: AnthropicAgentConfig;
  readonly #tools: ToolRunner;
  readonly #connection: Connection;
  readonly #cost: (turn: ModelTurn) => number | undefined;

  constructor(config: AnthropicAgentConfig, init: AdapterInit, tools: ToolRunner) {
    this.#config = config;
    this.#tools = tools;
    this.#connection = connect(config, init.logger);
    this.#cost = modelCost({
      pricing: config.pricing,
      prices: ANTHROPIC_PRICES,
      model: config.model,
      // Cache reads and writes have their own prices.
      costOf: costUsd,
      logger: init.logger,
      // An unknown price is worth a warning on Anthropic's API, not on a proxy or local server.
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
      provider: 'anthropic',
      cost: this.#cost,
      openSession: (start) =>
        new AnthropicSession({
          ...start,
          client: connection.client,
          maxTokens: config.max_tokens,
          errors: { ...connection.errors, timeoutMs: start.timeoutMs },
        }),
    });
  }
}

/** Create an `anthropic` adapter: the config is validated (again, so defaults apply) and tool scripts are loaded. */
export async function createAdapter(config: AnthropicAgentConfigInput, init: AdapterInit): Promise<AnthropicAdapter> {
  const parsed = parseAgentConfig(AnthropicAgentConfigSchema, config, 'anthropic');
  const tools = await ToolRunner.create(parsed.tools, init.baseDir);
  return new AnthropicAdapter(parsed, init, tools);
}
