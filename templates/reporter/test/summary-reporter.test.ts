import { describe, expect, it } from 'vitest';
import { sampleRunReport, sampleTestResult, testReporter } from '@atp/testkit';
import plugin from '../src/index.js';
import { failureReason } from '../src/summary-reporter.js';

// Each case creates the reporter as `atp test` does, fires testEnd/runEnd through real kernel hooks, calls
// finish() with the run report and compares what was written.
testReporter(plugin, {
  reporter: 'summary',
  valid: [
    {
      name: 'one line, then the failed tests',
      report: sampleRunReport(),
      output: 'sample_suite: 1/2 tests passed (50.0%) in 2.0s\n  FAIL test-2 [sample-agent] score 40.0: expected "Paris" in the answer\n',
    },
    {
      name: 'progress lines as tests finish',
      config: { progress: true, show_failures: false },
      report: sampleRunReport(),
      output: 'pass test-1 [sample-agent]\nFAIL test-2 [sample-agent]\nsample_suite: 1/2 tests passed (50.0%) in 2.0s\n',
    },
    {
      name: 'an interrupted run says so',
      report: sampleRunReport({ tests: [{ id: 'only' }], interrupted: true, error: 'interrupted by the user' }),
      output: ['1/1 tests passed (100.0%) in 1.0s, interrupted', 'run error: interrupted by the user'],
    },
  ],
  invalid: [{ name: 'unknown option', config: { colour: true }, configError: 'colour' }],
});

describe('failureReason', () => {
  it('lists the failed checks when the run had no error', () => {
    const test = sampleTestResult({
      passed: false,
      evaluations: [
        { assertion: 'contains', type: 'contains', passed: false, score: 0, critical: false, checks: [{ name: 'contains', passed: false, score: 0, message: 'no "Paris"' }] },
      ],
    });
    expect(failureReason(test)).toBe('contains: no "Paris"');
  });
});
