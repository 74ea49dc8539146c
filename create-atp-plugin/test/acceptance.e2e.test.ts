/**
 * Acceptance: for each kind, the real create-atp-plugin generates a plugin into a temp directory inside
 * the repository (so its dependencies resolve through the workspace's node_modules, as after an install),
 * the plugin's own build, tests and lint pass, and a temp ATP project uses it, unedited, from atp.config.ts.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KINDS, type Kind } from '../src/index.js';
import { ATP_BIN, createAtpPlugin, removeTempDirs, run, tempDir, type RunResult } from './helpers.js';

// The generated project runs its own vitest: it must not think it is a worker of this one.
const env = Object.fromEntries(Object.keys(process.env).filter((k) => k.startsWith('VITEST')).map((k) => [k, undefined]));
const npm = (script: string, cwd: string): Promise<RunResult> => run('npm', ['run', script, '--silent'], cwd, { env, timeoutMs: 240_000 });
const atp = (args: string[], cwd: string): Promise<RunResult> => run(process.execPath, [ATP_BIN, ...args], cwd, { env, timeoutMs: 120_000 });
const node = (script: string, cwd: string): Promise<RunResult> => run(process.execPath, [script], cwd, { env, timeoutMs: 120_000 });

let base: string;
const pluginDir = (kind: Kind): string => join(base, `atp-plugin-my-${kind}`);

/** A temp ATP project with the generated plugin installed (linked into node_modules, as `npm install ../dir` does). */
function project(kind: Kind, files: Record<string, string>): string {
  const dir = join(base, `use-${kind}`);
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(pluginDir(kind), join(dir, 'node_modules', `atp-plugin-my-${kind}`), 'dir');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const config = (kind: Kind, extra = ''): string =>
  `import { defineConfig } from '@atp/kernel';\n\nexport default defineConfig({\n  plugins: ['@atp/preset-default', 'atp-plugin-my-${kind}'],${extra}\n});\n`;

/** A one-shot cli agent: answers every task with `answer(description)` in answer.txt. */
const agent = (body: string): string => `let input = '';
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', () => {
  const request = JSON.parse(input);
  const answer = ((description) => { ${body} })(request.task.description);
  process.stdout.write(JSON.stringify({ version: '1.0', task_id: request.task_id, status: 'completed', artifacts: [{ type: 'file', path: 'answer.txt', content: answer }] }) + '\\n');
});
`;
const CAPITALS_AGENT = agent(`return 'The answer is ' + ({ France: 'Paris', Japan: 'Tokyo', Kenya: 'Nairobi' }[description.replace(/^.* of (\\w+)\\?$/, '$1')] ?? 'unknown') + '.';`);
const cliAgent = (script: string): string => `    type: cli\n    config:\n      command: ${JSON.stringify(process.execPath)}\n      args: [${script}]\n`;

/** What each kind does in an ATP project. */
const USES: Record<Kind, () => Promise<void>> = {
  async adapter() {
    const dir = project('adapter', {
      'atp.config.ts': config('adapter'),
      'suite.yaml': `test_suite: echo_acceptance\nversion: "1.0"\nagents:\n  - name: echo\n    type: echo\n    config: { prefix: "echo: " }\ntests:\n  - id: greet\n    name: Greets back\n    task: { description: Say hello }\n    assertions:\n      - type: contains\n        config: { pattern: "echo: Say hello" }\n  - id: text\n    name: Echoes input_data.text\n    task:\n      description: Repeat the text\n      input_data: { text: bonjour }\n    assertions:\n      - type: contains\n        config: { pattern: "echo: bonjour", path: echo.txt }\n`,
    });
    const r = await atp(['test', 'suite.yaml', '--output', 'json', '--no-journal'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { summary: { success: boolean; passed_tests: number }; tests: Array<{ test_id: string; success: boolean }> };
    expect(report.summary).toMatchObject({ success: true, passed_tests: 2 });
    expect(report.tests.map((t) => [t.test_id, t.success])).toEqual([
      ['greet', true],
      ['text', true],
    ]);
  },

  async evaluator() {
    const dir = project('evaluator', {
      'atp.config.ts': config('evaluator'),
      'agent.mjs': agent(`return 'The capital of France is Paris.';`),
      'suite.yaml': `test_suite: words_acceptance\nversion: "1.0"\nagents:\n  - name: agent\n${cliAgent('agent.mjs')}tests:\n  - id: short-enough\n    name: Within range\n    task: { description: Answer }\n    assertions:\n      - type: word_count\n        config: { min: 3, max: 10 }\n  - id: too-long\n    name: Too many words\n    task: { description: Answer }\n    assertions:\n      - type: word_count\n        config: { path: answer.txt, max: 3 }\n`,
      'bad.yaml': `test_suite: words_bad\nversion: "1.0"\ntests:\n  - id: t\n    name: Bad range\n    task: { description: Answer }\n    assertions:\n      - type: word_count\n        config: { min: 5, max: 2 }\n`,
    });
    const r = await atp(['test', 'suite.yaml', '--output', 'json', '--no-journal'], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { tests: Array<{ test_id: string; success: boolean; evaluations: Array<{ evaluator: string; checks: Array<{ passed: boolean; message: string }> }> }> };
    expect(report.tests.map((t) => [t.test_id, t.success, t.evaluations[0]!.evaluator, t.evaluations[0]!.checks[0]!.message])).toEqual([
      ['short-enough', true, 'word_count', '6 words (expected between 3 and 10)'],
      ['too-long', false, 'word_count', '6 words (expected at most 3)'],
    ]);
    // The config schema is checked when the suite compiles: nothing runs with a bad config.
    const bad = await atp(['validate', 'bad.yaml'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^bad\.yaml:\d+:\d+: error .*min must not be greater than max/);
  },

  async reporter() {
    const dir = project('reporter', {
      'atp.config.ts': config('reporter', `\n  reporters: { summary: { progress: true } },`),
      'agent.mjs': CAPITALS_AGENT,
      'suite.yaml': `test_suite: summary_acceptance\nversion: "1.0"\nagents:\n  - name: agent\n${cliAgent('agent.mjs')}tests:\n  - id: france\n    name: France\n    task: { description: What is the capital of France? }\n    assertions:\n      - type: contains\n        config: { pattern: Paris }\n  - id: peru\n    name: Peru\n    task: { description: What is the capital of Peru? }\n    assertions:\n      - type: contains\n        config: { pattern: Lima }\n`,
    });
    const r = await atp(['test', 'suite.yaml', '--output', 'summary', '--no-journal'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^pass france \[agent\]\nFAIL peru \[agent\]\nsummary_acceptance: 1\/2 tests passed \(50\.0%\) in \d+\.\ds\n {2}FAIL peru \[agent\] score \d+\.\d: contains: .*Lima.*\n$/);
  },

  async benchmark() {
    const dir = project('benchmark', {
      'atp.config.ts': config('benchmark', `\n  agents: { oracle: { adapter: 'cli', config: { command: ${JSON.stringify(process.execPath)}, args: [${JSON.stringify(join(base, 'use-benchmark', 'agent.mjs'))}] } } },`),
      'agent.mjs': CAPITALS_AGENT,
      // Used twice: through the SDK and the registry, and through `atp benchmark` below.
      'run.mjs': `import { loadKernel, run } from '@atp/kernel';\nconst kernel = await loadKernel();\nconst benchmark = await kernel.registries.benchmarks.load('json-dataset');\nconst plan = await benchmark.load({ limit: 3 });\nconst report = await run(plan, { kernel, agents: ['oracle'], journal: false });\nconsole.log(JSON.stringify(report.tests.map((t) => [t.testId, t.agent, t.passed, t.score])));\n`,
    });
    const info = await atp(['plugins', 'info', 'atp-plugin-my-benchmark'], dir);
    expect(info.code).toBe(0);
    expect(info.stdout).toContain('compatibility: compatible\n');
    expect(info.stdout).toContain('benchmarks:\n  json-dataset  Questions and expected answers from a JSON dataset, one test each\n');
    expect(info.stdout).toContain('evaluators:\n  expected_answer  ');
    const r = await node('run.mjs', dir);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([
      ['france', 'oracle', true, 100],
      ['japan', 'oracle', true, 100],
      ['kenya', 'oracle', true, 100],
    ]);
    const cli = await atp(['benchmark', 'json-dataset', '--option', 'limit=3', '--agent', 'oracle', '--output', 'json', '--output-file', 'report.json'], dir);
    expect(cli.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { summary: { total_tests: number; passed_tests: number } };
    expect(report.summary).toMatchObject({ total_tests: 3, passed_tests: 3 });
  },

  async importer() {
    const dir = project('importer', {
      'atp.config.ts': config('importer'),
      // Used twice: through the SDK and the registry (then scored), and through `atp import` below.
      'import.mjs': `import { evaluate, loadKernel, parseEvent } from '@atp/kernel';\nconst kernel = await loadKernel();\nconst importer = await kernel.registries.importers.load('json-trace');\nconst traces = await importer.importTraces(${JSON.stringify(join(pluginDir('importer'), 'test/fixtures/traces.json'))}, {});\nconst out = [];\nfor (const { request, events, response } of traces) {\n  const [result] = await evaluate(response, [{ type: 'contains', config: { pattern: 'Paris' } }], { kernel, events, request });\n  out.push([request.task_id, events.map((e) => e.event_type).join(','), events.every((e) => parseEvent(e).ok), response.status, result.passed]);\n}\nconsole.log(JSON.stringify(out));\n`,
    });
    const info = await atp(['plugins', 'info', 'atp-plugin-my-importer'], dir);
    expect(info.code).toBe(0);
    expect(info.stdout).toContain('importers:\n  json-trace  ');
    expect(info.stdout).toContain('      include_reasoning: boolean = true');
    const r = await node('import.mjs', dir);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([
      ['capital-france', 'reasoning,tool_call,llm_request', true, 'completed', true],
      ['broken-tool', 'tool_call,error', true, 'failed', false],
    ]);
    const cli = await atp(['import', 'json-trace', join(pluginDir('importer'), 'test/fixtures/traces.json'), '--output', 'traces.jsonl'], dir);
    expect(cli.code).toBe(0);
    const lines = readFileSync(join(dir, 'traces.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { request: { task_id: string } });
    expect(lines.map((l) => l.request.task_id)).toEqual(['capital-france', 'broken-tool']);
  },
};

describe('create-atp-plugin acceptance: every kind builds, tests, lints and works in ATP unedited', { timeout: 600_000 }, () => {
  beforeAll(async () => {
    base = tempDir('cap-accept-');
    for (const kind of KINDS) {
      const r = await createAtpPlugin([`my-${kind}`, '--kind', kind, '--no-install'], base);
      expect(r).toMatchObject({ code: 0, stderr: '' });
    }
  }, 120_000);

  afterAll(removeTempDirs);

  it.each(KINDS)('%s', async (kind) => {
    const dir = pluginDir(kind);
    for (const script of ['build', 'test', 'lint']) {
      const r = await npm(script, dir);
      expect({ script, code: r.code, output: r.code === 0 ? '' : r.stdout + r.stderr }).toEqual({ script, code: 0, output: '' });
    }
    await USES[kind]();
  });
});
