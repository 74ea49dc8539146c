import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closer, reply, startAnthropicServer, type LlmServer } from '@atp/testkit';
import { removeTempDirs, runAtp, tempProject as makeProject } from '@atp/testkit/e2e';

// End to end through the real `atp` binary (run `npx tsc -b plugins/adapter-anthropic` first).

const CONFIG = "export default { plugins: ['@atp/preset-default', '@atp/adapter-anthropic'] };\n";
const KEY = 'sk-ant-e2e-key-9c1d2e';

interface JsonReport {
  summary: { passed_tests: number; success: boolean };
  tests: Array<{ test_id: string; success: boolean; error: string | null; evaluations: Array<{ assertion: string; passed: boolean }> }>;
}

const servers = closer<LlmServer>();
afterEach(async () => {
  await servers.closeAll();
  removeTempDirs();
});
const tempProject = (files: Record<string, string>): string => makeProject(files, { prefix: 'adapter-anthropic-' });

describe('anthropic agent through the atp binary', () => {
  it('a streamed tool-using agent passes must_use_tools and json_path assertions; 529 is retried', async () => {
    const s = servers.keep(
      await startAnthropicServer(
        [
          reply.overloaded({ retryAfter: 0 }),
          reply.toolCall('lookup_order', { order_id: 'A-17' }, { text: 'Looking it up.' }),
          reply.json({ order_id: 'A-17', status: 'shipped' }),
        ],
        { apiKey: KEY },
      ),
    );
    const dir = tempProject({
      'atp.config.mjs': CONFIG,
      'suite.yaml': `
test_suite: support-bot
agents:
  - name: claude
    type: anthropic
    config:
      model: claude-3-5-haiku-20241022
      base_url: ${s.baseURL}
      api_key: \${E2E_ANTHROPIC_KEY}
      system_prompt: Answer with JSON only.
      stream: true
      response_file: answer.json
      tools:
        - name: lookup_order
          description: Order status by id
          parameters: { type: object, properties: { order_id: { type: string } } }
          responses:
            - when: { order_id: { regex: "^A-" } }
              then: { status: shipped }
tests:
  - id: order-status
    name: Order status
    task: { description: "Where is order A-17?" }
    assertions:
      - type: must_use_tools
        config: { tools: [lookup_order] }
      - type: json_path
        config: { path: answer.json, json_path: "$.status", equals: shipped }
`,
    });
    const result = await runAtp(['test', 'suite.yaml', '-o', 'json', '--output-file', 'report.json', '--no-journal'], dir, { E2E_ANTHROPIC_KEY: KEY, ANTHROPIC_API_KEY: '' });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const text = readFileSync(join(dir, 'report.json'), 'utf8');
    expect(text).not.toContain(KEY);
    const report = JSON.parse(text) as JsonReport;
    expect(report.summary).toMatchObject({ passed_tests: 1, success: true });
    expect(report.tests[0]?.evaluations.map((e) => [e.assertion, e.passed])).toEqual([
      ['must_use_tools', true],
      ['json_path', true],
    ]);
    expect(s.requests).toHaveLength(3);
    expect(s.requests.every((r) => r.stream && r.auth?.valid === true)).toBe(true);
  }, 60_000);

  it('a missing key stops before any job, naming ANTHROPIC_API_KEY (exit 2)', async () => {
    const dir = tempProject({
      'atp.config.mjs': CONFIG,
      'suite.yaml': `
test_suite: no-key
agents:
  - name: claude
    type: anthropic
    config: { model: claude-sonnet-4 }
tests:
  - id: t
    name: t
    task: { description: "hi" }
`,
    });
    const result = await runAtp(['test', 'suite.yaml', '--no-journal'], dir, { ANTHROPIC_API_KEY: '', ANTHROPIC_AUTH_TOKEN: '', ANTHROPIC_BASE_URL: '' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('api_key: no Anthropic API key: set the ANTHROPIC_API_KEY environment variable');
  }, 60_000);
});
