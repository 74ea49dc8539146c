import { afterEach, describe, expect, it, vi } from 'vitest';
import { Secret, isAdapterError, validatePlugin } from '@atp/kernel';
import plugin, { OpenAIAgentConfigSchema } from '../src/index.js';

function issues(input: unknown): string[] {
  const parsed = OpenAIAgentConfigSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('openai plugin and config', () => {
  it('is a valid plugin registering the lazy openai adapter', async () => {
    expect(() => validatePlugin(plugin, '@atp/adapter-openai')).not.toThrow();
    expect(plugin.adapters?.map((a) => a.name)).toEqual(['openai']);
    const mod = await plugin.adapters![0]!.load();
    expect(typeof mod.createAdapter).toBe('function');
  });

  it('applies defaults and keeps secrets as Secrets', () => {
    const key = new Secret('sk-live-abc');
    const parsed = OpenAIAgentConfigSchema.parse({ model: 'gpt-4o-mini', api_key: key });
    expect(parsed).toEqual({
      model: 'gpt-4o-mini',
      api_key: key,
      max_steps: 10,
      stream: false,
      tools: [],
      response_file: 'response.md',
      timeout_seconds: 300,
      max_retries: 2,
      retry_count: 0,
      retry_delay_seconds: 1,
    });
    expect(JSON.stringify(parsed)).not.toContain('sk-live-abc');
    // Parsing the parsed config again (the runner re-validates plan configs) gives the same result.
    expect(OpenAIAgentConfigSchema.parse(parsed)).toEqual(parsed);
  });

  it('rejects unknown keys and bad values', () => {
    expect(issues({ model: 'm', api_key: 'k', tempreature: 1 })).toEqual([': Unrecognized key: "tempreature"']);
    expect(issues({ model: 'm', api_key: 'k', temperature: 3, max_steps: 0, base_url: 'localhost:11434' })).toEqual([
      'base_url: base_url must be an absolute http:// or https:// URL (got "localhost:11434")',
      'temperature: Too big: expected number to be <=2',
      'max_steps: Too small: expected number to be >=1',
    ]);
  });

  it('names the variable to set when no API key is found', () => {
    vi.stubEnv('OPENAI_API_KEY', '');
    vi.stubEnv('OPENAI_BASE_URL', '');
    expect(issues({ model: 'gpt-4o' })).toEqual([
      'api_key: no OpenAI API key: set the OPENAI_API_KEY environment variable (or api_key: ${MY_KEY} in the agent config); for a local OpenAI-compatible server set base_url',
    ]);
    vi.stubEnv('OPENAI_API_KEY', 'sk-from-env');
    expect(issues({ model: 'gpt-4o' })).toEqual([]);
    vi.stubEnv('OPENAI_API_KEY', '');
    // A local server (Ollama, vLLM) needs no key.
    expect(issues({ model: 'llama3.1', base_url: 'http://localhost:11434/v1' })).toEqual([]);
  });

  it('Azure: endpoint and credential come from the config or the environment', () => {
    vi.stubEnv('AZURE_OPENAI_ENDPOINT', '');
    vi.stubEnv('AZURE_OPENAI_API_KEY', '');
    vi.stubEnv('AZURE_OPENAI_AD_TOKEN', '');
    expect(issues({ model: 'gpt-4o', azure: {} })).toEqual([
      'azure.endpoint: no Azure endpoint: set azure.endpoint or the AZURE_OPENAI_ENDPOINT environment variable',
      'azure.api_key: no Azure credential: set the AZURE_OPENAI_API_KEY environment variable (or azure.api_key), or an Entra ID token in AZURE_OPENAI_AD_TOKEN (or azure.ad_token)',
    ]);
    vi.stubEnv('AZURE_OPENAI_ENDPOINT', 'https://res.openai.azure.com');
    vi.stubEnv('AZURE_OPENAI_AD_TOKEN', 'eyJ-token');
    expect(issues({ model: 'gpt-4o', azure: { deployment: 'd' } })).toEqual([]);
    expect(issues({ model: 'gpt-4o', api_key: 'k', base_url: 'http://x', azure: { api_key: 'a', ad_token: 't' } })).toEqual([
      'azure.ad_token: give azure.api_key or azure.ad_token, not both',
      'base_url: base_url and azure cannot be combined: azure.endpoint names the Azure resource',
      'api_key: with azure, put the key in azure.api_key',
    ]);
  });

  it('validates tools: one output source, unique names, object parameters, matchers', () => {
    const base = { model: 'm', api_key: 'k' };
    expect(issues({ ...base, tools: [{ name: 'a' }] })).toEqual(['tools.0: tool "a" needs one of result (static output), script (a node module) or responses (matched on the arguments)']);
    expect(issues({ ...base, tools: [{ name: 'a', result: 1, script: 'x.mjs' }] })).toEqual(['tools.0: tool "a" has result and script: give exactly one']);
    expect(issues({ ...base, tools: [{ name: 'a', result: null }, { name: 'a', result: 2 }] })).toEqual(['tools.1.name: duplicate tool name "a"']);
    expect(issues({ ...base, tools: [{ name: 'bad name', result: 1, parameters: { type: 'string' } }] })).toEqual([
      'tools.0.name: tool names use 1-64 letters, digits, _ or - (what the model APIs accept)',
      'tools.0.parameters.type: tool parameters must be a JSON Schema with type: object',
    ]);
    expect(issues({ ...base, tools: [{ name: 'a', result: 1, export: 'f', default: 2 }] })).toEqual([
      'tools.0.export: `export` only applies with `script`',
      'tools.0.default: `default` only applies with `responses`',
    ]);
    expect(
      issues({
        ...base,
        tools: [{ name: 'a', responses: [{ when: { q: { regex: '(' }, n: { exists: 'yes' }, '$.a[': 1 }, then: 1 }, { then: 1, error: 'x' }, { when: {} }] }],
      }),
    ).toEqual([
      'tools.0.responses.0.when.q.regex: invalid regular expression: Invalid regular expression: /(/u: Unterminated group',
      'tools.0.responses.0.when.n.exists: exists expects true or false',
      'tools.0.responses.0.when.$.a[: invalid JSON path "$.a[" at column 5: expected an array index or a quoted key after "["',
      'tools.0.responses.1: a response needs exactly one of `then` (the output) or `error`',
      'tools.0.responses.2: a response needs exactly one of `then` (the output) or `error`',
    ]);
  });

  it('createAdapter reports an invalid config as a non-retryable AdapterError', async () => {
    const mod = await plugin.adapters![0]!.load();
    const error = await Promise.resolve()
      .then(() => mod.createAdapter({ model: '' }, { agent: 'a', baseDir: '.', logger: { debug() {}, info() {}, warn() {}, error() {} } }))
      .catch((e: unknown) => e);
    expect(isAdapterError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^invalid openai agent config: model: Too small/);
  });
});
