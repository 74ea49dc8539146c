/**
 * Three-valued (Kleene) logic with score intervals (reference §3.11). Every condition has a verdict
 * and an interval [lo, hi] bounding its score; an undecided leaf is (UNEVALUATED, [0, 1]).
 */
import type { Comparator } from '@atp/kernel';

/** A condition's truth value. */
export type Verdict = 'pass' | 'fail' | 'unevaluated';

/** Bounds of a score or number. */
export interface Interval {
  lo: number;
  hi: number;
}

/** AND: any FAIL → FAIL, else any UNEVALUATED → UNEVALUATED, else PASS (empty → PASS). */
export function kleeneAnd(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes('fail')) return 'fail';
  return verdicts.includes('unevaluated') ? 'unevaluated' : 'pass';
}

/** OR: any PASS → PASS, else any UNEVALUATED → UNEVALUATED, else FAIL (empty → FAIL). */
export function kleeneOr(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes('pass')) return 'pass';
  return verdicts.includes('unevaluated') ? 'unevaluated' : 'fail';
}

/** NOT: flips PASS and FAIL; UNEVALUATED stays. */
export function kleeneNot(verdict: Verdict): Verdict {
  return verdict === 'pass' ? 'fail' : verdict === 'fail' ? 'pass' : 'unevaluated';
}

/** The interval of AND: the mean of the bounds ([1, 1] when empty). */
export function meanInterval(intervals: readonly Interval[]): Interval {
  if (intervals.length === 0) return { lo: 1, hi: 1 };
  const sum = intervals.reduce((acc, i) => ({ lo: acc.lo + i.lo, hi: acc.hi + i.hi }), { lo: 0, hi: 0 });
  return { lo: sum.lo / intervals.length, hi: sum.hi / intervals.length };
}

/** The interval of OR: the max of the bounds ([0, 0] when empty). */
export function maxInterval(intervals: readonly Interval[]): Interval {
  if (intervals.length === 0) return { lo: 0, hi: 0 };
  return { lo: Math.max(...intervals.map((i) => i.lo)), hi: Math.max(...intervals.map((i) => i.hi)) };
}

/** The interval of NOT: [1 − hi, 1 − lo]. */
export function complementInterval(interval: Interval): Interval {
  return { lo: 1 - interval.hi, hi: 1 - interval.lo };
}

const EPSILON = 1e-9;

/**
 * Compare two intervals: PASS when the comparison holds for every pair of values in them, FAIL when
 * it holds for none, UNEVALUATED otherwise. For points this is the plain comparison; for `<`/`>`
 * family it is the reference's "both ends agree"; for `==`/`!=` on a wide interval it is sound
 * (0.5 may lie inside [0, 1]) where comparing the two ends only would not be. `==` allows 1e-9.
 */
export function compareIntervals(op: Comparator, a: Interval, b: Interval): Verdict {
  const all = holdsForAll(op, a, b);
  const any = holdsForAny(op, a, b);
  return all ? 'pass' : any ? 'unevaluated' : 'fail';
}

function holdsForAll(op: Comparator, a: Interval, b: Interval): boolean {
  switch (op) {
    case '>':
      return a.lo > b.hi;
    case '>=':
      return a.lo >= b.hi;
    case '<':
      return a.hi < b.lo;
    case '<=':
      return a.hi <= b.lo;
    case '==':
      return a.hi - a.lo <= EPSILON && b.hi - b.lo <= EPSILON && Math.abs(a.lo - b.lo) <= EPSILON;
    case '!=':
      return !overlaps(a, b);
  }
}

function holdsForAny(op: Comparator, a: Interval, b: Interval): boolean {
  switch (op) {
    case '>':
      return a.hi > b.lo;
    case '>=':
      return a.hi >= b.lo;
    case '<':
      return a.lo < b.hi;
    case '<=':
      return a.lo <= b.hi;
    case '==':
      return overlaps(a, b);
    case '!=':
      return !holdsForAll('==', a, b);
  }
}

function overlaps(a: Interval, b: Interval): boolean {
  return a.lo <= b.hi + EPSILON && b.lo <= a.hi + EPSILON;
}

/** The interval of a decided or undecided boolean: [1, 1], [0, 0] or [0, 1]. */
export function booleanInterval(verdict: Verdict): Interval {
  return verdict === 'pass' ? { lo: 1, hi: 1 } : verdict === 'fail' ? { lo: 0, hi: 0 } : { lo: 0, hi: 1 };
}

/** The final score: the interval's point when it is one, else 1 / 0 by the decided verdict. */
export function finalScore(verdict: Verdict, interval: Interval): number {
  if (interval.hi - interval.lo <= EPSILON) return Math.min(1, Math.max(0, interval.lo));
  return verdict === 'pass' ? 1 : 0;
}
