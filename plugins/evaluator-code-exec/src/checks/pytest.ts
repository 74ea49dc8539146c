import type { EvalCheck, EvaluationInput } from '@atp/kernel';
import { toArgv } from '../argv.js';
import type { PytestConfig } from '../config-schemas.js';
import { execute } from '../execute.js';
import { parsePytest, pytestRanNothing } from '../parsers/pytest.js';
import { abnormalEnd, howItEnded, memoryNote, outputTail, rate } from '../report.js';
import { passRate } from '../test-counts.js';
import { countDetails, describeCounts } from './count-details.js';

const NAME = 'pytest';
const BROKEN_EXIT: Record<number, string> = { 2: 'interrupted', 3: 'internal error', 4: 'usage error' };

/**
 * `pytest`: runs `<pytest_command> <path> -v <args>`. Pass rate = passed / (passed + failed + skipped
 * + errors) from the summary line; with no tests, 0 when pytest says none ran (or it failed), else 1.
 * Passes when the pass rate reaches `threshold` and pytest was not interrupted or misused (exit 2–4).
 */
export async function pytest(config: PytestConfig, input: EvaluationInput): Promise<EvalCheck> {
  const extra = config.args === undefined ? [] : toArgv(config.args);
  const result = await execute([...toArgv(config.pytest_command), config.path, '-v', ...extra], config, input);
  if (!result.ok) {
    const hint = result.message.startsWith('command not found') ? '; install pytest where PATH finds it, or set pytest_command (e.g. ".venv/bin/pytest", "python3 -m pytest")' : '';
    return { name: NAME, passed: false, score: 0, message: result.message + hint, details: { ...countDetails(undefined, undefined), ...result.details } };
  }
  const execution = result.execution;
  const abnormal = abnormalEnd(NAME, execution);
  if (abnormal) return { ...abnormal, details: { ...countDetails(undefined, undefined), ...abnormal.details } };

  const { output, outcome, display } = execution;
  const counts = parsePytest(output);
  const ranNothing = !counts || counts.total === 0;
  const rateValue = ranNothing ? (pytestRanNothing(output) || outcome.exitCode !== 0 ? 0 : 1) : passRate(counts);
  const broken = outcome.exitCode === null ? howItEnded(execution) : BROKEN_EXIT[outcome.exitCode];
  const passed = broken === undefined && rateValue >= config.threshold;
  const summary = counts ? describeCounts(counts) : 'no tests ran';
  let message: string;
  if (broken !== undefined) message = `${display} ${howItEnded(execution)} (${broken})${counts ? `: ${summary}` : ''}${memoryNote(execution)}`;
  else if (!passed) message = `pass rate ${rate(rateValue)} is below the threshold ${config.threshold}: ${summary}`;
  else message = `pass rate ${rate(rateValue)}: ${summary}`;
  return { name: NAME, passed, score: broken === undefined ? rate(rateValue) : 0, message, evidence: outputTail(execution), details: { ...countDetails(counts, rateValue), ...execution.details } };
}
