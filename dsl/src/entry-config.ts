import type { z } from 'zod';
import { diagnostic, type ErrorCode } from '@atp/kernel';
import type { DataPath } from './yaml/locator.js';
import { validate } from './validate/validate.js';
import { knownKeys, strippedKeys } from './validate/schema-keys.js';
import { rawAt, type CompileContext } from './context.js';
import { didYouMean } from './suggest.js';

/**
 * Validate a plugin entry's config (an evaluator's or adapter's) found at `path` with the entry's
 * `configSchema`; issues are located in the suite and worded with `label` (`"contains" config`).
 * Returns the parsed config (defaults applied), or undefined when invalid.
 */
export function validateEntryConfig(
  ctx: CompileContext,
  schema: z.ZodType | undefined,
  path: DataPath,
  label: string,
  code: ErrorCode,
): Record<string, unknown> | undefined {
  const found = rawAt(ctx, path);
  const raw: unknown = found === undefined || found === null ? {} : found;
  if (!schema) return raw as Record<string, unknown>;
  const dropped = strippedKeys(schema, raw);
  const out = validate(schema, {
    file: ctx.file,
    locator: ctx.locator,
    basePath: path,
    data: raw,
    schema,
    code,
    unknownKeyCode: code,
    label,
    bindings: ctx.bindings,
    diagnostics: ctx.diagnostics,
  });
  if (dropped.length) {
    const known = knownKeys(schema, []);
    for (const key of dropped) {
      ctx.diagnostics.push({
        ...diagnostic(code, `unknown key "${key}" in the ${label} is ignored${didYouMean(key, known)}`, {
          file: ctx.file,
          ...ctx.locator.keyRange([...path, key]),
          hint: `allowed keys: ${known.join(', ')}`,
        }),
        severity: 'warning',
      });
    }
  }
  if (out === undefined) return undefined;
  return out !== null && typeof out === 'object' && !Array.isArray(out) ? (out as Record<string, unknown>) : (raw as Record<string, unknown>);
}
