/**
 * A tiny local server speaking the OpenAI Chat Completions wire format (POST /v1/chat/completions),
 * standing in for a paid LLM API in tests. `reply` decides each answer from the request body.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A recorded request. */
export interface ChatRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: { model: string; messages: Array<{ role: string; content: string }>; response_format?: unknown; temperature?: number };
}

/** What the server sends back: a chat completion whose message content is `content`, or a raw HTTP answer. */
export type ChatReply = { content: string | null; refusal?: string; delayMs?: number } | { status: number; body: string; delayMs?: number };

/** A running fake server. */
export interface FakeChat {
  /** Base URL to put in `llm.base_url` (ends with /v1). */
  baseUrl: string;
  requests: ChatRequest[];
  close(): Promise<void>;
}

/** The numbered claims of a verification request's user message. */
export function claimsOf(body: ChatRequest['body']): Array<{ id: number; text: string }> {
  const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
  const list = user.split('Claims:\n')[1] ?? '';
  return [...list.matchAll(/^(\d+)\. (.*)$/gm)].map((m) => ({ id: Number(m[1]), text: m[2]! }));
}

/** Start the server on 127.0.0.1 (a free port). */
export async function startFakeChat(reply: (body: ChatRequest['body']) => ChatReply): Promise<FakeChat> {
  const requests: ChatRequest[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw) as ChatRequest['body'];
      requests.push({ path: req.url ?? '', headers: req.headers, body });
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `no route ${req.method} ${req.url}` } }));
        return;
      }
      const answer = reply(body);
      setTimeout(() => {
        if ('status' in answer) {
          res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            id: 'chatcmpl-test',
            object: 'chat.completion',
            created: 1_700_000_000,
            model: body.model,
            choices: [{ index: 0, message: { role: 'assistant', content: answer.content, refusal: answer.refusal ?? null }, finish_reason: 'stop' }],
            usage: { prompt_tokens: 120, completion_tokens: 40, total_tokens: 160 },
          }),
        );
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A judge: claims containing a `supported` word are supported, a `contradicted` word contradicted, others unverifiable. */
export function keywordJudge(supported: string[], contradicted: string[]): (body: ChatRequest['body']) => ChatReply {
  return (body) => ({
    content: JSON.stringify({
      verdicts: claimsOf(body).map((c) => {
        const yes = supported.some((w) => c.text.includes(w));
        const no = contradicted.some((w) => c.text.includes(w));
        return {
          claim: c.id,
          verdict: yes ? 'supported' : no ? 'contradicted' : 'unverifiable',
          confidence: yes || no ? 0.9 : 0.3,
          reason: yes ? 'well documented' : no ? 'contradicts the record' : 'cannot tell',
        };
      }),
    }),
  });
}
