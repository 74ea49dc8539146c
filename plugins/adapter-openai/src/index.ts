import { definePlugin } from '@atp/kernel';
import { OpenAIAgentConfigSchema } from './config.js';

export { OpenAIAgentConfigSchema, AzureConfigSchema, OPENAI_ENV, DEFAULT_AZURE_API_VERSION } from './config.js';
export type { OpenAIAgentConfig, OpenAIAgentConfigInput } from './config.js';
export { ToolSchema, ToolResponseSchema, MATCH_OPERATORS } from '@atp/llm-agent-core';
export type { ToolDefinition, ToolResponse } from '@atp/llm-agent-core';
export { OPENAI_PRICES, findPrice, costUsd, type Price } from './pricing.js';
// Types only: the implementation (and the openai SDK) stays behind the lazy `load()`.
export type { OpenAIAdapter } from './openai-adapter.js';
export type { ToolScriptContext, ToolScriptFunction } from '@atp/llm-agent-core';

/** The `@atp/adapter-openai` plugin: registers the `openai` adapter (OpenAI, Azure OpenAI, any OpenAI-compatible server). */
export default definePlugin({
  name: '@atp/adapter-openai',
  apiVersion: 1,
  version: '0.1.0',
  description: 'ATP adapter for OpenAI-compatible chat agents (OpenAI, Azure, vLLM, Ollama, LM Studio) with a tool loop',
  adapters: [
    {
      name: 'openai',
      description: 'LLM agent on the Chat Completions API: model + system prompt + suite-declared tools, tool loop up to max_steps',
      configSchema: OpenAIAgentConfigSchema,
      load: () => import('./openai-adapter.js'),
    },
  ],
});
