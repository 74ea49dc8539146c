import type { EvaluatorOutput } from '@atp/kernel';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The contract problems of what an evaluator returned (`{ checks: [{ name, passed, score 0..1, message? ... }],
 * skipped? }`), one message per problem; empty when it is valid.
 */
export function evaluatorOutputProblems(output: unknown): string[] {
  if (!isObject(output)) return [`evaluate() must return { checks: [...] } but returned ${output === null ? 'null' : typeof output}`];
  const problems: string[] = [];
  if (!Array.isArray(output.checks)) problems.push('evaluate() must return an object with a "checks" array');
  else {
    output.checks.forEach((check: unknown, i) => {
      const at = `checks[${i}]`;
      if (!isObject(check)) {
        problems.push(`${at} must be an object`);
        return;
      }
      if (typeof check.name !== 'string' || !check.name) problems.push(`${at}.name must be a non-empty string`);
      if (typeof check.passed !== 'boolean') problems.push(`${at}.passed must be a boolean`);
      if (typeof check.score !== 'number' || !Number.isFinite(check.score) || check.score < 0 || check.score > 1) {
        problems.push(`${at}.score must be a number from 0 to 1, got ${JSON.stringify(check.score)}`);
      }
      for (const key of ['message', 'evidence'] as const) {
        if (check[key] !== undefined && typeof check[key] !== 'string') problems.push(`${at}.${key} must be a string when present`);
      }
      if (check.details !== undefined && !isObject(check.details)) problems.push(`${at}.details must be an object when present`);
    });
  }
  if (output.skipped !== undefined) {
    const s = output.skipped;
    if (!isObject(s) || typeof s.reason !== 'string' || typeof s.message !== 'string') problems.push('skipped must be { reason: string, message: string } when present');
  }
  return problems;
}

/** Narrow after {@link evaluatorOutputProblems} found nothing. */
export function isEvaluatorOutput(output: unknown): output is EvaluatorOutput {
  return evaluatorOutputProblems(output).length === 0;
}
