import { Secret } from '@atp/kernel';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs } from '@atp/testkit';
import { createEvaluator } from '../src/factuality-evaluator.js';
import { VERDICT_JSON_SCHEMA } from '../src/llm-verify.js';
import { claimsOf, keywordJudge, startFakeChat, type ChatReply, type FakeChat } from './fake-chat-server.js';
import { groundTruthDir, makeInput } from './helpers.js';

const KEY = 'sk-test-Zq81bV0aP3nW7yK2';
const TEXT = 'Paris is the capital of France. The Eiffel Tower was designed by Gustave Eiffel. The Louvre was founded in 1793. Mars has three moons.';
const GROUND_TRUTH = { facts: { 'capital of France': 'Paris' } };

let server: FakeChat | undefined;
afterAll(removeTempDirs);
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function evaluateWith(reply: (body: Parameters<typeof claimsOf>[0]) => ChatReply, llm: Record<string, unknown> = {}, withGroundTruth = true) {
  server = await startFakeChat(reply);
  const dir = groundTruthDir(GROUND_TRUTH);
  const config = {
    verification_method: 'llm_verify',
    ...(withGroundTruth ? { ground_truth_file: 'gt.json' } : {}),
    llm: { base_url: server.baseUrl, model: 'gpt-test', api_key: new Secret(KEY), ...llm },
  };
  return createEvaluator().evaluate(makeInput(config, [{ path: 'a.md', content: TEXT }], dir));
}

describe('llm_verify against an OpenAI-compatible endpoint', () => {
  it('sends the claims the ground truth left unverified, with a strict JSON-schema response format', async () => {
    const out = await evaluateWith(keywordJudge(['Gustave', 'Louvre'], ['Mars']));
    expect(server!.requests).toHaveLength(1);
    const [request] = server!.requests;
    expect(request!.path).toBe('/v1/chat/completions');
    expect(request!.headers['authorization']).toBe(`Bearer ${KEY}`);
    expect(request!.body.model).toBe('gpt-test');
    expect(request!.body.temperature).toBe(0);
    expect(request!.body.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'claim_verdicts', strict: true, schema: VERDICT_JSON_SCHEMA } });
    // Claim 1 was verified by the ground truth: only 2–4 are asked about; the reference facts are included.
    expect(claimsOf(request!.body)).toEqual([
      { id: 2, text: 'The Eiffel Tower was designed by Gustave Eiffel.' },
      { id: 3, text: 'The Louvre was founded in 1793.' },
      { id: 4, text: 'Mars has three moons.' },
    ]);
    expect(request!.body.messages[1]!.content).toContain('Reference facts:\n- capital of France: Paris');
    const check = out.checks[0]!;
    expect((check.details?.['claims'] as Array<Record<string, unknown>>).map((c) => [c['id'], c['status'], c['confidence'], c['reason'], c['source']])).toEqual([
      [1, 'verified', 1, 'states "Paris" (exact match)', 'facts."capital of France"'],
      [2, 'verified', 0.9, 'llm: well documented', 'llm'],
      [3, 'verified', 0.9, 'llm: well documented', 'llm'],
      [4, 'false', 0.9, 'llm: contradicts the record', 'llm'],
    ]);
    expect(check.details?.['llm']).toEqual({ model: 'gpt-test', sent: 3, not_sent: 0, usage: { prompt_tokens: 120, completion_tokens: 40, total_tokens: 160 } });
    // claim 3/4 − 0.5·1/4 = 0.625: 0.6·0.625 + 0.2 + 0.2 = 0.775; the false claim fails it anyway.
    expect([check.passed, check.score]).toEqual([false, 0.775]);
  });

  it('works without a ground-truth file; unverifiable or unsure verdicts leave claims unverified; max_claims caps the request', async () => {
    const out = await evaluateWith(keywordJudge(['Paris'], []), { max_claims: 2 }, false);
    expect(claimsOf(server!.requests[0]!.body).map((c) => c.id)).toEqual([1, 2]);
    expect(server!.requests[0]!.body.messages[1]!.content).toContain('Reference facts:\n(none)');
    const check = out.checks[0]!;
    expect((check.details?.['claims'] as Array<Record<string, unknown>>).map((c) => [c['status'], c['reason']])).toEqual([
      ['verified', 'llm: well documented'],
      ['unverified', 'llm: unverifiable (confidence 0.3): cannot tell'],
      ['unverified', 'no ground truth'],
      ['unverified', 'no ground truth'],
    ]);
    expect(check.details?.['llm']).toEqual({ model: 'gpt-test', sent: 2, not_sent: 2, usage: { prompt_tokens: 120, completion_tokens: 40, total_tokens: 160 } });
    expect(check.details?.['ground_truth_file']).toBeUndefined();
  });

  it.each<[string, ChatReply, RegExp]>([
    ['an HTTP error (key redacted)', { status: 401, body: `{"error":{"message":"Incorrect API key provided: ${KEY}"}}` }, /returned HTTP 401: \{"error":\{"message":"Incorrect API key provided: \*\*\*"\}\}$/],
    ['a body that is not JSON', { status: 200, body: '<html>gateway</html>' }, /returned a body that is not JSON: <html>gateway<\/html>$/],
    ['not a chat completion', { status: 200, body: '{"ok":true}' }, /the response is not a Chat Completions response \(choices: /],
    ['an answer that is not JSON', { content: 'Sure! Claim 2 is true.' }, /the model's answer is not JSON: Sure! Claim 2 is true\.$/],
    ['an answer off the schema', { content: '{"verdicts":[{"claim":2,"verdict":"yes","confidence":1,"reason":"x"}]}' }, /does not follow the verdict schema \(verdicts\.0\.verdict: /],
    ['a refusal', { content: null, refusal: 'I cannot help with that.' }, /the model refused: I cannot help with that\.$/],
  ])('%s → the assertion is skipped with a clear reason', async (_, reply, message) => {
    const out = await evaluateWith(() => reply);
    expect(out.checks).toEqual([]);
    expect(out.skipped?.reason).toBe('evaluator_error');
    expect(out.skipped?.message).toMatch(/^factuality llm_verify: /);
    expect(out.skipped?.message).toMatch(message);
    expect(JSON.stringify(out)).not.toContain(KEY);
  });

  it('a slow endpoint times out; an unreachable one says why', async () => {
    server = await startFakeChat(() => ({ content: '{}', delayMs: 1000 }));
    const slowServer = await createEvaluator().evaluate(
      makeInput({ verification_method: 'llm_verify', llm: { base_url: server.baseUrl, model: 'm', timeout_seconds: 0.2 } }, [{ path: 'a.md', content: TEXT }], groundTruthDir({})),
    );
    expect(slowServer.skipped?.message).toBe(`factuality llm_verify: POST ${server.baseUrl}/chat/completions failed: timed out after 0.2s`);
    const closed = server.baseUrl;
    await server.close();
    server = undefined;
    const refused = await createEvaluator().evaluate(
      makeInput({ verification_method: 'llm_verify', llm: { base_url: closed, model: 'm' } }, [{ path: 'a.md', content: TEXT }], groundTruthDir({})),
    );
    expect(refused.skipped?.message).toBe(`factuality llm_verify: POST ${closed}/chat/completions failed: ECONNREFUSED`);
  });

  it('nothing left to verify: no request is made', async () => {
    server = await startFakeChat(keywordJudge([], []));
    const dir = groundTruthDir(GROUND_TRUTH);
    const out = await createEvaluator().evaluate(
      makeInput({ verification_method: 'llm_verify', ground_truth_file: 'gt.json', llm: { base_url: server.baseUrl, model: 'm' } }, [{ path: 'a.md', content: 'Paris is the capital of France.' }], dir),
    );
    expect(server.requests).toEqual([]);
    expect([out.checks[0]!.passed, out.checks[0]!.details?.['llm']]).toEqual([true, { model: 'm', sent: 0 }]);
  });
});
