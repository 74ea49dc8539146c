import type { EvalCheck, EvaluationInput } from '@atp/kernel';
import { toArgv } from '../argv.js';
import type { NpmConfig } from '../config-schemas.js';
import { execute } from '../execute.js';
import { detectJsCounts } from '../parsers/detect.js';
import { abnormalEnd, howItEnded, memoryNote, outputTail, rate } from '../report.js';
import { passRate } from '../test-counts.js';
import { countDetails, describeCounts } from './count-details.js';

const NAME = 'npm';

/**
 * `npm`: runs the test command (default `npm test`) and reads the Vitest, Jest, Mocha or node:test
 * summary. Without counts the pass rate is 0 when the command failed or printed an error, else 1.
 * A non-zero exit with no failing test counted (a crash, a coverage gate) also fails.
 */
export async function npm(config: NpmConfig, input: EvaluationInput): Promise<EvalCheck> {
  const result = await execute(toArgv(config.command), config, input);
  if (!result.ok) return { name: NAME, passed: false, score: 0, message: result.message, details: { ...countDetails(undefined, undefined), ...result.details } };
  const execution = result.execution;
  const abnormal = abnormalEnd(NAME, execution);
  if (abnormal) return { ...abnormal, details: { ...countDetails(undefined, undefined), ...abnormal.details } };

  const { output, outcome, display } = execution;
  const counts = detectJsCounts(output);
  const exitOk = outcome.exitCode === 0;
  const rateValue = counts && counts.total > 0 ? passRate(counts) : !exitOk || /npm ERR!|\berror\b/i.test(output) ? 0 : 1;
  const crashed = !exitOk && counts !== undefined && counts.failed + counts.errors === 0;
  const passed = !crashed && rateValue >= config.threshold;
  const summary = counts ? describeCounts(counts) : 'no test summary found';
  let message: string;
  if (crashed) message = `${display} ${howItEnded(execution)} although no test failed: ${summary}${memoryNote(execution)}`;
  else if (!passed) message = `pass rate ${rate(rateValue)} is below the threshold ${config.threshold}: ${summary}; ${display} ${howItEnded(execution)}${memoryNote(execution)}`;
  else message = `pass rate ${rate(rateValue)}: ${summary}`;
  return { name: NAME, passed, score: rate(crashed ? 0 : rateValue), message, evidence: outputTail(execution), details: { ...countDetails(counts, rateValue), ...execution.details } };
}
