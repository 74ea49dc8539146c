import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ATPResponseSchema } from '../../src/protocol/response.js';
import { FAST_PATH_ENABLED, fastParseResponse } from '../../src/protocol/response-fast-path.js';
import { hasParentSegment } from '../../src/protocol/common.js';
import { parseResponse } from '../../src/protocol/lenient.js';

/** Keys and values in order, undefined values and -0 included: what "the same output" means here. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (typeof value === 'object' && value !== null) return Object.entries(value).map(([k, v]) => [k, shape(v)]);
  if (Object.is(value, -0)) return '-0';
  if (value === undefined) return '<undefined>';
  return value;
}

const str = (max: number) =>
  fc.oneof(
    { arbitrary: fc.stringMatching(/^[a-z]{1,6}(\/[a-z]{1,6})?$/), weight: 4 },
    fc.string({ maxLength: 12 }),
    fc.constantFrom('', ' ', '  a  ', 'a\0b', '..', '../x', 'a/../b', 'a\\..\\b', 'a..b', '...', '/abs', '\\root', 'C:\\x', 'c:/x', 'C:x', 'out.txt', ' out.txt '),
    fc.integer({ min: Math.max(0, max - 2), max: max + 2 }).map((n) => 'x'.repeat(n)),
    fc.integer({ min: Math.max(0, max - 2), max: max + 2 }).map((n) => ` ${'y'.repeat(n)} `),
  );
const number = fc.oneof(
  { arbitrary: fc.nat(1000), weight: 4 },
  fc.integer({ min: -3, max: 5 }),
  fc.constantFrom(0.5, -0, Number.NaN, Number.POSITIVE_INFINITY, -1.5, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 1e300),
  fc.double(),
);
const other = fc.constantFrom<unknown>(true, [], {}, 'text', 3);
/** A field value: absent (the key is dropped), undefined, null, a typical value or a wrong type. */
const field = <T,>(typical: fc.Arbitrary<T>) =>
  fc.oneof(
    { arbitrary: fc.constant('<absent>'), weight: 6 },
    { arbitrary: fc.constant(undefined), weight: 1 },
    { arbitrary: fc.constant(null), weight: 1 },
    { arbitrary: typical, weight: 3 },
    { arbitrary: other, weight: 1 },
  );

function build(entries: Record<string, unknown>, proto: 'plain' | 'null' | 'class'): Record<string, unknown> {
  class Custom {}
  const out: Record<string, unknown> = proto === 'null' ? Object.create(null) : proto === 'class' ? (new Custom() as Record<string, unknown>) : {};
  for (const [k, v] of Object.entries(entries)) if (v !== '<absent>') out[k] = v;
  return out;
}

const protoArb = fc.constantFrom<'plain' | 'null' | 'class'>('plain', 'plain', 'plain', 'plain', 'plain', 'plain', 'null', 'class');
const artifact = fc
  .record({
    entries: fc.record({
      type: fc.oneof(fc.constant('<absent>'), fc.constant(undefined), fc.constantFrom('file', 'file', 'file', 'file', 'structured', 'reference', 'other')),
      path: fc.oneof({ arbitrary: str(4096), weight: 8 }, fc.constant('<absent>'), other),
      name: field(str(256)),
      data: field(fc.constantFrom({}, { a: 1 })),
      content_type: field(str(256)),
      size_bytes: field(number),
      content_hash: field(str(128)),
      content: field(str(8)),
      extra: field(fc.string()),
    }),
    proto: protoArb,
  })
  .map(({ entries, proto }) => build(entries, proto));
const metrics = fc
  .record({
    entries: fc.record({
      total_tokens: field(number),
      input_tokens: field(number),
      output_tokens: field(number),
      cache_creation_tokens: field(number),
      cache_read_tokens: field(number),
      total_steps: field(number),
      tool_calls: field(number),
      llm_calls: field(number),
      wall_time_seconds: field(number),
      cost_usd: field(number),
      unknown_metric: field(number),
    }),
    proto: protoArb,
  })
  .map(({ entries, proto }) => build(entries, proto));
const response = fc
  .record({
    entries: fc.record({
      version: fc.oneof(fc.constant('<absent>'), fc.constant(undefined), fc.constantFrom('1.0', '1.0', '2.0', '', 1)),
      task_id: fc.oneof({ arbitrary: str(128), weight: 8 }, fc.constant('<absent>'), other),
      status: fc.oneof({ arbitrary: fc.constantFrom('completed', 'failed', 'timeout', 'cancelled', 'partial', 'done', ''), weight: 8 }, fc.constant('<absent>'), other),
      artifacts: fc.oneof(fc.constant('<absent>'), fc.constant(undefined), fc.constant(null), { arbitrary: fc.array(artifact, { maxLength: 3 }), weight: 6 }, other),
      metrics: fc.oneof(fc.constant('<absent>'), fc.constant(undefined), fc.constant(null), { arbitrary: metrics, weight: 6 }, other),
      error: field(str(10_000)),
      trace_id: field(str(256)),
      extra: field(fc.string()),
    }),
    proto: protoArb,
  })
  .map(({ entries, proto }) => build(entries, proto));

describe('the response fast path', () => {
  it('is enabled: it knows every field of the response, file artifact and metrics schemas', () => {
    expect(FAST_PATH_ENABLED).toBe(true);
  });

  it('gives exactly the schema output (values, keys, key order) whenever it accepts an input', () => {
    let accepted = 0;
    let total = 0;
    fc.assert(
      fc.property(response, (raw) => {
        total++;
        const fast = fastParseResponse(raw);
        if (fast === undefined) return;
        accepted++;
        const schema = ATPResponseSchema.safeParse(raw);
        expect(schema.success).toBe(true);
        expect(shape(fast)).toEqual(shape(schema.data));
        expect(fast).toStrictEqual(schema.data);
      }),
      { numRuns: 20_000 },
    );
    // The generator is biased towards valid fields so that the comparison really runs, not only the fallback.
    expect(accepted).toBeGreaterThan(total / 50);
  });

  it('accepts every file-artifact response the schema accepts when its fields are plain values', () => {
    const typical = fc.record({
      task_id: fc.stringMatching(/^[a-z0-9-]{1,20}$/),
      status: fc.constantFrom('completed', 'failed', 'timeout', 'cancelled', 'partial'),
      artifacts: fc.array(fc.record({ path: fc.stringMatching(/^[a-z]{1,8}(\/[a-z]{1,8}){0,2}\.txt$/), content: fc.string() }), { maxLength: 4 }),
      metrics: fc.record({ total_steps: fc.nat(), cost_usd: fc.double({ min: 0, max: 10, noNaN: true }) }),
    });
    fc.assert(
      fc.property(typical, (raw) => {
        const fast = fastParseResponse(raw);
        expect(fast).toStrictEqual(ATPResponseSchema.parse(raw));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves structured and reference artifacts, and every invalid response, to the schema', () => {
    expect(fastParseResponse({ task_id: 't', status: 'completed', artifacts: [{ type: 'structured', name: 'n', data: {} }] })).toBeUndefined();
    expect(fastParseResponse({ task_id: 't', status: 'completed', artifacts: [{ type: 'reference', path: 'https://x' }] })).toBeUndefined();
    expect(fastParseResponse({ task_id: 't', status: 'completed', artifacts: [{ path: '../up' }] })).toBeUndefined();
    expect(fastParseResponse({ task_id: '   ', status: 'completed' })).toBeUndefined();
    expect(fastParseResponse({ task_id: 't', status: 'done' })).toBeUndefined();
    expect(fastParseResponse({ task_id: 't', status: 'completed', metrics: { total_tokens: 1.5 } })).toBeUndefined();
    // parseResponse still words the error through the schema.
    const parsed = parseResponse({ task_id: 't', status: 'completed', artifacts: [{ path: '../up' }] });
    expect(parsed).toMatchObject({ ok: false, message: "artifacts[0].path: artifact path must not contain a '..' segment: \"../up\"" });
  });

  it('is what parseResponse returns for a canonical response', () => {
    const raw = { version: '1.0', task_id: ' t-1 ', status: 'completed', artifacts: [{ type: 'file', path: ' out.txt ', content: 'ok' }], metrics: { total_steps: 1, extra: 2 }, note: 'x' };
    expect(parseResponse(raw)).toEqual({
      ok: true,
      value: { version: '1.0', task_id: 't-1', status: 'completed', artifacts: [{ type: 'file', path: 'out.txt', content: 'ok' }], metrics: { total_steps: 1 }, error: null, trace_id: null },
    });
  });
});

describe('hasParentSegment', () => {
  it('agrees with splitting on / and \\ and looking for a ".." segment', () => {
    const reference = (p: string) => p.replace(/\\/g, '/').split('/').includes('..');
    const pathLike = fc.array(fc.constantFrom('..', '.', '...', 'a', '..a', 'a..', '/', '\\', ' ', ''), { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(pathLike, fc.string()), (p) => {
        expect(hasParentSegment(p)).toBe(reference(p));
      }),
      { numRuns: 5000 },
    );
  });
});
