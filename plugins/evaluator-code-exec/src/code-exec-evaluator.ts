/**
 * The code-execution evaluator: `code_exec`/`custom_command`, `pytest`, `npm` and `lint`. Each runs
 * one command without a shell in a temporary copy of the agent's sandbox workspace (plus its file
 * artifacts), with a clean environment, time and memory limits, and its whole process group killed
 * when it is stopped.
 */
import { check } from '@atp/kernel';
import type { EvalCheck, EvaluationInput, Evaluator, EvaluatorOutput } from '@atp/kernel';
import type { z } from 'zod';
import { CODE_EXEC_CONFIG_SCHEMAS, type CodeExecAssertionType } from './config-schemas.js';
import { customCommand } from './checks/custom-command.js';
import { lint } from './checks/lint.js';
import { npm } from './checks/npm.js';
import { pytest } from './checks/pytest.js';

type Configs = { [K in CodeExecAssertionType]: z.output<(typeof CODE_EXEC_CONFIG_SCHEMAS)[K]> };
type Runner<K extends CodeExecAssertionType> = (config: Configs[K], input: EvaluationInput) => Promise<EvalCheck>;

const RUNNERS: { [K in CodeExecAssertionType]: Runner<K> } = {
  code_exec: customCommand,
  custom_command: customCommand,
  pytest,
  npm,
  lint,
};

/** The check name of each type (reference §3.0: `code_exec` reports as `custom_command`). */
export const CHECK_NAMES: Record<CodeExecAssertionType, string> = { code_exec: 'custom_command', custom_command: 'custom_command', pytest: 'pytest', npm: 'npm', lint: 'lint' };

function isCodeExecType(type: string): type is CodeExecAssertionType {
  return Object.hasOwn(RUNNERS, type);
}

async function run<K extends CodeExecAssertionType>(type: K, input: EvaluationInput): Promise<EvalCheck> {
  // The compiler already parsed the config; parsing again keeps SDK callers (raw configs) on the same rules.
  const parsed = CODE_EXEC_CONFIG_SCHEMAS[type].safeParse(input.assertion.config);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
    return check(CHECK_NAMES[type], false, `invalid ${type} config: ${issues.join('; ')}`);
  }
  return (RUNNERS[type] as Runner<K>)(parsed.data as Configs[K], input);
}

/** Create the code-execution evaluator. */
export function createEvaluator(): Evaluator {
  return {
    async evaluate(input: EvaluationInput): Promise<EvaluatorOutput> {
      const { type } = input.assertion;
      if (!isCodeExecType(type)) {
        const known = Object.keys(RUNNERS).join(', ');
        return { checks: [check(`unknown_${type}`, false, `unknown code execution assertion type "${type}" (known: ${known})`)] };
      }
      return { checks: [await run(type, input)] };
    },
  };
}
