import type { ErrorReply, HangReply, MalformedReply, MessageReply, ReplyCommon, ReplyUsage, ResetReply, ToolCallSpec } from './types.js';

/** Options of the message builders. */
export interface MessageOptions extends ReplyCommon {
  usage?: ReplyUsage;
  stopReason?: string;
  model?: string;
}

/** Options of the error builders. */
export type ErrorOptions = Omit<ErrorReply, 'type' | 'status'>;

/** Builders of scripted replies: `reply.text('hi')`, `reply.toolCall('search', { q: 'x' })`, `reply.rateLimit({ retryAfter: 1 })`. */
export const reply = {
  /** A final text answer. */
  text(text: string, options: MessageOptions = {}): MessageReply {
    return { type: 'message', text, ...options };
  },
  /** One tool call (optionally with text before it: `{ text }`). */
  toolCall(name: string, args: unknown = {}, options: MessageOptions & { id?: string; text?: string } = {}): MessageReply {
    const { id, text, ...rest } = options;
    return { type: 'message', ...(text !== undefined ? { text } : {}), toolCalls: [{ name, arguments: args, ...(id ? { id } : {}) }], ...rest };
  },
  /** Several tool calls in one turn (parallel tool calls). */
  toolCalls(calls: readonly ToolCallSpec[], options: MessageOptions & { text?: string } = {}): MessageReply {
    const { text, ...rest } = options;
    return { type: 'message', ...(text !== undefined ? { text } : {}), toolCalls: [...calls], ...rest };
  },
  /** A text answer holding `value` as JSON (structured output, a judge's verdict). */
  json(value: unknown, options: MessageOptions = {}): MessageReply {
    return { type: 'message', text: JSON.stringify(value), ...options };
  },
  /** An API error with the provider's error body. */
  error(status: number, options: ErrorOptions = {}): ErrorReply {
    return { type: 'error', status, ...options };
  },
  /** 429 rate limit (set `retryAfter` seconds or `retryAfterMs`). */
  rateLimit(options: ErrorOptions = {}): ErrorReply {
    return { type: 'error', status: 429, ...options };
  },
  /** 500 internal server error. */
  serverError(options: ErrorOptions = {}): ErrorReply {
    return { type: 'error', status: 500, ...options };
  },
  /** 529 overloaded (Anthropic's `overloaded_error`; OpenAI-compatible servers answer 503 for this). */
  overloaded(options: ErrorOptions = {}): ErrorReply {
    return { type: 'error', status: 529, ...options };
  },
  /** 401 authentication error. */
  unauthorized(options: ErrorOptions = {}): ErrorReply {
    return { type: 'error', status: 401, ...options };
  },
  /** 400 invalid request. */
  badRequest(message: string, options: ErrorOptions = {}): ErrorReply {
    return { type: 'error', status: 400, message, ...options };
  },
  /** Destroy the connection (mid-stream for streaming requests with `{ midStream: true }`). */
  reset(options: Omit<ResetReply, 'type'> = {}): ResetReply {
    return { type: 'reset', ...options };
  },
  /** Never answer: the client's timeout (or abort) has to end the request. */
  hang(): HangReply {
    return { type: 'hang' };
  },
  /** A 200 answer whose body is not valid JSON (or `body` as given). */
  malformed(body?: string, options: Omit<MalformedReply, 'type' | 'body'> = {}): MalformedReply {
    return { type: 'malformed', ...(body !== undefined ? { body } : {}), ...options };
  },
  /** `next` after `ms` milliseconds. */
  delay<T extends MessageReply | ErrorReply | MalformedReply | ResetReply>(ms: number, next: T): T {
    return { ...next, delayMs: ms };
  },
};
