import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { closer, reply, startOpenAIServer, type LlmServer, type Script } from '@atp/testkit';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs } from '@atp/testkit/e2e';
import { atp, tempProject } from './run-atp.js';
import { verdict } from './helpers.js';

// A cli agent writing one summary artifact; it leaves ran.txt behind so tests can tell it ran.
const AGENT = `import {writeFileSync} from 'node:fs';let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const r=JSON.parse(s);writeFileSync('ran.txt','yes');
process.stdout.write(JSON.stringify({task_id:r.task_id,status:'completed',artifacts:[{path:'summary.md',content:'Revenue grew 12% in Q3; costs fell.'}]}))});`;

const SUITE = `test_suite: judged
agents:
  - name: bot
    type: cli
    config: { command: node, args: [agent.mjs] }
tests:
  - id: summary
    name: quarterly summary
    task: { description: Summarize the quarterly report }
    assertions:
      - type: llm_eval
        config: { criteria: [completeness, factual_accuracy], threshold: 0.7 }
`;

const judgeConfig = (options: Record<string, unknown> | undefined, extra = ''): string =>
  `export default { plugins: ['@atp/preset-default', ${options ? `['@atp/evaluator-llm-judge', ${JSON.stringify(options)}]` : `'@atp/evaluator-llm-judge'`}, '@atp/cost']${extra} };\n`;

const servers = closer<LlmServer>();
afterEach(servers.closeAll);
afterAll(removeTempDirs);
async function server(script: Script): Promise<LlmServer> {
  return servers.keep(await startOpenAIServer(script));
}

const criteria = (a: number, b: number) => [
  { criterion: 'completeness', score: a, explanation: 'covers revenue and costs' },
  { criterion: 'factual_accuracy', score: b, explanation: 'numbers match' },
];

describe('llm_eval through the real atp binary', { timeout: 60_000 }, () => {
  it('atp validate: a suite using llm_eval without a configured judge fails at compile time, located', async () => {
    const dir = tempProject({ 'atp.config.mjs': judgeConfig(undefined), 'agent.mjs': AGENT, 'suite.yaml': SUITE });
    const r = await atp(['validate', 'suite.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'suite.yaml:12:17: error "llm_eval" config: llm_eval needs a judge model: set judge: {provider, model} on the assertion or configure the plugin in atp.config (see docs/guides/llm-judge-and-cost.md) [ATP_EVALUATOR_CONFIG]',
    );
    expect(r.stderr).toContain(['> 12 |         config: { criteria: [completeness, factual_accuracy], threshold: 0.7 }', `     |                 ${'^'.repeat(62)}`].join('\n'));
    expect(existsSync(join(dir, 'ran.txt'))).toBe(false);
  });

  it('atp validate accepts the judge from plugin options or from settings', async () => {
    const fromOptions = tempProject({ 'atp.config.mjs': judgeConfig({ provider: 'openai', model: 'gpt-4o-mini' }), 'agent.mjs': AGENT, 'suite.yaml': SUITE });
    expect(await atp(['validate', 'suite.yaml'], fromOptions)).toMatchObject({ code: 0, stdout: 'suite.yaml: ok — suite "judged", 1 test\n' });
    const fromSettings = tempProject({
      'atp.config.mjs': judgeConfig(undefined, `, settings: { '@atp/evaluator-llm-judge': { provider: 'anthropic', model: 'claude-3-5-haiku-20241022' } }`),
      'agent.mjs': AGENT,
      'suite.yaml': SUITE,
    });
    expect((await atp(['validate', 'suite.yaml'], fromSettings)).code).toBe(0);
    const badOption = tempProject({ 'atp.config.mjs': judgeConfig({ provider: 'openai', modle: 'gpt-4o' }), 'suite.yaml': SUITE });
    const bad = await atp(['validate', 'suite.yaml'], badOption);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('@atp/evaluator-llm-judge options: unknown key "modle" — did you mean "model"?');
  });

  it('atp test: the judge scores over HTTP; its tokens reach the check details and the cost summary', async () => {
    const judge = await server([reply.json(verdict(0.9, { explanation: 'Complete and correct.', criteria: criteria(0.9, 1) }), { usage: { inputTokens: 1000, outputTokens: 100 } })]);
    const dir = tempProject({ 'atp.config.mjs': judgeConfig({ provider: 'openai', model: 'gpt-4o-mini', base_url: judge.baseURL }), 'agent.mjs': AGENT, 'suite.yaml': SUITE });
    const r = await atp(['test', 'suite.yaml', '--output', 'json', '--output-file', 'report.json'], dir);
    expect(r.stderr).toContain('cost: $0.00021 (agent $0.00, judge $0.00021; 1,000 input / 100 output tokens, 1 job)');
    expect(r.code).toBe(0);
    const report = readFileSync(join(dir, 'report.json'), 'utf8');
    expect(report).toContain('"llm_usage"');
    expect(report).toContain('Complete and correct.');
    // 1000 × 0.00015/1K + 100 × 0.0006/1K = 0.00021 (gpt-4o-mini from the @atp/cost table)
    const [runId] = readdirSync(join(dir, '.atp/runs'));
    const cost = JSON.parse(readFileSync(join(dir, '.atp/runs', runId!, 'cost.json'), 'utf8')) as { judge_usd: number; by_model: unknown[] };
    expect(cost.judge_usd).toBe(0.00021);
    expect(cost.by_model).toEqual([{ model: 'gpt-4o-mini', provider: 'openai', source: 'judge', pricing: 'exact', cost_usd: 0.00021, input_tokens: 1000, output_tokens: 100, calls: 1 }]);
    expect(judge.requests[0]!.lastUserText).toContain('Revenue grew 12% in Q3; costs fell.');
  });

  it('atp test: a low score fails the test, and an unusable judge reply is a clear failing check', async () => {
    const judge = await server([reply.json(verdict(0.3, { criteria: criteria(0.2, 0.4), issues: ['misses the outlook'] })), reply.text('Great job!'), reply.text('Really great.')]);
    const suite = `${SUITE}  - id: second
    name: second summary
    task: { description: Summarize again }
    assertions:
      - type: llm_judge
        config: { prompt: Is it good?, judge: { retries: 1 } }
`;
    const dir = tempProject({ 'atp.config.mjs': judgeConfig({ provider: 'openai', model: 'gpt-4o-mini', base_url: judge.baseURL, retry_delay_seconds: 0.01 }), 'agent.mjs': AGENT, 'suite.yaml': suite });
    const r = await atp(['test', 'suite.yaml', '--output', 'json', '--output-file', 'report.json'], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as unknown;
    const text = JSON.stringify(report);
    expect(text).toContain('score 0.30 < threshold 0.7');
    expect(text).toMatch(/the judge \(openai\/gpt-4o-mini\) gave no valid verdict after 2 attempts: the reply is not valid JSON/);
    expect(judge.requests).toHaveLength(3);
  });

  it('a missing API key is one clear error before any job starts, naming the variable', async () => {
    const dir = tempProject({ 'atp.config.mjs': judgeConfig({ provider: 'openai', model: 'gpt-4o-mini' }), 'agent.mjs': AGENT, 'suite.yaml': SUITE });
    const r = await atp(['test', 'suite.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the openai judge (gpt-4o-mini) needs an API key: set OPENAI_API_KEY, or name another variable with judge.api_key_env');
    expect(existsSync(join(dir, 'ran.txt'))).toBe(false);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('keys never appear in the output, even when the server quotes them back', async () => {
    const judge = servers.keep(await startOpenAIServer([reply.json(verdict(1))], { apiKey: 'sk-the-real-one' }));
    const dir = tempProject({ 'atp.config.mjs': judgeConfig({ provider: 'openai', model: 'gpt-4o-mini', base_url: judge.baseURL, api_key_env: 'JUDGE_KEY' }), 'agent.mjs': AGENT, 'suite.yaml': SUITE });
    const r = await atp(['test', 'suite.yaml', '--output', 'console,json', '--output-dir', 'out', '--verbose'], dir, { JUDGE_KEY: 'sk-wrong-secret-9876' });
    expect(r.code).toBe(1);
    const everything = r.stdout + r.stderr + readFileSync(join(dir, 'out/judged.json'), 'utf8');
    expect(everything).toContain('HTTP 401');
    expect(everything).not.toContain('sk-wrong-secret-9876');
  });
});
