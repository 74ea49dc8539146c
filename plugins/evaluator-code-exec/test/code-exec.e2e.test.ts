import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runAtp, tempProject, type JsonReport } from '@atp/testkit/e2e';
import { findPrlimit } from '../src/limits.js';

// A subprocess agent that "writes code": depending on input_data.variant it puts sum.mjs and a
// node:test file into its sandbox workspace, returns them as inline artifacts instead, or writes
// code that loops forever or allocates memory without bound.
const AGENT = `
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const TESTS = "import { test } from 'node:test';\\nimport assert from 'node:assert/strict';\\nimport { sum } from './sum.mjs';\\n" +
  "test('small', () => assert.equal(sum(1, 2), 3));\\ntest('zero', () => assert.equal(sum(0, 0), 0));\\ntest('negative', () => assert.equal(sum(-1, -2), -3));\\n";
const GOOD = 'export const sum = (a, b) => a + b;\\n';
const BUGGY = 'export const sum = (a, b) => (a === 0 ? a + b : Math.abs(a) + Math.abs(b));\\n';
let s = '';
process.stdin.on('data', (d) => (s += d)).on('end', () => {
  const r = JSON.parse(s);
  const ws = r.context.workspace_path;
  const variant = r.task.input_data.variant;
  const files = {
    good: { 'sum.mjs': GOOD, 'sum.test.mjs': TESTS },
    buggy: { 'sum.mjs': BUGGY, 'sum.test.mjs': TESTS },
    loop: { 'sum.mjs': GOOD, 'sum.test.mjs': "import { test } from 'node:test';\\ntest('spins', () => { for (;;) {} });\\n" },
    hog: { 'hog.mjs': 'const kept = [];\\nfor (;;) kept.push(Buffer.alloc(1 << 20).fill(7));\\n' },
    inline: {},
  }[variant];
  for (const [name, content] of Object.entries(files)) writeFileSync(join(ws, name), content);
  const artifacts = variant === 'inline' ? [{ path: 'lib/sum.mjs', content: GOOD }, { path: 'lib/sum.test.mjs', content: TESTS }] : [];
  process.stdout.write(JSON.stringify({ task_id: r.task_id, status: 'completed', artifacts }));
});
`;

const test = (id: string, variant: string, assertions: string): string =>
  `  - id: ${id}\n    name: ${id}\n    task: { description: "write sum.mjs with tests", input_data: { variant: ${variant} } }\n    assertions:\n${assertions}`;

const SUITE = (withHog: boolean): string =>
  [
    'test_suite: code-exec',
    'agents:',
    '  - name: coder',
    '    type: cli',
    '    config: { command: node, args: [agent.mjs] }',
    'tests:',
    test('good', 'good', '      - { type: code_exec, config: { command: "node --test" } }\n      - { type: file_exists, config: { path: sum.test.mjs } }\n      - { type: code_exec, id: scribble, config: { command: [node, -e, "require(\'fs\').writeFileSync(\'scribble.txt\', \'x\')"] } }\n      - { type: file_not_exists, config: { path: scribble.txt } }\n      - { type: performance, config: { thresholds: { max_total_duration_seconds: 60 } } }\n'),
    test('buggy', 'buggy', '      - { type: code_exec, config: { command: "node --test" } }\n'),
    test('loop', 'loop', '      - { type: code_exec, config: { command: "node --test", timeout: 2 } }\n'),
    ...(withHog ? [test('hog', 'hog', '      - { type: code_exec, config: { command: "node hog.mjs", memory_mb: 128, timeout: 60 } }\n')] : []),
    test('after', 'good', '      - { type: custom_command, config: { command: "node --test", pattern: "# pass (?P<passed>\\\\d+)\\\\n# fail (?P<failed>\\\\d+)" } }\n'),
    test('inline', 'inline', '      - { type: npm, config: { command: "node --test lib/" } }\n'),
    test('env', 'inline', '      - { type: code_exec, config: { command: [node, -e, "console.log(JSON.stringify(process.env))"], max_output_bytes: 65536 } }\n'),
  ].join('\n');

afterAll(removeTempDirs);

describe('code execution through atp test --sandbox', { timeout: 180_000 }, () => {
  it('runs the agent’s tests, reports counts, kills runaway code and goes on', async () => {
    const withHog = findPrlimit() !== undefined;
    const dir = tempProject({
      'atp.config.mjs': "export default { plugins: ['@atp/preset-default', '@atp/evaluator-filesystem', '@atp/evaluator-code-exec', '@atp/evaluator-performance'] };\n",
      'agent.mjs': AGENT,
      'suite.yaml': SUITE(withHog),
    }, { prefix: 'code-exec-e2e-' });
    const started = Date.now();
    const r = await runAtp(['test', 'suite.yaml', '--sandbox', '--output', 'json', '--output-file', 'report.json'], dir, { OPENAI_API_KEY: 'sk-e2e-must-not-leak-4242' });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(Date.now() - started).toBeLessThan(120_000);
    const text = readFileSync(join(dir, 'report.json'), 'utf8');
    expect(text).not.toContain('sk-e2e-must-not-leak-4242');
    const report = JSON.parse(text) as JsonReport;
    const byId = new Map(report.tests.map((t) => [t.test_id, t]));
    expect(report.tests.map((t) => [t.test_id, t.success])).toEqual([
      ['good', true],
      ['buggy', false],
      ['loop', false],
      ...(withHog ? [['hog', false]] : []),
      ['after', true],
      ['inline', true],
      ['env', true],
    ]);

    const good = byId.get('good')!.evaluations!;
    expect(good.map((e) => [e.assertion, e.passed])).toEqual([
      ['code_exec_1', true],
      ['file_exists', true],
      ['scribble', true],
      ['file_not_exists', true],
      ['performance', true],
    ]);
    expect(good[0]!.checks[0]).toMatchObject({ name: 'custom_command', passed: true, score: 1, message: 'node --test exited with code 0: 3 passed, 0 failed of 3 (node-test)' });
    expect(good[0]!.checks[0]!.details).toMatchObject({ passed: 3, failed: 0, skipped: 0, total: 3, exit_code: 0, timed_out: false, duration_ms: expect.any(Number), workspace_copied: true });

    const buggy = byId.get('buggy')!.evaluations![0]!.checks[0]!;
    expect(buggy).toMatchObject({ name: 'custom_command', passed: false, score: 0.6667, message: 'node --test exited with code 1, expected exit code 0: 2 passed, 1 failed of 3 (node-test)' });

    const loop = byId.get('loop')!.evaluations![0]!.checks[0]!;
    expect(loop).toMatchObject({ name: 'custom_command', passed: false, score: 0, message: 'node --test timed out after 2s; its process group was killed' });
    // node --test handles SIGTERM itself (exit code 1); what matters is that the group was stopped.
    expect(loop.details).toMatchObject({ timed_out: true, limits: { timeout_seconds: 2 } });

    if (withHog) {
      const hog = byId.get('hog')!.evaluations![0]!.checks[0]!;
      expect(hog).toMatchObject({ name: 'custom_command', passed: false, score: 0 });
      expect(hog.message).toMatch(/^node hog\.mjs (exited with code \d+|was killed by SIG[A-Z]+), expected exit code 0 \(it ran out of memory; limit 128 MiB\)$/);
      expect(hog.details).toMatchObject({ timed_out: false, limits: { memory_mb: 128, enforced: true } });
    }

    const after = byId.get('after')!.evaluations![0]!.checks[0]!;
    expect(after).toMatchObject({ name: 'custom_command', passed: true, score: 1 });
    expect(after.details).toMatchObject({ passed: 3, failed: 0, total: 3, format: 'pattern' });

    const inline = byId.get('inline')!.evaluations![0]!.checks[0]!;
    expect(inline).toMatchObject({ name: 'npm', passed: true, score: 1, message: 'pass rate 1: 3 passed, 0 failed of 3 (node-test)' });
    expect(inline.details).toMatchObject({ artifacts_written: ['lib/sum.mjs', 'lib/sum.test.mjs'] });

    const env = byId.get('env')!.evaluations![0]!.checks[0]! as { evidence?: string };
    const seen = JSON.parse(env.evidence!) as Record<string, string>;
    expect(seen.OPENAI_API_KEY).toBeUndefined();
    expect(seen.PATH).toBeTruthy();
    expect(seen.HOME).toMatch(/atp-code-exec-[^/]+\/home$/);
  });
});
