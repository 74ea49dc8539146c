import { afterEach, describe, expect, it } from 'vitest';
import { isAdapterError } from '@atp/kernel';
import type { AdapterError } from '@atp/kernel';
import { closer, recordingLogger, reply, sampleCallContext, startAnthropicServer, type LlmServer } from '@atp/testkit';
import { createAdapter } from '../src/anthropic-adapter.js';
import type { AnthropicAgentConfigInput } from '../src/config.js';
import { makeInit, makeRequest } from './helpers.js';

const servers = closer<LlmServer>();
afterEach(servers.closeAll);
async function server(...args: Parameters<typeof startAnthropicServer>): Promise<LlmServer> {
  return servers.keep(await startAnthropicServer(...args));
}

const KEY = 'sk-ant-test-0123456789abcdef';
const MODEL = 'claude-sonnet-4-20250514';

const TOOLS: AnthropicAgentConfigInput['tools'] = [
  {
    name: 'get_weather',
    description: 'Current weather of a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    responses: [
      { when: { city: 'Paris' }, then: { temp_c: 21, sky: 'sunny' } },
      { when: { city: 'Atlantis' }, error: 'city not found' },
    ],
  },
  { name: 'search', description: 'Web search', result: 'Paris is the capital of France.' },
];

function config(s: LlmServer, extra: Partial<AnthropicAgentConfigInput> = {}): AnthropicAgentConfigInput {
  return { model: MODEL, api_key: KEY, base_url: s.baseURL, system_prompt: 'You are a travel assistant.', tools: TOOLS, max_retries: 0, ...extra };
}

async function expectAdapterError(promise: Promise<unknown>): Promise<AdapterError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isAdapterError(error)).toBe(true);
  return error as AdapterError;
}

const TEXT = 'Paris: 21°C and sunny. Atlantis could not be found.';
const threeSteps = () => [
  reply.toolCall('get_weather', { city: 'Paris' }, { text: 'Let me check Paris.', usage: { inputTokens: 100, outputTokens: 20, cacheWriteTokens: 1000 } }),
  reply.toolCalls(
    [
      { name: 'search', arguments: { q: 'capital of France' } },
      { name: 'get_weather', arguments: { city: 'Atlantis' } },
    ],
    { usage: { inputTokens: 50, outputTokens: 30, cacheReadTokens: 1000 } },
  ),
  reply.text(TEXT, { usage: { inputTokens: 80, outputTokens: 40, cacheReadTokens: 1000 } }),
];

describe('anthropic adapter: the tool loop over real HTTP', () => {
  it('runs several steps: events, messages sent, artifacts, cache-aware metrics and cost are exact', async () => {
    const s = await server(threeSteps(), { apiKey: KEY });
    const adapter = await createAdapter(config(s), makeInit());
    const { context, events } = sampleCallContext();
    const response = await adapter.run(makeRequest(), context);

    expect(response.status).toBe('completed');
    expect(response.artifacts).toEqual([
      { type: 'file', path: 'response.md', content_type: 'text/markdown', size_bytes: Buffer.byteLength(TEXT), content: TEXT },
      { type: 'structured', name: 'output', data: { text: TEXT, model: MODEL, finish_reason: 'end_turn', steps: 3, tool_calls: 3 } },
    ]);
    // claude-sonnet-4: $0.003 / 1K input (cache writes ×1.25, reads ×0.1), $0.015 / 1K output.
    expect(response.metrics).toEqual({
      input_tokens: 3230,
      output_tokens: 90,
      total_tokens: 3320,
      cache_read_tokens: 2000,
      cache_creation_tokens: 1000,
      llm_calls: 3,
      tool_calls: 3,
      total_steps: 3,
      wall_time_seconds: expect.any(Number),
      cost_usd: 0.00639,
    });
    expect(events.map((e) => [e.sequence, e.event_type])).toEqual([
      [0, 'llm_request'],
      [1, 'tool_call'],
      [2, 'llm_request'],
      [3, 'tool_call'],
      [4, 'tool_call'],
      [5, 'llm_request'],
    ]);
    expect(events[0]?.payload).toEqual({
      model: MODEL,
      provider: 'anthropic',
      step: 1,
      input_tokens: 1100,
      output_tokens: 20,
      cache_creation_tokens: 1000,
      duration_ms: expect.any(Number),
      finish_reason: 'tool_use',
      tool_calls: 1,
    });
    expect(events[4]?.payload).toEqual({ tool: 'get_weather', input: { city: 'Atlantis' }, output: null, status: 'error', error: 'city not found', duration_ms: expect.any(Number), call_id: 'toolu_1_1', step: 2 });

    expect(s.requests[0]).toMatchObject({ model: MODEL, system: 'You are a travel assistant.', tools: ['get_weather', 'search'], lastUserText: 'What is the weather in Paris?' });
    const body = s.requests[2]!.body as { messages: unknown[]; max_tokens: number; tools: unknown[] };
    expect(body.max_tokens).toBe(1024);
    expect(body.tools[0]).toEqual({ name: 'get_weather', description: 'Current weather of a city', input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } });
    expect(body.messages).toEqual([
      { role: 'user', content: 'What is the weather in Paris?' },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Let me check Paris.' },
          { type: 'tool_use', id: 'toolu_0_0', name: 'get_weather', input: { city: 'Paris' } },
        ],
      },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_0_0', content: '{"temp_c":21,"sky":"sunny"}' }] },
      {
        role: 'assistant',
        content: [
          { type: 'tool_use', id: 'toolu_1_0', name: 'search', input: { q: 'capital of France' } },
          { type: 'tool_use', id: 'toolu_1_1', name: 'get_weather', input: { city: 'Atlantis' } },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_1_0', content: 'Paris is the capital of France.' },
          { type: 'tool_result', tool_use_id: 'toolu_1_1', content: 'Error: city not found', is_error: true },
        ],
      },
    ]);
  });

  it('streams (SSE) with the same result and reports time to first token', async () => {
    const s = await server(threeSteps(), { chunkSize: 4 });
    const adapter = await createAdapter(config(s, { stream: true }), makeInit());
    const { context, events } = sampleCallContext();
    const response = await adapter.run(makeRequest(), context);
    expect(response.status).toBe('completed');
    expect(response.metrics).toMatchObject({ input_tokens: 3230, output_tokens: 90, cache_read_tokens: 2000, cache_creation_tokens: 1000, cost_usd: 0.00639 });
    expect(s.requests.every((r) => r.stream)).toBe(true);
    expect(events.filter((e) => e.event_type === 'llm_request').map((e) => typeof e.payload['time_to_first_token_ms'])).toEqual(['number', 'number', 'number']);
    expect(events.filter((e) => e.event_type === 'tool_call').map((e) => e.payload['input'])).toEqual([{ city: 'Paris' }, { q: 'capital of France' }, { city: 'Atlantis' }]);
    expect(response.artifacts[0]).toMatchObject({ content: TEXT });
  });

  it('runs script tools', async () => {
    const s = await server([reply.toolCall('add', { a: 2, b: 40 }), reply.text('42')]);
    const adapter = await createAdapter(config(s, { tools: [{ name: 'add', script: 'tools/calc.mjs', export: 'add' }] }), makeInit());
    const { context, events } = sampleCallContext();
    const response = await adapter.run(makeRequest(), context);
    expect(response.status).toBe('completed');
    expect(events[1]?.payload).toMatchObject({ tool: 'add', output: { sum: 42 }, status: 'success' });
    expect(s.requests[1]?.toolResults).toEqual([{ id: 'toolu_0_0', content: '{"sum":42}' }]);
  });

  it('fails the run when max_steps is reached', async () => {
    const s = await server(() => reply.toolCall('search', { q: 'again' }));
    const adapter = await createAdapter(config(s, { max_steps: 2 }), makeInit());
    const { context } = sampleCallContext();
    const response = await adapter.run(makeRequest(), context);
    expect(response).toMatchObject({
      status: 'failed',
      artifacts: [],
      error: "max_steps (2) reached: after 2 model calls the model still asked for tools (search) instead of answering; raise max_steps in the agent config or the test's constraints",
      metrics: { llm_calls: 2, tool_calls: 1 },
    });
    expect(s.requests).toHaveLength(2);
  });
});

describe('anthropic adapter: errors, retries, cancellation', () => {
  it('retries 529 overloaded and 429 (SDK max_retries), then succeeds', async () => {
    const s = await server([reply.overloaded({ retryAfter: 0 }), reply.rateLimit({ retryAfter: 0 }), reply.text('ok', { usage: { inputTokens: 3, outputTokens: 1 } })]);
    const adapter = await createAdapter(config(s, { max_retries: 2 }), makeInit());
    const response = await adapter.run(makeRequest(), sampleCallContext().context);
    expect(response.status).toBe('completed');
    expect(s.requests).toHaveLength(3);
    expect(response.metrics).toMatchObject({ llm_calls: 1, input_tokens: 3 });
  });

  it('maps statuses: 529/500 retryable, 400 not; stream error events too', async () => {
    const s529 = await server([reply.overloaded()]);
    const e529 = await expectAdapterError((await createAdapter(config(s529), makeInit())).run(makeRequest(), sampleCallContext().context));
    expect(e529).toMatchObject({ kind: 'response', retryable: true, message: 'the Anthropic-compatible server is overloaded (HTTP 529): overloaded_error: Overloaded' });

    const s400 = await server([reply.badRequest('messages.0.content: Input should be a valid list')]);
    const e400 = await expectAdapterError((await createAdapter(config(s400), makeInit())).run(makeRequest(), sampleCallContext().context));
    expect(e400).toMatchObject({ kind: 'response', retryable: false, message: 'the Anthropic-compatible server rejected the request (HTTP 400): invalid_request_error: messages.0.content: Input should be a valid list' });

    const sMid = await server([reply.overloaded({ midStream: true })]);
    const eMid = await expectAdapterError((await createAdapter(config(sMid, { stream: true }), makeInit())).run(makeRequest(), sampleCallContext().context));
    expect(eMid).toMatchObject({ kind: 'response', retryable: true, message: 'the Anthropic-compatible server sent an error in the stream: overloaded_error: Overloaded' });
  });

  it('a bad API key: not retryable, and the key never appears', async () => {
    const s = await server([reply.text('never')], { apiKey: 'the-right-key' });
    const logger = recordingLogger();
    const error = await expectAdapterError((await createAdapter(config(s, { max_retries: 2 }), makeInit(logger))).run(makeRequest(), sampleCallContext().context));
    expect(error).toMatchObject({ kind: 'response', retryable: false });
    expect(error.message).toBe(
      'the Anthropic-compatible server rejected the credentials (HTTP 401): authentication_error: invalid x-api-key: *** — check the API key (api_key in the agent config, or ANTHROPIC_API_KEY)',
    );
    expect(JSON.stringify({ error, lines: logger.lines })).not.toContain(KEY);
  });

  it('the AbortSignal cancels the HTTP call', async () => {
    const s = await server([reply.hang()]);
    const adapter = await createAdapter(config(s), makeInit());
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const t0 = performance.now();
    const error = await expectAdapterError(adapter.run(makeRequest(), sampleCallContext({ signal: controller.signal }).context));
    expect(error).toMatchObject({ kind: 'timeout', retryable: false });
    expect(error.message).toMatch(/^the request to http:\/\/127\.0\.0\.1:\d+ was aborted$/);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('anthropic adapter: credentials', () => {
  it('auth_token is sent as a bearer token; a keyless proxy gets no credential at all', async () => {
    const s = await server([reply.text('a'), reply.text('b')], {});
    await (await createAdapter({ model: MODEL, base_url: s.baseURL, auth_token: 'gateway-token-1234', max_retries: 0 }, makeInit())).run(makeRequest(), sampleCallContext().context);
    expect(s.requests[0]?.auth).toEqual({ header: 'authorization', last4: '1234' });
    await (await createAdapter({ model: MODEL, base_url: s.baseURL, max_retries: 0 }, makeInit())).run(makeRequest(), sampleCallContext().context);
    expect(s.requests[1]?.auth).toBeUndefined();
    expect(s.requests[1]?.headers['x-api-key']).toBeUndefined();
    expect(s.requests[1]?.headers['anthropic-version']).toEqual(expect.any(String));
  });
});
