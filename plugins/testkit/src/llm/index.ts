// LLM wire-format servers for tests: OpenAI Chat Completions (+ Azure route) and Anthropic Messages.
export { startLlmServer, startOpenAIServer, startAnthropicServer } from './server.js';
export { reply, type MessageOptions, type ErrorOptions } from './reply.js';
export { estimateTokens } from './tokens.js';
export type {
  LlmProvider,
  LlmServer,
  LlmServerOptions,
  Script,
  ScriptStep,
  ScriptContext,
  Reply,
  MessageReply,
  ErrorReply,
  ResetReply,
  HangReply,
  MalformedReply,
  ReplyCommon,
  ReplyUsage,
  ToolCallSpec,
  RecordedRequest,
  RecordedAuth,
  RecordedToolResult,
} from './types.js';
