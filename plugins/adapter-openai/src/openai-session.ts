/**
 * One Chat Completions conversation: the message list, one model call per `next()` (plain or streamed),
 * tool results appended as `tool` messages.
 */
import type OpenAI from 'openai';
import { AdapterError } from '@atp/kernel';
import { FirstTokenTimer, type ChatSession, type ModelTurn, type SessionStart, type ToolCallRequest, type ToolResultMessage } from '@atp/llm-agent-core';
import { toAdapterError, type ErrorContext } from './errors.js';

type MessageParam = OpenAI.Chat.Completions.ChatCompletionMessageParam;
type Completion = OpenAI.Chat.Completions.ChatCompletion;

/** What a session needs: the start every provider's session has, and the OpenAI client. */
export interface OpenAISessionOptions extends SessionStart {
  client: OpenAI;
  maxTokens?: number;
  errors: ErrorContext;
}

function readArgs(raw: string): { args: Record<string, unknown>; argsError?: string } {
  if (raw.trim() === '') return { args: {} };
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { args: value as Record<string, unknown> };
    return { args: {}, argsError: `the tool arguments must be a JSON object, got ${raw.length > 100 ? `${raw.slice(0, 100)}…` : raw}` };
  } catch {
    return { args: {}, argsError: `the tool arguments are not valid JSON: ${raw.length > 100 ? `${raw.slice(0, 100)}…` : raw}` };
  }
}

/** A conversation with an OpenAI-compatible model. */
export class OpenAISession implements ChatSession {
  readonly #options: OpenAISessionOptions;
  readonly #messages: MessageParam[];
  #lastAssistant: MessageParam | undefined;

  constructor(options: OpenAISessionOptions) {
    this.#options = options;
    this.#messages = [...(options.systemPrompt ? [{ role: 'system' as const, content: options.systemPrompt }] : []), { role: 'user', content: options.prompt }];
  }

  async next(signal: AbortSignal): Promise<ModelTurn> {
    const o = this.#options;
    const params: OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming = {
      model: o.model,
      messages: this.#messages,
      ...(o.tools.length
        ? { tools: o.tools.map((t) => ({ type: 'function' as const, function: { name: t.name, ...(t.description ? { description: t.description } : {}), parameters: t.parameters } })) }
        : {}),
      ...(o.temperature !== undefined ? { temperature: o.temperature } : {}),
      ...(o.maxTokens !== undefined ? { max_tokens: o.maxTokens } : {}),
    };
    const requestOptions = { signal, timeout: o.timeoutMs };
    try {
      if (!o.stream) return this.#turn(await o.client.chat.completions.create(params, requestOptions));
      const timer = new FirstTokenTimer();
      const stream = o.client.chat.completions.stream({ ...params, stream: true, stream_options: { include_usage: true } }, requestOptions);
      stream.on('chunk', (chunk) => {
        const delta = chunk.choices[0]?.delta;
        if (delta && (delta.content || delta.tool_calls?.length)) timer.mark();
      });
      return timer.stamp(this.#turn(await stream.finalChatCompletion()));
    } catch (error) {
      throw toAdapterError(error, o.errors);
    }
  }

  addToolResults(_turn: ModelTurn, results: readonly ToolResultMessage[]): void {
    if (this.#lastAssistant) this.#messages.push(this.#lastAssistant);
    for (const r of results) this.#messages.push({ role: 'tool', tool_call_id: r.id, content: r.content });
  }

  #turn(completion: Completion): ModelTurn {
    const choice = completion.choices[0];
    if (!choice) throw new AdapterError('protocol', `${this.#options.errors.service} answered without any choice`, { retryable: false });
    const message = choice.message;
    const calls: ToolCallRequest[] = [];
    const raw: OpenAI.Chat.Completions.ChatCompletionMessageFunctionToolCall[] = [];
    for (const call of message.tool_calls ?? []) {
      if (call.type !== 'function') continue;
      raw.push(call);
      calls.push({ id: call.id, name: call.function.name, ...readArgs(call.function.arguments) });
    }
    this.#lastAssistant = {
      role: 'assistant',
      content: message.content ?? null,
      ...(raw.length ? { tool_calls: raw.map((c) => ({ id: c.id, type: 'function' as const, function: { name: c.function.name, arguments: c.function.arguments } })) } : {}),
    };
    const usage = completion.usage;
    return {
      text: message.content ?? '',
      toolCalls: calls,
      usage: { input: usage?.prompt_tokens ?? 0, output: usage?.completion_tokens ?? 0, cacheRead: usage?.prompt_tokens_details?.cached_tokens ?? 0, cacheWrite: 0 },
      model: completion.model || this.#options.model,
      finishReason: choice.finish_reason ?? 'stop',
    };
  }
}
