import { createRequire } from 'node:module';
import { didYouMean, stableStringify } from '@atp/kernel';
/**
 * Compile-time checking of the JSON Schema in a `schema` assertion's config: the schema is validated
 * against its dialect's meta-schema and compiled with ajv (strict about unknown keywords unless the
 * config says `strict: false`), and every problem is returned with its path inside the schema so the
 * suite compiler can point at it. The config schema's parse is synchronous, so ajv is loaded here with
 * `require` — only when a `schema` config is parsed, never when the plugin index loads.
 */
import type { Ajv, ErrorObject } from 'ajv';
import { dialectOf, type Dialect } from './schema-dialect.js';

/** A problem in a JSON Schema: its path inside the schema (`[]` for the whole schema) and message. */
export interface SchemaProblem {
  path: Array<string | number>;
  message: string;
}

type AjvConstructor = new (options: object) => Ajv;

const require = createRequire(import.meta.url);
const MODULES: Record<Dialect, string> = { 'draft-07': 'ajv', '2019-09': 'ajv/dist/2019.js', '2020-12': 'ajv/dist/2020.js' };
const MAX_PROBLEMS = 10;
const COMBINATORS = new Set(['anyOf', 'oneOf', 'allOf', 'not', 'if', 'then', 'else', '$ref', '$dynamicRef', '$recursiveRef']);

/** Keywords whose value is one subschema, an array of subschemas, or a map of names to subschemas. */
const ONE = new Set(['additionalItems', 'additionalProperties', 'contains', 'propertyNames', 'not', 'if', 'then', 'else', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema', 'items']);
const LIST = new Set(['items', 'prefixItems', 'allOf', 'anyOf', 'oneOf']);
const MAP = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas', 'dependencies']);

const instances = new Map<string, Ajv>();
const results = new Map<string, SchemaProblem[]>();
/** Checked schemas remembered at most (a suite rarely has more distinct schemas). */
const MAX_CACHED = 256;

function ajvFor(dialect: Dialect, strict: boolean, fresh = false): Ajv {
  const key = `${dialect}/${strict}`;
  let ajv = fresh ? undefined : instances.get(key);
  if (!ajv) {
    const { default: AjvClass } = require(MODULES[dialect]) as { default: AjvConstructor };
    // Same options as the evaluator (schema-cache.ts), plus strictSchema: unknown keywords and ignored
    // constructs are errors. `format` stays an annotation (validateFormats: false).
    ajv = new AjvClass({ allErrors: true, strict: false, strictSchema: strict, logger: false, validateFormats: false });
    if (!fresh) instances.set(key, ajv);
  }
  return ajv;
}

/**
 * The problems of `schema` (empty when it compiles). `strict: false` ignores unknown keywords and
 * other constructs ajv's strict mode rejects; meta-schema errors and unresolvable `$ref`s are always
 * problems. Schemas with an unsupported `$schema` are left to the dialect check. Results are cached.
 */
export function checkJsonSchema(schema: object | boolean, strict = true): SchemaProblem[] {
  if (typeof schema === 'boolean') return [];
  const dialect = dialectOf(schema);
  if (!dialect) return [];
  const key = `${strict}:${stableStringify(schema)}`;
  let problems = results.get(key);
  if (!problems) {
    problems = check(schema, dialect, strict);
    if (results.size >= MAX_CACHED) results.clear(); // a long-lived process (the SDK) keeps the cache bounded
    results.set(key, problems);
  }
  return problems;
}

function check(schema: object, dialect: Dialect, strict: boolean): SchemaProblem[] {
  const ajv = ajvFor(dialect, strict);
  if (!ajv.validateSchema(schema)) return metaSchemaProblems(schema, ajv.errors ?? []);
  const problems: SchemaProblem[] = [];
  const known = Object.keys(ajv.RULES.keywords).filter((k) => k !== '$async');
  // ajv stops at the first compile error: report it, take the offending keyword out of a copy and
  // compile again, so one run lists every unknown keyword.
  let current: object = schema;
  while (problems.length < MAX_PROBLEMS) {
    const error = compileError(current, dialect, strict);
    if (!error) break;
    const problem = describeCompileError(current, error, known, strict);
    problems.push(problem);
    if (problem.path.length === 0) break;
    current = without(current, problem.path);
  }
  return problems;
}

function compileError(schema: object, dialect: Dialect, strict: boolean): Error | undefined {
  const attempt = (ajv: Ajv): Error | undefined => {
    try {
      ajv.compile(schema);
      return undefined;
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    } finally {
      ajv.removeSchema(schema);
    }
  };
  const error = attempt(ajvFor(dialect, strict));
  // A schema whose $id another schema already registered gets its own instance.
  return error && /already exists/.test(error.message) ? attempt(ajvFor(dialect, strict, true)) : error;
}

function describeCompileError(schema: object, error: Error, known: string[], strict: boolean): SchemaProblem {
  const unknown = /^strict mode: unknown keyword: "(.*)"$/.exec(error.message);
  if (unknown) {
    const keyword = unknown[1]!;
    return {
      path: findKeyword(schema, (node) => Object.hasOwn(node, keyword), keyword) ?? [],
      message: `unknown JSON Schema keyword "${keyword}"${didYouMean(keyword, known)} (strict: false ignores unknown keywords)`,
    };
  }
  const strictMode = /^strict mode: (.*)$/.exec(error.message);
  if (strict && strictMode) {
    const keyword = /"([^"]+)"/.exec(strictMode[1]!)?.[1];
    const path = keyword === undefined ? undefined : findKeyword(schema, (node) => Object.hasOwn(node, keyword), keyword);
    return { path: path ?? [], message: `invalid JSON Schema: ${strictMode[1]} (strict: false ignores it)` };
  }
  const missing = /^can't resolve reference (.*) from id /.exec(error.message);
  if (missing) {
    const ref = missing[1]!;
    const path = findKeyword(schema, (node) => (node as Record<string, unknown>)['$ref'] === ref, '$ref');
    return { path: path ?? [], message: `invalid JSON Schema: can't resolve reference ${ref}` };
  }
  const regex = /^Invalid regular expression: \/(.*)\/[a-z]*: /s.exec(error.message);
  if (regex) {
    const source = regex[1]!;
    const path = findKeyword(schema, (node) => (node as Record<string, unknown>)['pattern'] === source, 'pattern');
    if (path) return { path, message: `invalid JSON Schema: ${error.message}` };
  }
  return { path: [], message: `invalid JSON Schema: ${error.message}` };
}

/**
 * The path of `keyword` in the first subschema (document order) that `matches`, walking only schema
 * positions: a `properties` map's keys are property names, `enum`/`const`/`default` values are data.
 */
function findKeyword(schema: object, matches: (node: object) => boolean, keyword: string): Array<string | number> | undefined {
  const visit = (node: unknown, path: Array<string | number>): Array<string | number> | undefined => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    if (matches(node)) return [...path, keyword];
    for (const [key, value] of Object.entries(node)) {
      let found: Array<string | number> | undefined;
      if (Array.isArray(value)) {
        if (LIST.has(key)) for (let i = 0; i < value.length && !found; i++) found = visit(value[i], [...path, key, i]);
      } else if (ONE.has(key)) {
        found = visit(value, [...path, key]);
      } else if (MAP.has(key) && value !== null && typeof value === 'object') {
        for (const [name, sub] of Object.entries(value)) if (!found) found = visit(sub, [...path, key, name]);
      }
      if (found) return found;
    }
    return undefined;
  };
  return visit(schema, []);
}

/** A deep copy of `schema` without the key at `path`. */
function without(schema: object, path: Array<string | number>): object {
  const copy = structuredClone(schema) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
  delete node[path[path.length - 1]!];
  return copy;
}

/**
 * Meta-schema errors, one per offending value: the deepest errors win over the `anyOf` branches that
 * led to them, and an `enum` error lists the allowed values (`type: strin` → did you mean "string"?).
 */
function metaSchemaProblems(schema: object, errors: readonly ErrorObject[]): SchemaProblem[] {
  const paths = [...new Set(errors.map((e) => e.instancePath))];
  const deepest = paths.filter((p) => !paths.some((q) => q !== p && q.startsWith(`${p}/`)));
  return deepest.slice(0, MAX_PROBLEMS).map((pointer) => {
    const here = errors.filter((e) => e.instancePath === pointer);
    const path = pathOf(schema, pointer);
    const value = valueAt(schema, path);
    const choice = here.find((e) => e.keyword === 'enum');
    const allowed = (choice?.params as { allowedValues?: unknown[] } | undefined)?.allowedValues;
    if (allowed) {
      const near = typeof value === 'string' ? didYouMean(value, allowed.filter((v): v is string => typeof v === 'string')) : '';
      return { path, message: `invalid JSON Schema: expected one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(value)}${near}` };
    }
    const first = here.find((e) => !COMBINATORS.has(e.keyword)) ?? here[0]!;
    return { path, message: `invalid JSON Schema: ${first.message ?? first.keyword}` };
  });
}

/** A JSON pointer as path segments (array indexes as numbers, as the suite locator wants them). */
function pathOf(schema: object, pointer: string): Array<string | number> {
  const path: Array<string | number> = [];
  let node: unknown = schema;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key = Array.isArray(node) && /^\d+$/.test(segment) ? Number(segment) : segment;
    path.push(key);
    node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
  }
  return path;
}

function valueAt(schema: object, path: Array<string | number>): unknown {
  let node: unknown = schema;
  for (const segment of path) node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[segment] : undefined;
  return node;
}
