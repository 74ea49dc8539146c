import { parseJsonPath } from '@atp/kernel';
/**
 * Config schemas of the artifact assertion types. The compiler parses each assertion's config
 * with its schema (unknown keys are errors, defaults applied); evaluators receive the parsed value.
 * This module is imported by the plugin index, so it holds zod schemas only: ajv is required by
 * schema-check.ts only when a `schema` config is parsed.
 */
import { z } from 'zod';
import { compileRegex } from './compile-regex.js';
import { checkJsonSchema } from './schema-check.js';
import { dialectOf, unsupportedDialectMessage } from './schema-dialect.js';

const artifactPath = z.string().min(1, { error: 'artifact path cannot be empty' });

/** A JSON path in the grammar of json-path.ts, checked when the suite is compiled. */
export const JsonPathStringSchema = z
  .string()
  .superRefine((path, ctx) => {
    const parsed = parseJsonPath(path);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
  })
  .describe('JSON path: $ followed by .key, [index] or ["key"] segments');

/** `artifact_exists`: an artifact with this path (file/reference) or name (structured) exists. */
export const ArtifactExistsConfigSchema = z
  .strictObject({
    path: artifactPath.describe('Artifact path or structured artifact name'),
  })
  .describe('An artifact with this path or name exists');

/** `contains`: some artifact's text contains `pattern` (a substring, or a regex with `regex: true`). */
export const ContainsConfigSchema = z
  .strictObject({
    pattern: z.string().min(1, { error: 'pattern cannot be empty' }).describe('Substring, or a regular expression when regex is true'),
    regex: z.boolean().default(false).describe('Treat pattern as a JavaScript regular expression'),
    path: artifactPath.optional().describe('Only look at this artifact (default: every artifact with text)'),
    case_sensitive: z.boolean().default(true).describe('Match case (default true)'),
  })
  .superRefine((config, ctx) => {
    if (!config.regex) return;
    const compiled = compileRegex(config.pattern, config.case_sensitive ? '' : 'i');
    if (!compiled.ok) ctx.addIssue({ code: 'custom', path: ['pattern'], message: compiled.error });
  })
  .describe('An artifact contains a substring or regular expression match');

/** `regex`: some artifact's text matches a JavaScript regular expression. */
export const RegexConfigSchema = z
  .strictObject({
    pattern: z.string().min(1, { error: 'pattern cannot be empty' }).describe('JavaScript regular expression source'),
    path: artifactPath.optional().describe('Only look at this artifact (default: every artifact with text)'),
    flags: z.string().optional().describe('RegExp flags, e.g. "i", "m", "s", "u"'),
  })
  .superRefine((config, ctx) => {
    if (config.flags !== undefined && !compileRegex('', config.flags).ok) {
      ctx.addIssue({ code: 'custom', path: ['flags'], message: `invalid regular expression flags ${JSON.stringify(config.flags)} (allowed: d, g, i, m, s, u, v, y, each once)` });
      return;
    }
    const compiled = compileRegex(config.pattern, config.flags ?? '');
    if (!compiled.ok) ctx.addIssue({ code: 'custom', path: ['pattern'], message: compiled.error });
  })
  .describe('An artifact matches a regular expression');

/** `schema`: a structured artifact's data (or a JSON file artifact) validates against a JSON Schema. */
export const SchemaConfigSchema = z
  .strictObject({
    schema: z
      .union([z.record(z.string(), z.unknown()), z.boolean()], { error: 'schema must be a JSON Schema object (or true/false)' })
      .refine((schema) => dialectOf(schema) !== undefined, { error: (iss) => unsupportedDialectMessage(iss.input as object) })
      .describe('JSON Schema (draft-07 by default; 2020-12 and 2019-09 via $schema)'),
    path: artifactPath.optional().describe('Artifact to validate (default: the first structured artifact, else the first JSON file artifact)'),
    strict: z.boolean().optional().describe('Reject unknown JSON Schema keywords and constructs ajv would ignore (default true)'),
  })
  .superRefine((config, ctx) => {
    // The schema itself must compile: meta-schema errors, unresolvable $refs and (unless strict: false)
    // unknown keywords are compile-time errors located inside the schema, not failures at run time.
    for (const problem of checkJsonSchema(config.schema, config.strict !== false)) {
      ctx.addIssue({ code: 'custom', path: ['schema', ...problem.path], message: problem.message });
    }
  })
  .describe('Artifact data validates against a JSON Schema');

/** `json_path`: a value inside an artifact's JSON equals a value, exists, or is absent. */
export const JsonPathConfigSchema = z
  .strictObject({
    json_path: JsonPathStringSchema,
    path: artifactPath.optional().describe('Artifact to read (default: the first structured artifact, else the first JSON file artifact)'),
    equals: z.unknown().optional().describe('Expected value (deep equality)'),
    exists: z.literal(true, { error: 'exists must be true (use absent: true for the opposite)' }).optional().describe('The path must exist'),
    absent: z.literal(true, { error: 'absent must be true (use exists: true for the opposite)' }).optional().describe('The path must not exist'),
  })
  .superRefine((config, ctx) => {
    const given = (['equals', 'exists', 'absent'] as const).filter((k) => k in config);
    if (given.length > 1) ctx.addIssue({ code: 'custom', path: [given[1]!], message: `use only one of equals, exists, absent (got ${given.join(', ')})` });
  })
  .describe('A value inside an artifact equals a value, exists or is absent');

/** `sections`: the artifact has each listed section (as a Markdown heading or in its text). */
export const SectionsConfigSchema = z
  .strictObject({
    sections: z.array(z.string().min(1, { error: 'a section name cannot be empty' })).min(1, { error: 'list at least one section' }).describe('Section titles'),
    path: artifactPath.optional().describe('Artifact to check (default: the first artifact with text)'),
  })
  .describe('An artifact has the listed sections');

/** Parsed `artifact_exists` config. */
export type ArtifactExistsConfig = z.output<typeof ArtifactExistsConfigSchema>;
/** Parsed `contains` config. */
export type ContainsConfig = z.output<typeof ContainsConfigSchema>;
/** Parsed `regex` config. */
export type RegexConfig = z.output<typeof RegexConfigSchema>;
/** Parsed `schema` config. */
export type SchemaConfig = z.output<typeof SchemaConfigSchema>;
/** Parsed `json_path` config. */
export type JsonPathConfig = z.output<typeof JsonPathConfigSchema>;
/** Parsed `sections` config. */
export type SectionsConfig = z.output<typeof SectionsConfigSchema>;

/** The config schema of each artifact assertion type. */
export const ARTIFACT_CONFIG_SCHEMAS = {
  artifact_exists: ArtifactExistsConfigSchema,
  contains: ContainsConfigSchema,
  regex: RegexConfigSchema,
  schema: SchemaConfigSchema,
  json_path: JsonPathConfigSchema,
  sections: SectionsConfigSchema,
} as const;

/** An artifact assertion type. */
export type ArtifactAssertionType = keyof typeof ARTIFACT_CONFIG_SCHEMAS;
