/**
 * ATPResponse: the single final message an agent returns (reference §1.5).
 */
import { z } from 'zod';
import {
  JsonObjectSchema,
  ProtocolVersionSchema,
  TrimmedTaskIdSchema,
  describeValue,
  enumMessage,
  hasParentSegment,
  isAbsolutePath,
  isPlainObject,
  optionalAmount,
  optionalCount,
  tooLong,
} from './common.js';
import {
  MAX_ARTIFACT_NAME_LENGTH,
  MAX_ARTIFACTS_COUNT,
  MAX_CONTENT_HASH_LENGTH,
  MAX_CONTENT_LENGTH,
  MAX_CONTENT_TYPE_LENGTH,
  MAX_ERROR_LENGTH,
  MAX_PATH_LENGTH,
  MAX_TRACE_ID_LENGTH,
} from './limits.js';

/** The final status values of a response. */
export const RESPONSE_STATUSES = ['completed', 'failed', 'timeout', 'cancelled', 'partial'] as const;

/** `status`: `completed` | `failed` | `timeout` | `cancelled` | `partial`. */
export const ResponseStatusSchema = z
  .enum(RESPONSE_STATUSES, { error: (iss) => enumMessage(RESPONSE_STATUSES, iss.input) })
  .describe('Execution status');

/** A response status. */
export type ResponseStatus = z.output<typeof ResponseStatusSchema>;

/** `metrics`: every field optional (null allowed) and >= 0; counts are integers. */
export const MetricsSchema = z
  .object({
    total_tokens: optionalCount().describe('Total tokens used'),
    input_tokens: optionalCount().describe('Input tokens'),
    output_tokens: optionalCount().describe('Output tokens'),
    cache_creation_tokens: optionalCount().describe('Prompt-cache write tokens'),
    cache_read_tokens: optionalCount().describe('Prompt-cache read tokens'),
    total_steps: optionalCount().describe('Total execution steps'),
    tool_calls: optionalCount().describe('Number of tool calls'),
    llm_calls: optionalCount().describe('Number of LLM calls'),
    wall_time_seconds: optionalAmount().describe('Wall-clock time in seconds'),
    cost_usd: optionalAmount().describe('Cost in USD'),
  })
  .describe('Execution metrics');

/** Parsed execution metrics. */
export type Metrics = z.output<typeof MetricsSchema>;
/** Execution metrics before parsing. */
export type MetricsInput = z.input<typeof MetricsSchema>;

const ContentTypeSchema = z
  .string()
  .max(MAX_CONTENT_TYPE_LENGTH, { error: tooLong('content_type', MAX_CONTENT_TYPE_LENGTH) })
  .nullish()
  .describe('MIME type');

/** A file artifact `path`: trimmed, non-empty, no NUL, no `..` segment (after `\` → `/`), not absolute. */
export const ArtifactPathSchema = z
  .string()
  .trim()
  .min(1, { error: 'artifact path cannot be empty', abort: true })
  .max(MAX_PATH_LENGTH, { error: tooLong('artifact path', MAX_PATH_LENGTH), abort: true })
  .refine((v) => !v.includes('\0'), { error: 'artifact path must not contain NUL bytes', abort: true })
  .refine((v) => !hasParentSegment(v), {
    error: (iss) => `artifact path must not contain a '..' segment: ${describeValue(iss.input)}`,
    abort: true,
  })
  .refine((v) => !isAbsolutePath(v), {
    error: (iss) => `artifact path must be relative, not absolute: ${describeValue(iss.input)}`,
  });

/** A file the agent produced; `type` defaults to "file" when missing. */
export const FileArtifactSchema = z
  .object({
    type: z.literal('file').default('file'),
    path: ArtifactPathSchema.describe('Relative file path'),
    content_type: ContentTypeSchema,
    size_bytes: optionalCount().describe('File size in bytes'),
    content_hash: z
      .string()
      .max(MAX_CONTENT_HASH_LENGTH, { error: tooLong('content_hash', MAX_CONTENT_HASH_LENGTH) })
      .nullish()
      .describe('Hash of the content, e.g. SHA-256'),
    content: z
      .string()
      .max(MAX_CONTENT_LENGTH, { error: tooLong('content', MAX_CONTENT_LENGTH) })
      .nullish()
      .describe('Inline content (base64 for binary files)'),
  })
  .describe('File artifact');

/** A structured-data artifact addressed by `name`. */
export const StructuredArtifactSchema = z
  .object({
    type: z.literal('structured'),
    name: z
      .string()
      .trim()
      .min(1, { error: 'artifact name cannot be empty', abort: true })
      .max(MAX_ARTIFACT_NAME_LENGTH, { error: tooLong('artifact name', MAX_ARTIFACT_NAME_LENGTH), abort: true })
      .refine((v) => !v.includes('/') && !v.includes('\\'), {
        error: (iss) => `artifact name must not contain '/' or '\\': ${describeValue(iss.input)}`,
        abort: true,
      })
      .refine((v) => !v.includes('\0'), { error: 'artifact name must not contain NUL bytes' })
      .describe('Artifact name'),
    data: JsonObjectSchema.describe('Structured data'),
    content_type: ContentTypeSchema,
  })
  .describe('Structured artifact');

/** A reference to an external artifact; `path` may be a URL or an absolute path. */
export const ReferenceArtifactSchema = z
  .object({
    type: z.literal('reference'),
    path: z
      .string()
      .trim()
      .min(1, { error: 'reference path cannot be empty', abort: true })
      .max(MAX_PATH_LENGTH, { error: tooLong('reference path', MAX_PATH_LENGTH), abort: true })
      .refine((v) => !v.includes('\0'), { error: 'reference path must not contain NUL bytes' })
      .describe('Reference path or URL'),
    content_type: ContentTypeSchema,
    size_bytes: optionalCount().describe('Size in bytes'),
  })
  .describe('Reference artifact');

/** The artifact kinds, i.e. the values of an artifact's `type`. */
export const ARTIFACT_TYPES = ['file', 'structured', 'reference'] as const;

/** An artifact: discriminated on `type` (`file` | `structured` | `reference`; missing means `file`). */
export const ArtifactSchema = z.discriminatedUnion(
  'type',
  [FileArtifactSchema, StructuredArtifactSchema, ReferenceArtifactSchema],
  {
    error: (iss) =>
      iss.code === 'invalid_union' && isPlainObject(iss.input)
        ? enumMessage(ARTIFACT_TYPES, iss.input['type'])
        : undefined,
  }
);

/** A parsed artifact. */
export type Artifact = z.output<typeof ArtifactSchema>;
/** An artifact before parsing. */
export type ArtifactInput = z.input<typeof ArtifactSchema>;
/** A parsed file artifact. */
export type FileArtifact = z.output<typeof FileArtifactSchema>;
/** A parsed structured artifact. */
export type StructuredArtifact = z.output<typeof StructuredArtifactSchema>;
/** A parsed reference artifact. */
export type ReferenceArtifact = z.output<typeof ReferenceArtifactSchema>;
/** An artifact kind. */
export type ArtifactType = Artifact['type'];

/** The ATPResponse message (agent → harness, exactly one, final); unknown keys are stripped. */
export const ATPResponseSchema = z
  .object({
    version: ProtocolVersionSchema,
    task_id: TrimmedTaskIdSchema.describe('Task identifier from the request'),
    status: ResponseStatusSchema,
    artifacts: z
      .array(ArtifactSchema)
      .max(MAX_ARTIFACTS_COUNT, {
        error: (iss) =>
          `too many artifacts: ${Array.isArray(iss.input) ? iss.input.length : '?'} > ${MAX_ARTIFACTS_COUNT}`,
      })
      .default(() => [])
      .describe('Output artifacts'),
    metrics: MetricsSchema.nullable().default(null),
    error: z
      .string()
      .max(MAX_ERROR_LENGTH, { error: tooLong('error', MAX_ERROR_LENGTH) })
      .nullable()
      .default(null)
      .describe('Error message when the run failed'),
    trace_id: z
      .string()
      .max(MAX_TRACE_ID_LENGTH, { error: tooLong('trace_id', MAX_TRACE_ID_LENGTH) })
      .nullable()
      .default(null)
      .describe('Optional trace identifier'),
  })
  .describe('ATP protocol response (agent to harness)');

/** A parsed ATPResponse (defaults applied). */
export type ATPResponse = z.output<typeof ATPResponseSchema>;
/** An ATPResponse as it may be written before parsing (defaulted fields optional). */
export type ATPResponseInput = z.input<typeof ATPResponseSchema>;
