import { definePlugin } from '@atp/kernel';
import { AnthropicAgentConfigSchema } from './config.js';

export { AnthropicAgentConfigSchema, ANTHROPIC_ENV, DEFAULT_MAX_TOKENS } from './config.js';
export type { AnthropicAgentConfig, AnthropicAgentConfigInput } from './config.js';
export { ToolSchema, ToolResponseSchema, MATCH_OPERATORS } from '@atp/llm-agent-core';
export type { ToolDefinition, ToolResponse } from '@atp/llm-agent-core';
export { ANTHROPIC_PRICES, CACHE_READ_MULTIPLIER, CACHE_WRITE_MULTIPLIER, findPrice, costUsd, type Price, type CostTokens } from './pricing.js';
// Types only: the implementation (and the Anthropic SDK) stays behind the lazy `load()`.
export type { AnthropicAdapter } from './anthropic-adapter.js';
export type { ToolScriptContext, ToolScriptFunction } from '@atp/llm-agent-core';

/** The `@atp/adapter-anthropic` plugin: registers the `anthropic` adapter (Messages API with a tool loop). */
export default definePlugin({
  name: '@atp/adapter-anthropic',
  apiVersion: 1,
  version: '0.1.0',
  description: 'ATP adapter for Anthropic Messages API agents with a tool loop',
  adapters: [
    {
      name: 'anthropic',
      description: 'LLM agent on the Anthropic Messages API: model + system prompt + suite-declared tools, tool loop up to max_steps',
      configSchema: AnthropicAgentConfigSchema,
      load: () => import('./anthropic-adapter.js'),
    },
  ],
});
