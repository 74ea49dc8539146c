/**
 * The quickstart as a user runs it: the real `atp` binary on suite.yaml, against the built demo
 * agent (one-shot and persistent), and the SDK example script. Runs after `tsc -b`; the demo agent
 * is built here when its dist/ is missing. One file, so that the runs never share a workspace at once.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const ATP = join(ROOT, 'kernel/bin/atp.js');
const SUITE = 'examples/quickstart/suite.yaml';

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function node(args: string[]): Promise<Outcome> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

interface JsonReport {
  summary: { total_tests: number; passed_tests: number; success: boolean; agent_name: string };
  tests: Array<{ test_id: string; success: boolean; score: number; tags: string[]; evaluations: Array<{ assertion: string; passed: boolean; skipped?: unknown }> }>;
}

let tmp: string;

beforeAll(() => {
  if (!existsSync(join(ROOT, 'examples/demo-agent/dist/agent.js'))) {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-b', join(ROOT, 'examples/demo-agent')], { stdio: 'inherit' });
  }
  tmp = mkdtempSync(join(tmpdir(), 'atp-quickstart-'));
}, 60_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Run the suite with a fresh workspace; return the JSON report. */
async function runSuite(name: string, extra: string[] = []): Promise<{ outcome: Outcome; report: JsonReport }> {
  const workspace = join(tmp, `${name}-workspace`);
  const out = join(tmp, `${name}.json`);
  const outcome = await node([ATP, 'test', SUITE, ...extra, '--adapter-config', `environment=${JSON.stringify({ ATP_WORKSPACE: workspace })}`, '-o', 'json', '--output-file', out, '--no-journal']);
  return { outcome, report: JSON.parse(readFileSync(out, 'utf8')) as JsonReport };
}

const EXPECTED_SCORES = { 'demo-001': 90, 'demo-002': 100, 'demo-003': 100, 'demo-004': 100, 'demo-005': 90, 'demo-006': 90 };

describe('quickstart suite', () => {
  it('passes every test against the demo agent, with the scores of the acceptance corpus', async () => {
    const { outcome, report } = await runSuite('one-shot');
    expect(outcome.code).toBe(0);
    expect(report.summary).toMatchObject({ total_tests: 6, passed_tests: 6, success: true, agent_name: 'demo-agent' });
    expect(Object.fromEntries(report.tests.map((t) => [t.test_id, t.score]))).toEqual(EXPECTED_SCORES);
    for (const test of report.tests) {
      for (const e of test.evaluations) expect({ test: test.test_id, assertion: e.assertion, passed: e.passed, skipped: e.skipped }).toEqual({ test: test.test_id, assertion: e.assertion, passed: true, skipped: undefined });
    }
  }, 60_000);

  it('passes with the persistent agent too (one process for every request)', async () => {
    const { outcome, report } = await runSuite('persistent', ['--agent', 'demo-agent-persistent']);
    expect(outcome.code).toBe(0);
    expect(report.summary).toMatchObject({ passed_tests: 6, success: true, agent_name: 'demo-agent-persistent' });
    expect(Object.fromEntries(report.tests.map((t) => [t.test_id, t.score]))).toEqual(EXPECTED_SCORES);
  }, 60_000);

  it('filters by tags', async () => {
    const { report } = await runSuite('tags', ['--tags', 'smoke,core,!slow']);
    expect(report.tests.map((t) => t.test_id)).toEqual(['demo-001', 'demo-002', 'demo-003', 'demo-004', 'demo-006']);
    expect(report.summary.success).toBe(true);
  }, 60_000);

  it('is valid', async () => {
    const outcome = await node([ATP, 'validate', SUITE]);
    expect(outcome.code).toBe(0);
  });
});

describe('SDK example', () => {
  it('runs the suite, prints a line per test and evaluates a hand-written response', async () => {
    const outcome = await node(['examples/sdk/run-suite.mjs']);
    expect(outcome.code).toBe(0);
    const lines = outcome.stdout.trim().split('\n');
    expect(lines[0]).toBe('quickstart_demo_agent: 6 tests, 6 jobs, agents: demo-agent, demo-agent-persistent');
    expect(lines.filter((l) => l.startsWith('PASS '))).toHaveLength(6);
    expect(lines).toContainEqual(expect.stringMatching(/^6\/6 passed in \d+ ms$/));
    expect(lines.at(-1)).toBe('evaluate: contains passed (score 1): found "Hello" in greeting.txt');
  }, 60_000);
});
