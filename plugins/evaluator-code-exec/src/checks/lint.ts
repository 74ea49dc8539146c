import type { EvalCheck, EvaluationInput } from '@atp/kernel';
import { toArgv } from '../argv.js';
import type { LintConfig } from '../config-schemas.js';
import { execute } from '../execute.js';
import { parseEslint, parseRuff } from '../parsers/lint.js';
import { abnormalEnd, howItEnded, outputTail } from '../report.js';

const NAME = 'lint';

/** The argv of the linter run: `ruff check --output-format=concise <args> <path>` or `eslint <args> <path>`. */
export function lintArgv(config: LintConfig): string[] {
  const program = config.command === undefined ? [config.linter] : toArgv(config.command);
  const extra = config.args === undefined ? [] : toArgv(config.args);
  if (config.linter === 'ruff') {
    const format = extra.some((a) => a.startsWith('--output-format')) ? [] : ['--output-format=concise'];
    return [...program, 'check', ...format, ...extra, config.path];
  }
  return [...program, ...extra, config.path];
}

/**
 * `lint`: runs ruff or eslint and passes when violations ≤ `max_violations` and errors ≤ `max_errors`.
 * A linter that fails to run (exit code 2 and above: bad config, crash) fails the check.
 */
export async function lint(config: LintConfig, input: EvaluationInput): Promise<EvalCheck> {
  const result = await execute(lintArgv(config), config, input);
  if (!result.ok) {
    const hint = result.message.startsWith('command not found') ? `; install ${config.linter} where PATH finds it, or set command` : '';
    return { name: NAME, passed: false, score: 0, message: result.message + hint, details: result.details };
  }
  const execution = result.execution;
  const abnormal = abnormalEnd(NAME, execution);
  if (abnormal) return abnormal;
  const { output, outcome, display } = execution;
  if (outcome.exitCode === null || outcome.exitCode >= 2) {
    return { name: NAME, passed: false, score: 0, message: `${config.linter} could not lint: ${display} ${howItEnded(execution)}`, evidence: outputTail(execution), details: execution.details };
  }
  const parsed = config.linter === 'ruff' ? parseRuff(output) : parseEslint(output);
  const counts = parsed ?? (outcome.exitCode === 0 ? { violations: 0, errors: 0, warnings: 0 } : undefined);
  if (!counts) {
    return { name: NAME, passed: false, score: 0, message: `${display} ${howItEnded(execution)} but its output has no ${config.linter} report this evaluator can read`, evidence: outputTail(execution), details: execution.details };
  }
  const passed = counts.violations <= config.max_violations && counts.errors <= config.max_errors;
  const found = `${counts.violations} violations (${counts.errors} errors, ${counts.warnings} warnings)`;
  const limits = `allowed: ${config.max_violations} violations, ${config.max_errors} errors`;
  return {
    name: NAME,
    passed,
    score: passed ? 1 : 0,
    message: `${config.linter}: ${found}; ${limits}`,
    ...(counts.violations > 0 ? { evidence: outputTail(execution) } : {}),
    details: { linter: config.linter, violations: counts.violations, errors: counts.errors, warnings: counts.warnings, ...execution.details },
  };
}
