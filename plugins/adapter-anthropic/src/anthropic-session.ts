/**
 * One Messages API conversation: the message list, one model call per `next()` (plain or streamed),
 * tool results sent back as `tool_result` blocks in a user message.
 */
import type Anthropic from '@anthropic-ai/sdk';
import { FirstTokenTimer, type ChatSession, type ModelTurn, type SessionStart, type ToolCallRequest, type ToolResultMessage } from '@atp/llm-agent-core';
import { toAdapterError, type ErrorContext } from './errors.js';

type MessageParam = Anthropic.MessageParam;
type ContentBlockParam = Anthropic.ContentBlockParam;

/** What a session needs: the start every provider's session has, the Anthropic client and `max_tokens` (required by the API). */
export interface AnthropicSessionOptions extends SessionStart {
  client: Anthropic;
  maxTokens: number;
  errors: ErrorContext;
}

/** The answer's blocks as they must be sent back in the history (thinking blocks included, unchanged). */
function historyBlocks(content: readonly Anthropic.ContentBlock[]): ContentBlockParam[] {
  const out: ContentBlockParam[] = [];
  for (const block of content) {
    if (block.type === 'text') out.push({ type: 'text', text: block.text });
    else if (block.type === 'tool_use') out.push({ type: 'tool_use', id: block.id, name: block.name, input: block.input });
    else if (block.type === 'thinking') out.push({ type: 'thinking', thinking: block.thinking, signature: block.signature });
    else if (block.type === 'redacted_thinking') out.push({ type: 'redacted_thinking', data: block.data });
  }
  return out;
}

/** A conversation with an Anthropic model. */
export class AnthropicSession implements ChatSession {
  readonly #options: AnthropicSessionOptions;
  readonly #messages: MessageParam[];
  #lastAssistant: MessageParam | undefined;

  constructor(options: AnthropicSessionOptions) {
    this.#options = options;
    this.#messages = [{ role: 'user', content: options.prompt }];
  }

  async next(signal: AbortSignal): Promise<ModelTurn> {
    const o = this.#options;
    const params: Anthropic.MessageCreateParamsNonStreaming = {
      model: o.model,
      max_tokens: o.maxTokens,
      messages: this.#messages,
      ...(o.systemPrompt ? { system: o.systemPrompt } : {}),
      ...(o.tools.length
        ? { tools: o.tools.map((t) => ({ name: t.name, ...(t.description ? { description: t.description } : {}), input_schema: t.parameters as Anthropic.Tool.InputSchema })) }
        : {}),
      ...(o.temperature !== undefined ? { temperature: o.temperature } : {}),
    };
    const requestOptions = { signal, timeout: o.timeoutMs };
    try {
      if (!o.stream) return this.#turn(await o.client.messages.create(params, requestOptions));
      const timer = new FirstTokenTimer();
      const stream = o.client.messages.stream(params, requestOptions);
      stream.on('streamEvent', (event) => {
        if (event.type === 'content_block_delta') timer.mark();
      });
      return timer.stamp(this.#turn(await stream.finalMessage()));
    } catch (error) {
      throw toAdapterError(error, o.errors);
    }
  }

  addToolResults(_turn: ModelTurn, results: readonly ToolResultMessage[]): void {
    if (this.#lastAssistant) this.#messages.push(this.#lastAssistant);
    this.#messages.push({
      role: 'user',
      content: results.map((r) => ({ type: 'tool_result' as const, tool_use_id: r.id, content: r.content, ...(r.isError ? { is_error: true } : {}) })),
    });
  }

  #turn(message: Anthropic.Message): ModelTurn {
    const text: string[] = [];
    const calls: ToolCallRequest[] = [];
    for (const block of message.content) {
      if (block.type === 'text') text.push(block.text);
      else if (block.type === 'tool_use') {
        const input = block.input;
        if (typeof input === 'object' && input !== null && !Array.isArray(input)) calls.push({ id: block.id, name: block.name, args: input as Record<string, unknown> });
        else calls.push({ id: block.id, name: block.name, args: {}, argsError: `the tool input must be a JSON object, got ${JSON.stringify(input)}` });
      }
    }
    this.#lastAssistant = { role: 'assistant', content: historyBlocks(message.content) };
    const u = message.usage;
    const cacheRead = u.cache_read_input_tokens ?? 0;
    const cacheWrite = u.cache_creation_input_tokens ?? 0;
    return {
      text: text.join(''),
      toolCalls: calls,
      usage: { input: u.input_tokens + cacheRead + cacheWrite, output: u.output_tokens, cacheRead, cacheWrite },
      model: message.model || this.#options.model,
      finishReason: message.stop_reason ?? 'end_turn',
    };
  }
}
