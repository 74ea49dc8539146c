/**
 * The Anthropic Messages wire format: reading requests as the real API validates them, and rendering
 * scripted replies as `message` bodies, SSE event streams (message_start … message_stop) and errors.
 */
import { chunkText, resolveUsage, type ResolvedUsage } from './tokens.js';
import type { ErrorReply, MessageReply, RecordedToolResult } from './types.js';
import { contentText, isObject, type InvalidRequest, type ReadResult, type RequestView } from './view.js';

/** Read and validate a Messages API body. */
export function readAnthropicRequest(body: unknown): ReadResult {
  const view: RequestView = { stream: false, system: '', tools: [], lastUserText: '', toolResults: [], promptText: '' };
  const fail = (message: string): ReadResult => ({ ok: false, view, invalid: { message } });
  if (!isObject(body)) return fail('The request body is not valid JSON.');
  if (typeof body['model'] === 'string') view.model = body['model'];
  view.stream = body['stream'] === true;
  view.system = contentText(body['system']);
  const tools = Array.isArray(body['tools']) ? body['tools'] : [];
  view.tools = tools.map((t) => (isObject(t) && typeof t['name'] === 'string' ? t['name'] : '')).filter(Boolean);
  const messages = body['messages'];
  const texts: string[] = [];
  if (Array.isArray(messages)) {
    for (const m of messages) {
      if (!isObject(m)) continue;
      const text = contentText(m['content']);
      const results = toolResults(m['content']).map((r) => r.content);
      texts.push(...[text, ...results].filter(Boolean));
      if (m['role'] === 'user' && (typeof m['content'] === 'string' || text)) view.lastUserText = text;
    }
    const last = messages[messages.length - 1];
    if (isObject(last) && last['role'] === 'user') view.toolResults = toolResults(last['content']);
  }
  view.promptText = [view.system, ...texts].filter(Boolean).join('\n');

  if (typeof body['model'] !== 'string' || body['model'] === '') return fail('model: Field required');
  if (body['max_tokens'] === undefined) return fail('max_tokens: Field required');
  if (typeof body['max_tokens'] !== 'number' || !Number.isInteger(body['max_tokens']) || body['max_tokens'] < 1) {
    return fail('max_tokens: Input should be a valid integer greater than or equal to 1');
  }
  if (!Array.isArray(messages)) return fail('messages: Field required');
  if (messages.length === 0) return fail('messages: at least one message is required');
  for (const [i, t] of tools.entries()) {
    if (!isObject(t) || typeof t['name'] !== 'string') return fail(`tools.${i}.name: Field required`);
    if (t['type'] === undefined && !isObject(t['input_schema'])) return fail(`tools.${i}.custom.input_schema: Field required`);
  }
  const problem = checkMessages(messages);
  return problem ? { ok: false, view, invalid: problem } : { ok: true, view };
}

function blocks(content: unknown): Array<Record<string, unknown>> {
  return Array.isArray(content) ? content.filter(isObject) : [];
}

function toolResults(content: unknown): RecordedToolResult[] {
  return blocks(content)
    .filter((b) => b['type'] === 'tool_result')
    .map((b) => ({
      id: String(b['tool_use_id'] ?? ''),
      content: typeof b['content'] === 'string' ? b['content'] : contentText(b['content']),
      ...(b['is_error'] === true ? { isError: true } : {}),
    }));
}

/** Roles, and the pairing of `tool_use` blocks with `tool_result` blocks in the next message. */
function checkMessages(messages: unknown[]): InvalidRequest | undefined {
  let asked: string[] = [];
  for (const [i, m] of messages.entries()) {
    if (!isObject(m) || (m['role'] !== 'user' && m['role'] !== 'assistant')) {
      return { message: `messages.${i}.role: Input should be 'user' or 'assistant'` };
    }
    const content = m['content'];
    if (typeof content !== 'string' && !Array.isArray(content)) return { message: `messages.${i}.content: Field required` };
    const results = toolResults(content).map((r) => r.id);
    const unexpected = results.filter((id) => !asked.includes(id));
    if (unexpected.length) {
      return {
        message: `messages.${i}.content.0: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${unexpected.join(', ')}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`,
      };
    }
    const missing = asked.filter((id) => !results.includes(id));
    if (missing.length) {
      return {
        message: `messages.${i - 1}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`,
      };
    }
    asked = m['role'] === 'assistant' ? blocks(content).filter((b) => b['type'] === 'tool_use').map((b) => String(b['id'] ?? '')) : [];
  }
  if (asked.length) {
    return {
      message: `messages.${messages.length - 1}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${asked.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`,
    };
  }
  return undefined;
}

/** Everything a rendered answer needs besides the reply. */
export interface RenderContext {
  requestIndex: number;
  model: string;
  promptText: string;
}

type Block = { type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string; input: unknown; raw: string };

function renderBlocks(reply: MessageReply, ctx: RenderContext): Block[] {
  const out: Block[] = [];
  if (reply.text) out.push({ type: 'text', text: reply.text });
  (reply.toolCalls ?? []).forEach((c, i) => {
    const raw = typeof c.arguments === 'string' ? c.arguments : JSON.stringify(c.arguments ?? {});
    let input: unknown = c.arguments ?? {};
    if (typeof c.arguments === 'string') {
      try {
        input = JSON.parse(c.arguments);
      } catch {
        input = c.arguments;
      }
    }
    out.push({ type: 'tool_use', id: c.id ?? `toolu_${ctx.requestIndex}_${i}`, name: c.name, input, raw });
  });
  return out;
}

function stopReason(reply: MessageReply): string {
  return reply.stopReason ?? (reply.toolCalls?.length ? 'tool_use' : 'end_turn');
}

function usageBody(u: ResolvedUsage, outputTokens = u.outputTokens): Record<string, unknown> {
  return {
    input_tokens: u.inputTokens,
    cache_creation_input_tokens: u.cacheWriteTokens,
    cache_read_input_tokens: u.cacheReadTokens,
    output_tokens: outputTokens,
    service_tier: 'standard',
  };
}

/** A non-streamed `message` body. */
export function anthropicMessage(reply: MessageReply, ctx: RenderContext): Record<string, unknown> {
  const content = renderBlocks(reply, ctx).map((b) => (b.type === 'text' ? b : { type: 'tool_use', id: b.id, name: b.name, input: b.input }));
  return {
    id: `msg_testkit${ctx.requestIndex}`,
    type: 'message',
    role: 'assistant',
    model: reply.model ?? ctx.model,
    content,
    stop_reason: stopReason(reply),
    stop_sequence: null,
    usage: usageBody(resolveUsage(reply.usage, ctx.promptText, reply)),
  };
}

/** One server-sent event: its `event:` name and its JSON data. */
export interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

/** The SSE events of a streamed answer, from `message_start` to `message_stop`. */
export function anthropicEvents(reply: MessageReply, ctx: RenderContext, chunkSize: number): SseEvent[] {
  const usage = resolveUsage(reply.usage, ctx.promptText, reply);
  const ev = (event: string, data: Record<string, unknown>): SseEvent => ({ event, data: { type: event, ...data } });
  const out: SseEvent[] = [
    ev('message_start', {
      message: {
        id: `msg_testkit${ctx.requestIndex}`,
        type: 'message',
        role: 'assistant',
        model: reply.model ?? ctx.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: usageBody(usage, 1),
      },
    }),
    ev('ping', {}),
  ];
  renderBlocks(reply, ctx).forEach((b, index) => {
    if (b.type === 'text') {
      out.push(ev('content_block_start', { index, content_block: { type: 'text', text: '' } }));
      for (const text of chunkText(b.text, chunkSize)) out.push(ev('content_block_delta', { index, delta: { type: 'text_delta', text } }));
    } else {
      out.push(ev('content_block_start', { index, content_block: { type: 'tool_use', id: b.id, name: b.name, input: {} } }));
      for (const partial_json of chunkText(b.raw, chunkSize)) out.push(ev('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json } }));
    }
    out.push(ev('content_block_stop', { index }));
  });
  out.push(ev('message_delta', { delta: { stop_reason: stopReason(reply), stop_sequence: null }, usage: { output_tokens: usage.outputTokens } }));
  out.push(ev('message_stop', {}));
  return out;
}

const ERROR_TYPES: Record<number, { type: string; message: string }> = {
  400: { type: 'invalid_request_error', message: 'Invalid request.' },
  401: { type: 'authentication_error', message: 'invalid x-api-key' },
  403: { type: 'permission_error', message: 'Your API key does not have permission to use the specified resource.' },
  404: { type: 'not_found_error', message: 'The requested resource could not be found.' },
  413: { type: 'request_too_large', message: 'Request exceeds the maximum allowed number of bytes.' },
  429: { type: 'rate_limit_error', message: 'Number of request tokens has exceeded your per-minute rate limit.' },
  500: { type: 'api_error', message: 'Internal server error' },
  529: { type: 'overloaded_error', message: 'Overloaded' },
};

/** The `{"type": "error", "error": {...}, "request_id"}` body of an API error. */
export function anthropicError(status: number, reply: Partial<ErrorReply> = {}, requestId = 'req_testkit'): Record<string, unknown> {
  const known = ERROR_TYPES[status] ?? (status >= 500 ? ERROR_TYPES[500]! : ERROR_TYPES[400]!);
  return { type: 'error', error: { type: reply.errorType ?? known.type, message: reply.message ?? known.message }, request_id: requestId };
}
