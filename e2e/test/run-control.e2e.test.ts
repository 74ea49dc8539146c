import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATP_BIN, atp, tempProject } from './helpers.js';

const SLOW_AGENT = `let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const r=JSON.parse(s);setTimeout(()=>process.stdout.write(JSON.stringify({task_id:r.task_id,status:'completed',artifacts:[{path:'out.txt',content:'x'}]})),Number(r.task.input_data?.ms ?? 0))});`;

const suite = (n: number, ms: number): string =>
  `test_suite: control\nagents:\n  - name: a\n    type: cli\n    config: { command: node, args: [agent.mjs] }\ntests:\n` +
  Array.from({ length: n }, (_, i) => `  - id: t${i}\n    name: test ${i}\n    task: { description: "t${i}", input_data: { ms: ${ms} } }\n    assertions: [{ type: artifact_exists, config: { path: out.txt } }]\n`).join('');

describe('run control', { timeout: 60_000 }, () => {
  it('--output-dir writes one file per format; console still prints', async () => {
    const dir = tempProject({ 'agent.mjs': SLOW_AGENT, 'suite.yaml': suite(2, 0) });
    const r = await atp(['test', 'suite.yaml', '--output', 'console,json', '--output', 'junit', '--output-dir', 'reports'], dir);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'reports')).sort()).toEqual(['control.json', 'control.xml']);
    expect((JSON.parse(readFileSync(join(dir, 'reports/control.json'), 'utf8')) as { summary: { total_tests: number } }).summary.total_tests).toBe(2);
    expect(r.stdout).toContain('2 passed, 0 failed');
    const clash = await atp(['test', 'suite.yaml', '--output', 'json', '--output', 'junit', '--output-file', 'x'], dir);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('--output-file takes one format but 2 were given (json, junit)');
    const unknown = await atp(['test', 'suite.yaml', '--output', 'jsn'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--output: unknown reporter "jsn" — did you mean "json"?');
  });

  it('Ctrl-C stops starting jobs, writes the report of what finished and exits 130', async () => {
    const dir = tempProject({ 'agent.mjs': SLOW_AGENT, 'suite.yaml': suite(20, 300) });
    const child = spawn(process.execPath, [ATP_BIN, 'test', 'suite.yaml', '--output', 'json', '--output-file', 'report.json'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const runs = join(dir, '.atp/runs');
    while (!(existsSync(runs) && readdirSync(runs)[0] && existsSync(join(runs, readdirSync(runs)[0]!, 'jobs.jsonl')) && readFileSync(join(runs, readdirSync(runs)[0]!, 'jobs.jsonl'), 'utf8').split('\n').filter(Boolean).length >= 2)) {
      await new Promise((res) => setTimeout(res, 50));
    }
    child.kill('SIGINT');
    const code = await new Promise<number | null>((res) => child.on('close', res));
    expect(code).toBe(130);
    expect(stderr).toContain('Interrupted');
    expect(stderr).toMatch(/resume it with: atp test suite\.yaml --resume \S+/);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
      summary: { total_tests: number; success: boolean; interrupted: boolean; not_run_tests: number };
      tests: Array<{ test_id: string }>;
      not_run: Array<{ test_id: string; test_name: string; agent: string }>;
    };
    expect(report.summary.total_tests).toBeGreaterThanOrEqual(2);
    expect(report.summary.total_tests).toBeLessThan(20);
    expect(report.summary.interrupted).toBe(true);
    expect(report.summary.success).toBe(false);
    // Every test of the suite is accounted for: finished, or listed as not run, in suite order, never both.
    expect(report.summary.not_run_tests).toBe(20 - report.summary.total_tests);
    const ids = [...report.tests.map((t) => t.test_id), ...report.not_run.map((t) => t.test_id)];
    expect(ids.sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))).toEqual(Array.from({ length: 20 }, (_, i) => `t${i}`));
    expect(report.not_run[0]).toMatchObject({ test_name: `test ${report.not_run[0]!.test_id.slice(1)}`, agent: 'a' });
  });
});
