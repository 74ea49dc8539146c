import { describe, expect, it } from 'vitest';
import { scoreRun, DEFAULT_WEIGHTS } from '../src/runner/scoring.js';
import type { ATPResponse, EvalResult } from '../src/index.js';

const response = (metrics: ATPResponse['metrics']): ATPResponse => ({ version: '1.0', task_id: 't', status: 'completed', artifacts: [], metrics, error: null, trace_id: null }) as ATPResponse;
const result = (passed: boolean[], critical = false): EvalResult => ({
  assertion: 'a',
  type: 'contains',
  passed: passed.every(Boolean),
  score: 1,
  critical,
  checks: passed.map((p, i) => ({ name: `c${i}`, passed: p, score: p ? 1 : 0 })),
});

describe('scoreRun (§3.13)', () => {
  it('reference case 17: 2 checks pass, 1/3 steps, cost 8.7e-5 of 0.05 → 99.98', () => {
    const b = scoreRun([result([true, true])], response({ total_steps: 1, cost_usd: 8.7e-5 }), { max_steps: 3, budget_usd: 0.05 }, { quality_weight: 0.3, completeness_weight: 0.4, efficiency_weight: 0.2, cost_weight: 0.1 });
    expect(b.final_score).toBe(99.98);
  });

  it('reference case 18: token-based cost component is 1 − log2(1.4)', () => {
    const b = scoreRun([result([true])], response({ total_tokens: 20000 }), { max_tokens: 50000 }, DEFAULT_WEIGHTS);
    expect(b.components.cost.normalized).toBeCloseTo(1 - Math.log2(1.4), 4);
  });

  it('reference case 1: 2 of max 3 steps → efficiency 0.5 → 90.0 with weights 0.3/0.5/0.2/0', () => {
    const b = scoreRun([result([true]), result([true]), result([true])], response({ total_steps: 2 }), { max_steps: 3 }, { quality_weight: 0.3, completeness_weight: 0.5, efficiency_weight: 0.2, cost_weight: 0 });
    expect(b).toEqual({
      final_score: 90,
      components: {
        quality: { normalized: 1, weight: 0.3, weighted: 0.3, details: { checks: 3, assertions: 3 } },
        completeness: { normalized: 1, weight: 0.5, weighted: 0.5, details: { passed_checks: 3, total_checks: 3 } },
        efficiency: { normalized: 0.5, weight: 0.2, weighted: 0.1, details: { steps: 2, max_steps: 3 } },
        cost: { normalized: 1, weight: 0, weighted: 0, details: {} },
      },
    });
  });

  it('a failed critical assertion zeroes the score; skipped assertions do not count', () => {
    expect(scoreRun([result([true]), result([false], true)], response(null), {}, DEFAULT_WEIGHTS).final_score).toBe(0);
    const skipped: EvalResult = { ...result([false]), skipped: { reason: 'indeterminate', message: 'x' } };
    const b = scoreRun([result([true]), skipped], response(null), {}, DEFAULT_WEIGHTS);
    expect(b.components.completeness.normalized).toBe(1);
    expect(b.final_score).toBe(100);
  });
});
