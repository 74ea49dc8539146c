import type { RunReport, TestResult } from '@atp/kernel';

/** The summary of a run over `tests`; `success` decides, from the passed count, whether the run succeeded. */
export function runSummary(tests: readonly TestResult[], interrupted: boolean, success: (passed: number) => boolean): RunReport['summary'] {
  const passed = tests.filter((t) => t.passed).length;
  return {
    total: tests.length,
    passed,
    failed: tests.length - passed,
    successRate: tests.length ? passed / tests.length : 0,
    success: success(passed),
    interrupted,
  };
}
