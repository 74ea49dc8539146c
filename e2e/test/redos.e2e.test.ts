import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atp, tempProject } from './helpers.js';

// Answers with a 50 KB artifact of a's and a trailing '!': the worst case for `^(a+)+$` in a backtracking engine.
const AGENT = `let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const r=JSON.parse(s);process.stdout.write(JSON.stringify({task_id:r.task_id,status:'completed',artifacts:[{path:'big.txt',content:'a'.repeat(50000)+'!'}]}))});`;

const SUITE = `test_suite: redos
defaults: { constraints: { timeout_seconds: 5 } }
agents:
  - name: a
    type: cli
    config: { command: node, args: [agent.mjs] }
tests:
  - id: nested
    name: nested quantifier
    task: { description: big }
    assertions:
      - { type: regex, config: { path: big.txt, pattern: "^(a+)+$" } }
  - id: overlap
    name: overlapping alternatives
    task: { description: big }
    assertions:
      - { type: contains, config: { path: big.txt, pattern: "(a|aa)+$", regex: true } }
  - id: fine
    name: an ordinary regex
    task: { description: big }
    assertions:
      - { type: regex, config: { path: big.txt, pattern: "a{100}" } }
`;

describe('catastrophic regexes', { timeout: 60_000 }, () => {
  it('a regex that would backtrack for hours is decided at once: the run finishes with the right verdicts', async () => {
    const dir = tempProject({ 'agent.mjs': AGENT, 'suite.yaml': SUITE });
    const r = await atp(['test', 'suite.yaml', '--no-journal', '--output', 'json', '--output-file', 'r.json'], dir, {}, 45_000);
    expect(r.code).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { tests: Array<{ test_id: string; success: boolean; failure_kind: string | null }> };
    expect(report.tests.map((t) => [t.test_id, t.success, t.failure_kind])).toEqual([
      ['nested', false, null],
      ['overlap', false, null],
      ['fine', true, null],
    ]);
  });
});
