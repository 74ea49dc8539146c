import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atp, tempProject } from './helpers.js';

const AGENT = `let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const r=JSON.parse(s);process.stdout.write(JSON.stringify({task_id:r.task_id,status:'completed',artifacts:[{path:'out.txt',content:'hello world'}]}))});`;

const test = (id: string, expr: string, critical = false): string => `  - id: ${id}
    name: ${id}
    task: { description: ${id} }
    assertions:
      - { id: hello, type: contains, config: { path: out.txt, pattern: hello } }
      - { id: bye, type: contains, config: { path: out.txt, pattern: goodbye }${critical ? ', critical: true' : ''} }
      - { type: composite, config: { expr: "${expr}" } }
`;

const SUITE = `test_suite: composite
agents:
  - name: a
    type: cli
    config: { command: node, args: [agent.mjs] }
tests:
${test('or', 'hello OR bye')}${test('and', 'hello AND bye')}${test('not', 'hello AND NOT bye')}${test('critical_leaf', 'hello OR bye', true)}  - id: nested_tree
    name: nested_tree
    task: { description: nested }
    assertions:
      - { id: bye, type: contains, config: { path: out.txt, pattern: goodbye } }
      - type: composite
        config:
          operator: or
          conditions:
            - { type: composite, config: { expr: "bye" } }
            - { type: contains, config: { path: out.txt, pattern: hello } }
`;

describe('composite expressions decide over the assertions they refer to', { timeout: 60_000 }, () => {
  it('a failed leaf under OR or NOT does not fail the test on its own; a critical leaf still does', async () => {
    const dir = tempProject({ 'agent.mjs': AGENT, 'suite.yaml': SUITE });
    const r = await atp(['test', 'suite.yaml', '--no-journal', '--output', 'json', '--output-file', 'r.json'], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { tests: Array<{ test_id: string; success: boolean; evaluations: Array<{ assertion: string; passed: boolean }> }> };
    expect(report.tests.map((t) => [t.test_id, t.success])).toEqual([
      ['or', true],
      ['and', false],
      ['not', true],
      ['critical_leaf', false],
      ['nested_tree', true], // a reference from a composite nested in the tree form counts too
    ]);
    // The leaf's own result is still reported as it is.
    expect(report.tests[0]!.evaluations.find((e) => e.assertion === 'bye')?.passed).toBe(false);
    const plan = await atp(['plan', 'suite.yaml', '--json'], dir);
    const compiled = JSON.parse(plan.stdout) as { tests: Array<{ assertions: Array<{ id: string; usedBy?: string[] }> }> };
    expect(compiled.tests[0]!.assertions.map((a) => [a.id, a.usedBy ?? null])).toEqual([
      ['hello', ['composite']],
      ['bye', ['composite']],
      ['composite', null],
    ]);
  });
});
