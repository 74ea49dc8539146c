/**
 * Plugin-author test helpers: RuleTester-style `valid`/`invalid` cases for evaluators, adapters and
 * reporters, and builders of valid sample requests, responses, events and run reports.
 */
export { testEvaluator, type EvaluatorTests, type EvaluatorCase, type EvaluatorValidCase, type EvaluatorInvalidCase, type ExpectedCheck } from './test-evaluator.js';
export { testAdapter, type AdapterTests, type AdapterCase, type AdapterValidCase, type AdapterInvalidCase, type AdapterResult } from './test-adapter.js';
export { testReporter, type ReporterTests, type ReporterCase, type ReporterValidCase, type ReporterInvalidCase, type ReporterResult } from './test-reporter.js';
export {
  sampleRequest,
  sampleResponse,
  sampleEvent,
  sampleEvents,
  sampleTestResult,
  sampleRunReport,
  SAMPLE_TASK_ID,
  SAMPLE_TIME,
  type SampleRequestOptions,
  type SampleResponseOptions,
  type SampleTestOptions,
  type SampleRunReportOptions,
} from './samples.js';
export { sampleEvaluationInput, type SampleEvaluationInputOptions } from './evaluation-input.js';
export { sampleCallContext, type SampleCallContextOptions } from './call-context.js';
export { recordingLogger } from './recording-logger.js';
export { staticImports, importsOf } from './static-imports.js';
export { setTestFramework, currentTestFramework, type TestFramework } from './framework.js';
export { evaluatorOutputProblems } from './evaluator-contract.js';
export { mismatch, type Matcher } from './match.js';
export type { TestHelperOptions } from './run-cases.js';
export type { TextMatcher } from './text-matcher.js';
