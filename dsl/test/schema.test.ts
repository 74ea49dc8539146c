import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suiteJsonSchema } from '../src/schema/json-schema.js';

describe('suite JSON Schema', () => {
  it('matches the committed schemas/suite.schema.json (run `npm run -w @atp/dsl schema` after changing the zod schemas)', () => {
    const committed = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'schemas', 'suite.schema.json'), 'utf8')) as unknown;
    expect(suiteJsonSchema()).toEqual(committed);
  });

  it('is strict and requires the suite name and tests', () => {
    const schema = suiteJsonSchema() as { required: string[]; additionalProperties: boolean; properties: Record<string, unknown> };
    expect(schema.required).toEqual(['test_suite', 'tests']);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(['test_suite', 'version', 'description', 'defaults', 'agents', 'tests']);
  });
});
