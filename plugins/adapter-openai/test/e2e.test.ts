import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closer, reply, startOpenAIServer, type LlmServer } from '@atp/testkit';
import { removeTempDirs, runAtp, tempProject as makeProject } from '@atp/testkit/e2e';

// End to end through the real `atp` binary (run `npx tsc -b plugins/adapter-openai` first).

const CONFIG = "export default { plugins: ['@atp/preset-default', '@atp/adapter-openai'] };\n";
const GOOD_KEY = 'sk-e2e-good-key-5f3a9c';
const BAD_KEY = 'sk-e2e-wrong-key-77aa11';

interface JsonReport {
  summary: { total_tests: number; passed_tests: number; success: boolean };
  tests: Array<{ test_id: string; success: boolean; error: string | null; failure_kind: string | null; evaluations: Array<{ assertion: string; passed: boolean }> }>;
}

const servers = closer<LlmServer>();
afterEach(async () => {
  await servers.closeAll();
  removeTempDirs();
});

const tempProject = (files: Record<string, string>): string => makeProject(files, { prefix: 'adapter-openai-' });

function suite(baseURL: string, extra = ''): string {
  return `
test_suite: weather-bot
agents:
  - name: bot
    type: openai
    config:
      model: gpt-4o-mini
      base_url: ${baseURL}
      api_key: \${E2E_OPENAI_KEY}
      system_prompt: You answer weather questions using the tools.
      max_retries: 2
      tools:
        - name: get_weather
          description: Current weather of a city
          parameters:
            type: object
            properties: { city: { type: string } }
          responses:
            - when: { city: Paris }
              then: { temp_c: 21, sky: sunny }
          default: { error: unknown city }
        - name: forecast
          description: Forecast for the next days
          script: tools/forecast.mjs
${extra}`;
}

const FORECAST = `export default function forecast(args) {
  return { city: args.city, days: [{ day: 1, temp_c: 23 }, { day: 2, temp_c: 19 }] };
}
`;

describe('openai agent through the atp binary', () => {
  it('a tool-using agent passes must_use_tools and artifact assertions; a 429 is retried', async () => {
    const s = servers.keep(
      await startOpenAIServer(
        [
          reply.rateLimit({ retryAfter: 0 }),
          reply.toolCall('get_weather', { city: 'Paris' }, { usage: { inputTokens: 120, outputTokens: 15 } }),
          reply.toolCall('forecast', { city: 'Paris' }, { usage: { inputTokens: 160, outputTokens: 15 } }),
          reply.text('Paris: 21°C and sunny today, 23°C tomorrow.', { usage: { inputTokens: 220, outputTokens: 12 } }),
        ],
        { apiKey: GOOD_KEY },
      ),
    );
    const dir = tempProject({
      'atp.config.mjs': CONFIG,
      'tools/forecast.mjs': FORECAST,
      'suite.yaml': suite(
        s.baseURL,
        `tests:
  - id: weather-paris
    name: Weather in Paris
    task: { description: "What is the weather in Paris, today and tomorrow?" }
    assertions:
      - type: must_use_tools
        config: { tools: [get_weather, forecast] }
      - type: contains
        config: { path: response.md, pattern: "21°C" }
      - type: max_tool_calls
        config: { limit: 2 }
      - type: behavior
        config:
          expected_tool_calls:
            - tool: get_weather
              input_matches: [{ path: "$.city", equals: Paris }]
              output_matches: [{ path: "$.temp_c", equals: 21 }]
          tool_call_order: expected
`,
      ),
    });
    const result = await runAtp(['test', 'suite.yaml', '-o', 'json', '--output-file', 'report.json', '--no-journal'], dir, { E2E_OPENAI_KEY: GOOD_KEY, OPENAI_API_KEY: '' });
    expect(result.stderr).not.toContain(GOOD_KEY);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as JsonReport;
    expect(report.summary).toMatchObject({ total_tests: 1, passed_tests: 1, success: true });
    expect(report.tests[0]?.evaluations.map((e) => [e.assertion, e.passed])).toEqual([
      ['must_use_tools', true],
      ['contains', true],
      ['max_tool_calls', true],
      ['behavior', true],
    ]);
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).not.toContain(GOOD_KEY);
    // One 429, then three model calls; the tool results went back to the model.
    expect(s.requests).toHaveLength(4);
    expect(s.requests[2]?.toolResults).toEqual([{ id: 'call_1_0', content: '{"temp_c":21,"sky":"sunny"}' }]);
    expect(s.requests[3]?.toolResults).toEqual([{ id: 'call_2_0', content: '{"city":"Paris","days":[{"day":1,"temp_c":23},{"day":2,"temp_c":19}]}' }]);
  }, 60_000);

  it('max_steps reached fails the test with a clear error; exit 1', async () => {
    const s = servers.keep(await startOpenAIServer(() => reply.toolCall('get_weather', { city: 'Paris' })));
    const dir = tempProject({
      'atp.config.mjs': CONFIG,
      'tools/forecast.mjs': FORECAST,
      'suite.yaml': suite(
        s.baseURL,
        `tests:
  - id: loops
    name: Never answers
    task: { description: "Loop forever" }
    constraints: { max_steps: 3 }
    assertions:
      - type: must_use_tools
        config: { tools: [get_weather] }
`,
      ),
    });
    const result = await runAtp(['test', 'suite.yaml', '-o', 'json', '--output-file', 'report.json', '--no-journal'], dir, { E2E_OPENAI_KEY: GOOD_KEY });
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as JsonReport;
    expect(report.tests[0]).toMatchObject({
      success: false,
      failure_kind: 'agent',
      error: "max_steps (3) reached: after 3 model calls the model still asked for tools (get_weather) instead of answering; raise max_steps in the agent config or the test's constraints",
    });
    expect(s.requests).toHaveLength(3);
  }, 60_000);

  it('a rejected key fails the run without printing the key', async () => {
    const s = servers.keep(await startOpenAIServer([reply.text('never')], { apiKey: GOOD_KEY }));
    const dir = tempProject({
      'atp.config.mjs': CONFIG,
      'tools/forecast.mjs': FORECAST,
      'suite.yaml': suite(s.baseURL, `tests:\n  - id: t\n    name: t\n    task: { description: "hi" }\n`),
    });
    const result = await runAtp(['test', 'suite.yaml', '--no-journal', '--verbose'], dir, { E2E_OPENAI_KEY: BAD_KEY });
    expect(result.code).toBe(1);
    const output = result.stdout + result.stderr;
    expect(output).toContain('rejected the credentials (HTTP 401): Incorrect API key provided: ***.');
    expect(output).not.toContain(BAD_KEY);
    expect(s.requests).toHaveLength(1);
  }, 60_000);

  it('a missing API key stops before any job, naming the variable (exit 2)', async () => {
    const s = servers.keep(await startOpenAIServer([reply.text('never')]));
    const dir = tempProject({
      'atp.config.mjs': CONFIG,
      'suite.yaml': `
test_suite: no-key
agents:
  - name: bot
    type: openai
    config: { model: gpt-4o-mini }
tests:
  - id: t
    name: t
    task: { description: "hi" }
`,
    });
    const result = await runAtp(['test', 'suite.yaml', '--no-journal'], dir, { OPENAI_API_KEY: '', OPENAI_BASE_URL: '' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'suite.yaml:6:5: error "openai" adapter config: api_key: no OpenAI API key: set the OPENAI_API_KEY environment variable (or api_key: ${MY_KEY} in the agent config); for a local OpenAI-compatible server set base_url [ATP_ADAPTER_CONFIG]',
    );
    expect(s.requests).toHaveLength(0);
  }, 60_000);
});
