import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readJsonReport, removeTempDirs, runAtp, tempProject as makeProject } from '@atp/testkit/e2e';
import { NO_WORKSPACE_MESSAGE } from '../src/workspace-root.js';

// A subprocess agent: reads numbers from the fixture's input.txt in its sandbox workspace, writes
// out/report.md and out/result.json there, and logs the workspace path (in its working directory,
// the project) so the test can check that the runner removed it afterwards.
const AGENT = `
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
let s = '';
process.stdin.on('data', (d) => (s += d)).on('end', () => {
  const r = JSON.parse(s);
  // Without --sandbox it writes into its working directory, which filesystem assertions must not inspect.
  const ws = r.context?.workspace_path ?? process.cwd();
  const input = existsSync(join(ws, 'input.txt')) ? readFileSync(join(ws, 'input.txt'), 'utf8') : '1 2 3 4';
  const numbers = input.trim().split(/\\s+/).map(Number);
  const sum = numbers.reduce((a, b) => a + b, 0);
  mkdirSync(join(ws, 'out'), { recursive: true });
  writeFileSync(join(ws, 'out', 'report.md'), '# Report\\nTotal: ' + sum + '\\n');
  writeFileSync(join(ws, 'out', 'result.json'), JSON.stringify({ sum, count: numbers.length, items: numbers }));
  appendFileSync('workspaces.log', ws + '\\n');
  process.stdout.write(JSON.stringify({ task_id: r.task_id, status: 'completed', artifacts: [] }));
});
`;

const SUITE = `test_suite: workspace
agents:
  - name: writer
    type: cli
    config: { command: node, args: [agent.mjs] }
tests:
  - id: writes
    name: the agent writes its results into the sandbox
    task:
      description: sum the numbers of input.txt
      workspace_fixture: fixture
    assertions:
      - type: file_exists
        config: { path: out/report.md }
      - type: file_contains
        config: { path: out/report.md, pattern: "Total: \\\\d+", regex: true }
      - type: json_field
        config: { path: out/result.json, json_path: "$.sum", equals: 10 }
      - type: json_field
        config: { path: result.json, workspace_path: out, json_path: "$.items[3]", equals: 4 }
      - type: tree_snapshot
        config: { snapshot_file: expected-tree.txt, mode: exact }
      - type: file_not_exists
        config: { path: secret.env }
      - type: dir_exists
        config: { path: out }
      - type: file_count
        config: { path: out, count: 2, pattern: "*.{md,json}" }
  - id: wrong
    name: assertions the agent does not satisfy
    task:
      description: same agent, wrong expectations
      workspace_fixture: fixture
    assertions:
      - type: json_field
        config: { path: out/result.json, json_path: "$.sum", equals: 11 }
      - type: tree_snapshot
        config: { expected: [input.txt], mode: exact }
      - type: file_not_exists
        config: { path: out/report.md }
`;

afterAll(removeTempDirs);
const tempProject = (files: Record<string, string>): string => makeProject(files, { prefix: 'fs-e2e-' });

function project(): string {
  return tempProject({
    'atp.config.mjs': "export default { plugins: ['@atp/preset-default', '@atp/evaluator-filesystem'] };\n",
    'agent.mjs': AGENT,
    'suite.yaml': SUITE,
    'fixture/input.txt': '1 2 3 4\n',
    'expected-tree.txt': '# what the agent leaves behind\ninput.txt\nout/report.md\nout/result.json\n',
  });
}

describe('filesystem assertions through atp test --sandbox', { timeout: 60_000 }, () => {
  it('inspects the sandbox workspace before the runner removes it', async () => {
    const dir = project();
    const r = await runAtp(['test', 'suite.yaml', '--sandbox', '--output', 'json', '--output-file', 'report.json'], dir);
    expect(r.stderr).not.toMatch(/at \S+ \(.*:\d+:\d+\)/);
    expect(r.code).toBe(1);
    const report = readJsonReport(dir);
    const [writes, wrong] = report.tests;
    expect(writes!.success, r.stdout + r.stderr).toBe(true);
    expect(writes!.evaluations!.map((e) => [e.assertion, e.passed, e.checks[0]!.message])).toEqual([
      ['file_exists', true, '"out/report.md" is a file (19 bytes)'],
      ['file_contains', true, '"out/report.md" matches /Total: \\d+/'],
      ['json_field_1', true, '$.sum in "out/result.json" equals 10'],
      ['json_field_2', true, '$.items[3] in "result.json" equals 4'],
      ['tree_snapshot', true, '"." matches snapshot "expected-tree.txt" (3 entries, exact)'],
      ['file_not_exists', true, '"secret.env" does not exist in the workspace'],
      ['dir_exists', true, '"out" is a directory'],
      ['file_count', true, '2 files matching "*.{md,json}" in "out", expected == 2'],
    ]);
    expect(wrong!.success).toBe(false);
    expect(wrong!.evaluations!.map((e) => [e.assertion, e.passed, e.checks[0]!.message])).toEqual([
      ['json_field', false, '$.sum in "out/result.json" is 10, expected 11'],
      ['tree_snapshot', false, '"." differs from the expected list (exact): unexpected: out/'],
      ['file_not_exists', false, '"out/report.md" exists (a file), expected nothing there'],
    ]);
    expect(report.summary).toMatchObject({ total_tests: 2, passed_tests: 1, success: false });
  });

  it('removes the sandbox after evaluation', async () => {
    const dir = project();
    const r = await runAtp(['test', 'suite.yaml', '--sandbox'], dir);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(existsSync(join(dir, 'workspaces.log')), r.stdout + r.stderr).toBe(true);
    const workspaces = readFileSync(join(dir, 'workspaces.log'), 'utf8').trim().split('\n');
    expect(workspaces).toHaveLength(2);
    expect(workspaces[0]).not.toBe(workspaces[1]);
    for (const ws of workspaces) {
      expect(ws).toMatch(/atp-sandbox-[^/]+\/workspace$/);
      expect(existsSync(ws)).toBe(false);
    }
  });

  it('without --sandbox every filesystem assertion fails and says to use --sandbox (the current directory is never inspected)', async () => {
    const dir = project();
    const r = await runAtp(['test', 'suite.yaml', '--output', 'json', '--output-file', 'report.json'], dir);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'out', 'report.md'))).toBe(true);
    const report = readJsonReport(dir);
    expect(report.tests.map((t) => [t.test_id, t.success, t.evaluations?.length])).toEqual([
      ['writes', false, 8],
      ['wrong', false, 3],
    ]);
    for (const test of report.tests) {
      for (const e of test.evaluations!) expect(e.checks).toEqual([{ name: e.evaluator, passed: false, score: 0, message: NO_WORKSPACE_MESSAGE }]);
    }
  });

  it('a path that leaves the workspace is a compile error with its position, before any agent runs', async () => {
    const dir = project();
    const bad = SUITE.replace('config: { path: secret.env }', 'config: { path: ../secret.env }');
    const r = await runAtp(['validate', 'suite.yaml'], tempProjectWith(dir, bad));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('invalid path "../secret.env": ".." would leave the workspace');
    expect(r.stderr).toMatch(/suite\.yaml:\d+:\d+/);
    expect(r.stderr).not.toMatch(/at \S+ \(.*:\d+:\d+\)/);
  });
});

function tempProjectWith(dir: string, suite: string): string {
  return tempProject({
    'atp.config.mjs': readFileSync(join(dir, 'atp.config.mjs'), 'utf8'),
    'agent.mjs': AGENT,
    'suite.yaml': suite,
    'fixture/input.txt': '1 2 3 4\n',
  });
}
