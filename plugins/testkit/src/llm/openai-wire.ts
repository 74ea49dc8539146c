/**
 * The OpenAI Chat Completions wire format: reading requests as the real API validates them, and
 * rendering scripted replies as `chat.completion` bodies, `chat.completion.chunk` SSE streams and errors.
 */
import { chunkText, resolveUsage, type ResolvedUsage } from './tokens.js';
import type { ErrorReply, MessageReply, RecordedToolResult } from './types.js';
import { contentText, isObject, type InvalidRequest, type ReadResult, type RequestView } from './view.js';

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);

/** Read and validate a Chat Completions body; `modelRequired` is false on the Azure route (the deployment names it). */
export function readOpenAIRequest(body: unknown, modelRequired: boolean): ReadResult {
  const view: RequestView = { stream: false, system: '', tools: [], lastUserText: '', toolResults: [], promptText: '' };
  const fail = (message: string, param?: string): ReadResult => ({ ok: false, view, invalid: { message, ...(param ? { param } : {}) } });
  if (!isObject(body)) return fail('We could not parse the JSON body of your request. The OpenAI API expects a JSON payload.');
  if (typeof body['model'] === 'string') view.model = body['model'];
  view.stream = body['stream'] === true;
  const tools = Array.isArray(body['tools']) ? body['tools'] : [];
  view.tools = tools.map((t) => (isObject(t) && isObject(t['function']) && typeof t['function']['name'] === 'string' ? t['function']['name'] : '')).filter(Boolean);
  const messages = body['messages'];
  const system: string[] = [];
  const texts: string[] = [];
  if (Array.isArray(messages)) {
    for (const m of messages) {
      if (!isObject(m)) continue;
      const text = contentText(m['content']);
      if (m['role'] === 'system' || m['role'] === 'developer') system.push(text);
      else if (text) texts.push(text);
      if (m['role'] === 'user') view.lastUserText = text;
    }
    view.toolResults = latestToolResults(messages);
  }
  view.system = system.join('\n');
  view.promptText = [...system, ...texts].join('\n');

  if (modelRequired && (typeof body['model'] !== 'string' || body['model'] === '')) return fail('you must provide a model parameter', 'model');
  if (!Array.isArray(messages)) return fail("Missing required parameter: 'messages'.", 'messages');
  if (messages.length === 0) return fail("Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", 'messages');
  if (body['stream_options'] !== undefined && body['stream_options'] !== null && !view.stream) {
    return fail("The 'stream_options' parameter is only allowed when 'stream' is enabled.", 'stream_options');
  }
  for (const [i, t] of tools.entries()) {
    if (!isObject(t) || t['type'] !== 'function' || !isObject(t['function']) || typeof t['function']['name'] !== 'string') {
      return fail(`Invalid 'tools[${i}]': expected {"type": "function", "function": {"name": ...}}.`, `tools[${i}]`);
    }
  }
  const problem = checkMessages(messages);
  return problem ? { ok: false, view, invalid: problem } : { ok: true, view };
}

/** The first problem the real API reports about roles and tool-call pairing, if any. */
function checkMessages(messages: unknown[]): InvalidRequest | undefined {
  const fail = (message: string, param?: string): InvalidRequest => ({ message, ...(param ? { param } : {}) });
  // Tool call ids an assistant message asked for that still wait for their `tool` message.
  let pending: string[] = [];
  for (const [i, m] of messages.entries()) {
    if (!isObject(m) || typeof m['role'] !== 'string' || !ROLES.has(m['role'])) {
      return fail(`Invalid value for 'messages[${i}].role': expected one of system, developer, user, assistant, tool.`, `messages[${i}].role`);
    }
    const role = m['role'];
    if (role === 'tool') {
      const id = m['tool_call_id'];
      if (typeof id !== 'string' || !pending.includes(id)) {
        return fail("Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.", `messages.[${i}].role`);
      }
      pending = pending.filter((p) => p !== id);
      continue;
    }
    if (pending.length) {
      return fail(
        `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${pending.join(', ')}`,
        `messages.[${i}].role`,
      );
    }
    if (role === 'assistant' && Array.isArray(m['tool_calls'])) {
      for (const call of m['tool_calls']) {
        if (!isObject(call) || typeof call['id'] !== 'string' || !isObject(call['function']) || typeof call['function']['name'] !== 'string') {
          return fail(`Invalid 'messages[${i}].tool_calls': each call needs an id and a function name.`, `messages[${i}].tool_calls`);
        }
        pending.push(call['id']);
      }
    }
  }
  if (pending.length) {
    return fail(
      `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${pending.join(', ')}`,
      'messages',
    );
  }
  return undefined;
}

/** The `tool` messages after the last assistant message. */
function latestToolResults(messages: unknown[]): RecordedToolResult[] {
  const out: RecordedToolResult[] = [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (!isObject(m) || m['role'] !== 'tool') break;
    out.unshift({ id: String(m['tool_call_id'] ?? ''), content: contentText(m['content']) });
  }
  return out;
}

/** Everything a rendered answer needs besides the reply. */
export interface RenderContext {
  requestIndex: number;
  model: string;
  promptText: string;
  created: number;
}

interface RenderedCall {
  id: string;
  name: string;
  arguments: string;
}

function renderCalls(reply: MessageReply, ctx: RenderContext): RenderedCall[] {
  return (reply.toolCalls ?? []).map((c, i) => ({
    id: c.id ?? `call_${ctx.requestIndex}_${i}`,
    name: c.name,
    arguments: typeof c.arguments === 'string' ? c.arguments : JSON.stringify(c.arguments ?? {}),
  }));
}

function usageBody(u: ResolvedUsage): Record<string, unknown> {
  const prompt = u.inputTokens + u.cacheReadTokens;
  return {
    prompt_tokens: prompt,
    completion_tokens: u.outputTokens,
    total_tokens: prompt + u.outputTokens,
    prompt_tokens_details: { cached_tokens: u.cacheReadTokens, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

function finishReason(reply: MessageReply, calls: RenderedCall[]): string {
  return reply.stopReason ?? (calls.length ? 'tool_calls' : 'stop');
}

/** A non-streamed `chat.completion` body. */
export function openAICompletion(reply: MessageReply, ctx: RenderContext): Record<string, unknown> {
  const calls = renderCalls(reply, ctx);
  const usage = resolveUsage(reply.usage, ctx.promptText, reply);
  const message: Record<string, unknown> = {
    role: 'assistant',
    content: reply.text ?? (calls.length ? null : ''),
    refusal: null,
    annotations: [],
  };
  if (calls.length) message['tool_calls'] = calls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } }));
  return {
    id: `chatcmpl-testkit${ctx.requestIndex}`,
    object: 'chat.completion',
    created: ctx.created,
    model: reply.model ?? ctx.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason(reply, calls) }],
    usage: usageBody(usage),
    service_tier: 'default',
    system_fingerprint: 'fp_testkit',
  };
}

/** The `chat.completion.chunk` objects of a streamed answer, in order (`[DONE]` not included). */
export function openAIChunks(reply: MessageReply, ctx: RenderContext, chunkSize: number, includeUsage: boolean): Array<Record<string, unknown>> {
  const calls = renderCalls(reply, ctx);
  const base = {
    id: `chatcmpl-testkit${ctx.requestIndex}`,
    object: 'chat.completion.chunk',
    created: ctx.created,
    model: reply.model ?? ctx.model,
    service_tier: 'default',
    system_fingerprint: 'fp_testkit',
  };
  const chunk = (delta: Record<string, unknown>, finish: string | null = null): Record<string, unknown> => ({
    ...base,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    ...(includeUsage ? { usage: null } : {}),
  });
  const out = [chunk({ role: 'assistant', content: '', refusal: null })];
  if (reply.text) for (const piece of chunkText(reply.text, chunkSize)) out.push(chunk({ content: piece }));
  calls.forEach((c, index) => {
    out.push(chunk({ tool_calls: [{ index, id: c.id, type: 'function', function: { name: c.name, arguments: '' } }] }));
    if (c.arguments) for (const piece of chunkText(c.arguments, chunkSize)) out.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
  });
  out.push(chunk({}, finishReason(reply, calls)));
  if (includeUsage) out.push({ ...base, choices: [], usage: usageBody(resolveUsage(reply.usage, ctx.promptText, reply)) });
  return out;
}

const ERROR_TYPES: Record<number, { type: string; code: string | null; message: string }> = {
  400: { type: 'invalid_request_error', code: null, message: 'Invalid request.' },
  401: { type: 'invalid_request_error', code: 'invalid_api_key', message: 'Incorrect API key provided.' },
  403: { type: 'invalid_request_error', code: 'unsupported_country_region_territory', message: 'Country, region, or territory not supported.' },
  404: { type: 'invalid_request_error', code: 'model_not_found', message: 'The model does not exist or you do not have access to it.' },
  429: { type: 'requests', code: 'rate_limit_exceeded', message: 'Rate limit reached for requests. Please try again later.' },
  500: { type: 'server_error', code: null, message: 'The server had an error while processing your request. Sorry about that!' },
  503: { type: 'server_error', code: null, message: 'The engine is currently overloaded, please try again later.' },
  529: { type: 'server_error', code: null, message: 'The engine is currently overloaded, please try again later.' },
};

/** The `{"error": {...}}` body of an API error. */
export function openAIError(status: number, reply: Partial<ErrorReply> = {}, param: string | null = null): Record<string, unknown> {
  const known = ERROR_TYPES[status] ?? (status >= 500 ? ERROR_TYPES[500]! : ERROR_TYPES[400]!);
  return {
    error: {
      message: reply.message ?? known.message,
      type: reply.errorType ?? known.type,
      param,
      code: reply.code ?? known.code,
    },
  };
}

/** The Azure OpenAI error body (`{"error": {"code", "message"}}`). */
export function azureError(status: number, message: string): Record<string, unknown> {
  return { error: { code: String(status), message } };
}
