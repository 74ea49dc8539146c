import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atp, isAlive, ROOT, tempProject, until } from './helpers.js';

const AGENT = join(ROOT, 'e2e/test/fixtures/agents/persistent-faulty-agent.mjs');

interface JsonReport {
  summary: { total_tests: number; passed_tests: number; failed_tests: number; success: boolean };
  tests: Array<{ test_id: string; success: boolean; error: string | null; failure_kind?: string }>;
}

const isDead = (pid: number): boolean => !isAlive(pid);

const test = (id: string, mode: string, timeout: number): string => `
  - id: ${id}
    name: ${id}
    task: { description: "${mode}" }
    constraints: { timeout_seconds: ${timeout} }
    assertions:
      - type: artifact_exists
        config: { path: out.txt }`;

describe('persistent cli agent faults under --parallel 4', () => {
  it('a hang and a crash fail with precise messages; every other test passes; exit 1', async () => {
    const oks = ['ok1', 'ok2', 'ok3', 'ok4', 'ok5', 'ok6', 'ok7'];
    // One request at a time (max_concurrency 1), so that the crash can only take its own request and
    // the outcome of every test is deterministic. The ok tests answer in 0.4 s each and have 2 s:
    // run serially by 4 workers they only pass if waiting for the agent does not count against the
    // time limit, nor waiting for the hung process to be replaced (kill_grace_seconds is 2 s).
    const tests = [
      test('ok1', 'ok', 2),
      test('ok2', 'ok', 2),
      test('hang', 'hang', 10),
      test('ok3', 'ok', 2),
      test('ok4', 'ok', 2),
      test('crash', 'crash', 10),
      test('ok5', 'ok', 2),
      test('ok6', 'ok', 2),
      test('crash-once', 'crash-once', 10),
      test('ok7', 'ok', 2),
    ].join('');
    // The agent runs in the suite's directory: the relative paths below are files there.
    const dir = tempProject({
      'suite.yaml': `
test_suite: persistent-faults
agents:
  - name: p
    type: cli
    config:
      command: node
      args: ["${AGENT}"]
      persistent: true
      max_concurrency: 1
      timeout_seconds: 1.5
      kill_grace_seconds: 2
      retry_count: 1
      retry_delay_seconds: 0.1
      environment: { SPAWN_LOG: spawns.log, PID_FILE: grandchild.pid, MARKER: crashed-once }
tests:${tests}
`,
    });
    const spawnLog = join(dir, 'spawns.log');
    const pidFile = join(dir, 'grandchild.pid');

    const r = await atp(['test', 'suite.yaml', '--parallel', '4', '--output', 'json', '--output-file', 'report.json', '--output', 'console'], dir, {}, 90_000);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(r.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(r.code).toBe(1);

    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as JsonReport;
    const byId = Object.fromEntries(report.tests.map((t) => [t.test_id, t]));
    expect(report.summary.total_tests).toBe(10);
    for (const id of [...oks, 'crash-once']) expect({ id, success: byId[id]?.success, error: byId[id]?.error }).toEqual({ id, success: true, error: null });
    expect(report.summary.passed_tests).toBe(8);

    const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
    expect(byId.hang!.success).toBe(false);
    expect(byId.hang!.failure_kind).toBe('timeout');
    expect(byId.hang!.error).toMatch(
      new RegExp(
        `^the persistent agent did not answer test "hang" \\(task ${uuid}\\) within 1\\.50s \\(timeout_seconds of the agent config\\); ` +
          `it wrote 1 stdout line that is not an ATP message and was ignored \\(last: "Starting work on hang\\.\\.\\."\\); logs belong on stderr; ` +
          `its process was killed and the next request starts a new one$`,
      ),
    );
    expect(byId.crash!.success).toBe(false);
    // Retried once (retry_count: 1): it crashed again.
    expect(byId.crash!.error).toMatch(
      new RegExp(
        `^Adapter error: the persistent agent exited \\(command exited with code 1\\) before answering test "crash" \\(task ${uuid}\\); stderr \\(last 2 lines\\):\\n  persistent agent ready\\n  fatal: boom$`,
      ),
    );

    // Started once, then again after the hang, after each of the two crashes and after crash-once's crash.
    expect(readFileSync(spawnLog, 'utf8').trim().split('\n')).toHaveLength(5);
    // The hung agent's grandchild had left its process group (setsid): it was killed with the tree.
    expect(await until(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8') !== '')).toBe(true);
    const grandchild = Number(readFileSync(pidFile, 'utf8'));
    expect(grandchild).toBeGreaterThan(0);
    expect(await until(() => isDead(grandchild))).toBe(true);
  }, 120_000);
});
