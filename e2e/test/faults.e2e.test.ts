import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atp, isAlive, ROOT, tempProject, until } from './helpers.js';

const AGENTS = join(ROOT, 'e2e/test/fixtures/agents');

interface JsonReport {
  summary: { total_tests: number; passed_tests: number; failed_tests: number; success: boolean };
  tests: Array<{ test_id: string; success: boolean; error: string | null; failure_kind?: string; runs: { total: number } }>;
}

let server: ChildProcess;
let port = 0;

beforeAll(async () => {
  server = spawn(process.execPath, [join(AGENTS, 'http-agent.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
  port = await new Promise<number>((resolve) => server.stdout!.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
});
afterAll(() => {
  server.kill('SIGTERM');
});

const test = (id: string, description: string, timeout = 20, agent?: string): string => `
  - id: ${id}
    name: ${id}
    task: { description: "${description}" }
    constraints: { timeout_seconds: ${timeout} }
    ${agent ? `agents: [${agent}]` : ''}
    assertions:
      - type: artifact_exists
        config: { path: out.txt }`;

describe('agent faults become recorded failures; the run goes on', () => {
  it('subprocess and HTTP faults, each with a precise message, exit 1', async () => {
    const pidFile = join(ROOT, '.tmp', `grandchild-${process.pid}.pid`);
    rmSync(pidFile, { force: true });
    const dir = tempProject({
      'suite.yaml': `
test_suite: faults
agents:
  - name: sub
    type: cli
    config:
      command: node
      args: ["${join(AGENTS, 'faulty-agent.mjs')}"]
      environment: { PID_FILE: "${pidFile}" }
      kill_grace_seconds: 0.2
  - name: web
    type: http
    config: { endpoint: "\${AGENT_URL}", allow_internal: true }
  - name: refused
    type: http
    config: { endpoint: "http://127.0.0.1:9/agent", allow_internal: true }
tests:${test('ok', 'ok', 20, 'sub')}${test('crash', 'crash', 20, 'sub')}${test('hang', 'hang', 1, 'sub')}${test('garbage', 'garbage', 20, 'sub')}${test('huge', 'huge', 20, 'sub')}${test('exit3', 'exit3', 20, 'sub')}${test('stdout-log', 'stdout-log', 20, 'sub')}${test('agent-failed', 'agent-failed', 20, 'sub')}${test('http-ok', 'ok', 20, 'web')}${test('http-sse', 'sse', 20, 'web')}${test('http500', 'http500', 20, 'web')}${test('slow-stream', 'slow-stream', 1, 'web')}${test('refused', 'ok', 20, 'refused')}
`,
    });
    const r = await atp(['test', 'suite.yaml', '--output', 'json', '--output-file', 'report.json', '--output', 'console'], dir, { AGENT_URL: `http://127.0.0.1:${port}/agent` }, 120_000);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(r.code).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as JsonReport;
    const byId = Object.fromEntries(report.tests.map((t) => [t.test_id, t]));
    expect(report.summary.total_tests).toBe(13);
    expect(byId.ok!.success).toBe(true);
    expect(byId['http-ok']!.success).toBe(true);
    expect(byId['http-sse']!.success).toBe(true);
    const failures: Record<string, RegExp> = {
      crash: /exit(ed)? with code 1/,
      hang: /timed out after 1(\.0)?s/,
      garbage: /non-JSON|not valid JSON|%%% not json/,
      huge: /10 ?MB|10485760|output (limit|cap)|too large|exceeds/i,
      exit3: /code 3/,
      'stdout-log': /Starting agent\.\.\./,
      'agent-failed': /tool 'db_query' is not available/,
      http500: /HTTP 500.*database exploded/,
      'slow-stream': /timed out after 1(\.0)?s/,
      refused: /connection refused|ECONNREFUSED|cannot connect/i,
    };
    for (const [id, message] of Object.entries(failures)) {
      expect(byId[id], id).toBeDefined();
      expect(byId[id]!.success, id).toBe(false);
      expect(byId[id]!.error, id).toMatch(message);
    }
    // The hanging agent's whole process tree was killed, grandchild included. The grandchild writes
    // its pid at once, well within the hang test's 1 s: a missing file means the check proves nothing.
    expect(await until(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8') !== ''), `${pidFile} was never written`).toBe(true);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(pid).toBeGreaterThan(0);
    expect(await until(() => !isAlive(pid))).toBe(true);
  }, 150_000);
});

describe('kill -9 mid-run, then --resume', () => {
  it('every job appears exactly once in the final report', async () => {
    const tests = Array.from({ length: 8 }, (_, i) => `
  - id: t${i}
    name: test ${i}
    task: { description: "slow-ok" }
    assertions: [{ type: artifact_exists, config: { path: out.txt } }]`).join('');
    const dir = tempProject({
      'agent.mjs': `let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const r=JSON.parse(s);setTimeout(()=>process.stdout.write(JSON.stringify({task_id:r.task_id,status:'completed',artifacts:[{path:'out.txt',content:'x'}]})),250)});`,
      'suite.yaml': `test_suite: resumable\nagents:\n  - name: a\n    type: cli\n    config: { command: node, args: [agent.mjs] }\ntests:${tests}\n`,
    });
    const child = spawn(process.execPath, [join(ROOT, 'kernel/bin/atp.js'), 'test', 'suite.yaml', '--output', 'json', '--output-file', 'first.json'], { cwd: dir, stdio: 'ignore' });
    // Wait until some jobs are journaled, then kill -9.
    const runsDir = join(dir, '.atp/runs');
    const deadline = Date.now() + 30_000;
    let journal = '';
    while (Date.now() < deadline) {
      const runs = existsSync(runsDir) ? readdirSync(runsDir) : [];
      if (runs[0] && existsSync(join(runsDir, runs[0], 'jobs.jsonl'))) {
        journal = join(runsDir, runs[0], 'jobs.jsonl');
        if (readFileSync(journal, 'utf8').split('\n').filter(Boolean).length >= 3) break;
      }
      await new Promise((res) => setTimeout(res, 50));
    }
    child.kill('SIGKILL');
    await new Promise((res) => child.once('close', res));
    const done = readFileSync(journal, 'utf8').split('\n').filter(Boolean).length;
    expect(done).toBeGreaterThanOrEqual(3);
    expect(done).toBeLessThan(8);
    const runId = readdirSync(runsDir)[0]!;
    const r = await atp(['test', 'suite.yaml', '--resume', runId, '--output', 'json', '--output-file', 'final.json'], dir);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'final.json'), 'utf8')) as JsonReport;
    expect(report.tests.map((t) => t.test_id)).toEqual(['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7']);
    expect(report.tests.every((t) => t.runs.total === 1 && t.success)).toBe(true);
    const lines = readFileSync(journal, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { jobId: string }).jobId);
    expect(new Set(lines).size).toBe(8);
    expect(lines).toHaveLength(8);
  }, 90_000);
});
