/**
 * The ATP protocol v1.0: limits, zod schemas and types of ATPRequest / ATPResponse / ATPEvent,
 * adapter leniency, readable parse errors and JSON Schema generation.
 */
export * from './limits.js';
export {
  ProtocolVersionSchema,
  JsonObjectSchema,
  TrimmedTaskIdSchema,
  isPlainObject,
  hasParentSegment,
  isAbsolutePath,
} from './common.js';
export type { JsonObject } from './common.js';
export * from './request.js';
export * from './response.js';
export * from './event.js';
export * from './issues.js';
export * from './lenient.js';
export * from './json-schema.js';
