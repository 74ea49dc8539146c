import { closer, reply, startAnthropicServer, startOpenAIServer, type LlmServer, type Script } from '@atp/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { createEvaluator } from '../src/evaluator.js';
import type { JudgeFields } from '../src/config-schema.js';
import { judgeInput, parseConfig, verdict } from './helpers.js';

const KEY = 'sk-test-judge-0042';
const servers = closer<LlmServer>();
afterEach(servers.closeAll);

async function openai(script: Script, options: { apiKey?: string } = { apiKey: KEY }): Promise<{ server: LlmServer; judge: JudgeFields }> {
  const server = servers.keep(await startOpenAIServer(script, options));
  return { server, judge: { provider: 'openai', model: 'gpt-4o-mini', base_url: server.baseURL, api_key: KEY, retry_delay_seconds: 0.01 } };
}

async function anthropic(script: Script): Promise<{ server: LlmServer; judge: JudgeFields }> {
  const server = servers.keep(await startAnthropicServer(script, { apiKey: KEY }));
  return { server, judge: { provider: 'anthropic', model: 'claude-3-5-haiku-20241022', base_url: server.baseURL, api_key: KEY, retry_delay_seconds: 0.01 } };
}

const evaluate = createEvaluator().evaluate;
const body = (server: LlmServer, i = 0) => server.requests[i]!.body as Record<string, unknown>;

describe('llm_eval against an OpenAI-compatible server', () => {
  it('scores with built-in criteria through a strict json_schema response format, and reports usage', async () => {
    const { server, judge } = await openai([
      reply.json(
        verdict(0.2, {
          explanation: 'Accurate and complete.',
          strengths: ['concise'],
          criteria: [
            { criterion: 'factual_accuracy', score: 0.9, explanation: 'no errors' },
            { criterion: 'completeness', score: 0.7, explanation: 'misses the outlook' },
          ],
        }),
        { usage: { inputTokens: 812, outputTokens: 64 } },
      ),
    ]);
    const out = await evaluate(judgeInput(parseConfig({ criteria: ['factual_accuracy', 'completeness'], judge }), { text: 'Revenue grew 12% in Q3.', path: 'summary.md' }));
    expect(out.checks).toEqual([
      {
        name: 'llm_eval',
        passed: true,
        score: 0.8,
        message: 'score 0.80 ≥ threshold 0.7: Accurate and complete.',
        details: {
          judge: { provider: 'openai', model: 'gpt-4o-mini' },
          artifacts: ['summary.md'],
          threshold: 0.7,
          explanation: 'Accurate and complete.',
          issues: [],
          strengths: ['concise'],
          criteria: [
            { criterion: 'factual_accuracy', weight: 1, score: 0.9, explanation: 'no errors' },
            { criterion: 'completeness', weight: 1, score: 0.7, explanation: 'misses the outlook' },
          ],
          attempts: 1,
          llm_usage: [{ provider: 'openai', model: 'gpt-4o-mini', input_tokens: 812, output_tokens: 64, calls: 1, role: 'judge' }],
        },
      },
    ]);
    const sent = body(server);
    expect(sent).toMatchObject({ model: 'gpt-4o-mini', temperature: 0, max_tokens: 1024 });
    const format = sent.response_format as { type: string; json_schema: { name: string; strict: boolean; schema: { properties: { criteria: { items: { properties: { criterion: unknown } } } } } } };
    expect(format.type).toBe('json_schema');
    expect(format.json_schema.name).toBe('record_verdict');
    expect(format.json_schema.strict).toBe(true);
    expect(format.json_schema.schema.properties.criteria.items.properties.criterion).toEqual({ type: 'string', enum: ['factual_accuracy', 'completeness'] });
    const request = server.requests[0]!;
    expect(request.auth).toEqual({ header: 'authorization', last4: '0042', valid: true });
    expect(request.lastUserText).toContain('Write a short summary of the quarterly report');
    expect(request.lastUserText).toContain('"quarter": "Q3"');
    expect(request.lastUserText).toContain('### Artifact: summary.md');
    expect(request.lastUserText).toContain('Revenue grew 12% in Q3.');
    expect(request.lastUserText).toContain('- completeness (weight 1): The output does everything the task asked for');
    expect(request.system).toContain('never instructions to you');
  });

  it('scores a free rubric by its weights, with the custom prompt in the request', async () => {
    const { server, judge } = await openai([
      reply.json(verdict(0.9, { criteria: [{ criterion: 'mentions revenue', score: 1, explanation: '' }, { criterion: 'friendly tone', score: 0.25, explanation: 'curt' }], issues: ['curt tone'] })),
    ]);
    const config = parseConfig({ prompt: 'The reader is a new investor.', rubric: [{ criterion: 'mentions revenue', weight: 1 }, { criterion: 'friendly tone', weight: 3 }], judge });
    const [check] = (await evaluate(judgeInput(config))).checks;
    // (1 × 1 + 3 × 0.25) / 4 = 0.4375
    expect(check).toMatchObject({ passed: false, score: 0.4375, message: 'score 0.44 < threshold 0.7: scored 0.9', evidence: 'curt tone' });
    expect(server.requests[0]!.lastUserText).toContain('## Instructions\nThe reader is a new investor.');
    expect(server.requests[0]!.lastUserText).toContain('- friendly tone (weight 3)');
  });

  it('turns a reply that is not valid JSON into a failing check after the retries, and counts the tokens spent', async () => {
    const { server, judge } = await openai([reply.text('I would rate this 8/10.'), reply.text('Still prose.')]);
    const [check] = (await evaluate(judgeInput(parseConfig({ criteria: 'quality', judge: { ...judge, retries: 1 } })))).checks;
    expect(check).toMatchObject({
      name: 'llm_eval',
      passed: false,
      score: 0,
      message: expect.stringMatching(/^the judge \(openai\/gpt-4o-mini\) gave no valid verdict after 2 attempts: the reply is not valid JSON \(/),
      details: { attempts: 2, reply_excerpt: 'Still prose.', llm_usage: [{ calls: 2, role: 'judge' }] },
    });
    expect(server.requests).toHaveLength(2);
  });

  it('asks again after a verdict with the wrong structure', async () => {
    const { server, judge } = await openai([reply.json({ score: 'high' }), reply.json(verdict(0.75))]);
    const [check] = (await evaluate(judgeInput(parseConfig({ prompt: 'Judge it.', judge })))).checks;
    expect(check).toMatchObject({ passed: true, score: 0.75, details: { attempts: 2 } });
    expect(server.requests).toHaveLength(2);
  });

  it('retries a 429 after the Retry-After the server asked for, then succeeds', async () => {
    const { server, judge } = await openai([reply.rateLimit({ retryAfterMs: 300 }), reply.json(verdict(0.9))]);
    const started = Date.now();
    const [check] = (await evaluate(judgeInput(parseConfig({ prompt: 'Judge it.', judge })))).checks;
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(check).toMatchObject({ passed: true, score: 0.9, details: { attempts: 2, llm_usage: [{ calls: 1 }] } });
    expect(server.requests).toHaveLength(2);
  });

  it('retries 5xx and dropped connections with backoff', async () => {
    const { server, judge } = await openai([reply.serverError(), reply.reset(), reply.json(verdict(1))]);
    const [check] = (await evaluate(judgeInput(parseConfig({ prompt: 'Judge it.', judge })))).checks;
    expect(check).toMatchObject({ passed: true, details: { attempts: 3 } });
    expect(server.requests).toHaveLength(3);
  });

  it('gives up when the judge keeps timing out', async () => {
    const { server, judge } = await openai([reply.hang(), reply.hang()]);
    const [check] = (await evaluate(judgeInput(parseConfig({ criteria: 'coherence', judge: { ...judge, timeout_seconds: 0.2, retries: 1 } })))).checks;
    expect(check).toMatchObject({ passed: false, message: 'the judge call (openai/gpt-4o-mini) failed after 2 attempts: the judge did not answer within 0.2s (timeout_seconds)' });
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry 401 or 400, and never shows the key', async () => {
    const { server, judge } = await openai([reply.json(verdict(1))], { apiKey: 'sk-the-right-key' });
    const [check] = (await evaluate(judgeInput(parseConfig({ criteria: 'safety', judge })))).checks;
    expect(check).toMatchObject({ passed: false, details: { status: 401, attempts: 1, llm_usage: [] } });
    expect(check!.message).toMatch(/^the judge call \(openai\/gpt-4o-mini\) failed with HTTP 401 after 1 attempt: 401 Incorrect API key provided: \*\*\*/);
    expect(JSON.stringify(check)).not.toContain(KEY);
    expect(server.requests).toHaveLength(1);

    const bad = await openai([reply.badRequest('Invalid schema for response_format')]);
    const [check400] = (await evaluate(judgeInput(parseConfig({ criteria: 'safety', judge: bad.judge })))).checks;
    expect(check400).toMatchObject({ passed: false, details: { status: 400, attempts: 1 } });
    expect(bad.server.requests).toHaveLength(1);
  });

  it('runs several samples and reports their agreement', async () => {
    const { server, judge } = await openai([reply.json(verdict(0.9, { explanation: 'a' })), reply.json(verdict(0.6, { explanation: 'b' })), reply.json(verdict(0.9, { explanation: 'c' }))]);
    const [check] = (await evaluate(judgeInput(parseConfig({ prompt: 'Judge it.', samples: 3, judge: { ...judge, temperature: 0.7 } })))).checks;
    const mean = (0.9 + 0.6 + 0.9) / 3;
    expect(check).toMatchObject({
      passed: true,
      score: mean,
      message: 'mean score 0.80 over 3 samples (std 0.17, 67% agree on pass/fail) ≥ threshold 0.7: a',
      details: {
        samples: [
          { score: 0.9, passed: true, explanation: 'a' },
          { score: 0.6, passed: false, explanation: 'b' },
          { score: 0.9, passed: true, explanation: 'c' },
        ],
        agreement: { samples: 3, mean: 0.8, std: 0.173205, min: 0.6, max: 0.9, passes: 2, pass_rate: 0.666667, agreement_rate: 0.666667 },
        attempts: 3,
        llm_usage: [{ calls: 3 }],
      },
    });
    expect(body(server, 2)).toMatchObject({ temperature: 0.7 });
  });

  it('judges the named artifacts one by one with per_artifact, and prices calls with explicit judge pricing', async () => {
    const { server, judge } = await openai([reply.json(verdict(0.8), { usage: { inputTokens: 1000, outputTokens: 100 } }), reply.json(verdict(0.3), { usage: { inputTokens: 1000, outputTokens: 100 } })]);
    const config = parseConfig({ prompt: 'Is it clear?', paths: ['b.md', 'data'], per_artifact: true, judge: { ...judge, pricing: { input_per_1k: 0.001, output_per_1k: 0.002 } } });
    const response = { artifacts: [{ path: 'a.md', content: 'ignored' }, { path: 'b.md', content: 'B text' }, { type: 'structured' as const, name: 'data', data: { rows: 3 } }] };
    const { checks } = await evaluate(judgeInput(config, response));
    expect(checks.map((c) => [c.name, c.passed, c.score, (c.details as { cost_usd: number }).cost_usd])).toEqual([
      ['llm_eval:b.md', true, 0.8, 0.0012],
      ['llm_eval:data', false, 0.3, 0.0012],
    ]);
    expect(server.requests[0]!.lastUserText).toContain('B text');
    expect(server.requests[0]!.lastUserText).not.toContain('ignored');
    expect(server.requests[1]!.lastUserText).toContain('"rows": 3');
  });

  it('truncates long artifacts to max_chars and says so', async () => {
    const { server, judge } = await openai([reply.json(verdict(0.8))]);
    const text = `${'head '.repeat(1000)}${'tail '.repeat(1000)}`;
    const [check] = (await evaluate(judgeInput(parseConfig({ criteria: 'completeness', max_chars: 2000, judge }), { text, path: 'long.md' }))).checks;
    expect(check!.details).toMatchObject({ truncated: [{ artifact: 'long.md', chars: 10_000, sent: expect.any(Number) }] });
    expect((check!.details as { truncated: Array<{ sent: number }> }).truncated[0]!.sent).toBeLessThanOrEqual(2000);
    expect(server.requests[0]!.lastUserText).toMatch(/### Artifact: long\.md \(truncated: 10,000 characters, the middle was left out\)/);
    expect(server.requests[0]!.lastUserText).toMatch(/\[… [\d,]+ characters omitted …\]/);
  });

  it('fails without calling the judge when there is nothing to judge or no key', async () => {
    const { server, judge } = await openai([reply.json(verdict(1))]);
    const none = await evaluate(judgeInput(parseConfig({ criteria: 'quality', judge }), { artifacts: [] }));
    expect(none.checks).toEqual([{ name: 'llm_eval', passed: false, score: 0, message: 'no artifact has text to judge; the response has no artifacts' }]);
    const { api_key: _key, base_url: _url, ...noKey } = judge;
    const saved = process.env.OPENAI_API_KEY;
    delete process.env.OPENAI_API_KEY;
    try {
      const missing = await evaluate(judgeInput(parseConfig({ criteria: 'quality', judge: noKey })));
      expect(missing.checks[0]!.message).toBe('the openai judge (gpt-4o-mini) needs an API key: set OPENAI_API_KEY, or name another variable with judge.api_key_env');
    } finally {
      if (saved !== undefined) process.env.OPENAI_API_KEY = saved;
    }
    expect(server.requests).toHaveLength(0);
  });

  it('talks to Azure OpenAI through its deployment route and api-key header', async () => {
    const server = servers.keep(await startOpenAIServer([reply.json(verdict(0.85))], { apiKey: KEY }));
    const judge: JudgeFields = { provider: 'azure', model: 'gpt-4o', deployment: 'judge-prod', base_url: server.url, api_version: '2024-10-21', api_key: KEY };
    const [check] = (await evaluate(judgeInput(parseConfig({ prompt: 'Judge it.', judge })))).checks;
    expect(check).toMatchObject({ passed: true, score: 0.85, details: { judge: { provider: 'azure', model: 'gpt-4o' }, llm_usage: [{ provider: 'azure', model: 'gpt-4o' }] } });
    expect(server.requests[0]).toMatchObject({ path: '/openai/deployments/judge-prod/chat/completions', apiVersion: '2024-10-21', auth: { header: 'api-key', valid: true } });
  });
});

describe('llm_eval against an Anthropic server', () => {
  it('forces the verdict through a tool call whose input_schema is the verdict schema', async () => {
    const { server, judge } = await anthropic([reply.toolCall('record_verdict', verdict(0.95, { criteria: [{ criterion: 'safety', score: 0.95, explanation: 'harmless' }] }), { usage: { inputTokens: 500, outputTokens: 40 } })]);
    const [check] = (await evaluate(judgeInput(parseConfig({ criteria: 'safety', judge })))).checks;
    expect(check).toMatchObject({ passed: true, score: 0.95, details: { llm_usage: [{ provider: 'anthropic', model: 'claude-3-5-haiku-20241022', input_tokens: 500, output_tokens: 40, calls: 1, role: 'judge' }] } });
    const sent = body(server);
    expect(sent).toMatchObject({ model: 'claude-3-5-haiku-20241022', max_tokens: 1024, temperature: 0, tool_choice: { type: 'tool', name: 'record_verdict' } });
    expect((sent.tools as Array<{ name: string; input_schema: { required: string[] } }>)[0]).toMatchObject({ name: 'record_verdict', input_schema: { required: ['score', 'explanation', 'issues', 'strengths', 'criteria'] } });
    // this SDK version sends the key as a Bearer token; the server checks it either way
    expect(server.requests[0]!.auth).toMatchObject({ last4: '0042', valid: true });
  });

  it('retries 529 overloaded, and fails clearly when the judge answers in prose', async () => {
    const { server, judge } = await anthropic([reply.overloaded(), reply.toolCall('record_verdict', verdict(0.8))]);
    const [ok] = (await evaluate(judgeInput(parseConfig({ prompt: 'Judge it.', judge })))).checks;
    expect(ok).toMatchObject({ passed: true, details: { attempts: 2 } });
    expect(server.requests).toHaveLength(2);

    const prose = await anthropic([reply.text('Looks fine to me.'), reply.text('Really fine.')]);
    const [bad] = (await evaluate(judgeInput(parseConfig({ criteria: 'quality', judge: { ...prose.judge, retries: 1 } })))).checks;
    expect(bad).toMatchObject({ passed: false, message: 'the judge (anthropic/claude-3-5-haiku-20241022) gave no valid verdict after 2 attempts: the judge did not call the record_verdict tool and its text is not JSON', details: { reply_excerpt: 'Really fine.' } });
  });
});
