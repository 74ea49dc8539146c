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

  it('reject an unsupported $schema at compile time', () => {
    expect(SchemaConfigSchema.safeParse({ schema: { $schema: 'http://json-schema.org/draft-04/schema#' } }).error?.issues).toEqual([
      { code: 'custom', path: ['schema'], message: 'unsupported $schema "http://json-schema.org/draft-04/schema#" (supported: draft-07, 2019-09, 2020-12)' },
    ]);
  });
});
