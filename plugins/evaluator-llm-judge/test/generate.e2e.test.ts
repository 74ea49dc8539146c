import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closer, reply, startOpenAIServer, type LlmServer, type Script } from '@atp/testkit';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs } from '@atp/testkit/e2e';
import { atp, tempProject } from './run-atp.js';

const servers = closer<LlmServer>();
afterEach(servers.closeAll);
afterAll(removeTempDirs);
async function server(script: Script): Promise<LlmServer> {
  return servers.keep(await startOpenAIServer(script));
}

const VALID = `test_suite: greetings
description: The agent greets people
tests:
  - id: hello
    name: says hello
    task:
      description: Write a greeting into hello.txt
      expected_artifacts: [hello.txt]
    assertions:
      - type: artifact_exists
        config: { path: hello.txt }
      - type: contains
        config: { path: hello.txt, pattern: Hello }
`;
// One invalid key: expected_artifact (for expected_artifacts).
const INVALID = VALID.replace('expected_artifacts: [hello.txt]', 'expected_artifact: [hello.txt]');

const config = (options?: Record<string, unknown>): string =>
  `export default { plugins: ['@atp/preset-default', ${options ? `['@atp/evaluator-llm-judge', ${JSON.stringify(options)}]` : `'@atp/evaluator-llm-judge'`}] };\n`;

describe('atp generate from-description', { timeout: 60_000 }, () => {
  it('turns a reply with one invalid key into a valid suite after one repair round', async () => {
    const llm = await server([reply.text(`Here is the suite:\n\n\`\`\`yaml\n${INVALID}\`\`\`\n`, { usage: { inputTokens: 900, outputTokens: 120 } }), reply.text(`\`\`\`yaml\n${VALID}\`\`\``, { usage: { inputTokens: 1300, outputTokens: 110 } })]);
    const dir = tempProject({ 'atp.config.mjs': config({ provider: 'openai', model: 'gpt-4o-mini', base_url: llm.baseURL }) });
    const r = await atp(['generate', 'from-description', 'An agent that greets people in hello.txt', '--output', 'suite.yaml', '--name', 'greetings'], dir);
    expect(r.stderr).toBe(
      'generate: the suite has 1 problem; asking the model to fix it (repair 1 of 2)\n' +
        'generated suite "greetings": 1 test, valid after 1 repair round → suite.yaml (openai/gpt-4o-mini: 2 calls, 2200 input / 230 output tokens)\n',
    );
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'suite.yaml'), 'utf8')).toBe(VALID);
    expect((await atp(['validate', 'suite.yaml'], dir)).code).toBe(0);
    // what the model was told
    const [first, second] = llm.requests;
    expect(first!.system).toContain('- artifact_exists:');
    // a project judge is configured, so the model may use llm_eval without naming a judge
    expect(first!.system).toContain('llm_eval is available with the project judge');
    expect(first!.lastUserText).toContain('An agent that greets people in hello.txt');
    expect(first!.lastUserText).toContain('test_suite must be exactly "greetings"');
    const messages = (second!.body as { messages: Array<{ role: string; content: string }> }).messages;
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(messages[2]!.content).toContain('expected_artifact: [hello.txt]');
    expect(messages[3]!.content).toContain('suite.yaml:8:7: error unknown key "expected_artifact" in tests[0].task — did you mean "expected_artifacts"?');
    expect(messages[3]!.content).toContain('>  8 |       expected_artifact: [hello.txt]');
    expect(existsSync(join(dir, 'suite.rejected.yaml'))).toBe(false);
  });

  it('fails with the diagnostics when the model cannot repair the suite, keeping its last attempt', async () => {
    const llm = await server([reply.text(INVALID), reply.text(INVALID)]);
    const dir = tempProject({ 'atp.config.mjs': config({ provider: 'openai', model: 'gpt-4o-mini', base_url: llm.baseURL }) });
    const r = await atp(['generate', 'from-description', 'greetings', '--output', 'suite.yaml', '--max-repairs', '1'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("generate: the model's suite is still invalid after 1 repair round:");
    expect(r.stderr).toContain('suite.yaml:8:7: error unknown key "expected_artifact"');
    expect(r.stderr).toContain('The last attempt is in suite.rejected.yaml');
    expect(existsSync(join(dir, 'suite.yaml'))).toBe(false);
    expect(readFileSync(join(dir, 'suite.rejected.yaml'), 'utf8')).toBe(INVALID);
    expect(llm.requests).toHaveLength(2);
  });

  it('reads the description from --file, takes the model from flags and prints to stdout', async () => {
    const llm = await server([reply.text(VALID)]);
    const dir = tempProject({ 'atp.config.mjs': config(), 'brief.md': 'Greeting agent.\nIt writes hello.txt.' });
    const r = await atp(['generate', 'from-description', '--file', 'brief.md', '--provider', 'openai', '--model', 'local-model', '--base-url', llm.baseURL, '--count', '1'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(VALID);
    expect(llm.requests[0]).toMatchObject({ model: 'local-model' });
    expect(llm.requests[0]!.lastUserText).toContain('Greeting agent.\nIt writes hello.txt.');
    expect(llm.requests[0]!.lastUserText).toContain('write exactly 1 test');
    // no project judge: llm_eval would not compile, so it is not offered
    expect(llm.requests[0]!.system).not.toContain('- llm_eval:');
  });

  it('refuses to run without a configured model, without a description, or over an existing file', async () => {
    const dir = tempProject({ 'atp.config.mjs': config(), 'suite.yaml': VALID });
    const noModel = await atp(['generate', 'from-description', 'x'], dir);
    expect(noModel.code).toBe(2);
    expect(noModel.stderr).toContain('atp generate needs a judge model: pass --provider and --model or configure the plugin in atp.config (see docs/guides/llm-judge-and-cost.md)');
    const noText = await atp(['generate', 'from-description', '--provider', 'openai', '--model', 'm'], dir);
    expect(noText.stderr).toContain('describe the suite to write: atp generate from-description "TEXT", or --file FILE');
    const exists = await atp(['generate', 'from-description', 'x', '--provider', 'openai', '--model', 'm', '--base-url', 'http://127.0.0.1:9/v1', '--output', 'suite.yaml'], dir);
    expect(exists.code).toBe(2);
    expect(exists.stderr).toContain('suite.yaml already exists');
    const noFile = await atp(['generate', 'from-description', '--file', 'missing-brief.md', '--provider', 'openai', '--model', 'm', '--base-url', 'http://127.0.0.1:9/v1'], dir);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('missing-brief.md: error cannot read the description: file not found [ATP_DATA_FILE]');
    expect(noFile.stderr).not.toMatch(/\n\s+at /);
    const unknown = await atp(['generate', 'from-code'], dir);
    expect(unknown.stderr).toContain('unknown generate command "from-code"');
  });
});
