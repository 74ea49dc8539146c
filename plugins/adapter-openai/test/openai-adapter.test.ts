import { afterEach, describe, expect, it } from 'vitest';
import { isAdapterError } from '@atp/kernel';
import type { AdapterError } from '@atp/kernel';
import { closer, recordingLogger, reply, sampleCallContext, startOpenAIServer, type LlmServer } from '@atp/testkit';
import { createAdapter } from '../src/openai-adapter.js';
import type { OpenAIAgentConfigInput } from '../src/config.js';
import { makeInit, makeRequest } from './helpers.js';

const servers = closer<LlmServer>();
afterEach(servers.closeAll);
async function server(...args: Parameters<typeof startOpenAIServer>): Promise<LlmServer> {
  return servers.keep(await startOpenAIServer(...args));
}

const KEY = 'sk-test-0123456789abcdef';

const WEATHER_TOOLS: OpenAIAgentConfigInput['tools'] = [
  {
    name: 'get_weather',
    description: 'Current weather of a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    responses: [
      { when: { city: 'Paris' }, then: { temp_c: 21, sky: 'sunny' } },
      { when: { city: { regex: '^Os' } }, then: { temp_c: 4, sky: 'snow' } },
    ],
    default: { error: 'unknown city' },
  },
  { name: 'search', description: 'Web search', result: 'Paris is the capital of France.' },
];

function config(s: LlmServer, extra: Partial<OpenAIAgentConfigInput> = {}): OpenAIAgentConfigInput {
  return { model: 'gpt-4o-mini', api_key: KEY, base_url: s.baseURL, system_prompt: 'You are a travel assistant.', tools: WEATHER_TOOLS, max_retries: 0, ...extra };
}

async function expectAdapterError(promise: Promise<unknown>): Promise<AdapterError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isAdapterError(error)).toBe(true);
  return error as AdapterError;
}

const threeSteps = () => [
  reply.toolCall('get_weather', { city: 'Paris' }, { usage: { inputTokens: 100, outputTokens: 20 } }),
  reply.toolCalls(
    [
      { name: 'search', arguments: { q: 'capital of France' } },
      { name: 'get_weather', arguments: { city: 'Oslo' } },
    ],
    { usage: { inputTokens: 200, outputTokens: 30 } },
  ),
  reply.text('# Trip\nParis: 21°C and sunny. Oslo: 4°C with snow.', { usage: { inputTokens: 300, outputTokens: 40 } }),
];

describe('openai adapter: the tool loop over real HTTP', () => {
  it('runs several steps: events, messages sent, artifacts and metrics are exact', async () => {
    const s = await server(threeSteps(), { apiKey: KEY });
    const adapter = await createAdapter(config(s), makeInit());
    const { context, events } = sampleCallContext();
    const response = await adapter.run(makeRequest(), context);

    expect(response.status).toBe('completed');
    expect(response.error).toBeNull();
    const text = '# Trip\nParis: 21°C and sunny. Oslo: 4°C with snow.';
    expect(response.artifacts).toEqual([
      { type: 'file', path: 'response.md', content_type: 'text/markdown', size_bytes: Buffer.byteLength(text), content: text },
      { type: 'structured', name: 'output', data: { text, model: 'gpt-4o-mini', finish_reason: 'stop', steps: 3, tool_calls: 3 } },
    ]);
    // gpt-4o-mini: $0.00015 / 1K input, $0.0006 / 1K output.
    expect(response.metrics).toEqual({
      input_tokens: 600,
      output_tokens: 90,
      total_tokens: 690,
      llm_calls: 3,
      tool_calls: 3,
      total_steps: 3,
      wall_time_seconds: expect.any(Number),
      cost_usd: 0.000144,
    });

    const llm = (step: number, input: number, output: number, finish: string, calls: number) => ({
      model: 'gpt-4o-mini',
      provider: 'openai',
      step,
      input_tokens: input,
      output_tokens: output,
      duration_ms: expect.any(Number),
      finish_reason: finish,
      tool_calls: calls,
    });
    const tool = (name: string, input: unknown, output: unknown, callId: string, step: number) => ({ tool: name, input, output, status: 'success', duration_ms: expect.any(Number), call_id: callId, step });
    expect(events.map((e) => [e.sequence, e.event_type, e.task_id])).toEqual([
      [0, 'llm_request', 'task-1'],
      [1, 'tool_call', 'task-1'],
      [2, 'llm_request', 'task-1'],
      [3, 'tool_call', 'task-1'],
      [4, 'tool_call', 'task-1'],
      [5, 'llm_request', 'task-1'],
    ]);
    expect(events.map((e) => e.payload)).toEqual([
      llm(1, 100, 20, 'tool_calls', 1),
      tool('get_weather', { city: 'Paris' }, { temp_c: 21, sky: 'sunny' }, 'call_0_0', 1),
      llm(2, 200, 30, 'tool_calls', 2),
      tool('search', { q: 'capital of France' }, 'Paris is the capital of France.', 'call_1_0', 2),
      tool('get_weather', { city: 'Oslo' }, { temp_c: 4, sky: 'snow' }, 'call_1_1', 2),
      llm(3, 300, 40, 'stop', 0),
    ]);

    // What the model was sent: system + user, then the assistant turns and tool results.
    expect(s.requests).toHaveLength(3);
    expect(s.requests[0]).toMatchObject({ model: 'gpt-4o-mini', system: 'You are a travel assistant.', lastUserText: 'What is the weather in Paris?', tools: ['get_weather', 'search'], stream: false });
    const body = s.requests[2]!.body as { messages: Array<Record<string, unknown>>; tools: unknown[] };
    expect(body.messages).toEqual([
      { role: 'system', content: 'You are a travel assistant.' },
      { role: 'user', content: 'What is the weather in Paris?' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_0_0', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
      { role: 'tool', tool_call_id: 'call_0_0', content: '{"temp_c":21,"sky":"sunny"}' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_1_0', type: 'function', function: { name: 'search', arguments: '{"q":"capital of France"}' } },
          { id: 'call_1_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1_0', content: 'Paris is the capital of France.' },
      { role: 'tool', tool_call_id: 'call_1_1', content: '{"temp_c":4,"sky":"snow"}' },
    ]);
    expect(body.tools[0]).toEqual({
      type: 'function',
      function: { name: 'get_weather', description: 'Current weather of a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
    });
    expect(s.requests.every((r) => r.auth?.valid === true)).toBe(true);
  });

  it('streams (SSE) with the same result and reports time to first token', async () => {
    const s = await server(threeSteps(), { chunkSize: 3 });
    const adapter = await createAdapter(config(s, { stream: true }), makeInit());
    const { context, events } = sampleCallContext();
    const response = await adapter.run(makeRequest(), context);
    expect(response.status).toBe('completed');
    expect(response.metrics).toMatchObject({ input_tokens: 600, output_tokens: 90, total_tokens: 690, llm_calls: 3, tool_calls: 3, cost_usd: 0.000144 });
    expect(s.requests.every((r) => r.stream && (r.body as { stream_options?: unknown }).stream_options !== undefined)).toBe(true);
    const llm = events.filter((e) => e.event_type === 'llm_request');
    expect(llm.map((e) => e.payload['time_to_first_token_ms'])).toEqual([expect.any(Number), expect.any(Number), expect.any(Number)]);
    expect(events.filter((e) => e.event_type === 'tool_call').map((e) => [e.payload['tool'], e.payload['input']])).toEqual([
      ['get_weather', { city: 'Paris' }],
      ['search', { q: 'capital of France' }],
      ['get_weather', { city: 'Oslo' }],
    ]);
    expect(response.artifacts[0]).toMatchObject({ content: '# Trip\nParis: 21°C and sunny. Oslo: 4°C with snow.' });
  });

  it('runs script tools (named and default exports); a throwing tool is an error the model sees', async () => {
    const s = await server([
      reply.toolCalls([
        { name: 'add', arguments: { a: 2, b: 3 } },
        { name: 'divide', arguments: { a: 1, b: 0 } },
      ]),
      reply.toolCall('divide', { a: 9, b: 3 }),
      reply.text('done'),
    ]);
    const tools = [
      { name: 'add', script: 'tools/calc.mjs', export: 'add', parameters: { type: 'object' as const } },
      { name: 'divide', script: 'tools/calc.mjs' },
    ];
    const adapter = await createAdapter(config(s, { tools }), makeInit());
    const { context, events } = sampleCallContext();
    const response = await adapter.run(makeRequest(), context);
    expect(response.status).toBe('completed');
    expect(events.filter((e) => e.event_type === 'tool_call').map((e) => e.payload)).toEqual([
      { tool: 'add', input: { a: 2, b: 3 }, output: { sum: 5 }, status: 'success', duration_ms: expect.any(Number), call_id: 'call_0_0', step: 1 },
      { tool: 'divide', input: { a: 1, b: 0 }, output: null, status: 'error', error: 'division by zero', duration_ms: expect.any(Number), call_id: 'call_0_1', step: 1 },
      { tool: 'divide', input: { a: 9, b: 3 }, output: { quotient: 3, tool: 'divide', task: 'task-1' }, status: 'success', duration_ms: expect.any(Number), call_id: 'call_1_0', step: 2 },
    ]);
    expect(s.requests[1]?.toolResults).toEqual([
      { id: 'call_0_0', content: '{"sum":5}' },
      { id: 'call_0_1', content: 'Error: division by zero' },
    ]);
  });

  it('sends tool errors back for unknown tools, invalid JSON arguments and unmatched responses', async () => {
    const s = await server([
      reply.toolCalls([
        { name: 'teleport', arguments: {} },
        { name: 'get_weather', arguments: '{"city": "Par' },
        { name: 'get_weather', arguments: { city: 'Lima' } },
      ]),
      reply.text('sorry'),
    ]);
    const tools = [{ name: 'get_weather', responses: [{ when: { city: 'Paris' }, then: 'sunny' }] }];
    const adapter = await createAdapter(config(s, { tools }), makeInit());
    const { context, events } = sampleCallContext();
    await adapter.run(makeRequest(), context);
    expect(events.filter((e) => e.event_type === 'tool_call').map((e) => [e.payload['status'], e.payload['error']])).toEqual([
      ['error', 'unknown tool "teleport"; available tools: get_weather'],
      ['error', 'the tool arguments are not valid JSON: {"city": "Par'],
      ['error', 'no scripted response of tool "get_weather" matches the arguments {"city":"Lima"}'],
    ]);
    expect(s.requests[1]?.toolResults.map((r) => r.content)).toEqual([
      'Error: unknown tool "teleport"; available tools: get_weather',
      'Error: the tool arguments are not valid JSON: {"city": "Par',
      'Error: no scripted response of tool "get_weather" matches the arguments {"city":"Lima"}',
    ]);
  });

  it('puts input_data in the prompt, offers only allowed_tools, and parses a JSON answer', async () => {
    const s = await server([reply.json({ city: 'Paris', ok: true })]);
    const adapter = await createAdapter(config(s), makeInit());
    const { context } = sampleCallContext();
    const response = await adapter.run(makeRequest({ description: 'Plan a trip', input_data: { days: 3 } }, { allowed_tools: ['search'] }), context);
    expect(s.requests[0]?.lastUserText).toBe('Plan a trip\n\nInput data (JSON):\n```json\n{\n  "days": 3\n}\n```');
    expect(s.requests[0]?.tools).toEqual(['search']);
    expect(response.artifacts[1]).toEqual({
      type: 'structured',
      name: 'output',
      data: { text: '{"city":"Paris","ok":true}', json: { city: 'Paris', ok: true }, model: 'gpt-4o-mini', finish_reason: 'stop', steps: 1, tool_calls: 0 },
    });
  });

  it('fails the run when max_steps is reached (the test constraint lowers the agent limit)', async () => {
    const s = await server([reply.toolCall('search', { q: 'a' }, { usage: { inputTokens: 10, outputTokens: 1 } }), reply.toolCall('search', { q: 'b' }, { usage: { inputTokens: 10, outputTokens: 1 } }), reply.text('never')]);
    const adapter = await createAdapter(config(s, { max_steps: 5 }), makeInit());
    const { context, events } = sampleCallContext();
    const response = await adapter.run(makeRequest({}, { max_steps: 2 }), context);
    expect(response.status).toBe('failed');
    expect(response.error).toBe(
      "max_steps (2) reached: after 2 model calls the model still asked for tools (search) instead of answering; raise max_steps in the agent config or the test's constraints",
    );
    expect(response.artifacts).toEqual([]);
    expect(response.metrics).toMatchObject({ llm_calls: 2, tool_calls: 1, total_steps: 2, input_tokens: 20, output_tokens: 2 });
    expect(events.map((e) => e.event_type)).toEqual(['llm_request', 'tool_call', 'llm_request']);
    expect(s.remaining).toBe(1);
  });
});

describe('openai adapter: errors, retries, cancellation', () => {
  it('retries a 429 after Retry-After (SDK max_retries) and then succeeds', async () => {
    const s = await server([reply.rateLimit({ retryAfter: 0.05 }), reply.text('ok', { usage: { inputTokens: 5, outputTokens: 1 } })]);
    const adapter = await createAdapter(config(s, { max_retries: 2 }), makeInit());
    const { context, events } = sampleCallContext();
    const response = await adapter.run(makeRequest(), context);
    expect(response.status).toBe('completed');
    expect(s.requests).toHaveLength(2);
    expect(response.metrics).toMatchObject({ llm_calls: 1, input_tokens: 5, output_tokens: 1 });
    expect(events).toHaveLength(1);
  });

  it('maps statuses to retryable / not retryable AdapterErrors', async () => {
    const s429 = await server([reply.rateLimit()]);
    const e429 = await expectAdapterError((await createAdapter(config(s429), makeInit())).run(makeRequest(), sampleCallContext().context));
    expect(e429).toMatchObject({ kind: 'response', retryable: true, message: 'the OpenAI-compatible server rate limit (HTTP 429): Rate limit reached for requests. Please try again later.' });

    const s500 = await server([reply.serverError(), reply.serverError()]);
    const e500 = await expectAdapterError((await createAdapter(config(s500, { max_retries: 1 }), makeInit())).run(makeRequest(), sampleCallContext().context));
    expect(e500).toMatchObject({ kind: 'response', retryable: true });
    expect(e500.message).toBe(
      'the OpenAI-compatible server server error (HTTP 500): The server had an error while processing your request. Sorry about that! (gave up after 1 retry; max_retries)',
    );
    expect(s500.requests).toHaveLength(2);

    const s400 = await server([reply.badRequest("Invalid value for 'temperature'")]);
    const e400 = await expectAdapterError((await createAdapter(config(s400), makeInit())).run(makeRequest(), sampleCallContext().context));
    expect(e400).toMatchObject({ kind: 'response', retryable: false, message: "the OpenAI-compatible server rejected the request (HTTP 400): Invalid value for 'temperature'" });
  });

  it('a bad API key: not retryable, and the key never appears in the message', async () => {
    const s = await server([reply.text('never')], { apiKey: 'sk-the-right-one' });
    const logger = recordingLogger();
    const adapter = await createAdapter(config(s, { max_retries: 2 }), makeInit(logger));
    const error = await expectAdapterError(adapter.run(makeRequest(), sampleCallContext().context));
    expect(error).toMatchObject({ kind: 'response', retryable: false });
    expect(error.message).toBe(
      'the OpenAI-compatible server rejected the credentials (HTTP 401): Incorrect API key provided: ***. You can find your API key at https://platform.openai.com/account/api-keys. — check the API key (api_key in the agent config, or OPENAI_API_KEY)',
    );
    expect(JSON.stringify({ error, lines: logger.lines })).not.toContain(KEY);
    expect(s.requests).toHaveLength(1);
  });

  it('connection refused is a retryable connection error; a malformed body is a protocol error', async () => {
    const s = await server([reply.malformed()]);
    const port = s.port;
    const bad = await expectAdapterError((await createAdapter(config(s), makeInit())).run(makeRequest(), sampleCallContext().context));
    expect(bad).toMatchObject({ kind: 'protocol', retryable: false });
    expect(bad.message).toMatch(/^invalid answer from the OpenAI-compatible server at http:\/\/127\.0\.0\.1:\d+\/v1: /);
    await s.close();
    const refused = await expectAdapterError((await createAdapter({ ...config(s), base_url: `http://127.0.0.1:${port}/v1` }, makeInit())).run(makeRequest(), sampleCallContext().context));
    expect(refused).toMatchObject({ kind: 'connection', retryable: true, message: `cannot reach the OpenAI-compatible server at http://127.0.0.1:${port}/v1: ECONNREFUSED` });
  });

  it('the AbortSignal cancels the HTTP call; timeout_seconds bounds one model call', async () => {
    const s = await server([reply.hang(), reply.hang()]);
    const adapter = await createAdapter(config(s), makeInit());
    const controller = new AbortController();
    const { context } = sampleCallContext({ signal: controller.signal });
    const t0 = performance.now();
    setTimeout(() => controller.abort(new Error('cancelled')), 100);
    const aborted = await expectAdapterError(adapter.run(makeRequest(), context));
    expect(aborted).toMatchObject({ kind: 'timeout', retryable: false });
    expect(performance.now() - t0).toBeLessThan(2000);

    const slow = await createAdapter(config(s, { timeout_seconds: 0.2 }), makeInit());
    const timedOut = await expectAdapterError(slow.run(makeRequest(), sampleCallContext().context));
    expect(timedOut).toMatchObject({ kind: 'timeout', message: expect.stringMatching(/^the OpenAI-compatible server at http:\/\/127\.0\.0\.1:\d+\/v1 did not answer within 0\.2s$/) });
  });
});

describe('openai adapter: endpoints, credentials and cost', () => {
  it('Azure OpenAI with an api-key: deployment route, api-version, azure provider on events', async () => {
    const s = await server([reply.text('hello from azure', { model: 'gpt-4o-2024-08-06', usage: { inputTokens: 1000, outputTokens: 1000 } })], { apiKey: 'azure-secret-key' });
    const adapter = await createAdapter({ model: 'gpt-4o', azure: { endpoint: s.url, deployment: 'prod-4o', api_version: '2024-06-01', api_key: 'azure-secret-key' }, max_retries: 0 }, makeInit());
    const { context, events } = sampleCallContext();
    const response = await adapter.run(makeRequest(), context);
    expect(response.status).toBe('completed');
    expect(s.requests[0]).toMatchObject({ path: '/openai/deployments/prod-4o/chat/completions', apiVersion: '2024-06-01', auth: { header: 'api-key', valid: true } });
    expect(events[0]?.payload).toMatchObject({ provider: 'azure', model: 'gpt-4o-2024-08-06' });
    // The dated model id the API answers with is priced as gpt-4o: $0.0025 + $0.01.
    expect(response.metrics?.cost_usd).toBe(0.0125);
  });

  it('Azure OpenAI with an Entra ID token sends it as a bearer token', async () => {
    const s = await server([reply.text('ok')], { apiKey: 'entra-token-xyz' });
    const adapter = await createAdapter({ model: 'gpt-4o', azure: { endpoint: s.url, ad_token: 'entra-token-xyz' }, max_retries: 0 }, makeInit());
    await adapter.run(makeRequest(), sampleCallContext().context);
    expect(s.requests[0]).toMatchObject({ path: '/openai/deployments/gpt-4o/chat/completions', apiVersion: '2024-10-21', auth: { header: 'authorization', last4: '-xyz', valid: true } });
  });

  it('a local server without a key gets no Authorization header; unknown models have no cost unless priced', async () => {
    const s = await server([reply.text('hi', { usage: { inputTokens: 2000, outputTokens: 500 } }), reply.text('hi', { usage: { inputTokens: 2000, outputTokens: 500 } })]);
    const logger = recordingLogger();
    const local = await createAdapter({ model: 'llama3.1:8b', base_url: s.baseURL, max_retries: 0 }, makeInit(logger));
    const r1 = await local.run(makeRequest(), sampleCallContext().context);
    expect(s.requests[0]?.auth).toBeUndefined();
    expect(s.requests[0]?.headers['authorization']).toBeUndefined();
    expect(r1.metrics).not.toHaveProperty('cost_usd');
    expect(logger.lines).toContain('debug: no price known for model "llama3.1:8b": cost_usd is not reported; set pricing: {input_per_1k, output_per_1k} in the agent config');

    const priced = await createAdapter({ model: 'llama3.1:8b', base_url: s.baseURL, max_retries: 0, pricing: { input_per_1k: 0.001, output_per_1k: 0.002 } }, makeInit());
    const r2 = await priced.run(makeRequest(), sampleCallContext().context);
    expect(r2.metrics?.cost_usd).toBe(0.003);
  });

  it('a missing tool script fails adapter creation with the path', async () => {
    const s = await server([]);
    const error = await expectAdapterError(createAdapter(config(s, { tools: [{ name: 'x', script: 'tools/missing.mjs' }] }), makeInit()));
    expect(error.message).toMatch(/^tool "x": script tools\/missing\.mjs not found \(looked at .*fixtures\/tools\/missing\.mjs\)$/);
    const noExport = await expectAdapterError(createAdapter(config(s, { tools: [{ name: 'x', script: 'tools/calc.mjs', export: 'mul' }] }), makeInit()));
    expect(noExport.message).toBe('tool "x": script tools/calc.mjs has no exported function "mul" (it exports add, default; set export:)');
  });
});
