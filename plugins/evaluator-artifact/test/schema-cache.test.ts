import { describe, expect, it } from 'vitest';
import { compileSchema } from '../src/schema-cache.js';

describe('compileSchema', () => {
  it('compiles an equal schema once, whatever its key order or object identity', () => {
    const a = compileSchema({ type: 'object', properties: { n: { type: 'number', minimum: 0 } } });
    const b = compileSchema({ properties: { n: { minimum: 0, type: 'number' } }, type: 'object' });
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(b.validate).toBe(a.validate);
  });

  it('returns the cached result for the same object without re-serialising', () => {
    const schema = { type: 'string' };
    expect(compileSchema(schema)).toBe(compileSchema(schema));
  });

  it('keeps different schemas apart', () => {
    const a = compileSchema({ type: 'string' });
    const b = compileSchema({ type: 'number' });
    expect(a.ok && b.ok && a.validate !== b.validate).toBe(true);
  });

  it('caches compile failures too', () => {
    const broken = { type: 'nonsense-type' };
    const first = compileSchema(broken);
    expect(first).toEqual({ ok: false, error: expect.stringContaining('schema is invalid') });
    expect(compileSchema({ type: 'nonsense-type' })).toBe(first);
  });

  it('compiles two different schemas that share an $id', () => {
    const a = compileSchema({ $id: 'https://example.com/s', type: 'string' });
    const b = compileSchema({ $id: 'https://example.com/s', type: 'number' });
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect([a.validate('x'), b.validate(1), b.validate('x')]).toEqual([true, true, false]);
  });

  it('picks the dialect from $schema', () => {
    const draft7 = compileSchema({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'array', items: [{ type: 'string' }], additionalItems: false });
    const d2020 = compileSchema({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'array', prefixItems: [{ type: 'string' }], items: false });
    expect(draft7.ok && draft7.validate(['a']) && !draft7.validate(['a', 'b'])).toBe(true);
    expect(d2020.ok && d2020.validate(['a']) && !d2020.validate(['a', 'b'])).toBe(true);
  });

  it('rejects an unsupported $schema', () => {
    expect(compileSchema({ $schema: 'http://json-schema.org/draft-04/schema#' })).toEqual({
      ok: false,
      error: 'unsupported $schema "http://json-schema.org/draft-04/schema#" (supported: draft-07, 2019-09, 2020-12)',
    });
  });
});
