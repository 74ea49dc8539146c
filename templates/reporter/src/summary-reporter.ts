import { STAGE_REPORT, type Reporter, type ReporterInit, type RunReport, type TestResult } from '@atp/kernel';
import { SummaryConfigSchema, type SummaryConfig } from './config.js';

const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)}s`;

/** Why a test failed: its run error, else its failed checks. */
export function failureReason(test: TestResult): string {
  if (test.error) return test.error;
  const failed = test.evaluations.flatMap((e) => e.checks.filter((c) => !c.passed).map((c) => `${e.assertion}: ${c.message ?? c.name}`));
  return failed.length ? failed.join('; ') : 'failed';
}

/** The summary text of a finished run. */
export function renderSummary(report: RunReport, config: SummaryConfig): string {
  const { total, passed, successRate, interrupted } = report.summary;
  const lines = [`${report.suite.name}: ${passed}/${total} tests passed (${percent(successRate)}) in ${seconds(report.durationMs)}${interrupted ? ', interrupted' : ''}`];
  if (config.show_failures) {
    for (const test of report.tests.filter((t) => !t.passed)) {
      lines.push(`  FAIL ${test.testId} [${test.agent}] score ${test.score === null ? '-' : test.score.toFixed(1)}: ${failureReason(test)}`);
    }
  }
  if (report.error) lines.push(`  run error: ${report.error}`);
  return `${lines.join('\n')}\n`;
}

/**
 * A reporter may tap the run's hooks for live output (`apply`) and writes its report in `finish`. Write
 * through `init.write`: it goes to stdout, or to the file of --output-file / --output-dir.
 */
export function createReporter(config: Partial<SummaryConfig>, init: ReporterInit): Reporter {
  const options = SummaryConfigSchema.parse(config ?? {});
  return {
    apply(hooks) {
      if (!options.progress) return;
      // STAGE_REPORT: after the taps of other plugins that may adjust a test's result.
      hooks.testEnd.tap({ stage: STAGE_REPORT }, (test) => {
        init.write(`${test.passed ? 'pass' : 'FAIL'} ${test.testId} [${test.agent}]\n`);
      });
    },
    finish(report) {
      init.write(renderSummary(report, options));
    },
  };
}
