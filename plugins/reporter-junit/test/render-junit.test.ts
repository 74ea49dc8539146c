import { describe, expect, it } from 'vitest';
import type { TestResult } from '@atp/kernel';
import { classify, renderJUnit, testCaseName } from '../src/render-junit.js';
import {
  adapterError,
  agentFailure,
  check,
  evaluation,
  failingAssertion,
  flaky,
  interruptedReport,
  multiRunReport,
  notRun,
  passing,
  runReport,
  smokeReport,
  stableMultiRun,
  stoppedEarlyReport,
  testResult,
  timedOut,
  twoAgentReport,
} from '@atp/testkit/reports';
import { childrenNamed, parseXml, type XmlElement } from './xml-check.js';

const options = { includeProperties: true, includeSystemOut: true };

function suiteOf(xml: string): { root: XmlElement; suite: XmlElement; cases: XmlElement[] } {
  const root = parseXml(xml);
  expect(root.name).toBe('testsuites');
  const suites = childrenNamed(root, 'testsuite');
  expect(suites).toHaveLength(1);
  const suite = suites[0]!;
  return { root, suite, cases: childrenNamed(suite, 'testcase') };
}

describe('renderJUnit', () => {
  it('renders a pass, an assertion failure, a timeout and an adapter error', async () => {
    const xml = renderJUnit(smokeReport, options);
    await expect(xml).toMatchFileSnapshot('./__snapshots__/smoke.xml');
    const { root, suite, cases } = suiteOf(xml);
    // Errors are not also counted as failures (the original counted them twice).
    expect(root.attributes).toEqual({ name: 'ATP Tests', tests: '4', failures: '1', errors: '2', time: '3.412', timestamp: '2026-01-05T10:00:00.000Z' });
    expect(suite.attributes).toEqual({
      name: 'file_agent_smoke',
      tests: '4',
      failures: '1',
      errors: '2',
      skipped: '0',
      time: '3.412',
      timestamp: '2026-01-05T10:00:00.000Z',
    });
    expect(childrenNamed(childrenNamed(suite, 'properties')[0]!, 'property').map((p) => [p.attributes.name, p.attributes.value])).toEqual([
      ['agent_name', 'demo-agent'],
      ['runs_per_test', '1'],
      ['success_rate', '25.00%'],
      ['run_id', 'run-20260105-100000-abc123'],
    ]);
    expect(cases.map((c) => [c.attributes.name, c.attributes.classname, c.attributes.time, c.children.map((child) => child.name)])).toEqual([
      ['fa-001: Create greeting file', 'file_agent_smoke', '1.204', ['system-out']],
      ['fa-002: Read missing file', 'file_agent_smoke', '0.812', ['failure', 'system-out']],
      ['fa-003: Slow task', 'file_agent_smoke', '1.003', ['error', 'system-out']],
      ['fa-004: Unreachable agent', 'file_agent_smoke', '0.015', ['error', 'system-out']],
    ]);
    const timeout = childrenNamed(cases[2]!, 'error')[0]!;
    // §8.3 row 11 with the fix: the timeout is an <error> that keeps its cause.
    expect(timeout.attributes).toEqual({ message: 'Test execution timed out after 1.0s', type: 'TimeoutError' });
    expect(timeout.text).toBe('Score: none\nError (timeout): Test execution timed out after 1.0s');
    const failure = childrenNamed(cases[1]!, 'failure')[0]!;
    expect(failure.attributes).toEqual({ message: "contains: contains: expected 'Hello, ATP!' in greet.txt, got 'Hi'", type: 'AssertionError' });
    expect(failure.text).toBe("Score: 40.0/100\nFailed checks:\n  - contains: contains: expected 'Hello, ATP!' in greet.txt, got 'Hi'");
  });

  it('reports statistics, runs and flakiness of multi-run tests', async () => {
    const xml = renderJUnit(multiRunReport, options);
    await expect(xml).toMatchFileSnapshot('./__snapshots__/multi-run.xml');
    const { cases } = suiteOf(xml);
    const flakyFailure = childrenNamed(cases[1]!, 'failure')[0]!;
    expect(flakyFailure.attributes).toEqual({ message: '3/5 runs passed', type: 'AssertionError' });
    expect(childrenNamed(cases[0]!, 'system-out')[0]!.text).toBe(
      [
        'Test ID: mr-001',
        'Agent: demo-agent',
        'Score: 90.2/100',
        'Statistics: n 5, mean 90.20, std 0.91, 95% CI [89.07, 91.33], median 90.00, min 89.00, max 91.50, pass^k 1.0000',
        'Runs: 5/5 passed',
        '  run 1: completed, passed, score 89.00, 1.200s',
        '  run 2: completed, passed, score 90.00, 1.201s',
        '  run 3: completed, passed, score 91.50, 1.202s',
        '  run 4: completed, passed, score 90.00, 1.203s',
        '  run 5: completed, passed, score 90.50, 1.204s',
        'Assertions:',
        '  contains (contains): passed, score 1.00',
        "    ✓ contains: 1.00 - Found 'done'",
      ].join('\n'),
    );
  });

  it('makes test case names unique with several agents', () => {
    const { cases } = suiteOf(renderJUnit(twoAgentReport, options));
    expect(cases.map((c) => c.attributes.name)).toEqual(['fa-001: Create greeting file [alpha]', 'fa-001: Create greeting file [beta]']);
    expect(testCaseName(passing, false)).toBe('fa-001: Create greeting file');
  });

  it('marks tests that never ran on interruption as skipped and puts the run error in system-err', async () => {
    const xml = renderJUnit(interruptedReport, options);
    await expect(xml).toMatchFileSnapshot('./__snapshots__/interrupted.xml');
    const { suite, cases } = suiteOf(xml);
    expect([suite.attributes.tests, suite.attributes.failures, suite.attributes.errors, suite.attributes.skipped]).toEqual(['2', '0', '0', '1']);
    expect(childrenNamed(cases[1]!, 'skipped')[0]!.attributes).toEqual({ message: 'skipped: shutdown requested' });
    expect(childrenNamed(suite, 'system-err')[0]!.text).toBe('interrupted: 1 test was not run (SIGINT)');
    expect(childrenNamed(childrenNamed(suite, 'properties')[0]!, 'property').at(-1)!.attributes).toEqual({ name: 'interrupted', value: 'true' });
  });

  it('adds a skipped test case for each test a stopped run never finished, counted in tests and skipped', async () => {
    const xml = renderJUnit(stoppedEarlyReport, options);
    await expect(xml).toMatchFileSnapshot('./__snapshots__/stopped-early.xml');
    const { root, suite, cases } = suiteOf(xml);
    expect([root.attributes.tests, suite.attributes.tests, suite.attributes.failures, suite.attributes.errors, suite.attributes.skipped]).toEqual(['3', '3', '0', '0', '2']);
    expect(cases.map((c) => c.attributes.name)).toEqual(['fa-001: Create greeting file', 'fa-006: Never started', 'fa-007: Cut short <&>']);
    for (const c of cases.slice(1)) {
      expect(childrenNamed(c, 'skipped')[0]!.attributes).toEqual({ message: 'not run: interrupted: jobs not started were skipped and in-flight jobs were aborted' });
    }
  });

  it('leaves out properties and system-out when asked', () => {
    const xml = renderJUnit(runReport([passing]), { includeProperties: false, includeSystemOut: false });
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="ATP Tests" tests="1" failures="0" errors="0" time="3.412" timestamp="2026-01-05T10:00:00.000Z">',
        '  <testsuite name="file_agent_smoke" tests="1" failures="0" errors="0" skipped="0" time="3.412" timestamp="2026-01-05T10:00:00.000Z">',
        '    <testcase name="fa-001: Create greeting file" classname="file_agent_smoke" time="1.204"/>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('renders an empty run as a well-formed suite with no test cases', () => {
    const { root, cases } = suiteOf(renderJUnit(runReport([], { durationMs: 0 }), options));
    expect(root.attributes.tests).toBe('0');
    expect(root.attributes.time).toBe('0.000');
    expect(cases).toEqual([]);
  });

  it('escapes markup, quotes and control characters everywhere and stays well-formed', () => {
    const nasty = testResult({
      testId: 'x<1>&"2"',
      testName: "<Tom & \"Jerry's\">\u0000\u0007 \u001b[31mred\u001b[0m 😀",
      passed: false,
      score: 10,
      tags: ['a&b'],
      evaluations: [
        evaluation('contains', 'contains', [check('contains', false, 'expected "</failure>" ]]> got \'&amp;\'\nline two\ttab\r\nCRLF\uFFFF\uD800 end')]),
      ],
    });
    const report = runReport([nasty], { suite: { name: 'suite <&> "q" \'a\'', version: '1' }, agents: ['a"gent'], error: 'boom <\u0001>' });
    const xml = renderJUnit(report, options);
    const { suite, cases } = suiteOf(xml);
    // eslint-disable-next-line no-control-regex -- asserting no character XML forbids got through
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uFFFF]/);
    expect(suite.attributes.name).toBe('suite <&> "q" \'a\'');
    const testCase = cases[0]!;
    expect(testCase.attributes.name).toBe("x<1>&\"2\": <Tom & \"Jerry's\"> [31mred[0m 😀");
    expect(testCase.attributes.classname).toBe('suite <&> "q" \'a\'');
    const failure = childrenNamed(testCase, 'failure')[0]!;
    // Newlines and tabs in attributes survive as character references; the message is folded to one line.
    expect(failure.attributes.message).toBe('contains: contains: expected "</failure>" ]]> got \'&amp;\' line two\ttab CRLF end');
    expect(failure.text).toContain('  - contains: contains: expected "</failure>" ]]> got \'&amp;\'\nline two\ttab\r\nCRLF end');
    expect(childrenNamed(suite, 'system-err')[0]!.text).toBe('boom <>');
    expect(childrenNamed(childrenNamed(suite, 'properties')[0]!, 'property')[0]!.attributes.value).toBe('a"gent');
  });
});

describe('classify', () => {
  const outcome = (test: TestResult) => classify(test);

  it('decides error versus failure by failure kind', () => {
    expect(outcome(passing)).toEqual({ kind: 'passed' });
    expect(outcome(stableMultiRun)).toEqual({ kind: 'passed' });
    expect(outcome(timedOut)).toEqual({ kind: 'error', type: 'TimeoutError', message: 'Test execution timed out after 1.0s' });
    expect(outcome(adapterError)).toEqual({ kind: 'error', type: 'AdapterError', message: 'connect ECONNREFUSED 127.0.0.1:9 (after 3 attempts)' });
    expect(outcome({ ...adapterError, failureKind: 'protocol', error: 'Invalid ATP Response: missing status' })).toEqual({
      kind: 'error',
      type: 'ProtocolError',
      message: 'Invalid ATP Response: missing status',
    });
    expect(outcome({ ...adapterError, failureKind: 'internal', error: 'evaluator crashed' })).toEqual({ kind: 'error', type: 'InternalError', message: 'evaluator crashed' });
    expect(outcome(agentFailure)).toEqual({ kind: 'failure', type: 'AgentFailure', message: 'Agent reported: could not find the file' });
    expect(outcome({ ...agentFailure, failureKind: 'budget', error: 'cost 0.12 USD exceeds budget 0.05 USD' })).toEqual({
      kind: 'failure',
      type: 'BudgetExceeded',
      message: 'cost 0.12 USD exceeds budget 0.05 USD',
    });
    expect(outcome(failingAssertion)).toEqual({ kind: 'failure', type: 'AssertionError', message: "contains: contains: expected 'Hello, ATP!' in greet.txt, got 'Hi'" });
    expect(outcome(flaky)).toEqual({ kind: 'failure', type: 'AssertionError', message: '3/5 runs passed' });
    expect(outcome(notRun)).toEqual({ kind: 'skipped', message: 'skipped: shutdown requested' });
  });

  it('never sniffs words in messages', () => {
    const wordy = testResult({
      testId: 'w-1',
      testName: 'Wordy',
      passed: false,
      evaluations: [evaluation('contains', 'contains', [check('contains', false, 'timeout: connection refused, file not found, exception')])],
    });
    expect(outcome(wordy)).toEqual({ kind: 'failure', type: 'AssertionError', message: 'contains: contains: timeout: connection refused, file not found, exception' });
    expect(outcome({ ...timedOut, error: 'the agent was too slow' })).toEqual({ kind: 'error', type: 'TimeoutError', message: 'the agent was too slow' });
    expect(outcome(testResult({ testId: 'w-2', testName: 'Bare', passed: false }))).toEqual({ kind: 'failure', type: 'AssertionError', message: 'Test failed' });
  });

  it('reports a cancelled test that had completed runs as an error, not a skip', () => {
    const partial = testResult({
      testId: 'c-1',
      testName: 'Half done',
      passed: false,
      status: 'partial',
      error: 'cancelled: shutdown requested',
      failureKind: 'cancelled',
      runs: { total: 2, successful: 1, passed: 1 },
      runResults: [
        { run: 1, status: 'completed', score: 100, passed: true, error: undefined, durationMs: 10 },
        { run: 2, status: 'cancelled', score: null, passed: false, error: 'cancelled: shutdown requested', durationMs: 5 },
      ],
    });
    expect(outcome(partial)).toEqual({ kind: 'error', type: 'Cancelled', message: 'cancelled: shutdown requested' });
  });

  it('folds messages to one line and cuts them at 200 characters', () => {
    const long = outcome({ ...adapterError, error: `line one\nline two ${'x'.repeat(300)}` });
    expect(long.kind === 'error' && long.message).toBe(`line one line two ${'x'.repeat(181)}…`);
    expect(long.kind === 'error' && long.message.length).toBe(200);
  });

  it('lists the failed checks of each failed run in the failure text', () => {
    const withChecks = { ...flaky, runResults: flaky.runResults.map((run) => (run.passed ? run : { ...run, failedChecks: [`contains › contains: Missing 'done' <b>`] })) };
    const xml = renderJUnit(runReport([withChecks], { runsPerTest: 5 }), options);
    const failure = childrenNamed(suiteOf(xml).cases[0]!, 'failure')[0]!;
    expect(failure.text).toContain("run 2: completed, failed, score 40.00, 1.220s - failed: contains › contains: Missing 'done' <b>");
  });
});
