import { afterEach, describe, expect, it } from 'vitest';
import Anthropic from '@anthropic-ai/sdk';
import { reply, startAnthropicServer, type LlmServer } from '../src/llm/index.js';
import { closer } from '../src/process/index.js';

const servers = closer<LlmServer>();
async function server(...args: Parameters<typeof startAnthropicServer>): Promise<LlmServer> {
  return servers.keep(await startAnthropicServer(...args));
}
afterEach(servers.closeAll);

const TOOLS = [{ name: 'get_weather', description: 'Weather of a city', input_schema: { type: 'object' as const, properties: { city: { type: 'string' } } } }];

describe('Anthropic Messages server', () => {
  it('answers text + tool_use blocks, then a final text after the tool_result, with exact usage', async () => {
    const s = await server(
      [
        reply.toolCall('get_weather', { city: 'Paris' }, { text: 'Let me check.', usage: { inputTokens: 40, outputTokens: 12, cacheReadTokens: 100, cacheWriteTokens: 20 } }),
        reply.text('Sunny.', { usage: { inputTokens: 60, outputTokens: 3 } }),
      ],
      { apiKey: 'sk-ant-secret-abcd' },
    );
    const client = new Anthropic({ apiKey: 'sk-ant-secret-abcd', baseURL: s.baseURL, maxRetries: 0 });
    const first = await client.messages.create({ model: 'claude-sonnet-4', max_tokens: 256, system: 'You are a weather bot.', messages: [{ role: 'user', content: 'Weather in Paris?' }], tools: TOOLS });
    expect(first).toEqual({
      id: 'msg_testkit0',
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4',
      content: [
        { type: 'text', text: 'Let me check.' },
        { type: 'tool_use', id: 'toolu_0_0', name: 'get_weather', input: { city: 'Paris' } },
      ],
      stop_reason: 'tool_use',
      stop_sequence: null,
      usage: { input_tokens: 40, cache_creation_input_tokens: 20, cache_read_input_tokens: 100, output_tokens: 12, service_tier: 'standard' },
    });
    const second = await client.messages.create({
      model: 'claude-sonnet-4',
      max_tokens: 256,
      messages: [
        { role: 'user', content: 'Weather in Paris?' },
        { role: 'assistant', content: first.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_0_0', content: '21°C', is_error: false }] },
      ],
    });
    expect(second.content).toEqual([{ type: 'text', text: 'Sunny.' }]);
    expect(second.stop_reason).toBe('end_turn');
    expect(s.requests[0]).toMatchObject({ provider: 'anthropic', path: '/v1/messages', model: 'claude-sonnet-4', system: 'You are a weather bot.', tools: ['get_weather'], lastUserText: 'Weather in Paris?' });
    expect(s.requests[0]?.headers['anthropic-version']).toEqual(expect.any(String));
    expect(s.requests[0]?.auth).toMatchObject({ last4: 'abcd', valid: true });
    expect(s.requests[1]?.toolResults).toEqual([{ id: 'toolu_0_0', content: '21°C' }]);
    expect(s.requests[1]?.promptText).toBe('Weather in Paris?\nLet me check.\n21°C');
    expect(s.requests[1]?.lastUserText).toBe('Weather in Paris?');
    expect(JSON.stringify(s.requests)).not.toContain('sk-ant-secret-abcd');
  });

  it('streams message_start … message_stop with text_delta and input_json_delta events', async () => {
    const s = await server([reply.toolCall('get_weather', { city: 'San Francisco' }, { text: 'Checking the weather.', usage: { inputTokens: 25, outputTokens: 30 } })], { chunkSize: 5 });
    const client = new Anthropic({ apiKey: 'k', baseURL: s.baseURL, maxRetries: 0 });
    const stream = await client.messages.create({ model: 'claude-3-5-haiku', max_tokens: 100, messages: [{ role: 'user', content: 'sf?' }], tools: TOOLS, stream: true });
    const events = [];
    for await (const e of stream) events.push(e);
    const types = events.map((e) => (e.type === 'content_block_delta' ? `delta:${e.delta.type}` : e.type));
    const compact = types.filter((t, i) => t !== types[i - 1]);
    // The SDK drops `ping` events; the raw stream below shows them.
    expect(compact).toEqual([
      'message_start',
      'content_block_start',
      'delta:text_delta',
      'content_block_stop',
      'content_block_start',
      'delta:input_json_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    const json = events.flatMap((e) => (e.type === 'content_block_delta' && e.delta.type === 'input_json_delta' ? [e.delta.partial_json] : []));
    expect(json.length).toBeGreaterThan(2);
    expect(json.join('')).toBe('{"city":"San Francisco"}');
    const delta = events.find((e) => e.type === 'message_delta');
    expect(delta).toMatchObject({ delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 30 } });

    const s2 = await server([reply.toolCall('get_weather', { city: 'Oslo' }, { text: 'On it.' }), reply.text('hi')]);
    const final = await new Anthropic({ apiKey: 'k', baseURL: s2.baseURL }).messages.stream({ model: 'm', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] }).finalMessage();
    expect(final.content).toEqual([
      { type: 'text', text: 'On it.' },
      { type: 'tool_use', id: 'toolu_0_0', name: 'get_weather', input: { city: 'Oslo' } },
    ]);
    const raw = await fetch(`${s2.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({ model: 'm', max_tokens: 5, stream: true, messages: [{ role: 'user', content: 'x' }] }),
    });
    expect(raw.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const frames = (await raw.text()).split('\n\n').filter(Boolean);
    expect(frames.map((f) => f.split('\n')[0])).toEqual([
      'event: message_start',
      'event: ping',
      'event: content_block_start',
      'event: content_block_delta',
      'event: content_block_stop',
      'event: message_delta',
      'event: message_stop',
    ]);
    expect(frames[3]).toBe('event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"hi"}}');
  });

  it('validates like the real API: max_tokens, anthropic-version, tool_result pairing', async () => {
    const s = await server([reply.text('unused')]);
    const client = new Anthropic({ apiKey: 'k', baseURL: s.baseURL, maxRetries: 0 });
    const noMax = await client.messages.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] } as unknown as Anthropic.MessageCreateParamsNonStreaming).catch((e: unknown) => e);
    expect(noMax).toBeInstanceOf(Anthropic.BadRequestError);
    expect((noMax as InstanceType<typeof Anthropic.BadRequestError>).error).toEqual({ type: 'error', error: { type: 'invalid_request_error', message: 'max_tokens: Field required' }, request_id: 'req_testkit' });
    await expect(
      client.messages.create({
        model: 'm',
        max_tokens: 5,
        messages: [
          { role: 'user', content: 'x' },
          { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'f', input: {} }] },
          { role: 'user', content: 'no result' },
        ],
      }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('`tool_use` ids were found without `tool_result` blocks immediately after: toolu_1') });
    const raw = await fetch(`${s.url}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'm', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] }) });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error', message: 'anthropic-version: header is required' } });
    expect(s.remaining).toBe(1);
  });

  it('rejects a bad x-api-key with authentication_error', async () => {
    const s = await server([reply.text('never')], { apiKey: 'right' });
    const res = await fetch(`${s.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'sk-ant-wrong', 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({ model: 'm', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key: sk-ant-wrong' }, request_id: 'req_testkit' });
    expect(s.requests[0]).toMatchObject({ auth: { header: 'x-api-key', last4: 'rong', valid: false }, headers: { 'x-api-key': '***' } });
  });
});
