/**
 * ATPRequest: the message the harness sends to an agent (reference §1.4).
 */
import { z } from 'zod';
import { JsonObjectSchema, ProtocolVersionSchema, describeValue, hasParentSegment, tooLong } from './common.js';
import {
  ENV_VAR_NAME_PATTERN,
  MAX_DESCRIPTION_LENGTH,
  MAX_ENV_VARS_COUNT,
  MAX_METADATA_KEYS,
  MAX_PATH_LENGTH,
  MAX_TASK_ID_LENGTH,
  MIN_DESCRIPTION_LENGTH,
  TASK_ID_PATTERN,
} from './limits.js';

/** A request `task_id`: trimmed, non-empty, at most 128 characters, only `[a-zA-Z0-9_-]`. */
export const RequestTaskIdSchema = z
  .string()
  .trim()
  .min(1, { error: 'task_id cannot be empty', abort: true })
  .max(MAX_TASK_ID_LENGTH, { error: tooLong('task_id', MAX_TASK_ID_LENGTH), abort: true })
  .refine((v) => TASK_ID_PATTERN.test(v), {
    error: (iss) =>
      `task_id must contain only letters, digits, underscores and hyphens, received ${describeValue(iss.input)}`,
  })
  // The JSON Schema describes the untrimmed input, so it tolerates surrounding whitespace.
  .meta({ pattern: '^\\s*[a-zA-Z0-9_-]+\\s*$', description: 'Unique task identifier' });

/** One `task.expected_artifacts` entry: trimmed, non-empty, relative, no `..`, at most 4096 characters. */
export const ExpectedArtifactPathSchema = z
  .string()
  .trim()
  .min(1, { error: 'expected artifact path cannot be empty', abort: true })
  .max(MAX_PATH_LENGTH, { error: tooLong('expected artifact path', MAX_PATH_LENGTH), abort: true })
  .refine((v) => !v.includes('\0'), { error: 'expected artifact path must not contain NUL bytes', abort: true })
  .refine((v) => !hasParentSegment(v), {
    error: (iss) => `expected artifact path must not contain a '..' segment: ${describeValue(iss.input)}`,
    abort: true,
  })
  .refine((v) => !v.startsWith('/') && !v.startsWith('\\') && !v.startsWith('~'), {
    error: (iss) => `expected artifact path must not start with '/' or '~': ${describeValue(iss.input)}`,
  });

/** `task`: what the agent is asked to do. */
export const TaskSchema = z
  .object({
    description: z
      .string()
      .min(MIN_DESCRIPTION_LENGTH, { error: `must have at least ${MIN_DESCRIPTION_LENGTH} character` })
      .max(MAX_DESCRIPTION_LENGTH, { error: tooLong('description', MAX_DESCRIPTION_LENGTH) })
      .describe('Task description'),
    input_data: JsonObjectSchema.nullable().default(null).describe('Optional free-form input data'),
    expected_artifacts: z
      .array(ExpectedArtifactPathSchema)
      .nullable()
      .default(null)
      .describe('Relative paths or names of the artifacts the agent should produce'),
  })
  .describe('Task specification');

/** `context.tools_endpoint`: an http(s) URL; `""` (after trimming) means null. */
const ToolsEndpointSchema = z
  .string()
  .trim()
  .refine((v) => v === '' || v.startsWith('http://') || v.startsWith('https://'), {
    error: (iss) => `tools_endpoint must start with http:// or https://, received ${describeValue(iss.input)}`,
  })
  .transform((v) => (v === '' ? null : v));

/** `context.workspace_path`: no NUL bytes, at most 4096 characters; `""` (after trimming) means null. */
const WorkspacePathSchema = z
  .string()
  .trim()
  .max(MAX_PATH_LENGTH, { error: tooLong('workspace_path', MAX_PATH_LENGTH), abort: true })
  .refine((v) => !v.includes('\0'), { error: 'workspace_path must not contain NUL bytes' })
  .transform((v) => (v === '' ? null : v));

/** `context.environment`: at most 100 variables; names match `^[a-zA-Z_][a-zA-Z0-9_]*$`; no NUL bytes. */
const EnvironmentSchema = z
  .record(
    z.string().regex(ENV_VAR_NAME_PATTERN),
    z.string().refine((v) => !v.includes('\0'), { error: 'environment values must not contain NUL bytes' }),
    {
      error: (iss) =>
        iss.code === 'invalid_key'
          ? `invalid environment variable name ${describeValue(iss.input)} (must match ${ENV_VAR_NAME_PATTERN.source})`
          : undefined,
    }
  )
  .refine((env) => Object.keys(env).length <= MAX_ENV_VARS_COUNT, {
    error: (iss) =>
      `too many environment variables: ${Object.keys(iss.input as object).length} > ${MAX_ENV_VARS_COUNT}`,
  })
  .meta({ maxProperties: MAX_ENV_VARS_COUNT });

/** `context`: where and with what the agent runs. */
export const ContextSchema = z
  .object({
    tools_endpoint: ToolsEndpointSchema.nullable().default(null).describe('URL of the harness tools API'),
    workspace_path: WorkspacePathSchema.nullable().default(null).describe('Path of the workspace directory'),
    environment: EnvironmentSchema.nullable().default(null).describe('Environment variables for the agent'),
  })
  .describe('Execution context');

/** `constraints`: free-form; see {@link ConventionalConstraints} for the keys the runner sends. */
export const ConstraintsSchema = JsonObjectSchema;

/** `metadata`: pass-through, at most 50 keys. */
export const MetadataSchema = JsonObjectSchema.refine((m) => Object.keys(m).length <= MAX_METADATA_KEYS, {
  error: (iss) => `too many metadata keys: ${Object.keys(iss.input as object).length} > ${MAX_METADATA_KEYS}`,
}).meta({ maxProperties: MAX_METADATA_KEYS });

/** The ATPRequest message (harness → agent); unknown keys are stripped. */
export const ATPRequestSchema = z
  .object({
    version: ProtocolVersionSchema,
    task_id: RequestTaskIdSchema,
    task: TaskSchema,
    constraints: ConstraintsSchema.default(() => ({})).describe('Execution constraints (free-form)'),
    context: ContextSchema.nullable().default(null),
    metadata: MetadataSchema.nullable().default(null).describe('Pass-through metadata'),
  })
  .describe('ATP protocol request (harness to agent)');

/** A parsed ATPRequest (defaults applied). */
export type ATPRequest = z.output<typeof ATPRequestSchema>;
/** An ATPRequest as it may be written before parsing (defaulted fields optional). */
export type ATPRequestInput = z.input<typeof ATPRequestSchema>;
/** A parsed `task`. */
export type Task = z.output<typeof TaskSchema>;
/** A `task` before parsing. */
export type TaskInput = z.input<typeof TaskSchema>;
/** A parsed `context`. */
export type Context = z.output<typeof ContextSchema>;
/** A `context` before parsing. */
export type ContextInput = z.input<typeof ContextSchema>;
/** Parsed `constraints` (free-form object). */
export type Constraints = z.output<typeof ConstraintsSchema>;

/** The conventional `constraints` keys the runner sends when they are set in a test (not enforced). */
export interface ConventionalConstraints {
  max_steps?: number;
  max_tokens?: number;
  timeout_seconds?: number;
  allowed_tools?: string[];
  budget_usd?: number;
}
