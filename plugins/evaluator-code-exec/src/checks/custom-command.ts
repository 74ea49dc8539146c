import type { EvalCheck, EvaluationInput } from '@atp/kernel';
import { toArgv } from '../argv.js';
import type { CustomCommandConfig } from '../config-schemas.js';
import { execute } from '../execute.js';
import { detectCounts } from '../parsers/detect.js';
import { parseWithPattern, toJsRegexSource } from '../parsers/pattern.js';
import { abnormalEnd, howItEnded, memoryNote, outputTail, rate } from '../report.js';
import { passRate, type TestCounts } from '../test-counts.js';
import { countDetails, describeCounts } from './count-details.js';

const NAME = 'custom_command';

/**
 * `code_exec` / `custom_command` (check name `custom_command`): run the command. It fails on a
 * non-zero exit (with `expect_zero`), a timeout, or a pass rate below `threshold`. Test counts come
 * from `pattern` when given, else from any known runner's summary (node --test, Vitest, Jest, Mocha,
 * pytest); with a pattern that does not match, the pass rate is 0. `success_pattern` turns a pass
 * rate of 0 into 1 when it matches, and is required to match when there are no counts at all.
 */
export async function customCommand(config: CustomCommandConfig, input: EvaluationInput): Promise<EvalCheck> {
  const result = await execute(toArgv(config.command), config, input);
  if (!result.ok) return { name: NAME, passed: false, score: 0, message: result.message, details: { ...countDetails(undefined, undefined), ...result.details } };
  const execution = result.execution;
  const abnormal = abnormalEnd(NAME, execution);
  if (abnormal) return { ...abnormal, details: { ...countDetails(undefined, undefined), ...abnormal.details } };

  const { output, outcome, display } = execution;
  const exitOk = !config.expect_zero || outcome.exitCode === 0;
  const counts: TestCounts | undefined = config.pattern !== undefined ? parseWithPattern(output, new RegExp(toJsRegexSource(config.pattern), 'm')) : detectCounts(output);
  let rateValue: number | undefined = counts ? passRate(counts) : config.pattern !== undefined ? 0 : undefined;
  const success = config.success_pattern !== undefined && new RegExp(toJsRegexSource(config.success_pattern), 'm').test(output);
  if (rateValue === 0 && success) rateValue = 1;
  const countsOk = rateValue === undefined ? config.success_pattern === undefined || success : rateValue >= config.threshold;
  const passed = exitOk && countsOk;
  // A command that failed without any failing test counted (a crash) scores 0, not its pass rate.
  const crashed = !exitOk && (counts?.failed ?? 0) + (counts?.errors ?? 0) === 0;
  const score = crashed ? 0 : (rateValue ?? (passed ? 1 : 0));
  const summary = counts ? `: ${describeCounts(counts)}` : '';

  let message: string;
  if (!exitOk) message = `${display} ${howItEnded(execution)}, expected exit code 0${summary}${memoryNote(execution)}`;
  else if (rateValue !== undefined && !countsOk) message = `${display}: pass rate ${rate(rateValue)} is below the threshold ${config.threshold}${summary}`;
  else if (!countsOk) message = `${display} ${howItEnded(execution)} but its output does not match success_pattern /${config.success_pattern}/`;
  else if (config.pattern !== undefined && !counts) message = `${display} ${howItEnded(execution)}; pattern found no counts but success_pattern matched`;
  else message = `${display} ${howItEnded(execution)}${summary}`;

  return { name: NAME, passed, score: rate(score), message, evidence: outputTail(execution), details: { ...countDetails(counts, rateValue), ...execution.details } };
}
