import { describe, expect, it } from 'vitest';
import {
  captureInit,
  check,
  evaluation,
  failingAssertion,
  flaky,
  interruptedReport,
  multiRun,
  multiRunReport,
  notRun,
  passing,
  runReport,
  smokeReport,
  testResult,
  threeAgentReport,
  twoAgentReport,
  XSS,
  xssReport,
} from '../src/reports/index.js';

describe('report builders', () => {
  it('check and evaluation: binary scores, the mean of the checks, all must pass', () => {
    expect(check('c', true, 'ok')).toEqual({ name: 'c', passed: true, score: 1, message: 'ok' });
    expect(check('c', false)).toEqual({ name: 'c', passed: false, score: 0 });
    expect(check('c', true, undefined, { score: 0.5, evidence: 'e' })).toEqual({ name: 'c', passed: true, score: 0.5, evidence: 'e' });
    const e = evaluation('a', 'contains', [check('x', true), check('y', false)]);
    expect(e).toEqual({ assertion: 'a', type: 'contains', passed: false, score: 0.5, checks: [check('x', true), check('y', false)], critical: false });
    expect(evaluation('a', 'contains', [])).toMatchObject({ passed: true, score: 1 });
  });

  it('testResult: one run that follows the fields unless runResults are given', () => {
    const t = testResult({ testId: 't', testName: 'T', passed: false, score: 40, status: 'failed', error: 'boom', durationMs: 5 });
    expect(t).toMatchObject({ agent: 'demo-agent', passed: false, score: 40, runs: { total: 1, successful: 1, passed: 0 }, successRate: 0, passHatK: 0, flaky: false });
    expect(t.runResults).toEqual([{ run: 1, status: 'failed', score: 40, passed: false, error: 'boom', durationMs: 5 }]);
    expect(testResult({ testId: 't', testName: 'T', runResults: [] }).runResults).toEqual([]);
  });

  it('runReport: the summary follows the tests; a run with no test does not succeed', () => {
    expect(runReport([passing]).summary).toEqual({ total: 1, passed: 1, failed: 0, successRate: 1, success: true, interrupted: false });
    expect(runReport([]).summary).toEqual({ total: 0, passed: 0, failed: 0, successRate: 0, success: false, interrupted: false });
    // As the kernel reports it: an interrupted run never succeeds, even when every finished test passed.
    expect(runReport([passing], { runId: 'r' }, true)).toMatchObject({ runId: 'r', summary: { success: false, interrupted: true } });
  });

  it('multiRun: statistics and the 95% interval (t for 4 degrees of freedom) from the scores', () => {
    const t = multiRun('m', 'M', 'alpha', [90, 40, 85, 35, 88]);
    expect(t).toMatchObject({ agent: 'alpha', passed: false, flaky: true, score: 67.6, runs: { total: 5, successful: 5, passed: 3 }, successRate: 0.6, passHatK: 0, durationMs: 5000 });
    expect(t.statistics!.mean).toBeCloseTo(67.6, 10);
    expect(t.statistics!.std).toBeCloseTo(27.591665408235148, 10);
    expect([t.statistics!.min, t.statistics!.median, t.statistics!.max]).toEqual([35, 85, 90]);
    expect(t.statistics!.ci95[0]).toBeCloseTo(33.340422412110186, 8);
    expect(t.statistics!.ci95[1]).toBeCloseTo(101.8595775878898, 8);
    expect(t.runResults.map((r) => r.passed)).toEqual([true, false, true, false, true]);
  });

  it('captureInit records every write', () => {
    const init = captureInit({ isTTY: true });
    init.write('a');
    init.write('b');
    expect(init.output).toEqual(['a', 'b']);
    expect([init.isTTY, init.color, init.verbose]).toEqual([true, false, false]);
  });
});

describe('report fixtures', () => {
  it('are consistent: every summary counts its tests', () => {
    for (const report of [smokeReport, multiRunReport, twoAgentReport, interruptedReport, threeAgentReport, xssReport]) {
      const passed = report.tests.filter((t) => t.passed).length;
      expect(report.summary).toMatchObject({ total: report.tests.length, passed, failed: report.tests.length - passed });
    }
    expect(smokeReport.summary).toMatchObject({ total: 4, passed: 1, success: false });
    expect(interruptedReport.summary).toMatchObject({ interrupted: true, success: false });
    expect(interruptedReport.tests).toEqual([passing, notRun]);
    expect(multiRunReport.tests).toContain(flaky);
    expect(failingAssertion.evaluations.map((e) => e.passed)).toEqual([true, false, true]);
    expect(threeAgentReport.agents).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('carry markup in every field of the XSS report', () => {
    const [t] = xssReport.tests;
    for (const text of [xssReport.suite.name, xssReport.error, t!.testName, t!.agent, t!.tags[0], t!.error, t!.evaluations[0]!.checks[0]!.message]) expect(text).toContain(XSS);
  });
});
