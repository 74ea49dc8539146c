/**
 * Protocol version and the size limits of the ATP protocol v1.0 (reference §1.2–1.3).
 * The validators in this folder enforce every limit listed here.
 */

/** The protocol version this implementation speaks and stamps on messages it creates. */
export const PROTOCOL_VERSION = '1.0' as const;

/** Every protocol version a receiver accepts; anything else is a validation error. */
export const SUPPORTED_VERSIONS = ['1.0'] as const;

/** A protocol version string this implementation accepts. */
export type ProtocolVersion = (typeof SUPPORTED_VERSIONS)[number];

/** Maximum `task_id` length (after trimming), in characters, for every message type. */
export const MAX_TASK_ID_LENGTH = 128;

/** Minimum `task.description` length, in characters. */
export const MIN_DESCRIPTION_LENGTH = 1;

/** Maximum `task.description` length, in characters. */
export const MAX_DESCRIPTION_LENGTH = 100_000;

/** Maximum length of artifact paths, `context.workspace_path` and expected-artifact entries. */
export const MAX_PATH_LENGTH = 4096;

/** Maximum `response.error` length, in characters. */
export const MAX_ERROR_LENGTH = 10_000;

/** Maximum inline `content` length of a file artifact, in characters. */
export const MAX_CONTENT_LENGTH = 10_000_000;

/** Maximum number of artifacts in one response. */
export const MAX_ARTIFACTS_COUNT = 1000;

/** Maximum number of variables in `context.environment`. */
export const MAX_ENV_VARS_COUNT = 100;

/** Maximum number of keys in `request.metadata`. */
export const MAX_METADATA_KEYS = 50;

/** Maximum length of a structured artifact's `name`. */
export const MAX_ARTIFACT_NAME_LENGTH = 256;

/** Maximum length of an artifact's `content_type`. */
export const MAX_CONTENT_TYPE_LENGTH = 256;

/** Maximum `response.trace_id` length. */
export const MAX_TRACE_ID_LENGTH = 256;

/** Maximum length of a file artifact's `content_hash`. */
export const MAX_CONTENT_HASH_LENGTH = 128;

/** The characters a request `task_id` may contain (checked after trimming). */
export const TASK_ID_PATTERN = /^[a-zA-Z0-9_-]+$/;

/** The shape of a `context.environment` variable name. */
export const ENV_VAR_NAME_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** True when `version` is one of {@link SUPPORTED_VERSIONS}. */
export function isSupportedVersion(version: unknown): version is ProtocolVersion {
  return typeof version === 'string' && (SUPPORTED_VERSIONS as readonly string[]).includes(version);
}
