/**
 * A fast path for the common, well-formed ATPResponse: plain objects, file artifacts, valid fields.
 *
 * The zod schema in response.ts stays the definition of a valid response. This module only
 * recognizes inputs it can prove valid by simple checks and builds exactly what the schema would
 * output for them (same values, same keys, same key order, unknown keys stripped). Anything else,
 * including every invalid input and every structured or reference artifact, returns undefined and
 * goes through the schema, which also words the error. A property test holds the two to the same
 * output. Why: against a fast agent, zod parsing was about a quarter of the runner's CPU per job.
 */
import { hasParentSegment, isAbsolutePath } from './common.js';
import {
  MAX_ARTIFACTS_COUNT,
  MAX_CONTENT_HASH_LENGTH,
  MAX_CONTENT_LENGTH,
  MAX_CONTENT_TYPE_LENGTH,
  MAX_ERROR_LENGTH,
  MAX_PATH_LENGTH,
  MAX_TASK_ID_LENGTH,
  MAX_TRACE_ID_LENGTH,
  PROTOCOL_VERSION,
  SUPPORTED_VERSIONS,
} from './limits.js';
import { ATPResponseSchema, FileArtifactSchema, MetricsSchema, RESPONSE_STATUSES } from './response.js';
import type { ATPResponse, FileArtifact, Metrics } from './response.js';

const STATUSES: ReadonlySet<unknown> = new Set(RESPONSE_STATUSES);
const VERSIONS: ReadonlySet<unknown> = new Set(SUPPORTED_VERSIONS);
const COUNT_KEYS: ReadonlySet<string> = new Set(['total_tokens', 'input_tokens', 'output_tokens', 'cache_creation_tokens', 'cache_read_tokens', 'total_steps', 'tool_calls', 'llm_calls']);
const AMOUNT_KEYS: ReadonlySet<string> = new Set(['wall_time_seconds', 'cost_usd']);
/** The metrics keys in schema order (the output's key order). */
const METRICS_KEYS = Object.keys(MetricsSchema.shape);

const sameKeys = (shape: object, keys: readonly string[]): boolean => {
  const actual = Object.keys(shape);
  return actual.length === keys.length && actual.every((k, i) => k === keys[i]);
};

/**
 * False when the schemas grew fields this module does not know: then every response goes through
 * the schema (correct, only slower) and a unit test fails until this module is updated.
 */
export const FAST_PATH_ENABLED =
  sameKeys(ATPResponseSchema.shape, ['version', 'task_id', 'status', 'artifacts', 'metrics', 'error', 'trace_id']) &&
  sameKeys(FileArtifactSchema.shape, ['type', 'path', 'content_type', 'size_bytes', 'content_hash', 'content']) &&
  METRICS_KEYS.every((k) => COUNT_KEYS.has(k) || AMOUNT_KEYS.has(k)) &&
  METRICS_KEYS.length === COUNT_KEYS.size + AMOUNT_KEYS.size;

/** Not recognized: the caller must use the schema. */
const MISS = Symbol('miss');
type Miss = typeof MISS;

/** A plain object (Object.prototype or null prototype), the only kind whose `in` checks this module trusts. */
function plain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A `.nullish()` string with a maximum length: undefined, null or a short enough string. */
function nullishString(value: unknown, max: number): unknown {
  if (value === undefined || value === null) return value;
  return typeof value === 'string' && value.length <= max ? value : MISS;
}

function count(value: unknown): unknown {
  if (value === undefined || value === null) return value;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : MISS;
}

function amount(value: unknown): unknown {
  if (value === undefined || value === null) return value;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : MISS;
}

function metricsOf(raw: unknown): Metrics | null | Miss {
  if (raw === undefined || raw === null) return null;
  if (!plain(raw)) return MISS;
  const out: Record<string, unknown> = {};
  for (const key of METRICS_KEYS) {
    if (!(key in raw)) continue;
    const value = COUNT_KEYS.has(key) ? count(raw[key]) : amount(raw[key]);
    if (value === MISS) return MISS;
    out[key] = value;
  }
  return out as Metrics;
}

function fileArtifactOf(raw: unknown): FileArtifact | Miss {
  if (!plain(raw)) return MISS;
  if (raw['type'] !== undefined && raw['type'] !== 'file') return MISS;
  const rawPath = raw['path'];
  if (typeof rawPath !== 'string') return MISS;
  const path = rawPath.trim();
  if (path.length === 0 || path.length > MAX_PATH_LENGTH || path.includes('\0') || hasParentSegment(path) || isAbsolutePath(path)) return MISS;
  const out: Record<string, unknown> = { type: 'file', path };
  if ('content_type' in raw) {
    const v = nullishString(raw['content_type'], MAX_CONTENT_TYPE_LENGTH);
    if (v === MISS) return MISS;
    out['content_type'] = v;
  }
  if ('size_bytes' in raw) {
    const v = count(raw['size_bytes']);
    if (v === MISS) return MISS;
    out['size_bytes'] = v;
  }
  if ('content_hash' in raw) {
    const v = nullishString(raw['content_hash'], MAX_CONTENT_HASH_LENGTH);
    if (v === MISS) return MISS;
    out['content_hash'] = v;
  }
  if ('content' in raw) {
    const v = nullishString(raw['content'], MAX_CONTENT_LENGTH);
    if (v === MISS) return MISS;
    out['content'] = v;
  }
  return out as FileArtifact;
}

/** `.nullable().default(null)` string: undefined and null give null. */
function defaultedString(value: unknown, max: number): string | null | Miss {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' && value.length <= max ? value : MISS;
}

/**
 * The parsed response when `raw` is a common well-formed response this fast path fully checks;
 * undefined when the schema must decide (unusual shapes, structured or reference artifacts, any error).
 */
export function fastParseResponse(raw: unknown): ATPResponse | undefined {
  if (!FAST_PATH_ENABLED || !plain(raw)) return undefined;
  const version = raw['version'] === undefined ? PROTOCOL_VERSION : raw['version'];
  if (!VERSIONS.has(version)) return undefined;
  const rawTaskId = raw['task_id'];
  if (typeof rawTaskId !== 'string') return undefined;
  const taskId = rawTaskId.trim();
  if (taskId.length === 0 || taskId.length > MAX_TASK_ID_LENGTH) return undefined;
  const status = raw['status'];
  if (!STATUSES.has(status)) return undefined;
  const rawArtifacts = raw['artifacts'];
  let artifacts: FileArtifact[];
  if (rawArtifacts === undefined) artifacts = [];
  else {
    if (!Array.isArray(rawArtifacts) || rawArtifacts.length > MAX_ARTIFACTS_COUNT) return undefined;
    artifacts = new Array<FileArtifact>(rawArtifacts.length);
    for (let i = 0; i < rawArtifacts.length; i++) {
      const artifact = fileArtifactOf(rawArtifacts[i]);
      if (artifact === MISS) return undefined;
      artifacts[i] = artifact;
    }
  }
  const metrics = metricsOf(raw['metrics']);
  if (metrics === MISS) return undefined;
  const error = defaultedString(raw['error'], MAX_ERROR_LENGTH);
  if (error === MISS) return undefined;
  const traceId = defaultedString(raw['trace_id'], MAX_TRACE_ID_LENGTH);
  if (traceId === MISS) return undefined;
  return { version, task_id: taskId, status, artifacts, metrics, error, trace_id: traceId } as ATPResponse;
}
