import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ErrorCodes, Kernel, isSecret, renderDiagnostic, type AgentConfig, type Secret } from '@atp/kernel';
import dslPlugin, { compileSource as lazyCompileSource } from '../src/index.js';
import { compileSource } from '../src/compile-source.js';
import { createCompiler } from '../src/compiler.js';
import { fakeAdapters, fakeEvaluators, fakeKernel } from './helpers/fake-kernel.js';
import { FIXTURES } from './helpers/fixtures.js';

const read = (file: string) => readFileSync(join(FIXTURES, file), 'utf8');

async function kernelWith(options: { agents?: Record<string, AgentConfig>; runs?: number } = {}): Promise<Kernel> {
  const kernel = new Kernel();
  kernel.config = {
    ...kernel.config,
    cwd: FIXTURES,
    agents: options.agents ?? {},
    defaults: { ...kernel.config.defaults, ...(options.runs ? { runs_per_test: options.runs } : {}) },
  };
  await kernel.use(dslPlugin);
  await kernel.use(fakeEvaluators);
  await kernel.use(fakeAdapters);
  return kernel;
}

describe('the @atp/dsl plugin', () => {
  it('registers the yaml compiler for .yaml and .yml', () => {
    expect(dslPlugin.name).toBe('@atp/dsl');
    expect(dslPlugin.apiVersion).toBe(1);
    expect(dslPlugin.compilers.map((c) => [c.name, c.extensions])).toEqual([['yaml', ['.yaml', '.yml']]]);
  });

  it('compiles a suite file through the kernel', async () => {
    const kernel = await kernelWith();
    const out = await kernel.compileSuite('valid/example-a/suite.yaml', { env: {} });
    expect(out.diagnostics).toEqual([]);
    expect(out.plan?.jobs.map((j) => j.id)).toEqual(['fa-001::file-agent::1', 'fa-002::file-agent::1']);
  });

  it('exposes the JSON Schema through the compiler', () => {
    expect(createCompiler().jsonSchema?.()).toMatchObject({ title: 'ATP test suite', type: 'object' });
  });

  it('keeps the index cheap: no static import reaches yaml or chevrotain', () => {
    const seen = new Set<string>();
    const heavy: string[] = [];
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const [, spec] of text.matchAll(/^import (?!type )[^;]*? from '([^']+)';/gm)) {
        if (spec!.startsWith('.')) visit(resolve(dirname(file), spec!.replace(/\.js$/, '.ts')));
        else if (spec === 'yaml' || spec === 'chevrotain') heavy.push(`${file} imports ${spec}`);
      }
    };
    visit(join(import.meta.dirname, '..', 'src', 'index.ts'));
    expect(heavy).toEqual([]);
  });

  it('compileSource from the index loads the compiler lazily', async () => {
    const out = await lazyCompileSource('test_suite: s\ntests: [{id: a, name: A, task: {description: d}}]\n', { env: {} });
    expect(out.plan?.tests.map((t) => t.id)).toEqual(['a']);
  });
});

describe('compileSource', () => {
  it('makes secrets of sensitive variables in agent configs only', async () => {
    const kernel = await fakeKernel();
    const source = read('valid/variables/suite.yaml').replace('Test using ${TEST_VAR} variable', 'token ${API_TOKEN}');
    const out = await compileSource(source, { file: 'v.yaml', kernel, env: { API_ENDPOINT: 'http://x', API_TOKEN: 'tok', test_var: 'v' } });
    expect(out.diagnostics).toEqual([]);
    const config = out.plan!.agents[0]!.config as { api_key: Secret; headers: Record<string, unknown> };
    expect(isSecret(config.api_key)).toBe(true);
    expect(config.api_key.reveal()).toBe('default_key');
    expect(String(config.api_key)).toBe('***');
    expect((config.headers.Authorization as Secret).reveal()).toBe('Bearer none');
    expect(config.headers['X-Trace']).toBe('t-1');
    expect(out.plan!.tests[0]!.task.description).toBe('token tok');
  });

  it('explains a secret rejected by a plugin schema that only takes plain strings', async () => {
    const kernel = new Kernel();
    await kernel.use({
      name: 'plain-adapter',
      apiVersion: 1,
      adapters: [{ name: 'plain', description: 'plain', configSchema: z.strictObject({ token: z.string() }), load: async () => ({ createAdapter: () => ({ run: async () => ({}) as never }) }) }],
    });
    const source = 'test_suite: s\nagents: [{name: a, type: plain, config: {token: "${API_TOKEN}"}}]\ntests: [{id: t, name: T, task: {description: d}}]\n';
    const out = await compileSource(source, { file: 's.yaml', kernel, env: { API_TOKEN: 'x' } });
    expect(out.diagnostics).toEqual([
      {
        code: ErrorCodes.ATP_ADAPTER_CONFIG,
        severity: 'error',
        message: '"plain" adapter config: token: expected a string, got a secret value',
        file: 's.yaml',
        start: { line: 2, column: 49, offset: 62 },
        end: { line: 2, column: 63, offset: 76 },
        hint: 'the value uses a sensitive variable, so it is a secret: the plugin must accept secrets (zSecretString from @atp/kernel)',
      },
    ]);
  });

  it('merges config-file agents after the suite agents; suite agents win', async () => {
    const kernel = await kernelWith({
      agents: {
        'file-agent': { adapter: 'http', config: { endpoint: 'http://ignored' } },
        local: { adapter: 'cli', config: { command: 'node' } },
        flat: { type: 'http', endpoint: 'http://flat', allow_internal: true },
      },
    });
    const out = await compileSource(read('valid/example-a/suite.yaml'), { file: 'a.yaml', kernel, env: {} });
    expect(out.diagnostics).toEqual([]);
    expect(out.plan!.agents.map((a) => [a.name, a.adapter, a.config])).toEqual([
      ['file-agent', 'cli', { command: 'python', args: ['agents/file_agent.py'] }],
      ['local', 'cli', { command: 'node', args: [] }],
      ['flat', 'http', { endpoint: 'http://flat', allow_internal: true }],
    ]);
  });

  it('reports config-file agents with an unknown adapter or a bad config', async () => {
    const kernel = await kernelWith({ agents: { a: { adapter: 'htpp' }, b: { adapter: 'cli', config: { command: 1 } }, c: {} } });
    const out = await compileSource(read('valid/tags-demo/suite.yaml'), { file: 't.yaml', kernel, env: {} });
    expect(out.plan).toBeUndefined();
    expect(out.diagnostics).toEqual([
      { code: ErrorCodes.ATP_UNKNOWN_ADAPTER, severity: 'error', message: 'unknown adapter "htpp" — did you mean "http"?', hint: 'installed adapters: cli, http' },
      { code: ErrorCodes.ATP_ADAPTER_CONFIG, severity: 'error', message: 'config agent "b": "cli" adapter config: command: expected a string, got the number 1' },
      { code: ErrorCodes.ATP_CONFIG_INVALID, severity: 'error', message: 'config agent "c" has no adapter', hint: 'set adapter: <name> (cli, http, …) on the agent' },
    ]);
  });

  it('takes runs from the option, else the config, else the suite', async () => {
    const source = read('valid/defaults-inheritance/suite.yaml');
    const runs = async (kernel: Kernel, option?: number) =>
      (await compileSource(source, { file: 'd.yaml', kernel, env: {}, ...(option ? { runs: option } : {}) })).plan!.tests[0]!.runs;
    expect(await runs(await kernelWith())).toBe(3);
    expect(await runs(await kernelWith({ runs: 5 }))).toBe(5);
    expect(await runs(await kernelWith({ runs: 5 }), 2)).toBe(2);
  });

  it('rejects a runs override that is not a whole number', async () => {
    const out = await compileSource('test_suite: s\n', { runs: 0 });
    expect(out.diagnostics.map((d) => d.message)).toEqual(['runs must be a whole number of at least 1, got 0']);
  });

  it('checks only the structure when no registries are given', async () => {
    const out = await compileSource('test_suite: s\ntests:\n  - {id: a, name: A, task: {description: d}, assertions: [{type: anything, config: {x: 1}}]}\n', { env: {} });
    expect(out.diagnostics).toEqual([]);
    expect(out.plan!.tests[0]!.assertions).toEqual([{ id: 'anything', type: 'anything', config: { x: 1 }, critical: false, location: { file: '<input>', line: 3, column: 59 } }]);
  });

  it('reports an empty source', async () => {
    const out = await compileSource('', { file: 'empty.yaml' });
    expect(out.diagnostics).toEqual([
      {
        code: ErrorCodes.ATP_SUITE_SCHEMA,
        severity: 'error',
        message: 'the suite file is empty',
        file: 'empty.yaml',
        start: { line: 1, column: 1, offset: 0 },
        end: { line: 1, column: 1, offset: 0 },
        hint: 'a suite needs at least "test_suite: <name>" and "tests:" with one test',
      },
    ]);
  });

  it('renders a diagnostic with its code frame (kernel renderer)', async () => {
    const file = 'invalid/duplicate-test-ids/suite.yaml';
    const source = read(file);
    const out = await compileSource(source, { file, kernel: await fakeKernel(), env: {} });
    expect(renderDiagnostic(out.diagnostics[0]!, { source, context: 1 })).toBe(
      [
        'invalid/duplicate-test-ids/suite.yaml:7:9: error duplicate test id "test-001" at tests[1]: first used at tests[0] (line 4) [ATP_DUPLICATE_ID]',
        '  6 |     task: {description: first}',
        '> 7 |   - id: test-001',
        '    |         ^^^^^^^^',
        '  8 |     name: Second',
        '  hint: test ids must be unique within a suite',
      ].join('\n'),
    );
  });

  it('stops runaway aliases', async () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const out = await compileSource(`${lines.join('\n')}\ntest_suite: s\n`, { env: {} });
    expect(out.diagnostics.map((d) => d.message)).toEqual(['aliases expand to too many nodes']);
  });
});
