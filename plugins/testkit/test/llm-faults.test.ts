import { afterEach, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { reply, startAnthropicServer, startLlmServer, startOpenAIServer, type LlmServer } from '../src/llm/index.js';
import { closer } from '../src/process/index.js';

const servers = closer<LlmServer>();
const keep = servers.keep;
afterEach(servers.closeAll);

const ask = { model: 'm', messages: [{ role: 'user' as const, content: 'x' }] };
const askA = { model: 'm', max_tokens: 10, messages: [{ role: 'user' as const, content: 'x' }] };

describe('fault injection', () => {
  it('429 with Retry-After: the SDK waits as told and retries', async () => {
    const s = keep(await startOpenAIServer([reply.rateLimit({ retryAfter: 0.3 }), reply.text('ok')]));
    const t0 = performance.now();
    const res = await new OpenAI({ apiKey: 'k', baseURL: s.baseURL, maxRetries: 1 }).chat.completions.create(ask);
    expect(res.choices[0]?.message.content).toBe('ok');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
    expect(s.requests).toHaveLength(2);
    expect(s.requests[1]?.headers['x-stainless-retry-count']).toBe('1');
  });

  it('429 error body and headers as the APIs send them', async () => {
    const o = keep(await startOpenAIServer([reply.rateLimit({ retryAfter: 7, retryAfterMs: 7000 })]));
    const res = await fetch(`${o.baseURL}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ask) });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.headers.get('retry-after-ms')).toBe('7000');
    expect(await res.json()).toEqual({ error: { message: 'Rate limit reached for requests. Please try again later.', type: 'requests', param: null, code: 'rate_limit_exceeded' } });

    const a = keep(await startAnthropicServer([reply.rateLimit({ retryAfter: 3 })]));
    const resA = await fetch(`${a.url}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' }, body: JSON.stringify(askA) });
    expect(resA.status).toBe(429);
    expect(resA.headers.get('retry-after')).toBe('3');
    expect(resA.headers.get('request-id')).toBe('req_testkit0');
    expect(await resA.json()).toEqual({ type: 'error', error: { type: 'rate_limit_error', message: 'Number of request tokens has exceeded your per-minute rate limit.' }, request_id: 'req_testkit' });
  });

  it('500 and Anthropic 529 overloaded are retried by the SDKs, and surface when retries run out', async () => {
    const o = keep(await startOpenAIServer([reply.serverError(), reply.serverError()]));
    const err = await new OpenAI({ apiKey: 'k', baseURL: o.baseURL, maxRetries: 1, timeout: 5000 }).chat.completions.create(ask).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.InternalServerError);
    expect(o.requests).toHaveLength(2);

    const a = keep(await startAnthropicServer([reply.overloaded({ retryAfter: 0 }), reply.text('recovered')]));
    const msg = await new Anthropic({ apiKey: 'k', baseURL: a.baseURL, maxRetries: 1 }).messages.create(askA);
    expect(msg.content).toEqual([{ type: 'text', text: 'recovered' }]);
    expect(a.requests).toHaveLength(2);

    const a2 = keep(await startAnthropicServer([reply.overloaded()]));
    const e2 = await new Anthropic({ apiKey: 'k', baseURL: a2.baseURL, maxRetries: 0 }).messages.create(askA).catch((e: unknown) => e);
    expect(e2).toMatchObject({ status: 529, error: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } } });
  });

  it('connection reset, before and in the middle of a stream', async () => {
    const o = keep(await startOpenAIServer([reply.reset()]));
    const e1 = await new OpenAI({ apiKey: 'k', baseURL: o.baseURL, maxRetries: 0 }).chat.completions.create(ask).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(OpenAI.APIConnectionError);

    const a = keep(await startAnthropicServer([reply.reset({ midStream: true })]));
    const stream = await new Anthropic({ apiKey: 'k', baseURL: a.baseURL, maxRetries: 0 }).messages.create({ ...askA, stream: true });
    const seen: string[] = [];
    const e2 = await (async () => {
      for await (const e of stream) seen.push(e.type);
    })().catch((e: unknown) => e);
    expect(seen).toEqual(['message_start']);
    expect(e2).toBeInstanceOf(Error);
  });

  it('an error event in the middle of a stream', async () => {
    const a = keep(await startAnthropicServer([reply.overloaded({ midStream: true })]));
    const e = await new Anthropic({ apiKey: 'k', baseURL: a.baseURL, maxRetries: 0 }).messages.stream(askA).finalMessage().catch((x: unknown) => x);
    expect(e).toMatchObject({ error: { type: 'error', error: { type: 'overloaded_error' } } });

    const o = keep(await startOpenAIServer([reply.serverError({ midStream: true, message: 'boom mid-stream' })]));
    const e2 = await new OpenAI({ apiKey: 'k', baseURL: o.baseURL, maxRetries: 0 }).chat.completions.stream(ask).finalChatCompletion().catch((x: unknown) => x);
    expect(String((e2 as Error).message)).toContain('boom mid-stream');
  });

  it('delay and hang: the client timeout ends the request', async () => {
    const o = keep(await startOpenAIServer([reply.delay(150, reply.text('slow')), reply.hang()]));
    const client = new OpenAI({ apiKey: 'k', baseURL: o.baseURL, maxRetries: 0, timeout: 1000 });
    const t0 = performance.now();
    const slow = await client.chat.completions.create(ask);
    expect(slow.choices[0]?.message.content).toBe('slow');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    const e = await new OpenAI({ apiKey: 'k', baseURL: o.baseURL, maxRetries: 0, timeout: 200 }).chat.completions.create(ask).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
  });

  it('an abort signal cancels a hanging request', async () => {
    const a = keep(await startAnthropicServer([reply.hang()]));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const e = await new Anthropic({ apiKey: 'k', baseURL: a.baseURL, maxRetries: 0 }).messages.create(askA, { signal: controller.signal }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Anthropic.APIUserAbortError);
  });

  it('malformed bodies: invalid JSON, and a broken stream', async () => {
    const o = keep(await startOpenAIServer([reply.malformed(), reply.malformed()]));
    const client = new OpenAI({ apiKey: 'k', baseURL: o.baseURL, maxRetries: 0 });
    await expect(client.chat.completions.create(ask)).rejects.toThrow();
    await expect(client.chat.completions.stream(ask).finalChatCompletion()).rejects.toThrow();
    const raw = keep(await startLlmServer({ provider: 'anthropic', script: [reply.malformed('<html>bad gateway</html>', { status: 502, contentType: 'text/html' })] }));
    const res = await fetch(`${raw.url}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'anthropic-version': '1' }, body: JSON.stringify(askA) });
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toBe('text/html');
    expect(await res.text()).toBe('<html>bad gateway</html>');
  });

  it('unknown routes get a 404 in the provider format', async () => {
    const o = keep(await startOpenAIServer([]));
    const res = await fetch(`${o.url}/v1/embeddings`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { message: 'testkit openai server: no route for POST /v1/embeddings' } });
  });
});
