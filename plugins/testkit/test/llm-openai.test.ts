import { afterEach, describe, expect, it } from 'vitest';
import OpenAI, { AzureOpenAI } from 'openai';
import { reply, startOpenAIServer, type LlmServer } from '../src/llm/index.js';
import { closer } from '../src/process/index.js';

const servers = closer<LlmServer>();
async function server(...args: Parameters<typeof startOpenAIServer>): Promise<LlmServer> {
  return servers.keep(await startOpenAIServer(...args));
}
afterEach(servers.closeAll);

const TOOLS = [{ type: 'function' as const, function: { name: 'get_weather', description: 'Weather of a city', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }];

describe('OpenAI Chat Completions server', () => {
  it('answers a tool call then text, with exact usage, over real HTTP with the official SDK', async () => {
    const s = await server([reply.toolCall('get_weather', { city: 'Paris' }, { usage: { inputTokens: 12, outputTokens: 7 } }), reply.text('Sunny in Paris.', { usage: { inputTokens: 30, outputTokens: 4 } })], { apiKey: 'sk-test-key-1234' });
    const client = new OpenAI({ apiKey: 'sk-test-key-1234', baseURL: s.baseURL, maxRetries: 0 });
    const first = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'You are a weather bot.' },
        { role: 'user', content: 'Weather in Paris?' },
      ],
      tools: TOOLS,
    });
    expect(first.object).toBe('chat.completion');
    expect(first.model).toBe('gpt-4o-mini');
    expect(first.choices[0]).toEqual({
      index: 0,
      message: { role: 'assistant', content: null, refusal: null, annotations: [], tool_calls: [{ id: 'call_0_0', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
      logprobs: null,
      finish_reason: 'tool_calls',
    });
    expect(first.usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 7, total_tokens: 19 });

    const second = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Weather in Paris?' }, first.choices[0]!.message, { role: 'tool', tool_call_id: 'call_0_0', content: '{"temp":21}' }],
    });
    expect(second.choices[0]?.message.content).toBe('Sunny in Paris.');
    expect(second.choices[0]?.finish_reason).toBe('stop');
    expect(second.usage?.total_tokens).toBe(34);

    expect(s.requests).toHaveLength(2);
    const [r0, r1] = s.requests;
    expect(r0).toMatchObject({
      index: 0,
      provider: 'openai',
      method: 'POST',
      path: '/v1/chat/completions',
      model: 'gpt-4o-mini',
      stream: false,
      system: 'You are a weather bot.',
      tools: ['get_weather'],
      lastUserText: 'Weather in Paris?',
      toolResults: [],
      auth: { header: 'authorization', last4: '1234', valid: true },
    });
    expect(r0?.headers['authorization']).toBe('***');
    expect(JSON.stringify(s.requests)).not.toContain('sk-test-key-1234');
    expect(r1?.toolResults).toEqual([{ id: 'call_0_0', content: '{"temp":21}' }]);
    expect(r0?.promptText).toBe('You are a weather bot.\nWeather in Paris?');
    expect(r1?.promptText).toBe('Weather in Paris?\n{"temp":21}');
  });

  it('streams text and tool-call argument deltas, with the usage chunk and [DONE]', async () => {
    const s = await server([reply.toolCalls([{ name: 'a', arguments: { x: 1 } }, { name: 'b', arguments: { text: 'a longer argument value' } }], { text: 'Let me look.', usage: { inputTokens: 9, outputTokens: 21 } })], { chunkSize: 4 });
    const client = new OpenAI({ apiKey: 'k', baseURL: s.baseURL, maxRetries: 0 });
    const stream = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'go' }], stream: true, stream_options: { include_usage: true } });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: '', refusal: null });
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe('Let me look.');
    const argDeltas = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []).filter((t) => t.index === 1 && !t.id);
    expect(argDeltas.length).toBeGreaterThan(3);
    expect(argDeltas.map((t) => t.function?.arguments).join('')).toBe('{"text":"a longer argument value"}');
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage).toMatchObject({ prompt_tokens: 9, completion_tokens: 21, total_tokens: 30 });
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('tool_calls');
    expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);

    // The SDK's stream helper assembles the same completion.
    const s2 = await server([reply.toolCall('a', { x: 1 })]);
    const final = await new OpenAI({ apiKey: 'k', baseURL: s2.baseURL }).chat.completions.stream({ model: 'm', messages: [{ role: 'user', content: 'go' }] }).finalChatCompletion();
    expect(final.choices[0]?.message.tool_calls).toEqual([{ id: 'call_0_0', type: 'function', function: { name: 'a', arguments: '{"x":1}' } }]);
    expect(s2.requests[0]?.stream).toBe(true);
  });

  it('serves the Azure deployments route with api-version and the api-key header', async () => {
    const s = await server([reply.text('from azure')], { apiKey: 'azure-key-9876' });
    const client = new AzureOpenAI({ endpoint: s.url, apiKey: 'azure-key-9876', apiVersion: '2024-10-21', deployment: 'prod-gpt4o', maxRetries: 0 });
    const res = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
    expect(res.choices[0]?.message.content).toBe('from azure');
    expect(s.requests[0]).toMatchObject({
      path: '/openai/deployments/prod-gpt4o/chat/completions',
      deployment: 'prod-gpt4o',
      apiVersion: '2024-10-21',
      auth: { header: 'api-key', last4: '9876', valid: true },
    });
    expect(s.requests[0]?.headers['api-key']).toBe('***');

    const bad = new AzureOpenAI({ endpoint: s.url, apiKey: 'wrong-key', apiVersion: '2024-10-21', deployment: 'prod-gpt4o', maxRetries: 0 });
    await expect(bad.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] })).rejects.toMatchObject({ status: 401 });
  });

  it('rejects a bad key with 401 quoting the key, and a missing key', async () => {
    const s = await server([reply.text('never')], { apiKey: 'sk-right' });
    const err = await new OpenAI({ apiKey: 'sk-wrong-secret', baseURL: s.baseURL, maxRetries: 0 })
      .chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((err as InstanceType<typeof OpenAI.AuthenticationError>).error).toEqual({
      message: 'Incorrect API key provided: sk-wrong-secret. You can find your API key at https://platform.openai.com/account/api-keys.',
      type: 'invalid_request_error',
      param: null,
      code: 'invalid_api_key',
    });
    expect(s.remaining).toBe(1);
    expect(s.requests[0]?.auth).toEqual({ header: 'authorization', last4: 'cret', valid: false });
  });

  it('validates requests like the real API: tool messages must answer a preceding tool call', async () => {
    const s = await server([reply.text('unused')]);
    const client = new OpenAI({ apiKey: 'k', baseURL: s.baseURL, maxRetries: 0 });
    await expect(client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }, { role: 'tool', tool_call_id: 'call_x', content: 'r' }] })).rejects.toMatchObject({
      status: 400,
      error: { message: "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.", type: 'invalid_request_error' },
    });
    await expect(
      client.chat.completions.create({
        model: 'm',
        messages: [
          { role: 'user', content: 'x' },
          { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }] },
          { role: 'user', content: 'y' },
        ],
      }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('did not have response messages: call_1') });
    await expect(client.chat.completions.create({ model: '', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({ status: 400, error: { message: 'you must provide a model parameter', param: 'model' } });
    expect(s.remaining).toBe(1);
  });

  it('runs function scripts with the request and the call count', async () => {
    const s = await server((req, ctx) => (req.toolResults.length ? reply.text(`tool said ${req.toolResults[0]!.content} (call ${ctx.call})`) : reply.toolCall('lookup', { q: req.lastUserText })));
    const client = new OpenAI({ apiKey: 'k', baseURL: s.baseURL, maxRetries: 0 });
    const a = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'find cats' }], tools: [{ type: 'function', function: { name: 'lookup' } }] });
    expect(a.choices[0]?.message.tool_calls?.[0]).toMatchObject({ function: { name: 'lookup', arguments: '{"q":"find cats"}' } });
    const b = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'find cats' }, a.choices[0]!.message, { role: 'tool', tool_call_id: 'call_0_0', content: '3 cats' }] });
    expect(b.choices[0]?.message.content).toBe('tool said 3 cats (call 1)');
    expect(s.remaining).toBe(Number.POSITIVE_INFINITY);
  });

  it('answers 400 naming the script when a list script runs out', async () => {
    const s = await server([reply.text('only one')]);
    const client = new OpenAI({ apiKey: 'k', baseURL: s.baseURL, maxRetries: 2 });
    await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] });
    await expect(client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({
      status: 400,
      error: { message: 'testkit: the script has no reply for request #1 (it had 1 step, all used)' },
    });
    expect(s.requests).toHaveLength(2);
  });

  it('estimates usage from the prompt and the answer when the script gives none', async () => {
    const s = await server([reply.text('12345678')]);
    const res = await new OpenAI({ apiKey: 'k', baseURL: s.baseURL }).chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'abcdefghijkl' }] });
    expect(res.usage).toMatchObject({ prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 });
  });
});
