import { describe, expect, it } from 'vitest';
import {
  ArtifactExistsConfigSchema,
  ContainsConfigSchema,
  JsonPathConfigSchema,
  RegexConfigSchema,
  SchemaConfigSchema,
  SectionsConfigSchema,
} from '../src/index.js';

describe('config schemas', () => {
  it('apply defaults', () => {
    expect(ContainsConfigSchema.parse({ pattern: 'x' })).toEqual({ pattern: 'x', regex: false, case_sensitive: true });
    expect(JsonPathConfigSchema.parse({ json_path: '$.a', equals: null })).toEqual({ json_path: '$.a', equals: null });
  });

  it('reject unknown keys (the original silently ignored them, §9 item 12)', () => {
    expect(ArtifactExistsConfigSchema.safeParse({ path: 'a', pattern: 'x' }).error?.issues).toEqual([
      { code: 'unrecognized_keys', keys: ['pattern'], path: [], message: 'Unrecognized key: "pattern"' },
    ]);
    expect(ContainsConfigSchema.safeParse({ pattern: 'x', ignore_case: true }).success).toBe(false);
  });

  it('reject bad types and missing keys', () => {
    expect(ArtifactExistsConfigSchema.safeParse({}).error?.issues).toEqual([
      { code: 'invalid_type', expected: 'string', path: ['path'], message: 'Invalid input: expected string, received undefined' },
    ]);
    expect(ContainsConfigSchema.safeParse({ pattern: 'x', regex: 'yes' }).error?.issues[0]?.path).toEqual(['regex']);
    expect(SectionsConfigSchema.safeParse({ sections: [] }).error?.issues).toEqual([
      { code: 'too_small', origin: 'array', minimum: 1, inclusive: true, path: ['sections'], message: 'list at least one section' },
    ]);
    expect(SchemaConfigSchema.safeParse({ schema: 'string' }).error?.issues[0]).toMatchObject({
      path: ['schema'],
      message: 'schema must be a JSON Schema object (or true/false)',
    });
  });

  it('reject invalid regular expressions at compile time', () => {
    expect(ContainsConfigSchema.safeParse({ pattern: '([a-z]', regex: true }).error?.issues).toEqual([
      { code: 'custom', path: ['pattern'], message: 'invalid regular expression /([a-z]/: Unterminated group' },
    ]);
    // Without regex: true the same text is a plain substring.
    expect(ContainsConfigSchema.safeParse({ pattern: '([a-z]' }).success).toBe(true);
    expect(RegexConfigSchema.safeParse({ pattern: 'a**' }).error?.issues).toEqual([
      { code: 'custom', path: ['pattern'], message: 'invalid regular expression /a**/: Nothing to repeat' },
    ]);
    expect(RegexConfigSchema.safeParse({ pattern: 'a', flags: 'ix' }).error?.issues).toEqual([
      { code: 'custom', path: ['flags'], message: 'invalid regular expression flags "ix" (allowed: d, g, i, m, s, u, v, y, each once)' },
    ]);
    expect(RegexConfigSchema.safeParse({ pattern: '\\p{L}+', flags: 'u' }).success).toBe(true);
  });

  it('reject invalid JSON paths and conflicting expectations', () => {
    expect(JsonPathConfigSchema.safeParse({ json_path: '$.a[x]' }).error?.issues).toEqual([
      { code: 'custom', path: ['json_path'], message: 'invalid JSON path "$.a[x]" at column 5: expected an array index or a quoted key after "["' },
    ]);
    expect(JsonPathConfigSchema.safeParse({ json_path: '$.a', equals: 1, absent: true }).error?.issues).toEqual([
      { code: 'custom', path: ['absent'], message: 'use only one of equals, exists, absent (got equals, absent)' },
    ]);
    expect(JsonPathConfigSchema.safeParse({ json_path: '$.a', exists: false }).error?.issues[0]?.message).toBe(
      'exists must be true (use absent: true for the opposite)',
    );
  });

  it('reject a JSON Schema that does not match its meta-schema, at the offending value', () => {
    const allowed = '"array", "boolean", "integer", "null", "number", "object", "string"';
    expect(SchemaConfigSchema.safeParse({ schema: { type: 'strin' } }).error?.issues).toEqual([
      { code: 'custom', path: ['schema', 'type'], message: `invalid JSON Schema: expected one of ${allowed}, got "strin" — did you mean "string"?` },
    ]);
    // Every offending value is reported; array indexes stay numbers for the suite locator.
    expect(SchemaConfigSchema.safeParse({ schema: { type: 'object', required: [1], properties: { a: { type: ['strin'] } } } }).error?.issues).toEqual([
      { code: 'custom', path: ['schema', 'required', 0], message: 'invalid JSON Schema: must be string' },
      { code: 'custom', path: ['schema', 'properties', 'a', 'type', 0], message: `invalid JSON Schema: expected one of ${allowed}, got "strin" — did you mean "string"?` },
    ]);
    // The 2020-12 meta-schema is used for a 2020-12 schema.
    expect(SchemaConfigSchema.safeParse({ schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', prefixItems: { type: 'string' } } }).error?.issues).toEqual([
      { code: 'custom', path: ['schema', 'prefixItems'], message: 'invalid JSON Schema: must be array' },
    ]);
  });

  it('reject unresolvable references and invalid patterns inside the schema', () => {
    expect(SchemaConfigSchema.safeParse({ schema: { $ref: '#/definitions/nope' } }).error?.issues).toEqual([
      { code: 'custom', path: ['schema', '$ref'], message: "invalid JSON Schema: can't resolve reference #/definitions/nope" },
    ]);
    expect(SchemaConfigSchema.safeParse({ schema: { type: 'object', properties: { a: { $ref: '#/definitions/a' } }, definitions: { a: { type: 'string' } } } }).success).toBe(true);
    expect(SchemaConfigSchema.safeParse({ schema: { type: 'object', properties: { a: { type: 'string', pattern: '(' } } } }).error?.issues).toEqual([
      { code: 'custom', path: ['schema', 'properties', 'a', 'pattern'], message: 'invalid JSON Schema: Invalid regular expression: /(/u: Unterminated group' },
    ]);
  });

  it('reject unknown keywords, every one, with the nearest known keyword', () => {
    const schema = { type: 'object', requird: ['id'], properties: { requird: { typ: 'string' }, n: { type: 'number', 'x-unit': 'ms' } } };
    expect(SchemaConfigSchema.safeParse({ schema }).error?.issues).toEqual([
      { code: 'custom', path: ['schema', 'requird'], message: 'unknown JSON Schema keyword "requird" — did you mean "required"? (strict: false ignores unknown keywords)' },
      { code: 'custom', path: ['schema', 'properties', 'requird', 'typ'], message: 'unknown JSON Schema keyword "typ" — did you mean "type"? (strict: false ignores unknown keywords)' },
      { code: 'custom', path: ['schema', 'properties', 'n', 'x-unit'], message: 'unknown JSON Schema keyword "x-unit" (strict: false ignores unknown keywords)' },
    ]);
    // A property named like a keyword typo, and keyword-like keys inside enum/const/default data, are fine.
    expect(SchemaConfigSchema.safeParse({ schema: { properties: { requird: { type: 'string', default: { typ: 1 } } }, enum: [{ requird: 1 }] } }).success).toBe(true);
    // Annotations and format (not validated: ajv-formats is not bundled) are known keywords.
    expect(SchemaConfigSchema.safeParse({ schema: { title: 't', description: 'd', $comment: 'c', examples: ['a'], type: 'string', format: 'no-such-format' } }).success).toBe(true);
    // Other constructs ajv would silently ignore are errors too.
    expect(SchemaConfigSchema.safeParse({ schema: { allOf: [{ then: { type: 'string' } }] } }).error?.issues).toEqual([
      { code: 'custom', path: ['schema', 'allOf', 0, 'then'], message: 'invalid JSON Schema: "then" without "if" is ignored (strict: false ignores it)' },
    ]);
  });

  it('strict: false ignores unknown keywords but still rejects invalid schemas', () => {
    expect(SchemaConfigSchema.parse({ schema: { type: 'object', requird: ['id'], 'x-unit': 'ms' }, strict: false })).toEqual({
      schema: { type: 'object', requird: ['id'], 'x-unit': 'ms' },
      strict: false,
    });
    expect(SchemaConfigSchema.safeParse({ schema: { type: 'strin', requird: [] }, strict: false }).error?.issues.map((i) => i.path)).toEqual([['schema', 'type']]);
    expect(SchemaConfigSchema.safeParse({ schema: { $ref: '#/nope' }, strict: false }).error?.issues.map((i) => i.path)).toEqual([['schema', '$ref']]);
    expect(SchemaConfigSchema.safeParse({ schema: { requird: [] }, strict: true }).success).toBe(false);
  });

  it('reject an unsupported $schema at compile time', () => {
    expect(SchemaConfigSchema.safeParse({ schema: { $schema: 'http://json-schema.org/draft-04/schema#' } }).error?.issues).toEqual([
      { code: 'custom', path: ['schema'], message: 'unsupported $schema "http://json-schema.org/draft-04/schema#" (supported: draft-07, 2019-09, 2020-12)' },
    ]);
  });
});
