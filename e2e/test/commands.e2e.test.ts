import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atp, ROOT, tempProject } from './helpers.js';

const AGENT = `let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const r=JSON.parse(s);process.stdout.write(JSON.stringify({task_id:r.task_id,status:'completed',artifacts:[{path:'out.txt',content:r.task.description}]}))});`;

const SUITE = `test_suite: cmds
agents:
  - name: echo
    type: cli
    config: { command: node, args: [agent.mjs] }
tests:
  - id: a
    name: first
    tags: [smoke, fast]
    runs_per_test: 2
    task: { description: "hello a" }
    assertions:
      - { type: contains, config: { pattern: hello } }
  - id: b
    name: second
    tags: [slow]
    task: { description: "hello b" }
    assertions:
      - { id: has_b, type: contains, config: { pattern: b } }
      - type: composite
        config: { expr: "has_b AND NOT has_b.score < 0.5" }
`;

describe('validate, plan, list, schema and test on the default preset', { timeout: 60_000 }, () => {
  it('validate prints every diagnostic with file:line:col and a code frame, exit 2', async () => {
    const dir = tempProject({
      'bad.yaml': `test_suite: bad
tests:
  - id: t1
    name: one
    task: { description: x }
    assertions:
      - type: artfact_exists
        config: { path: a.txt }
  - id: t1
    name: two
    tmeout: 3
    task: { description: y }
`,
    });
    const r = await atp(['validate', 'bad.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.yaml:7:15: error unknown evaluator "artfact_exists" — did you mean "artifact_exists"? [ATP_UNKNOWN_EVALUATOR]');
    expect(r.stderr).toContain('> 7 |       - type: artfact_exists');
    expect(r.stderr).toMatch(/bad\.yaml:9:\d+: error .*duplicate.*"t1"/i);
    expect(r.stderr).toMatch(/bad\.yaml:11:5: error unknown key "tmeout"/);
    expect(r.stderr).toMatch(/\d+ errors/);
  });

  it('validate, list and plan a valid suite', async () => {
    const dir = tempProject({ 'suite.yaml': SUITE, 'agent.mjs': AGENT });
    const v = await atp(['validate', 'suite.yaml'], dir);
    expect(v).toMatchObject({ code: 0, stdout: 'suite.yaml: ok — suite "cmds", 2 tests\n' });
    const list = await atp(['list', 'suite.yaml', '--tags', 'smoke,!slow'], dir);
    expect(list.stdout).toBe('cmds (1 test)\n  a   first  [smoke, fast]\n');
    const plan = await atp(['plan', 'suite.yaml', '--json'], dir);
    const p = JSON.parse(plan.stdout) as { jobs: Array<{ id: string }>; tests: Array<{ id: string; runs: number; assertions: Array<{ id: string; expr?: unknown }> }> };
    expect(p.jobs.map((j) => j.id)).toEqual(['a::echo::1', 'a::echo::2', 'b::echo::1']);
    expect(p.tests[1]!.assertions.map((a) => a.id)).toEqual(["has_b", "composite"]);
    expect(p.tests[1]!.assertions[1]!.expr).toBeDefined();
    const override = await atp(['plan', 'suite.yaml', '--json', '--runs', '3'], dir);
    expect((JSON.parse(override.stdout) as { jobs: unknown[] }).jobs).toHaveLength(6);
  });

  it('test runs the suite; --tags that match nothing exits 1', async () => {
    const dir = tempProject({ 'suite.yaml': SUITE, 'agent.mjs': AGENT });
    const r = await atp(['test', 'suite.yaml', '--output', 'junit', '--output-file', 'junit.xml'], dir);
    expect(r.code).toBe(0);
    const xml = readFileSync(join(dir, 'junit.xml'), 'utf8');
    expect(xml).toContain('<testcase name="a: first"');
    expect(xml).toContain('<testcase name="b: second"');
    const none = await atp(['test', 'suite.yaml', '--tags', 'nomatch'], dir);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no test matches the tag filter "nomatch"');
  });

  it('schema suite prints the committed JSON Schema', async () => {
    const dir = tempProject({});
    const r = await atp(['schema', 'suite'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(join(ROOT, 'dsl/schemas/suite.schema.json'), 'utf8')));
  });

  it('plugins tap the suite and plan hooks', async () => {
    const dir = tempProject({
      'suite.yaml': SUITE,
      'agent.mjs': AGENT,
      'atp.config.mjs': `import preset from '@atp/preset-default';
export default { plugins: [preset, { name: 'rename', apiVersion: 1, setup({ hooks }) {
  hooks.suite.tap('x', (s) => ({ ...s, data: { ...s.data, test_suite: 'renamed' } }));
  hooks.plan.tap('x', (p) => ({ ...p, tests: p.tests.filter((t) => t.id === 'b'), jobs: p.jobs.filter((j) => j.testId === 'b') }));
} }] };
`,
    });
    const r = await atp(['list', 'suite.yaml'], dir);
    expect(r.stdout).toBe('renamed (1 test)\n  b   second  [slow]\n');
  });

  it('--adapter and --adapter-config define the agent of a suite without agents; config errors are caught first', async () => {
    const dir = tempProject({
      'agent.mjs': AGENT,
      'suite.yaml': 'test_suite: bare\ntests:\n  - id: x\n    name: x\n    task: { description: "hello x" }\n    assertions: [{ type: contains, config: { pattern: hello } }]\n',
    });
    const none = await atp(['test', 'suite.yaml'], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no agent to test: the suite defines no agents [ATP_UNKNOWN_AGENT]');
    const ok = await atp(['test', 'suite.yaml', '--adapter', 'cli', '--adapter-config', 'command=node', '--adapter-config', 'args=["agent.mjs"]'], dir);
    expect(ok.code).toBe(0);
    const typo = await atp(['test', 'suite.yaml', '--adapter', 'cli', '--adapter-config', 'command=node,comand=x'], dir);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/agent "default" \(cli\): .*comand/);
    const wrong = await atp(['test', 'suite.yaml', '--adapter', 'htp'], dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('unknown adapter "htp" — did you mean "http"?');
  });
});
