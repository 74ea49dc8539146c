/**
 * Types of the LLM testkit servers: the scripted replies, the recorded requests and the server handle.
 * Replies are provider-neutral; each server renders them in its provider's real wire format.
 */

/** The wire format a server speaks. */
export type LlmProvider = 'openai' | 'anthropic';

/** Token counts of a reply; anything left out is estimated from the request and the reply text. */
export interface ReplyUsage {
  /** Prompt tokens not served from a cache (Anthropic `input_tokens`; OpenAI adds cache reads to `prompt_tokens`). */
  inputTokens?: number;
  /** Completion tokens. */
  outputTokens?: number;
  /** Prompt tokens read from the prompt cache. */
  cacheReadTokens?: number;
  /** Prompt tokens written to the prompt cache (Anthropic only). */
  cacheWriteTokens?: number;
}

/** One tool call the scripted model makes. */
export interface ToolCallSpec {
  name: string;
  /** The arguments: an object is sent as JSON; a string is sent as is (OpenAI), so it may be invalid JSON on purpose. */
  arguments?: unknown;
  /** The call id; generated (`call_…` / `toolu_…`) when left out. */
  id?: string;
}

/** Options every reply accepts. */
export interface ReplyCommon {
  /** Wait this long before answering (a slow model, or a client timeout when longer than the client waits). */
  delayMs?: number;
  /** Extra response headers. */
  headers?: Record<string, string>;
}

/** A normal model answer: text and/or tool calls. */
export interface MessageReply extends ReplyCommon {
  type: 'message';
  text?: string;
  toolCalls?: ToolCallSpec[];
  usage?: ReplyUsage;
  /** The stop reason as the provider spells it (`length`, `max_tokens`…); derived from the content when left out. */
  stopReason?: string;
  /** The model name the answer claims (default: the requested model). */
  model?: string;
}

/** An API error answered with the provider's error body. */
export interface ErrorReply extends ReplyCommon {
  type: 'error';
  status: number;
  /** The provider's error type (`rate_limit_error`, `server_error`…); derived from the status when left out. */
  errorType?: string;
  message?: string;
  /** OpenAI's `error.code` (`rate_limit_exceeded`, `invalid_api_key`…). */
  code?: string;
  /** `Retry-After` header value, in seconds. */
  retryAfter?: number;
  /** `retry-after-ms` header value (honoured by the official SDKs). */
  retryAfterMs?: number;
  /** Send the error inside an already-started SSE stream (`event: error`) instead of as the HTTP status (streaming requests only). */
  midStream?: boolean;
}

/** The connection is destroyed without an answer (`ECONNRESET` on the client). */
export interface ResetReply extends ReplyCommon {
  type: 'reset';
  /** For streaming requests: send the headers and the first chunk, then reset. */
  midStream?: boolean;
}

/** The server never answers (until the client gives up or the server closes). */
export interface HangReply extends ReplyCommon {
  type: 'hang';
}

/** A body that is not what the API promises (invalid JSON by default). */
export interface MalformedReply extends ReplyCommon {
  type: 'malformed';
  body?: string;
  status?: number;
  contentType?: string;
}

/** What a script step answers. */
export type Reply = MessageReply | ErrorReply | ResetReply | HangReply | MalformedReply;

/** Where a request's credential came from, without the credential itself. */
export interface RecordedAuth {
  /** `authorization` (bearer), `api-key` (Azure) or `x-api-key` (Anthropic). */
  header: 'authorization' | 'api-key' | 'x-api-key';
  /** The last 4 characters of the credential, to tell keys apart in assertions. */
  last4: string;
  /** Whether it equals the server's `apiKey`; undefined when the server checks no key. */
  valid?: boolean;
}

/** A tool result the client sent back (the latest user turn). */
export interface RecordedToolResult {
  /** The tool call id it answers. */
  id: string;
  /** The result as text. */
  content: string;
  /** Anthropic `is_error`. */
  isError?: boolean;
}

/** A request the server received, as tests and scripts see it. Credentials are redacted. */
export interface RecordedRequest {
  /** 0-based arrival order, over all requests (errors and retries included). */
  index: number;
  provider: LlmProvider;
  method: string;
  /** The path without the query (`/v1/chat/completions`). */
  path: string;
  query: Record<string, string>;
  /** Lower-cased headers; `authorization`, `api-key` and `x-api-key` are `***`. */
  headers: Record<string, string>;
  /** The parsed JSON body (the raw text when it is not JSON; undefined when empty). */
  body: unknown;
  auth?: RecordedAuth;
  /** The requested model (for Azure: the deployment). */
  model?: string;
  /** The request asked for a stream. */
  stream: boolean;
  /** Azure route: the deployment of the path. */
  deployment?: string;
  /** Azure route: the `api-version` query parameter. */
  apiVersion?: string;
  /** The system prompt (OpenAI system/developer messages, Anthropic `system`). */
  system: string;
  /** Names of the tools offered. */
  tools: string[];
  /** Text of the last user message (tool results excluded). */
  lastUserText: string;
  /** Tool results in the latest user turn. */
  toolResults: RecordedToolResult[];
  /** The system prompt and the text of every message, joined by newlines (handy for `includes` checks). */
  promptText: string;
}

/** What a script function gets besides the request. */
export interface ScriptContext {
  /** How many requests the script answered before this one (0 for the first). */
  call: number;
}

/** A reply, or a function of the request computing one. */
export type ScriptStep = Reply | ((request: RecordedRequest, context: ScriptContext) => Reply | Promise<Reply>);

/**
 * What the server answers: a list consumed in order (one step per valid API request), or a function of
 * every request. When the list runs out, requests get a 400 error naming the script.
 */
export type Script = readonly ScriptStep[] | ((request: RecordedRequest, context: ScriptContext) => Reply | Promise<Reply>);

/** Options of {@link startLlmServer}. */
export interface LlmServerOptions {
  provider: LlmProvider;
  script: Script;
  /** When set, requests must carry this key (Bearer, `api-key` or `x-api-key`), otherwise 401. */
  apiKey?: string;
  /** Characters per streamed text or argument delta (default 8). */
  chunkSize?: number;
  /** Port to listen on (default 0: any free port). */
  port?: number;
}

/** A running testkit server. */
export interface LlmServer {
  provider: LlmProvider;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /**
   * What to give the official SDK as `baseURL`: `<url>/v1` for OpenAI (the SDK appends `/chat/completions`),
   * `<url>` for Anthropic (the SDK appends `/v1/messages`). For Azure pass `url` as the `endpoint`.
   */
  baseURL: string;
  port: number;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Script steps not consumed yet (list scripts; `Infinity` for a function). */
  readonly remaining: number;
  /** Stop listening and destroy open connections (hanging replies included). */
  close(): Promise<void>;
}
