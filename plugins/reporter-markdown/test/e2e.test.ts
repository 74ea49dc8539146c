/** The reporter as users run it: the real `atp` binary, `--output markdown`, and the GitHub step summary. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runAtp, tempProject } from '@atp/testkit/e2e';

const AGENT = `let s = '';
process.stdin.on('data', (d) => (s += d)).on('end', () => {
  const r = JSON.parse(s);
  const content = r.task.description === 'pipes' ? 'a | b\\n<b>c</b>' : 'hello';
  process.stdout.write(JSON.stringify({ version: '1.0', task_id: r.task_id, status: 'completed', artifacts: [{ type: 'file', path: 'out.txt', content }] }));
});
`;

const SUITE = `test_suite: md-e2e
agents:
  - name: echo
    type: cli
    config: { command: node, args: [agent.mjs] }
tests:
  - id: ok
    name: Says hello
    task: { description: hello }
    assertions:
      - { type: contains, config: { pattern: hello } }
  - id: pipes
    name: "Pipes | and <b>markup</b>"
    task: { description: pipes }
    assertions:
      - { type: contains, config: { pattern: "x|y" } }
`;

const CONFIG = `export default {
  plugins: ['@atp/preset-default', '@atp/reporter-html', '@atp/reporter-markdown'],
  reporters: { markdown: { github_step_summary: true, include_passed: true } },
};
`;

let dir: string;

beforeAll(() => {
  ensureBuilt(['reporter-html', 'reporter-markdown'].map((p) => new URL(`../../${p}/`, import.meta.url)));
  dir = tempProject({ 'suite.yaml': SUITE, 'agent.mjs': AGENT, 'atp.config.mjs': CONFIG }, { prefix: 'reporter-markdown-' });
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('atp test --output markdown', { timeout: 60_000 }, () => {
  it('writes the summary to the output file and appends it to GITHUB_STEP_SUMMARY', async () => {
    const summary = join(dir, 'step-summary.md');
    writeFileSync(summary, '# Build\n');
    const r = await runAtp(['test', 'suite.yaml', '--output', 'markdown', '--output-file', 'report.md', '--no-journal'], dir, { GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(1);
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    // Only the run id, the durations and the start time vary between runs.
    const normalised = md
      .replace(/Run `\d{8}-\d{6}-\w+`/, 'Run `RUN_ID`')
      .replace(/ · \d+(?:\.\d+)? (?:ms|s) · agent/, ' · DURATION · agent')
      .replace(/\| \d+(?:\.\d+)? (?:ms|s) \|/, '| DURATION |')
      .replace(/ · \d{4}-\d\d-\d\dT[\d:.]+Z<\/sub>/, ' · STARTED</sub>');
    expect(normalised).toBe(
      [
        '## ❌ ATP · md-e2e: 1 of 2 tests failed',
        '',
        '**2** tests · **1** passed · **1** failed · 50.0% success · 1 run per test · DURATION · agent echo',
        '',
        '### Failed tests (1)',
        '',
        '|  | Test | Score | Cause |',
        '| --- | --- | ---: | --- |',
        '| ❌ | **pipes** Pipes \\| and \\<b\\>markup\\</b\\> | 30.0 | contains: "x\\|y" not found in out.txt |',
        '',
        '<details>',
        '<summary>Passed tests (1)</summary>',
        '',
        '|  | Test | Score | Duration |',
        '| --- | --- | ---: | ---: |',
        '| ✅ | **ok** Says hello | 100.0 | DURATION |',
        '',
        '</details>',
        '',
        '<sub>Run `RUN_ID` · suite `suite.yaml` · STARTED</sub>',
        '',
      ].join('\n'),
    );
    expect(readFileSync(summary, 'utf8')).toBe(`# Build\n${md}\n`);
  });
});
