/**
 * Config schemas of the code-execution assertion types (reference §3.5). The compiler parses each
 * assertion's config with its schema (unknown keys are errors, defaults applied), so a command with
 * a shell operator, a broken pattern or a path leaving the working copy fails before any agent runs.
 * Zod only: this module is imported by the plugin index.
 */
import { CommandSyntaxError } from '@atp/subprocess';
import { z } from 'zod';
import { splitCommand } from './argv.js';
import { toJsRegexSource } from './parsers/pattern.js';
import { RelativePathSchema } from './relative-path.js';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A command: a string split like a shell would (no shell runs), or an argv array. */
export const CommandSchema = z
  .union([
    z.string().superRefine((line, ctx) => {
      try {
        if (splitCommand(line).length === 0) ctx.addIssue({ code: 'custom', message: 'command is empty' });
      } catch (error) {
        if (!(error instanceof CommandSyntaxError)) throw error;
        ctx.addIssue({ code: 'custom', message: error.message });
      }
    }),
    z.array(z.string()).min(1, { error: 'command needs at least the program to run' }),
  ])
  .describe('Program and arguments: a string split like a shell would (no shell runs), or an array');

/** Extra arguments: a string (shell-split) or an array. */
const ArgsSchema = z
  .union([
    z.string().superRefine((line, ctx) => {
      try {
        splitCommand(line);
      } catch (error) {
        if (!(error instanceof CommandSyntaxError)) throw error;
        ctx.addIssue({ code: 'custom', message: error.message });
      }
    }),
    z.array(z.string()),
  ])
  .describe('Extra arguments: a string (split like a shell would) or an array');

/** A JavaScript regular expression (Python's `(?P<name>…)` groups accepted). */
function regexSchema(describe: string, requiredGroup?: string) {
  return z
    .string()
    .min(1, { error: 'pattern cannot be empty' })
    .superRefine((pattern, ctx) => {
      let regex: RegExp;
      try {
        regex = new RegExp(toJsRegexSource(pattern), 'm');
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `invalid regular expression /${pattern}/: ${error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '') : String(error)}` });
        return;
      }
      if (requiredGroup && !new RegExp(`\\(\\?<${requiredGroup}>`).test(regex.source)) {
        ctx.addIssue({ code: 'custom', message: `pattern needs a named group (?<${requiredGroup}>\\d+) to count tests` });
      }
    })
    .describe(describe);
}

/** Keys every code-execution assertion accepts: where and how the command runs. */
const executionKeys = {
  timeout: z.number().positive().max(86_400).default(300).describe('Time limit in seconds; on timeout the whole process group is killed'),
  working_dir: RelativePathSchema.optional().describe('Directory inside the working copy to run in (default: its root)'),
  memory_mb: z.int().min(16).default(1024).describe('Memory (data segment) limit per process in MiB (Linux, via prlimit)'),
  max_file_size_mb: z.int().min(1).default(50).describe('Largest file a process may write, in MiB (Linux, via prlimit)'),
  max_open_files: z.int().min(16).default(1024).describe('Open file descriptors per process (Linux, via prlimit)'),
  cpu_seconds: z.int().positive().optional().describe('CPU time limit per process in seconds (Linux, via prlimit)'),
  max_output_bytes: z.int().min(1024).default(1024 * 1024).describe('Output kept per stream (the last bytes; summaries are at the end)'),
  env: z
    .record(z.string(), z.string())
    .superRefine((env, ctx) => {
      for (const name of Object.keys(env)) {
        if (!ENV_NAME.test(name)) ctx.addIssue({ code: 'custom', path: [name], message: `invalid environment variable name ${JSON.stringify(name)}: use letters, digits and _` });
      }
    })
    .default({})
    .describe('Variables set for the command (they win over everything else)'),
  pass_env: z
    .array(z.string().min(1))
    .default([])
    .describe('Harness variables passed to the command (`NAME` or `PREFIX_*`), credentials included: opt-in only'),
  include_artifacts: z.boolean().default(true).describe("Write the agent's file artifacts with inline content into the working copy"),
};

const threshold = z.number().min(0).max(1).default(1).describe('Pass rate needed to pass (0–1)');

/** `code_exec` / `custom_command`: run any command; pass on exit code and (optionally) parsed counts. */
export const CustomCommandConfigSchema = z
  .strictObject({
    command: CommandSchema,
    expect_zero: z.boolean().default(true).describe('A non-zero exit code fails the check'),
    pattern: regexSchema('Regex with named groups passed, failed, total, skipped, errors (the last match counts)', 'passed').optional(),
    success_pattern: regexSchema('Regex whose match means success when no test counts say otherwise').optional(),
    threshold,
    ...executionKeys,
  })
  .describe('Run a command on the agent’s code and check its exit code and test counts');

/** `pytest`: run pytest and check the pass rate of its summary. */
export const PytestConfigSchema = z
  .strictObject({
    path: RelativePathSchema.default('tests/').describe('Tests to run (file or directory), relative to the working directory'),
    args: ArgsSchema.optional(),
    pytest_command: CommandSchema.default('pytest').describe('How to start pytest (e.g. "python3 -m pytest", ".venv/bin/pytest")'),
    threshold,
    ...executionKeys,
  })
  .describe('Run pytest on the agent’s code and check the pass rate');

/** `npm`: run the JavaScript test command and parse Vitest, Jest, Mocha or node:test output. */
export const NpmConfigSchema = z
  .strictObject({
    command: CommandSchema.default('npm test'),
    threshold,
    ...executionKeys,
  })
  .describe('Run a JavaScript test command (Vitest, Jest, Mocha, node --test) and check the pass rate');

/** `lint`: run ruff or eslint and compare the violation counts with limits. */
export const LintConfigSchema = z
  .strictObject({
    linter: z.enum(['ruff', 'eslint']).describe('ruff or eslint'),
    path: RelativePathSchema.default('.').describe('What to lint, relative to the working directory'),
    max_violations: z.int().min(0).default(0).describe('Most violations allowed'),
    max_errors: z.int().min(0).default(0).describe('Most errors allowed (ruff: E codes and syntax errors; eslint: errors)'),
    args: ArgsSchema.optional(),
    command: CommandSchema.optional().describe('How to start the linter (default: "ruff" or "eslint" from PATH)'),
    ...executionKeys,
  })
  .describe('Lint the agent’s code with ruff or eslint');

/** Parsed `code_exec` / `custom_command` config. */
export type CustomCommandConfig = z.output<typeof CustomCommandConfigSchema>;
/** Parsed `pytest` config. */
export type PytestConfig = z.output<typeof PytestConfigSchema>;
/** Parsed `npm` config. */
export type NpmConfig = z.output<typeof NpmConfigSchema>;
/** Parsed `lint` config. */
export type LintConfig = z.output<typeof LintConfigSchema>;
/** The keys shared by every code-execution config. */
export type ExecutionConfig = Pick<CustomCommandConfig, keyof typeof executionKeys>;

/** The config schema of each code-execution assertion type. */
export const CODE_EXEC_CONFIG_SCHEMAS = {
  code_exec: CustomCommandConfigSchema,
  custom_command: CustomCommandConfigSchema,
  pytest: PytestConfigSchema,
  npm: NpmConfigSchema,
  lint: LintConfigSchema,
} as const;

/** A code-execution assertion type. */
export type CodeExecAssertionType = keyof typeof CODE_EXEC_CONFIG_SCHEMAS;
