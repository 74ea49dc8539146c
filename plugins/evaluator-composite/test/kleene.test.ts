import fc from 'fast-check';
import type { Comparator } from '@atp/kernel';
import { describe, expect, it } from 'vitest';
import { compareIntervals, complementInterval, finalScore, kleeneAnd, kleeneNot, kleeneOr, maxInterval, meanInterval, type Verdict } from '../src/kleene.js';

const verdict = fc.constantFrom<Verdict>('pass', 'fail', 'unevaluated');
const comparator = fc.constantFrom<Comparator>('>', '>=', '<', '<=', '==', '!=');
const unit = fc.double({ min: 0, max: 1, noNaN: true });
const interval = fc.tuple(unit, unit).map(([a, b]) => ({ lo: Math.min(a, b), hi: Math.max(a, b) }));

function plain(op: Comparator, x: number, y: number): boolean {
  switch (op) {
    case '>': return x > y;
    case '>=': return x >= y;
    case '<': return x < y;
    case '<=': return x <= y;
    case '==': return Math.abs(x - y) <= 1e-9;
    case '!=': return Math.abs(x - y) > 1e-9;
  }
}

describe('Kleene connectives', () => {
  it('have the strong Kleene truth tables', () => {
    const V: Verdict[] = ['pass', 'fail', 'unevaluated'];
    expect(V.map((a) => V.map((b) => kleeneAnd([a, b])))).toEqual([
      ['pass', 'fail', 'unevaluated'],
      ['fail', 'fail', 'fail'],
      ['unevaluated', 'fail', 'unevaluated'],
    ]);
    expect(V.map((a) => V.map((b) => kleeneOr([a, b])))).toEqual([
      ['pass', 'pass', 'pass'],
      ['pass', 'fail', 'unevaluated'],
      ['pass', 'unevaluated', 'unevaluated'],
    ]);
    expect(V.map(kleeneNot)).toEqual(['fail', 'pass', 'unevaluated']);
    expect([kleeneAnd([]), kleeneOr([])]).toEqual(['pass', 'fail']);
  });

  it('satisfy De Morgan and double negation', () => {
    fc.assert(
      fc.property(fc.array(verdict, { maxLength: 5 }), (vs) => {
        expect(kleeneNot(kleeneAnd(vs))).toBe(kleeneOr(vs.map(kleeneNot)));
        expect(vs.map((v) => kleeneNot(kleeneNot(v)))).toEqual(vs);
      }),
    );
  });
});

describe('intervals', () => {
  it('combine by mean (AND), max (OR) and complement (NOT)', () => {
    expect(meanInterval([{ lo: 1, hi: 1 }, { lo: 0, hi: 1 }])).toEqual({ lo: 0.5, hi: 1 });
    expect(maxInterval([{ lo: 0.2, hi: 0.2 }, { lo: 0, hi: 1 }])).toEqual({ lo: 0.2, hi: 1 });
    expect(complementInterval({ lo: 0.25, hi: 0.5 })).toEqual({ lo: 0.5, hi: 0.75 });
    expect([meanInterval([]), maxInterval([])]).toEqual([{ lo: 1, hi: 1 }, { lo: 0, hi: 0 }]);
  });

  it('compare like plain numbers on points', () => {
    fc.assert(
      fc.property(comparator, unit, unit, (op, x, y) => {
        expect(compareIntervals(op, { lo: x, hi: x }, { lo: y, hi: y })).toBe(plain(op, x, y) ? 'pass' : 'fail');
      }),
    );
  });

  it('decide a comparison only when every pair of values agrees', () => {
    fc.assert(
      fc.property(comparator, interval, interval, unit, unit, (op, a, b, s, t) => {
        const verdict = compareIntervals(op, a, b);
        const x = a.lo + s * (a.hi - a.lo);
        const y = b.lo + t * (b.hi - b.lo);
        if (verdict === 'pass') expect(plain(op, x, y) || op === '==' || op === '!=').toBe(true);
        if (verdict === 'fail' && op !== '==' && op !== '!=') expect(plain(op, x, y)).toBe(false);
      }),
    );
    expect(compareIntervals('>=', { lo: 0, hi: 1 }, { lo: 0.8, hi: 0.8 })).toBe('unevaluated');
    expect(compareIntervals('>=', { lo: 0.85, hi: 1 }, { lo: 0.8, hi: 0.8 })).toBe('pass');
    expect(compareIntervals('<', { lo: 0.85, hi: 1 }, { lo: 0.8, hi: 0.8 })).toBe('fail');
    // Comparing the two ends only would say FAIL here; 0.5 may lie inside [0, 1].
    expect(compareIntervals('==', { lo: 0, hi: 1 }, { lo: 0.5, hi: 0.5 })).toBe('unevaluated');
    expect(compareIntervals('!=', { lo: 0, hi: 0.4 }, { lo: 0.5, hi: 0.5 })).toBe('pass');
    expect(compareIntervals('==', { lo: 0.1 + 0.2, hi: 0.1 + 0.2 }, { lo: 0.3, hi: 0.3 })).toBe('pass');
  });

  it('score a point interval by its value, a wide decided one by its verdict', () => {
    expect(finalScore('pass', { lo: 0.75, hi: 0.75 })).toBe(0.75);
    expect(finalScore('pass', { lo: 0.5, hi: 1 })).toBe(1);
    expect(finalScore('fail', { lo: 0, hi: 0.5 })).toBe(0);
  });
});
