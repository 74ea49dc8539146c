// @atp/llm-agent-core: what the OpenAI and Anthropic agent adapters share — tool definitions and their
// static/scripted/matched results, the task prompt, and the provider-independent tool loop.
export { runAgentLoop, type AgentLoopOptions, type ChatSession, type ModelTurn, type ModelUsage, type ToolCallRequest, type ToolResultMessage } from './agent-loop.js';
export { matchesWhen } from './match.js';
export { taskPrompt, allowedTools, stepLimit, parseJsonAnswer } from './task.js';
export { ToolRunner, type ToolOutcome, type ToolScriptContext, type ToolScriptFunction } from './tool-runner.js';
export { MATCH_OPERATORS, isOperator, ToolResponseSchema, ToolSchema, ToolsSchema, type ToolDefinition, type ToolResponse } from './tools.js';
export { displayUrl, sdkLogger } from './sdk-support.js';
