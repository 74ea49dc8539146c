import { describe, expect, it } from 'vitest';
import { nameWidthFor, renderSummary, renderTestLine } from '../src/render-summary.js';
import { escapedExcerpt } from '../src/format.js';
import { check, evaluation, flaky as flakyTest, interruptedReport, multiRunReport, runReport, smokeReport, stoppedEarlyReport, testResult, twoAgentReport } from '@atp/testkit/reports';

const plain = { color: false, verbose: false };
const ESC = '\u001b';

describe('renderSummary', () => {
  it('shows every test with its score and, for failures, the run error and the failing checks', () => {
    expect(renderSummary(smokeReport, plain)).toBe(
      [
        'ATP Test Results',
        '==================================================',
        '',
        'Suite: file_agent_smoke',
        'Agent: demo-agent',
        '',
        'Tests:',
        '  ✓ Create greeting file            95.0/100  [1.2s]',
        '  ✗ Read missing file               40.0/100  [812ms]',
        "      - contains: contains: expected 'Hello, ATP!' in greet.txt, got 'Hi'",
        '  ✗ Slow task                       no score  [1.0s]',
        '      Error (timeout): Test execution timed out after 1.0s',
        '  ✗ Unreachable agent               no score  [15ms]',
        '      Error (adapter): connect ECONNREFUSED 127.0.0.1:9 (after 3 attempts)',
        '',
        '1 passed, 3 failed (25.0%) in 3.4s',
        '',
      ].join('\n'),
    );
  });

  it('lists passing checks and partial scores in verbose mode', () => {
    expect(renderSummary(smokeReport, { color: false, verbose: true })).toBe(
      [
        'ATP Test Results',
        '==================================================',
        '',
        'Suite: file_agent_smoke',
        'Agent: demo-agent',
        '',
        'Tests:',
        '  ✓ Create greeting file            95.0/100  [1.2s]',
        '      + artifact_exists: artifact_exists: Artifact found: greet.txt',
        "      + contains: contains: Found 'Hello, ATP!' in greet.txt",
        '  ✗ Read missing file               40.0/100  [812ms]',
        '      + artifact_exists: artifact_exists: Artifact found: greet.txt',
        "      - contains: contains: expected 'Hello, ATP!' in greet.txt, got 'Hi'",
        '      + security: security_scan: 1 medium finding: email address (score 0.33)',
        '  ✗ Slow task                       no score  [1.0s]',
        '      Error (timeout): Test execution timed out after 1.0s',
        '  ✗ Unreachable agent               no score  [15ms]',
        '      Error (adapter): connect ECONNREFUSED 127.0.0.1:9 (after 3 attempts)',
        '',
        '1 passed, 3 failed (25.0%) in 3.4s',
        '',
      ].join('\n'),
    );
  });

  it('shows runs per test, the 95% CI, runs passed, flaky and the failed runs of multi-run tests', () => {
    expect(renderSummary(multiRunReport, plain)).toBe(
      [
        'ATP Test Results',
        '==================================================',
        '',
        'Suite: multi_run',
        'Agent: demo-agent',
        'Runs per test: 5',
        '',
        'Tests:',
        '  ✓ Stable multi-run                90.2/100  ±1.1  5/5 runs passed  [6.0s]',
        '  ✗ Flaky task                      67.6/100  ±34.3  3/5 runs passed  flaky  [6.1s]',
        '      run 2: ✗ completed 40.0/100  [1.2s]',
        '      run 4: ✗ completed 35.0/100  [1.2s]',
        '',
        '1 passed, 1 failed (50.0%) in 12.1s',
        '',
      ].join('\n'),
    );
  });

  it('adds statistics and every run in verbose mode', async () => {
    await expect(renderSummary(multiRunReport, { color: false, verbose: true })).toMatchFileSnapshot('./__snapshots__/multi-run-verbose.txt');
  });

  it('names the agent of each test when there are several', () => {
    expect(renderSummary(twoAgentReport, plain)).toBe(
      [
        'ATP Test Results',
        '==================================================',
        '',
        'Suite: file_agent_smoke',
        'Agents: alpha, beta',
        '',
        'Tests:',
        '  ✓ Create greeting file [alpha]    95.0/100  [1.2s]',
        '  ✗ Create greeting file [beta]     40.0/100  [900ms]',
        "      - contains: contains: expected 'Hello, ATP!' in greet.txt, got 'Hi'",
        '',
        '1 passed, 1 failed (50.0%) in 3.4s',
        '',
      ].join('\n'),
    );
  });

  it('says the run was interrupted and why', () => {
    expect(renderSummary(interruptedReport, plain)).toBe(
      [
        'ATP Test Results',
        '==================================================',
        '',
        'Suite: file_agent_smoke',
        'Agent: demo-agent',
        '',
        'Tests:',
        '  ✓ Create greeting file            95.0/100  [1.2s]',
        '  ✗ Never started                   no score  [0ms]',
        '      Error (cancelled): skipped: shutdown requested',
        '',
        'Run error: interrupted: 1 test was not run (SIGINT)',
        '1 passed, 1 failed (50.0%) in 1.5s (interrupted)',
        '',
      ].join('\n'),
    );
  });

  it('lists the tests a stopped run never finished and counts them in the last line', () => {
    const text = renderSummary(stoppedEarlyReport, plain);
    expect(text).toContain(
      [
        '  ✓ Create greeting file            95.0/100  [1.2s]',
        '',
        'Not run (the run stopped before they finished a run): 2 tests',
        '  - Never started',
        '  - Cut short <&>',
        '',
        'Run error: interrupted: jobs not started were skipped and in-flight jobs were aborted',
        '1 passed, 0 failed, 2 not run (100.0%) in 1.5s (interrupted)',
      ].join('\n'),
    );
  });

  it('names at most 20 not-run tests and counts the rest', () => {
    const notRun = Array.from({ length: 23 }, (_, i) => ({ testId: `t${i}`, testName: `test ${i}`, agent: 'demo-agent', tags: [] }));
    const text = renderSummary(runReport([], { notRun, durationMs: 10 }, true), plain);
    expect(text).toContain('No test finished a run.');
    expect(text).toContain('  - test 19\n  … and 3 more\n');
    expect(text).not.toContain('test 20');
  });

  it('says so when no test ran', () => {
    expect(renderSummary(runReport([], { durationMs: 40 }), plain)).toContain('\nNo tests ran.\n\n0 passed, 0 failed (0.0%) in 40ms\n');
    const noAgents = renderSummary(runReport([], { durationMs: 40, agents: [] }), plain);
    expect(noAgents).toContain('Suite: ');
    expect(noAgents).not.toContain('Agent');
  });

  it('uses colours only when asked', () => {
    const colored = renderSummary(smokeReport, { color: true, verbose: true });
    expect(colored).toContain(`${ESC}[1mATP Test Results${ESC}[22m`);
    expect(colored).toContain(`${ESC}[32m✓${ESC}[39m`);
    expect(colored).toContain(`${ESC}[31m✗${ESC}[39m`);
    expect(colored).toContain(`${ESC}[32m1 passed${ESC}[39m, ${ESC}[31m3 failed${ESC}[39m (25.0%)`);
    expect(renderSummary(smokeReport, { color: false, verbose: true })).not.toContain(ESC);
  });

  it('keeps escape sequences and control characters from agents off the terminal and indents multi-line messages', () => {
    const hostile = testResult({
      testId: 'h-1',
      testName: `Evil${ESC}[2J${ESC}]0;title\u0007 name\u0000`,
      passed: false,
      error: `first line${ESC}[31m\nsecond line\r\nthird\u0008`,
      evaluations: [evaluation('contains', 'contains', [check('contains', false, `bad\n${ESC}[1Avalue`)])],
    });
    const text = renderSummary(runReport([hostile]), plain);
    expect(text).not.toContain(ESC);
    // eslint-disable-next-line no-control-regex -- asserting no control character got through
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(text).toContain('  ✗ Evil name ');
    expect(text).toContain('      Error: first line\n        second line\n        third\n');
    expect(text).toContain('      - contains: contains: bad\n        value\n');
  });
});

describe('evidence of failed checks', () => {
  const withEvidence = testResult({
    testId: 'ev-1',
    testName: 'Behaves',
    passed: false,
    score: 50,
    evaluations: [
      evaluation('behavior', 'behavior', [
        check('no_errors', false, '1 error event', { evidence: 'Oops: something bad' }),
        check('must_use_tools', true, 'used search', { evidence: 'search ×2' }),
        check('no_repeated_actions', false, 'search repeated', { evidence: '  ' }),
      ]),
      evaluation('secret', 'security', [check('secret_leak', false, '1 high finding: API key', { evidence: 'sk-***' })]),
    ],
  });

  it('are printed under the message, in the summary and in verbose mode; passing checks never show theirs', () => {
    const failed = [
      '  ✗ Behaves                         50.0/100  [1.0s]',
      '      - behavior: no_errors: 1 error event',
      '          evidence: Oops: something bad',
    ];
    expect(renderSummary(runReport([withEvidence]), plain).split('\n').slice(7, -3)).toEqual([
      ...failed,
      '      - behavior: no_repeated_actions: search repeated',
      '      - secret: secret_leak: 1 high finding: API key',
      '          evidence: sk-***',
    ]);
    expect(renderSummary(runReport([withEvidence]), { color: false, verbose: true }).split('\n').slice(7, -3)).toEqual([
      ...failed,
      '      + behavior: must_use_tools: used search',
      '      - behavior: no_repeated_actions: search repeated',
      '      - secret: secret_leak: 1 high finding: API key',
      '          evidence: sk-***',
    ]);
    expect(renderSummary(runReport([withEvidence]), { color: true, verbose: false })).toContain(`\n${ESC}[2m          evidence: Oops: something bad${ESC}[22m\n`);
  });

  it('are one line: control characters and escape sequences escaped, cut to 200 characters', () => {
    const hostile = testResult({
      testId: 'ev-2',
      testName: 'Hostile',
      passed: false,
      evaluations: [evaluation('contains', 'contains', [check('contains', false, 'not found', { evidence: `line 1\r\nline\t2 ${ESC}[2J\u0000\u202e end` })])],
    });
    const text = renderSummary(runReport([hostile]), plain);
    expect(text).toContain('\n          evidence: line 1\\r\\nline\\t2 \\u001b[2J\\u0000\\u202e end\n');
    expect(text).not.toContain(ESC);

    const long = 'x'.repeat(150) + '\n'.repeat(30) + 'tail';
    const excerpt = escapedExcerpt(long);
    expect(excerpt).toBe(`${'x'.repeat(150)}${'\\n'.repeat(25)}…`);
    expect(escapedExcerpt('y'.repeat(200))).toBe('y'.repeat(200));
    expect(escapedExcerpt('y'.repeat(201))).toBe(`${'y'.repeat(200)}…`);
    const longCheck = testResult({ testId: 'ev-3', testName: 'Long', passed: false, evaluations: [evaluation('c', 'contains', [check('contains', false, 'no', { evidence: 'z'.repeat(5000) })])] });
    expect(renderSummary(runReport([longCheck]), plain)).toContain(`\n          evidence: ${'z'.repeat(200)}…\n`);
  });
});

describe('renderTestLine', () => {
  it('pads names to a shared width between 30 and 50 characters', () => {
    expect(nameWidthFor(['short'])).toBe(30);
    expect(nameWidthFor(['x'.repeat(42)])).toBe(42);
    expect(nameWidthFor(['x'.repeat(80)])).toBe(50);
    const line = renderTestLine(testResult({ testId: 'a', testName: 'A', score: 100, durationMs: 61_000 }), { color: false, multiAgent: false, nameWidth: 30 });
    expect(line).toBe(`  ✓ A${' '.repeat(30)}100.0/100  [1m 1s]`);
  });

  it('says which checks failed in each failed run', () => {
    const withChecks = { ...flakyTest, runResults: flakyTest.runResults.map((run) => (run.passed ? run : { ...run, failedChecks: [`contains › contains: Missing 'done' <b>`] })) };
    const text = renderSummary(runReport([withChecks], { runsPerTest: 5 }), plain);
    expect(text).toContain(["      run 2: ✗ completed 40.0/100  [1.2s]", "        ✗ contains › contains: Missing 'done' <b>", '      run 4: ✗ completed 35.0/100  [1.2s]'].join('\n'));
  });
});
