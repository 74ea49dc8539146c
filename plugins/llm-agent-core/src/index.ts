// @atp/llm-agent-core: what the OpenAI and Anthropic agent adapters share — tool definitions and their
// static/scripted/matched results, the task prompt, the provider-independent tool loop and run, the common
// config keys, SDK error mapping, pricing and cost.
export { runAgentLoop, type AgentLoopOptions, type ChatSession, type ModelTurn, type ModelUsage, type ToolCallRequest, type ToolResultMessage } from './agent-loop.js';
export { runAgent, type AgentRunConfig, type AgentRunOptions, type SessionStart } from './agent-run.js';
export { agentConfigFields, parseAgentConfig, PricingSchema, zHttpUrl } from './agent-config.js';
export { envValue } from './env.js';
export { FirstTokenTimer } from './first-token-timer.js';
export { matchesWhen } from './match.js';
export { modelCost, type ModelCostOptions } from './model-cost.js';
export { costUsd, findPrice, type Price } from './pricing.js';
export { mapSdkError, type ErrorContext, type SdkApiError, type SdkErrorClasses, type SdkErrorDialect } from './sdk-errors.js';
export { taskPrompt, allowedTools, stepLimit, parseJsonAnswer } from './task.js';
export { ToolRunner, type ToolOutcome, type ToolScriptContext, type ToolScriptFunction } from './tool-runner.js';
export { MATCH_OPERATORS, isOperator, ToolResponseSchema, ToolSchema, ToolsSchema, type ToolDefinition, type ToolResponse } from './tools.js';
export { displayUrl, sdkLogger } from './sdk-support.js';
