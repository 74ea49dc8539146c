import { wilsonInterval } from '@atp/kernel';
import { roundInterval, round } from './numbers.js';

/** A test whose runs disagreed on pass/fail, with its pass rate. */
export interface FlakyTest {
  test_id: string;
  test_name: string;
  agent: string;
  passed_runs: number;
  total_runs: number;
  /** passed_runs / total_runs (6 decimals). */
  pass_rate: number;
  /** Wilson 95% interval of the pass rate (6 decimals). */
  pass_rate_ci95: [number, number];
}

/** What `flakyTest` reads from a test result (a TestResult or a test of a saved JSON report). */
export interface FlakyInput {
  testId: string;
  testName: string;
  agent: string;
  passed: number;
  total: number;
}

/** The flaky-test record of a test, or undefined when its runs agree (all passed or all failed). */
export function flakyTest(input: FlakyInput): FlakyTest | undefined {
  if (input.total === 0 || input.passed === 0 || input.passed === input.total) return undefined;
  return {
    test_id: input.testId,
    test_name: input.testName,
    agent: input.agent,
    passed_runs: input.passed,
    total_runs: input.total,
    pass_rate: round(input.passed / input.total, 6) ?? 0,
    pass_rate_ci95: roundInterval(wilsonInterval(input.passed, input.total), 6) ?? [0, 1],
  };
}

/** The flaky tests of a run, in report order. */
export function flakyTests(tests: ReadonlyArray<{ testId: string; testName: string; agent: string; runs: { total: number; passed: number } }>): FlakyTest[] {
  return tests.flatMap((t) => flakyTest({ testId: t.testId, testName: t.testName, agent: t.agent, passed: t.runs.passed, total: t.runs.total }) ?? []);
}
