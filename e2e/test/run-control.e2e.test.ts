import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
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

  it('report files survive a refused run, and --output-file / --output-dir mistakes are usage errors', async () => {
    const dir = tempProject({ 'agent.mjs': SLOW_AGENT, 'suite.yaml': suite(2, 0), 'other/suite.yaml': suite(1, 0), 'other/agent.mjs': SLOW_AGENT });
    writeFileSync(join(dir, 'keep.json'), '{"old":true}');
    const refused = await atp(['test', 'suite.yaml', '--agent', 'nope', '--output', 'json', '--output-file', 'keep.json'], dir);
    expect(refused.code).toBe(2);
    expect(readFileSync(join(dir, 'keep.json'), 'utf8')).toBe('{"old":true}');

    const consoleOnly = await atp(['test', 'suite.yaml', '--output-file', 'x.json'], dir);
    expect(consoleOnly.code).toBe(2);
    expect(consoleOnly.stderr).toContain('--output-file needs a report format that writes a file, but only console was chosen');
    const both = await atp(['test', 'suite.yaml', '--output', 'json', '--output-file', 'x.json', '--output-dir', 'd'], dir);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--output-file and --output-dir were both given');
    const twoSuites = await atp(['test', 'suite.yaml', 'other/suite.yaml', '--output', 'json', '--output-file', 'x.json'], dir);
    expect(twoSuites.code).toBe(2);
    expect(twoSuites.stderr).toContain('--output-file names one file, but 2 suites would each write a report to it');
    expect(existsSync(join(dir, 'x.json'))).toBe(false);

    // Two suites of the same name in one command never overwrite each other's report.
    const dirRun = await atp(['test', 'suite.yaml', 'other/suite.yaml', '--output', 'json', '--output-dir', 'reports'], dir);
    expect(dirRun.code).toBe(0);
    expect(readdirSync(join(dir, 'reports')).sort()).toEqual(['control-2.json', 'control.json']);
    const totals = ['control.json', 'control-2.json'].map((f) => (JSON.parse(readFileSync(join(dir, 'reports', f), 'utf8')) as { summary: { total_tests: number } }).summary.total_tests);
    expect(totals).toEqual([2, 1]);
  });

  it('an endpoint the SSRF guard refuses is a config error before anything runs, not a failure of every test', async () => {
    const dir = tempProject({
      'suite.yaml': 'test_suite: ssrf\nagents:\n  - name: h\n    type: http\n    config: { endpoint: "http://127.0.0.1:9/agent" }\ntests:\n  - { id: a, name: A, task: { description: x } }\n  - { id: b, name: B, task: { description: y } }\n',
    });
    const r = await atp(['test', 'suite.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('agent "h": access to 127.0.0.1 (loopback) is blocked to prevent SSRF; set allow_internal: true in the agent config to test a local agent');
    expect(r.stderr).toContain('ATP_ADAPTER_CONFIG');
    expect(r.stdout).not.toContain('ATP Test Results');
    expect(existsSync(join(dir, '.atp/runs'))).toBe(false);
  });

  it('a report that cannot be written is a located error after the others are written; nothing is lost', async () => {
    const dir = tempProject({ 'agent.mjs': SLOW_AGENT, 'suite.yaml': suite(2, 0), 'taken/.keep': '', 'afile': '' });
    const r = await atp(['test', 'suite.yaml', '--output', 'json,console', '--output-file', 'taken'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('2 passed, 0 failed');
    expect(r.stderr).toMatch(/reporter "json" could not write its report: EISDIR/);
    expect(r.stderr).toMatch(/the results are kept in .*\.atp\/runs\//);
    expect(r.stderr).not.toContain('bug in ATP');
    const notDir = await atp(['test', 'suite.yaml', '--output', 'json', '--output-dir', 'afile/sub'], dir);
    expect(notDir.code).toBe(2);
    expect(notDir.stderr).toContain('cannot create the report directory');
    expect(notDir.stderr).toContain('[ATP_REPORTER]');
  });

  it('bad run ids and damaged run records are usage errors, never an internal error', async () => {
    const dir = tempProject({ 'agent.mjs': SLOW_AGENT, 'suite.yaml': suite(1, 0) });
    for (const id of ['', '../x']) {
      const r = await atp(['test', 'suite.yaml', '--resume', id], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`cannot resume run "${id}": not a run id`);
    }
    const first = await atp(['test', 'suite.yaml', '--adapter-config', 'command=node', '--output', 'json', '--output-file', 'r.json'], dir);
    expect(first.code).toBe(0);
    const runId = (JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { run_id: string }).run_id;
    expect(readFileSync(join(dir, '.atp/runs', runId, 'meta.json'), 'utf8')).not.toContain('"node"'); // config values are not kept
    const noConfig = await atp(['test', 'suite.yaml', '--resume', runId], dir);
    expect(noConfig.code).toBe(2);
    expect(noConfig.stderr).toContain(`run "${runId}" was started with --adapter-config (command); its values are not stored`);
    const withConfig = await atp(['test', 'suite.yaml', '--resume', runId, '--adapter-config', 'command=node'], dir);
    expect(withConfig.code).toBe(0);
    writeFileSync(join(dir, '.atp/runs', runId, 'meta.json'), '{ truncated');
    const damaged = await atp(['test', 'suite.yaml', '--resume', runId], dir);
    expect(damaged.code).toBe(2);
    expect(damaged.stderr).toContain('meta.json is not valid JSON');
    expect(damaged.stderr).not.toContain('bug in ATP');
    expect(damaged.stderr).not.toMatch(/\n\s+at /);
  });

  it('the resume command printed after Ctrl-C resumes with the options the run was started with', async () => {
    const tagged = (n: number): string =>
      `test_suite: control\nagents:\n  - name: a\n    type: cli\n    config: { command: node, args: [agent.mjs] }\ntests:\n` +
      Array.from({ length: n }, (_, i) => `  - id: t${i}\n    name: test ${i}\n    tags: [${i % 2 ? 'odd' : 'even'}]\n    task: { description: "t${i}", input_data: { ms: 250 } }\n    assertions: [{ type: artifact_exists, config: { path: out.txt } }]\n`).join('');
    const dir = tempProject({ 'agent.mjs': SLOW_AGENT, 'suite.yaml': tagged(8) });
    const child = spawn(process.execPath, [ATP_BIN, 'test', 'suite.yaml', '--runs', '2', '--tags', 'even'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const runs = join(dir, '.atp/runs');
    const journalLines = (): number => {
      const id = existsSync(runs) ? readdirSync(runs)[0] : undefined;
      const file = id ? join(runs, id, 'jobs.jsonl') : undefined;
      return file && existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0;
    };
    while (journalLines() < 2) await new Promise((res) => setTimeout(res, 50));
    child.kill('SIGINT');
    expect(await new Promise<number | null>((res) => child.on('close', res))).toBe(130);
    const printed = /resume it with: atp (test suite\.yaml --resume (\S+))/.exec(stderr);
    expect(printed).not.toBeNull();
    const resumed = await atp([...printed![1]!.split(' '), '--output', 'json', '--output-file', 'final.json'], dir);
    expect(resumed.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'final.json'), 'utf8')) as { run_id: string; tests: Array<{ test_id: string; runs: { total: number } }> };
    expect(report.run_id).toBe(printed![2]);
    expect(report.tests.map((t) => [t.test_id, t.runs.total])).toEqual([['t0', 2], ['t2', 2], ['t4', 2], ['t6', 2]]);
    // The suite can be left out too: it comes from the run's record.
    const again = await atp(['test', '--resume', printed![2]!, '--output', 'json', '--output-file', 'again.json'], dir);
    expect(again.code).toBe(0);
    expect((JSON.parse(readFileSync(join(dir, 'again.json'), 'utf8')) as { tests: unknown[] }).tests).toHaveLength(4);
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
