import { describe, expect, it } from 'vitest';
import {
  ATPEventSchema,
  ATPRequestSchema,
  ATPResponseSchema,
  parseEvent,
  parseRequest,
  parseResponse,
} from '../../src/protocol/index.js';
import type { ParseResult } from '../../src/protocol/index.js';
import { loadFixtures } from './fixtures.js';
import type { MessageKind } from './fixtures.js';

interface Kind {
  kind: MessageKind;
  schema: { safeParse(data: unknown): { success: boolean } };
  parse: (raw: unknown) => ParseResult<unknown>;
}

const kinds: Kind[] = [
  { kind: 'requests', schema: ATPRequestSchema, parse: parseRequest },
  { kind: 'responses', schema: ATPResponseSchema, parse: parseResponse },
  { kind: 'events', schema: ATPEventSchema, parse: parseEvent },
];

describe.each(kinds)('protocol conformance: $kind', ({ kind, schema, parse }) => {
  const valid = loadFixtures(kind, 'valid');
  const invalid = loadFixtures(kind, 'invalid');

  it('has enough fixtures', () => {
    expect(valid.length).toBeGreaterThanOrEqual(10);
    expect(invalid.length).toBeGreaterThanOrEqual(15);
    for (const entry of invalid) expect(entry.expected_error, entry.description).toBeTruthy();
  });

  it.each(valid.map((f) => [f.description, f] as const))('accepts: %s', (_name, fixture) => {
    const result = parse(fixture.data);
    expect(result.ok ? '' : result.message).toBe('');
    expect(schema.safeParse(fixture.data).success).toBe(true);
  });

  it.each(invalid.map((f) => [f.description, f] as const))('rejects: %s', (_name, fixture) => {
    expect(schema.safeParse(fixture.data).success).toBe(false);
    const result = parse(fixture.data);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain(fixture.expected_error);
      expect(result.message).not.toContain('\n');
    }
  });
});
