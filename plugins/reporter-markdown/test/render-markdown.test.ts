import { describe, expect, it } from 'vitest';
import { failureCause, renderMarkdown, type MarkdownRenderOptions } from '../src/render-markdown.js';
import { adapterError, failingAssertion, flaky, interruptedReport, multiRunReport, passing, runReport, smokeReport, stoppedEarlyReport, threeAgentReport, xssReport } from '@atp/testkit/reports';

const defaults: MarkdownRenderOptions = { title: 'ATP', maxFailures: 20, includePassed: false };
const lines = (...l: string[]): string => `${l.join('\n')}\n`;

describe('renderMarkdown', () => {
  it('single agent: verdict, totals, failed tests with their cause, run footer', () => {
    expect(renderMarkdown(smokeReport, defaults)).toBe(
      lines(
        '## ❌ ATP · file\\_agent\\_smoke: 3 of 4 tests failed',
        '',
        '**4** tests · **1** passed · **3** failed · 25.0% success · 1 run per test · 3.41 s · agent demo-agent',
        '',
        '### Failed tests (3)',
        '',
        '|  | Test | Score | Cause |',
        '| --- | --- | ---: | --- |',
        "| ❌ | **fa-002** Read missing file | 40.0 | contains: expected 'Hello, ATP!' in greet.txt, got 'Hi' |",
        '| ❌ | **fa-003** Slow task | — | timeout: Test execution timed out after 1.0s |',
        '| ❌ | **fa-004** Unreachable agent | — | adapter: connect ECONNREFUSED 127.0.0.1:9 (after 3 attempts) |',
        '',
        '<sub>Run `run-20260105-100000-abc123` · suite `suites/smoke.yaml` · 2026-01-05T10:00:00.000Z</sub>',
      ),
    );
  });

  it('all passed: a one-line verdict and the totals', () => {
    expect(renderMarkdown(runReport([passing], { suite: { name: 'ok', version: '1' } }), defaults)).toBe(
      lines(
        '## ✅ ATP · ok: all 1 test passed',
        '',
        '**1** test · **1** passed · **0** failed · 100.0% success · 1 run per test · 3.41 s · agent demo-agent',
        '',
        '<sub>Run `run-20260105-100000-abc123` · 2026-01-05T10:00:00.000Z</sub>',
      ),
    );
  });

  it('multi-run: runs column, flaky tests with pass rate and interval, passed tests collapsed', () => {
    expect(renderMarkdown(multiRunReport, { ...defaults, includePassed: true, title: 'Nightly' })).toBe(
      lines(
        '## ❌ Nightly · multi\\_run: 1 of 2 tests failed',
        '',
        '**2** tests · **1** passed · **1** failed · **1** flaky · 50.0% success · 5 runs per test · 12.12 s · agent demo-agent',
        '',
        '### Failed tests (1)',
        '',
        '|  | Test | Score | Runs passed | Cause |',
        '| --- | --- | ---: | ---: | --- |',
        '| ⚠️ | **mr-002** Flaky task | 67.6 | 3/5 | 3/5 runs passed |',
        '',
        '### Flaky tests (1)',
        '',
        '|  | Test | Runs passed | Pass rate | Mean score [95% CI] |',
        '| --- | --- | ---: | ---: | ---: |',
        '| ⚠️ | **mr-002** Flaky task | 3/5 | 60.0% | 67.6 [33.3–101.9] |',
        '',
        '<details>',
        '<summary>Passed tests (1)</summary>',
        '',
        '|  | Test | Score | Duration |',
        '| --- | --- | ---: | ---: |',
        '| ✅ | **mr-001** Stable multi-run | 90.2 | 6.02 s |',
        '',
        '</details>',
        '',
        '<sub>Run `run-20260105-100000-abc123` · 2026-01-05T10:00:00.000Z</sub>',
      ),
    );
  });

  it('several agents: agent column and a per-agent summary', () => {
    expect(renderMarkdown(threeAgentReport, defaults)).toBe(
      lines(
        '## ❌ ATP · compare: 1 of 6 tests failed',
        '',
        '**6** tests · **5** passed · **1** failed · **1** flaky · 83.3% success · 5 runs per test · 3.41 s · agents alpha, beta, gamma',
        '',
        '### Failed tests (1)',
        '',
        '|  | Test | Agent | Score | Runs passed | Cause |',
        '| --- | --- | --- | ---: | ---: | --- |',
        "| ⚠️ | **cmp-2** Fix the bug | alpha | 67.6 | 3/5 | contains: expected 'done', got 'nearly' |",
        '',
        '### Flaky tests (1)',
        '',
        '|  | Test | Agent | Runs passed | Pass rate | Mean score [95% CI] |',
        '| --- | --- | --- | ---: | ---: | ---: |',
        '| ⚠️ | **cmp-2** Fix the bug | alpha | 3/5 | 60.0% | 67.6 [33.3–101.9] |',
        '',
        '### Agents',
        '',
        '|  | Agent | Passed | Success rate | Mean score | Flaky |',
        '| --- | --- | ---: | ---: | ---: | ---: |',
        '| ❌ | alpha | 1/2 | 50.0% | 78.9 | 1 |',
        '| ✅ | beta | 2/2 | 100.0% | 69.0 | 0 |',
        '| ✅ | gamma | 2/2 | 100.0% | 88.2 | 0 |',
        '',
        '<sub>Run `run-20260105-100000-abc123` · 2026-01-05T10:00:00.000Z</sub>',
      ),
    );
  });

  it('max_failures caps the table and counts the rest; 0 lists none', () => {
    const two = renderMarkdown(smokeReport, { ...defaults, maxFailures: 2 });
    expect(two).toContain('| ❌ | **fa-003** Slow task | — | timeout: Test execution timed out after 1.0s |\n\n…and 1 more failed test (max\\_failures: 2).\n');
    expect(two).not.toContain('fa-004');
    expect(renderMarkdown(smokeReport, { ...defaults, maxFailures: 0 })).toBe(
      lines(
        '## ❌ ATP · file\\_agent\\_smoke: 3 of 4 tests failed',
        '',
        '**4** tests · **1** passed · **3** failed · 25.0% success · 1 run per test · 3.41 s · agent demo-agent',
        '',
        '### Failed tests (3)',
        '',
        '…and 3 more failed tests (max\\_failures: 0).',
        '',
        '<sub>Run `run-20260105-100000-abc123` · suite `suites/smoke.yaml` · 2026-01-05T10:00:00.000Z</sub>',
      ),
    );
  });

  it('interrupted runs and run errors are flagged', () => {
    expect(renderMarkdown(interruptedReport, defaults)).toBe(
      lines(
        '## ⚠️ ATP · file\\_agent\\_smoke: interrupted, 1 of 2 tests passed',
        '',
        '**2** tests · **1** passed · **1** failed · 50.0% success · 1 run per test · 1.50 s · agent demo-agent',
        '',
        '⚠️ interrupted: 1 test was not run (SIGINT)',
        '',
        '### Failed tests (1)',
        '',
        '|  | Test | Score | Cause |',
        '| --- | --- | ---: | --- |',
        '| ❌ | **fa-006** Never started | — | cancelled: skipped: shutdown requested |',
        '',
        '<sub>Run `run-20260105-100000-abc123` · suite `suites/smoke.yaml` · 2026-01-05T10:00:00.000Z</sub>',
      ),
    );
  });

  it('lists the tests a stopped run never finished, capped by max_failures', () => {
    expect(renderMarkdown(stoppedEarlyReport, defaults)).toBe(
      lines(
        '## ⚠️ ATP · file\\_agent\\_smoke: interrupted, 1 of 1 test passed',
        '',
        '**1** test · **1** passed · **0** failed · **2** not run · 100.0% success · 1 run per test · 1.50 s · agent demo-agent',
        '',
        '⚠️ interrupted: jobs not started were skipped and in-flight jobs were aborted',
        '',
        '### Not run (2)',
        '',
        'The run stopped before these tests finished a run.',
        '',
        '|  | Test |',
        '| --- | --- |',
        '| ⚠️ | **fa-006** Never started |',
        '| ⚠️ | **fa-007** Cut short \\<\\&\\> |',
        '',
        '<sub>Run `run-20260105-100000-abc123` · suite `suites/smoke.yaml` · 2026-01-05T10:00:00.000Z</sub>',
      ),
    );
    expect(renderMarkdown(stoppedEarlyReport, { ...defaults, maxFailures: 1 })).toContain('| ⚠️ | **fa-006** Never started |\n\n…and 1 more test not run.\n');
  });

  it('escapes agent output: markup, pipes and newlines cannot break the table or inject HTML', () => {
    const report = runReport([{ ...failingAssertion, testName: 'multi\nline | name', error: 'boom |\n| injected | row |' }]);
    expect(renderMarkdown(report, defaults)).toContain('| ❌ | **fa-002** multi line \\| name | 40.0 | error: boom \\| \\| injected \\| row \\| |\n');
    const md = renderMarkdown(xssReport, defaults);
    expect(md).toBe(
      lines(
        '## ❌ ATP · suite \\<script\\>window.\\_\\_xss = 1\\</script\\>\\<img src=x onerror="window.\\_\\_xss = 2"\\>"\'\\&: 1 of 1 test failed',
        '',
        '**1** test · **0** passed · **1** failed · 0.0% success · 1 run per test · 3.41 s · agent agent\\<script\\>window.\\_\\_xss = 1\\</script\\>\\<img src=x onerror="w…',
        '',
        '⚠️ run error \\<script\\>window.\\_\\_xss = 1\\</script\\>\\<img src=x onerror="window.\\_\\_xss = 2"\\>"\'\\&',
        '',
        '### Failed tests (1)',
        '',
        '|  | Test | Score | Cause |',
        '| --- | --- | ---: | --- |',
        '| ❌ | **x-1\\<b\\>** Name \\<script\\>window.\\_\\_xss = 1\\</script\\>\\<img src=x onerror="window.\\_\\_xss = 2"\\>"\'\\& | 10.0 | agent: error \\<script\\>window.\\_\\_xss = 1\\</script\\>\\<img src=x onerror="window.\\_\\_xss = 2"\\>"\'\\& |',
        '',
        // Inside a code span `<` is literal text: nothing to escape.
        '<sub>Run `run-20260105-100000-abc123` · suite `file<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">"\'&.yaml` · 2026-01-05T10:00:00.000Z</sub>',
      ),
    );
  });

  it('says so when no test ran', () => {
    expect(renderMarkdown(runReport([]), defaults)).toBe(
      lines(
        '## ❌ ATP · file\\_agent\\_smoke: no test ran',
        '',
        '**0** tests · **0** passed · **0** failed · 0.0% success · 1 run per test · 3.41 s · agent demo-agent',
        '',
        '<sub>Run `run-20260105-100000-abc123` · suite `suites/smoke.yaml` · 2026-01-05T10:00:00.000Z</sub>',
      ),
    );
  });
});

describe('failureCause', () => {
  it('prefers the run error with its kind, then the first failed check, then the runs', () => {
    expect(failureCause(adapterError)).toBe('adapter: connect ECONNREFUSED 127.0.0.1:9 (after 3 attempts)');
    expect(failureCause(failingAssertion)).toBe("contains: expected 'Hello, ATP!' in greet.txt, got 'Hi'");
    expect(failureCause({ ...failingAssertion, evaluations: [{ ...failingAssertion.evaluations[1]!, assertion: 'greeting' }] })).toBe(
      "greeting › contains: expected 'Hello, ATP!' in greet.txt, got 'Hi'",
    );
    expect(failureCause(flaky)).toBe('3/5 runs passed');
    expect(failureCause({ ...failingAssertion, evaluations: [] })).toBe('failed');
  });
});
