import { z } from 'zod';
import { reveal, zSecretString } from '@atp/kernel';
import type { MaybeSecret } from '@atp/kernel';
import { CommandSyntaxError, splitShellWords } from '@atp/subprocess';

/** Default cap on what a one-shot agent may write to stdout (and on one line in persistent mode): 10 MB. */
export const DEFAULT_MAX_OUTPUT_BYTES = 10 * 1024 * 1024;

const ENV_NAME = /^[^=\0]+$/;

/** `command` as a string (shell-split, no shell) or as an argv array. */
const CommandSchema = z.union([
  zSecretString().superRefine((value: MaybeSecret, ctx) => {
    try {
      if (splitShellWords(reveal(value)).length === 0) ctx.addIssue({ code: 'custom', message: 'command is empty' });
    } catch (error) {
      if (!(error instanceof CommandSyntaxError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message });
    }
  }),
  z.array(zSecretString()).min(1, { message: 'command needs at least the program to run' }),
]);

/** Configuration of the `cli` adapter (strict: unknown keys are errors). */
export const CliAdapterConfigSchema = z.strictObject({
  timeout_seconds: z.number().positive().default(300).describe('Limit for one request, in seconds (the test limit applies too; the smaller wins)'),
  retry_count: z.int().min(0).default(0).describe('Retries of retryable adapter failures (done by the runner)'),
  retry_delay_seconds: z.number().min(0).default(1).describe('Delay between retries, in seconds'),
  enable_cost_tracking: z.boolean().default(true).describe('Accepted for compatibility; cost tracking is done by kernel plugins'),
  command: CommandSchema.describe('Program and arguments: a string split like a shell would (no shell runs), or an array'),
  args: z.array(zSecretString()).default([]).describe('Arguments appended to the command'),
  working_dir: z.string().min(1).nullable().default(null).describe("Working directory, relative to the suite's directory (default: the suite's directory)"),
  environment: z
    .record(z.string().regex(ENV_NAME, { message: 'environment variable names cannot contain "=" or NUL' }), zSecretString())
    .default({})
    .describe('Variables set for the agent (added last, they win)'),
  inherit_environment: z.boolean().default(false).describe('Pass the harness environment (minus credentials); false: only PATH, HOME, LANG, TERM'),
  allowed_env_vars: z
    .array(z.string().min(1))
    .default([])
    .describe('Harness variables passed even when they look like credentials or inheritance is off (`NAME` or `PREFIX_*`)'),
  max_output_bytes: z.int().positive().default(DEFAULT_MAX_OUTPUT_BYTES).describe('Cap on stdout bytes (persistent mode: on one stdout line)'),
  kill_grace_seconds: z.number().min(0).default(2).describe('After SIGTERM, seconds before the process tree gets SIGKILL'),
  persistent: z.boolean().default(false).describe('Keep one process running and send it one request per line (see the README)'),
  max_concurrency: z.int().positive().default(1).describe('Persistent mode: requests in flight at once in the process (the runner starts no more tests for the agent)'),
});

/** The `cli` adapter config after parsing (defaults applied). */
export type CliAdapterConfig = z.output<typeof CliAdapterConfigSchema>;

/** The `cli` adapter config as written (defaulted keys optional). */
export type CliAdapterConfigInput = z.input<typeof CliAdapterConfigSchema>;
