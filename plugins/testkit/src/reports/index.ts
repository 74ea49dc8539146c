/**
 * `@atp/testkit/reports`: hand-built run reports for reporter tests. Builders (`check`, `evaluation`,
 * `testResult`, `runReport`, `multiRun`), a `captureInit` that records writes, and fixtures covering every
 * outcome a reporter renders, on a fixed clock so outputs can be compared whole or snapshotted.
 */
export { check, evaluation, testResult, runReport, multiRun } from './builders.js';
export { captureInit } from './capture-init.js';
export {
  breakdown95,
  passing,
  failingAssertion,
  timedOut,
  adapterError,
  agentFailure,
  stableMultiRun,
  flaky,
  notRun,
  smokeReport,
  multiRunReport,
  twoAgentReport,
  interruptedReport,
  stoppedEarlyReport,
  threeAgentReport,
  XSS,
  xssReport,
} from './fixtures.js';
