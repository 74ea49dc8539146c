/**
 * The `anthropic` adapter: an LLM agent (model + system prompt + suite-declared tools) on the Anthropic
 * Messages API, through the official `@anthropic-ai/sdk` SDK.
 */
import Anthropic from '@anthropic-ai/sdk';
import { AdapterError, reveal } from '@atp/kernel';
import type { ATPRequest, ATPResponse, Adapter, AdapterCallContext, AdapterInit, Logger } from '@atp/kernel';
import { runAgentLoop, type ModelTurn } from '@atp/llm-agent-core';
import { AnthropicSession } from './anthropic-session.js';
import { ANTHROPIC_ENV, AnthropicAgentConfigSchema, envValue, type AnthropicAgentConfig, type AnthropicAgentConfigInput } from './config.js';
import type { ErrorContext } from './errors.js';
import { ANTHROPIC_PRICES, costUsd, findPrice, type Price } from './pricing.js';
import { allowedTools, stepLimit, taskPrompt } from '@atp/llm-agent-core';
import { ToolRunner, displayUrl, sdkLogger } from '@atp/llm-agent-core';

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
  readonly #logger: Logger;
  readonly #tools: ToolRunner;
  readonly #connection: Connection;
  readonly #warnedPrices = new Set<string>();

  constructor(config: AnthropicAgentConfig, init: AdapterInit, tools: ToolRunner) {
    this.#config = config;
    this.#logger = init.logger;
    this.#tools = tools;
    this.#connection = connect(config, init.logger);
  }

  /** Run the agent on one request. */
  async run(request: ATPRequest, context: AdapterCallContext): Promise<ATPResponse> {
    const config = this.#config;
    const offered = this.#tools.offered(allowedTools(request));
    const timeoutMs = Math.min(config.timeout_seconds * 1000, context.timeoutMs > 0 ? context.timeoutMs : Number.POSITIVE_INFINITY);
    const session = new AnthropicSession({
      client: this.#connection.client,
      model: config.model,
      ...(config.system_prompt !== undefined ? { systemPrompt: config.system_prompt } : {}),
      prompt: taskPrompt(request),
      tools: offered,
      ...(config.temperature !== undefined ? { temperature: config.temperature } : {}),
      maxTokens: config.max_tokens,
      stream: config.stream,
      timeoutMs,
      errors: { ...this.#connection.errors, timeoutMs },
    });
    return runAgentLoop({
      request,
      context,
      session,
      tools: this.#tools,
      offered: offered.map((t) => t.name),
      maxSteps: stepLimit(config.max_steps, request),
      provider: 'anthropic',
      responseFile: config.response_file,
      cost: (turn) => this.#cost(turn),
    });
  }

  #cost(turn: ModelTurn): number | undefined {
    const price: Price | undefined = this.#config.pricing ?? findPrice(turn.model, ANTHROPIC_PRICES) ?? findPrice(this.#config.model, ANTHROPIC_PRICES);
    if (price) return costUsd(price, turn.usage);
    if (!this.#warnedPrices.has(turn.model)) {
      this.#warnedPrices.add(turn.model);
      const message = `no price known for model "${turn.model}": cost_usd is not reported; set pricing: {input_per_1k, output_per_1k} in the agent config`;
      if (this.#connection.hosted) this.#logger.warn(message);
      else this.#logger.debug(message);
    }
    return undefined;
  }
}

/** Create an `anthropic` adapter: the config is validated (again, so defaults apply) and tool scripts are loaded. */
export async function createAdapter(config: AnthropicAgentConfigInput, init: AdapterInit): Promise<AnthropicAdapter> {
  const parsed = AnthropicAgentConfigSchema.safeParse(config);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ');
    throw new AdapterError('other', `invalid anthropic agent config: ${issues}`, { retryable: false });
  }
  const tools = await ToolRunner.create(parsed.data.tools, init.baseDir);
  return new AnthropicAdapter(parsed.data, init, tools);
}
