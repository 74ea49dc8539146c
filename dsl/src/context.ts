import type { z } from 'zod';
import { ErrorCodes, diagnostic, type Diagnostic, type ErrorCode, type SourceLocation } from '@atp/kernel';
import type { DataPath, Locator, Range } from './yaml/locator.js';
import type { VariableBindings } from './yaml/to-data.js';
import { validate } from './validate/validate.js';
import { valueAt } from './validate/path.js';
import type { parseExpressionText } from './expr/parse.js';

/** The part of a kernel registry the compiler uses (a `Registry` fits). */
export interface EntryLookup {
  get(name: string): { configSchema?: z.ZodType } | undefined;
  names(): string[];
}

/** State shared by the passes of one compilation. */
export interface CompileContext {
  file: string;
  locator: Locator;
  /** The suite as plain data after substitution (before validation). */
  data: Record<string, unknown>;
  bindings: VariableBindings;
  diagnostics: Diagnostic[];
  /** Absent in structure-only mode (no kernel or registries given). */
  evaluators?: EntryLookup;
  adapters?: EntryLookup;
  /** Loaded only when the suite has composite assertions. */
  parseExpression?: typeof parseExpressionText;
}

/** Push a located error. */
export function report(ctx: CompileContext, code: ErrorCode, message: string, range: Range, hint?: string): void {
  ctx.diagnostics.push(diagnostic(code, message, { file: ctx.file, ...range, ...(hint ? { hint } : {}) }));
}

/** Validate the raw value at `path` with a suite-format schema. */
export function validateAt<T>(ctx: CompileContext, schema: z.ZodType<T>, path: DataPath): T | undefined {
  return validate(schema, {
    file: ctx.file,
    locator: ctx.locator,
    basePath: path,
    data: valueAt(ctx.data, path),
    schema,
    code: ErrorCodes.ATP_SUITE_SCHEMA,
    unknownKeyCode: ErrorCodes.ATP_UNKNOWN_KEY,
    bindings: ctx.bindings,
    diagnostics: ctx.diagnostics,
  });
}

/** The raw value at `path`. */
export function rawAt(ctx: CompileContext, path: DataPath): unknown {
  return valueAt(ctx.data, path);
}

/** Where a plan item starts in the suite file. */
export function locationOf(ctx: CompileContext, path: DataPath): SourceLocation {
  const { start } = ctx.locator.valueRange(path);
  return { file: ctx.file, line: start.line, column: start.column };
}
