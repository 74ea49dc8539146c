import { ATPResponseSchema } from '@atp/kernel';
import { describe, expect, it } from 'vitest';
import { fitTexts, selectTargets, truncateMiddle } from '../src/targets.js';

const artifacts = ATPResponseSchema.parse({
  task_id: 't',
  status: 'completed',
  artifacts: [
    { path: 'a.md', content: 'alpha' },
    { type: 'structured', name: 'stats', data: { n: 1 } },
    { type: 'reference', path: 'big.bin' },
    { path: 'empty.txt' },
  ],
}).artifacts;

describe('selectTargets', () => {
  it('takes every artifact with text: file content, structured data pretty-printed', () => {
    expect(selectTargets(artifacts, undefined)).toEqual({ ok: true, targets: [{ id: 'a.md', text: 'alpha' }, { id: 'stats', text: '{\n  "n": 1\n}' }] });
  });

  it('takes the named artifacts, and says what is missing or has no text', () => {
    expect(selectTargets(artifacts, ['stats'])).toEqual({ ok: true, targets: [{ id: 'stats', text: '{\n  "n": 1\n}' }] });
    expect(selectTargets(artifacts, ['b.md'])).toEqual({ ok: false, message: 'artifact "b.md" not found; available: a.md, stats, big.bin, empty.txt' });
    expect(selectTargets(artifacts, ['big.bin'])).toEqual({ ok: false, message: 'artifact "big.bin" has no text to judge (a reference: its content is not available)' });
    expect(selectTargets([], undefined)).toEqual({ ok: false, message: 'no artifact has text to judge; the response has no artifacts' });
  });
});

describe('truncation', () => {
  it('keeps the head and the tail around a marker, within the limit', () => {
    const text = 'a'.repeat(600) + 'b'.repeat(400);
    const cut = truncateMiddle(text, 300);
    expect(cut.length).toBeLessThanOrEqual(300);
    expect(cut).toMatch(/^a+\n\[… \d+ characters omitted …\]\nb+$/);
    expect(truncateMiddle('short', 300)).toBe('short');
  });

  it('shares the budget: short texts stay whole, long ones split what is left', () => {
    const out = fitTexts([{ id: 'long', text: 'x'.repeat(5000) }, { id: 'short', text: 'y'.repeat(100) }, { id: 'mid', text: 'z'.repeat(3000) }], 2100);
    expect(out.map((t) => [t.id, t.truncated, t.chars, t.text.length <= 1000])).toEqual([
      ['long', true, 5000, true],
      ['short', false, 100, true],
      ['mid', true, 3000, true],
    ]);
    expect(out.reduce((s, t) => s + t.text.length, 0)).toBeLessThanOrEqual(2100);
  });
});
