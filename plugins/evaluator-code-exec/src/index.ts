/**
 * @atp/evaluator-code-exec: run tests and linters on the code an agent produced — any command,
 * pytest, JavaScript test runners (Vitest, Jest, Mocha, node --test), ruff and eslint — in a
 * temporary copy of its workspace with time and memory limits and a clean environment.
 * This module stays light (zod schemas only); the implementation loads when a suite uses it.
 */
import { definePlugin, type EvaluatorEntry } from '@atp/kernel';
import { CustomCommandConfigSchema, LintConfigSchema, NpmConfigSchema, PytestConfigSchema } from './config-schemas.js';

const load: EvaluatorEntry['load'] = () => import('./code-exec-evaluator.js');

/** The plugin: one evaluator registry entry per code-execution assertion type. */
export default definePlugin({
  name: '@atp/evaluator-code-exec',
  apiVersion: 1,
  version: '0.1.0',
  description: 'Run commands, pytest, JavaScript test runners and linters on agent-produced code, with limits',
  evaluators: [
    { name: 'code_exec', evaluator: 'code_exec', description: 'Run a command on the agent’s code: exit code and test counts', configSchema: CustomCommandConfigSchema, load },
    { name: 'custom_command', evaluator: 'code_exec', description: 'Same as code_exec (the original’s name)', configSchema: CustomCommandConfigSchema, load },
    { name: 'pytest', evaluator: 'code_exec', description: 'Run pytest on the agent’s code and check the pass rate', configSchema: PytestConfigSchema, load },
    { name: 'npm', evaluator: 'code_exec', description: 'Run a JavaScript test command (Vitest, Jest, Mocha, node --test) and check the pass rate', configSchema: NpmConfigSchema, load },
    { name: 'lint', evaluator: 'code_exec', description: 'Lint the agent’s code with ruff or eslint and check the violation counts', configSchema: LintConfigSchema, load },
  ] satisfies EvaluatorEntry[],
});

export {
  CODE_EXEC_CONFIG_SCHEMAS,
  CommandSchema,
  CustomCommandConfigSchema,
  PytestConfigSchema,
  NpmConfigSchema,
  LintConfigSchema,
  type CodeExecAssertionType,
  type CustomCommandConfig,
  type PytestConfig,
  type NpmConfig,
  type LintConfig,
  type ExecutionConfig,
} from './config-schemas.js';
