import { describe, expect, it } from 'vitest';
import { runPassed } from '../src/runner/run-plan.js';
import type { EvalResult } from '../src/results.js';

const result = (assertion: string, passed: boolean, skipped = false): EvalResult => ({
  assertion,
  type: assertion === 'c' ? 'composite' : 'contains',
  passed,
  score: passed ? 1 : 0,
  checks: [],
  critical: false,
  ...(skipped ? { skipped: { reason: 'indeterminate', message: 'cannot decide' } } : {}),
});

describe('runPassed', () => {
  const referenced = new Map([['bye', ['c']]]);

  it('leaves a failed referenced assertion to the composite that decided', () => {
    expect(runPassed([result('bye', false), result('c', true)], referenced)).toBe(true);
    expect(runPassed([result('bye', false), result('c', false)], referenced)).toBe(false);
  });

  it("keeps the assertion's own failure when every composite deciding it was undecided", () => {
    expect(runPassed([result('bye', false), result('judge', false, true), result('c', false, true)], referenced)).toBe(false);
  });

  it('fails on any failed assertion no composite refers to', () => {
    expect(runPassed([result('hello', false), result('c', true)], referenced)).toBe(false);
    expect(runPassed([result('hello', true), result('skipped', false, true)], referenced)).toBe(true);
  });
});
