/** A structured call: the reply must be a JSON object matching `schema` (OpenAI json_schema / Anthropic tool). */
export interface StructuredCall {
  system: string;
  user: string;
  /** Name of the schema (OpenAI) and of the tool (Anthropic). */
  name: string;
  description: string;
  schema: Record<string, unknown>;
}

/** A plain chat call (suite generation). */
export interface TextCall {
  system: string;
  messages: Array<{ role: 'user' | 'assistant'; content: string }>;
}

/** Tokens one call used. */
export interface CallUsage {
  inputTokens: number;
  outputTokens: number;
}

/** The outcome of a structured call that got an HTTP answer: the object, or why the reply is unusable. */
export type StructuredReply = ({ ok: true; value: unknown } | { ok: false; reason: string; raw?: string }) & { usage: CallUsage };

/** The outcome of a text call. */
export interface TextReply {
  text: string;
  usage: CallUsage;
  /** The reply stopped at max_tokens. */
  truncated: boolean;
}

/** A model endpoint the judge and the generator talk to. */
export interface LlmClient {
  /** Ask for a structured answer; throws a JudgeCallError when the call itself fails. */
  structured(call: StructuredCall, signal: AbortSignal): Promise<StructuredReply>;
  /** Ask for text; throws a JudgeCallError when the call itself fails. */
  text(call: TextCall, signal: AbortSignal): Promise<TextReply>;
}

/** A failed call (HTTP error, network error, timeout, abort), with what retrying needs to know. */
export class JudgeCallError extends Error {
  /** The HTTP status, when the server answered. */
  readonly status?: number;
  readonly retryable: boolean;
  /** The wait the server asked for (Retry-After). */
  readonly waitMs?: number;
  /** The caller aborted (the run was cancelled). */
  readonly aborted: boolean;
  constructor(message: string, options: { status?: number; retryable: boolean; waitMs?: number; aborted?: boolean; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = 'JudgeCallError';
    if (options.status !== undefined) this.status = options.status;
    this.retryable = options.retryable;
    if (options.waitMs !== undefined) this.waitMs = options.waitMs;
    this.aborted = options.aborted ?? false;
  }
}
