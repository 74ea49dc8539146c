import { stableStringify } from '@atp/kernel';
/**
 * JSON Schema validators, compiled once per distinct schema and cached: by object identity first
 * (the same plan object is evaluated for every run), then by a key-order-independent JSON key.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { dialectOf, unsupportedDialectMessage, type Dialect } from './schema-dialect.js';

/** A compiled validator, or why the schema could not be compiled. */
export type CompiledSchema = { ok: true; validate: ValidateFunction } | { ok: false; error: string };

// strict: false — unknown keywords were already rejected when the config was parsed (schema-check.ts),
// unless the assertion says `strict: false`. ajv-formats is not bundled, so `format` is an annotation
// (documented in the README).
const AJV_OPTIONS = { allErrors: true, strict: false, logger: false, validateFormats: false } as const;

const instances = new Map<Dialect, Ajv>();
const byObject = new WeakMap<object, CompiledSchema>();
const byKey = new Map<string, CompiledSchema>();

function createAjv(dialect: Dialect): Ajv {
  if (dialect === '2020-12') return new Ajv2020(AJV_OPTIONS);
  if (dialect === '2019-09') return new Ajv2019(AJV_OPTIONS);
  return new Ajv(AJV_OPTIONS);
}

function ajvFor(dialect: Dialect): Ajv {
  let ajv = instances.get(dialect);
  if (!ajv) {
    ajv = createAjv(dialect);
    instances.set(dialect, ajv);
  }
  return ajv;
}

/** Compile (or fetch from the cache) the validator of `schema`. */
export function compileSchema(schema: object | boolean): CompiledSchema {
  if (typeof schema === 'object') {
    const cached = byObject.get(schema);
    if (cached) return cached;
  }
  const key = stableStringify(schema);
  let compiled = byKey.get(key);
  if (!compiled) {
    compiled = compileUncached(schema);
    byKey.set(key, compiled);
  }
  if (typeof schema === 'object') byObject.set(schema, compiled);
  return compiled;
}

function compileUncached(schema: object | boolean): CompiledSchema {
  const dialect = dialectOf(schema);
  if (!dialect) {
    return { ok: false, error: unsupportedDialectMessage(schema) };
  }
  try {
    return { ok: true, validate: ajvFor(dialect).compile(schema) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Two different schemas with the same $id cannot share an instance: give this one its own.
    if (/already exists/.test(message)) {
      try {
        return { ok: true, validate: createAjv(dialect).compile(schema) };
      } catch (retry) {
        return { ok: false, error: retry instanceof Error ? retry.message : String(retry) };
      }
    }
    return { ok: false, error: message };
  }
}

/** One validation error: where (`/items/0/id`, `/` for the root) and what. */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  message: string;
}

/** Readable validation errors, with the offending property or allowed values where ajv has them. */
export function schemaErrors(errors: readonly ErrorObject[] | null | undefined): SchemaError[] {
  return (errors ?? []).map((e) => ({
    instancePath: e.instancePath || '/',
    keyword: e.keyword,
    message: describeError(e),
  }));
}

function describeError(e: ErrorObject): string {
  const params = e.params as Record<string, unknown>;
  const base = e.message ?? e.keyword;
  if (e.keyword === 'additionalProperties') return `${base}: ${JSON.stringify(params['additionalProperty'])}`;
  if (e.keyword === 'enum' && Array.isArray(params['allowedValues'])) return `${base}: ${params['allowedValues'].map((v) => JSON.stringify(v)).join(', ')}`;
  if (e.keyword === 'const') return `${base}: ${JSON.stringify(params['allowedValue'])}`;
  return base;
}
