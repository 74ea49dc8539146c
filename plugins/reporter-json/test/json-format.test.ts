import { describe, expect, it } from 'vitest';
import { renderJsonReport, round, toJsonReport } from '../src/json-format.js';
import { check, evaluation, interruptedReport, multiRunReport, runReport, smokeReport, stoppedEarlyReport, testResult, twoAgentReport } from '@atp/testkit/reports';

const generatedAt = new Date('2026-01-05T10:00:04.000Z');
const options = { includeRuns: false, generatedAt };

describe('toJsonReport', () => {
  it('keeps the 1.0 shape for pass, assertion failure, timeout and adapter error, with the run error kept', () => {
    expect(toJsonReport(smokeReport, options)).toEqual({
      version: '1.0',
      generated_at: '2026-01-05T10:00:04.000Z',
      run_id: 'run-20260105-100000-abc123',
      summary: {
        suite_name: 'file_agent_smoke',
        agent_name: 'demo-agent',
        total_tests: 4,
        passed_tests: 1,
        failed_tests: 3,
        success_rate: 0.25,
        duration_seconds: 3.412,
        runs_per_test: 1,
        success: false,
        error: null,
        interrupted: false,
        not_run_tests: 0,
      },
      not_run: [],
      tests: [
        {
          test_id: 'fa-001',
          test_name: 'Create greeting file',
          agent: 'demo-agent',
          tags: ['smoke'],
          success: true,
          score: 95,
          duration_seconds: 1.204,
          runs: { total: 1, successful: 1, passed: 1 },
          error: null,
          failure_kind: null,
          flaky: false,
          score_breakdown: {
            final_score: 95,
            components: {
              quality: { normalized: 1, weight: 0.3, weighted: 0.3, details: {} },
              completeness: { normalized: 1, weight: 0.5, weighted: 0.5, details: { passed: 2, total: 2 } },
              efficiency: { normalized: 0.75, weight: 0.2, weighted: 0.15, details: { steps: 2, max_steps: 5 } },
              cost: { normalized: 1, weight: 0, weighted: 0, details: {} },
            },
          },
          evaluations: [
            {
              evaluator: 'artifact_exists',
              assertion: 'artifact_exists',
              passed: true,
              score: 1,
              checks: [{ name: 'artifact_exists', passed: true, score: 1, message: 'Artifact found: greet.txt', details: { path: 'greet.txt', found: true } }],
            },
            {
              evaluator: 'contains',
              assertion: 'contains',
              passed: true,
              score: 1,
              checks: [{ name: 'contains', passed: true, score: 1, message: "Found 'Hello, ATP!' in greet.txt" }],
            },
          ],
        },
        {
          test_id: 'fa-002',
          test_name: 'Read missing file',
          agent: 'demo-agent',
          tags: [],
          success: false,
          score: 40,
          duration_seconds: 0.812,
          runs: { total: 1, successful: 1, passed: 0 },
          error: null,
          failure_kind: null,
          flaky: false,
          evaluations: [
            {
              evaluator: 'artifact_exists',
              assertion: 'artifact_exists',
              passed: true,
              score: 1,
              checks: [{ name: 'artifact_exists', passed: true, score: 1, message: 'Artifact found: greet.txt' }],
            },
            {
              evaluator: 'contains',
              assertion: 'contains',
              passed: false,
              score: 0,
              checks: [{ name: 'contains', passed: false, score: 0, message: "expected 'Hello, ATP!' in greet.txt, got 'Hi'" }],
            },
            {
              evaluator: 'security',
              assertion: 'security',
              passed: true,
              score: 0.3333,
              // Empty details are left out, as the original did.
              checks: [{ name: 'security_scan', passed: true, score: 0.3333, message: '1 medium finding: email address', evidence: 'a.b@***.com' }],
            },
          ],
        },
        {
          test_id: 'fa-003',
          test_name: 'Slow task',
          agent: 'demo-agent',
          tags: [],
          success: false,
          score: null,
          duration_seconds: 1.003,
          runs: { total: 1, successful: 0, passed: 0 },
          error: 'Test execution timed out after 1.0s',
          failure_kind: 'timeout',
          flaky: false,
        },
        {
          test_id: 'fa-004',
          test_name: 'Unreachable agent',
          agent: 'demo-agent',
          tags: [],
          success: false,
          score: null,
          duration_seconds: 0.015,
          runs: { total: 1, successful: 0, passed: 0 },
          error: 'connect ECONNREFUSED 127.0.0.1:9 (after 3 attempts)',
          failure_kind: 'adapter',
          flaky: false,
        },
      ],
    });
  });

  it('adds statistics for multi-run tests, flags flaky ones and lists runs with include_runs', () => {
    const json = toJsonReport(multiRunReport, { includeRuns: true, generatedAt });
    expect(json.summary).toEqual({
      suite_name: 'multi_run',
      agent_name: 'demo-agent',
      total_tests: 2,
      passed_tests: 1,
      failed_tests: 1,
      success_rate: 0.5,
      duration_seconds: 12.122,
      runs_per_test: 5,
      success: false,
      error: null,
      interrupted: false,
      not_run_tests: 0,
    });
    expect(json.tests).toEqual([
      {
        test_id: 'mr-001',
        test_name: 'Stable multi-run',
        agent: 'demo-agent',
        tags: [],
        success: true,
        score: 90.2,
        duration_seconds: 6.022,
        runs: { total: 5, successful: 5, passed: 5 },
        error: null,
        failure_kind: null,
        flaky: false,
        statistics: { n: 5, mean: 90.2, std: 0.91, ci_95: [89.07, 91.33], min: 89, max: 91.5, median: 90, success_rate: 1, pass_hat_k: 1 },
        evaluations: [
          { evaluator: 'contains', assertion: 'contains', passed: true, score: 1, checks: [{ name: 'contains', passed: true, score: 1, message: "Found 'done'" }] },
        ],
        run_results: [
          { run: 1, status: 'completed', passed: true, score: 89, error: null, failed_checks: [], duration_seconds: 1.2 },
          { run: 2, status: 'completed', passed: true, score: 90, error: null, failed_checks: [], duration_seconds: 1.201 },
          { run: 3, status: 'completed', passed: true, score: 91.5, error: null, failed_checks: [], duration_seconds: 1.202 },
          { run: 4, status: 'completed', passed: true, score: 90, error: null, failed_checks: [], duration_seconds: 1.203 },
          { run: 5, status: 'completed', passed: true, score: 90.5, error: null, failed_checks: [], duration_seconds: 1.204 },
        ],
      },
      {
        test_id: 'mr-002',
        test_name: 'Flaky task',
        agent: 'demo-agent',
        tags: [],
        success: false,
        score: 67.6,
        duration_seconds: 6.1,
        runs: { total: 5, successful: 5, passed: 3 },
        error: null,
        failure_kind: null,
        flaky: true,
        statistics: { n: 5, mean: 67.6, std: 27.59, ci_95: [33.34, 101.86], min: 35, max: 90, median: 85, success_rate: 0.6, pass_hat_k: 0 },
        evaluations: [
          { evaluator: 'contains', assertion: 'contains', passed: true, score: 1, checks: [{ name: 'contains', passed: true, score: 1, message: "Found 'done'" }] },
        ],
        run_results: [
          { run: 1, status: 'completed', passed: true, score: 90, error: null, failed_checks: [], duration_seconds: 1.22 },
          { run: 2, status: 'completed', passed: false, score: 40, error: null, failed_checks: [], duration_seconds: 1.22 },
          { run: 3, status: 'completed', passed: true, score: 85, error: null, failed_checks: [], duration_seconds: 1.22 },
          { run: 4, status: 'completed', passed: false, score: 35, error: null, failed_checks: [], duration_seconds: 1.22 },
          { run: 5, status: 'completed', passed: true, score: 88, error: null, failed_checks: [], duration_seconds: 1.22 },
        ],
      },
    ]);
  });

  it('keeps statistics keys with nulls when no run of a multi-run test was scored', () => {
    const unscored = testResult({
      testId: 'mr-003',
      testName: 'Never answers',
      passed: false,
      score: null,
      status: 'timeout',
      error: 'Test execution timed out after 1.0s',
      failureKind: 'timeout',
      runs: { total: 2, successful: 0, passed: 0 },
      runResults: [1, 2].map((run) => ({ run, status: 'timeout' as const, score: null, passed: false, error: 'Test execution timed out after 1.0s', durationMs: 1000 })),
    });
    const json = toJsonReport(runReport([unscored], { runsPerTest: 2 }), { includeRuns: true, generatedAt });
    expect(json.tests[0]?.statistics).toEqual({ n: 0, mean: null, std: null, ci_95: null, min: null, max: null, median: null, success_rate: 0, pass_hat_k: 0 });
    expect(json.tests[0]?.run_results).toEqual([
      { run: 1, status: 'timeout', passed: false, score: null, error: 'Test execution timed out after 1.0s', failed_checks: [], duration_seconds: 1 },
      { run: 2, status: 'timeout', passed: false, score: null, error: 'Test execution timed out after 1.0s', failed_checks: [], duration_seconds: 1 },
    ]);
  });

  it('joins the agents in agent_name and names the agent of every test', () => {
    const json = toJsonReport(twoAgentReport, options);
    expect(json.summary.agent_name).toBe('alpha, beta');
    expect(json.tests.map((t) => [t.test_id, t.agent, t.success, t.score])).toEqual([
      ['fa-001', 'alpha', true, 95],
      ['fa-001', 'beta', false, 40],
    ]);
  });

  it('marks an interrupted run and keeps the cancellation cause of tests that never ran', () => {
    const json = toJsonReport(interruptedReport, options);
    expect(json.summary).toEqual({
      suite_name: 'file_agent_smoke',
      agent_name: 'demo-agent',
      total_tests: 2,
      passed_tests: 1,
      failed_tests: 1,
      success_rate: 0.5,
      duration_seconds: 1.5,
      runs_per_test: 1,
      success: false,
      error: 'interrupted: 1 test was not run (SIGINT)',
      interrupted: true,
      not_run_tests: 0,
    });
    expect(json.tests[1]).toEqual({
      test_id: 'fa-006',
      test_name: 'Never started',
      agent: 'demo-agent',
      tags: [],
      success: false,
      score: null,
      duration_seconds: 0,
      runs: { total: 1, successful: 0, passed: 0 },
      error: 'skipped: shutdown requested',
      failure_kind: 'cancelled',
      flaky: false,
    });
  });

  it('lists the tests a stopped run never finished, in not_run and as a count in the summary', () => {
    const json = toJsonReport(stoppedEarlyReport, options);
    expect(json.summary).toMatchObject({ total_tests: 1, passed_tests: 1, failed_tests: 0, success: false, interrupted: true, not_run_tests: 2 });
    expect(json.not_run).toEqual([
      { test_id: 'fa-006', test_name: 'Never started', agent: 'demo-agent', tags: ['smoke'] },
      { test_id: 'fa-007', test_name: 'Cut short <&>', agent: 'demo-agent', tags: [] },
    ]);
    expect(json.tests.map((t) => t.test_id)).toEqual(['fa-001']);
  });

  it('rounds as §5.2 says: rates 4 dp, durations 3 dp, test scores 2 dp, check scores 4 dp', () => {
    const test = testResult({
      testId: 'r-1',
      testName: 'Rounding',
      score: 66.666666,
      durationMs: 1234.5678,
      evaluations: [evaluation('style', 'style', [check('readability', true, 'ok', { score: 0.123456 }), check('tone', true, 'ok', { score: 0.98765 })])],
    });
    const report = runReport([test, testResult({ testId: 'r-2', testName: 'b', passed: false }), testResult({ testId: 'r-3', testName: 'c', passed: false })], {
      durationMs: 9876.54321,
    });
    const json = toJsonReport(report, options);
    expect(json.summary.success_rate).toBe(0.3333);
    expect(json.summary.duration_seconds).toBe(9.877);
    expect(json.tests[0]?.score).toBe(66.67);
    expect(json.tests[0]?.duration_seconds).toBe(1.235);
    expect(json.tests[0]?.evaluations?.[0]?.score).toBe(0.5556);
    expect(json.tests[0]?.evaluations?.[0]?.checks.map((c) => c.score)).toEqual([0.1235, 0.9877]);
  });
});

describe('round', () => {
  it('rounds half away from zero on the decimal value and passes non-finite numbers through', () => {
    expect(round(0.125, 2)).toBe(0.13);
    expect(round(2 / 3, 4)).toBe(0.6667);
    expect(round(-0.0001, 2)).toBe(-0);
    expect(round(Number.NaN, 2)).toBeNaN();
  });
});

describe('renderJsonReport', () => {
  it('indents by two spaces when pretty and ends with a newline; compact otherwise', () => {
    const pretty = renderJsonReport(smokeReport, { ...options, pretty: true });
    const compact = renderJsonReport(smokeReport, { ...options, pretty: false });
    expect(pretty.startsWith('{\n  "version": "1.0",\n  "generated_at": "2026-01-05T10:00:04.000Z",\n  "run_id": ')).toBe(true);
    expect(pretty.endsWith('}\n')).toBe(true);
    expect(compact.split('\n')).toHaveLength(2);
    expect(JSON.parse(compact)).toEqual(JSON.parse(pretty));
    expect(JSON.parse(pretty)).toEqual(toJsonReport(smokeReport, options));
  });

  it('does not fail on a bigint in check details', () => {
    const test = testResult({
      testId: 'b-1',
      testName: 'Big numbers',
      evaluations: [evaluation('custom', 'custom', [check('custom', true, 'ok', { details: { bytes: 12345678901234567890n } })])],
    });
    const parsed = JSON.parse(renderJsonReport(runReport([test]), { ...options, pretty: false })) as { tests: Array<{ evaluations: Array<{ checks: Array<{ details: unknown }> }> }> };
    expect(parsed.tests[0]?.evaluations[0]?.checks[0]?.details).toEqual({ bytes: '12345678901234567890' });
  });
});
