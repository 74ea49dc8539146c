import { describe, expect, it } from 'vitest';
import { agreement } from '../src/agreement.js';

describe('agreement', () => {
  it('reports mean, sample std, pass rate and agreement with the majority', () => {
    expect(agreement([0.9, 0.6, 0.9], 0.7)).toEqual({ samples: 3, mean: 0.8, std: 0.173205, min: 0.6, max: 0.9, passes: 2, pass_rate: 0.666667, agreement_rate: 0.666667 });
    expect(agreement([0.2, 0.1], 0.7)).toMatchObject({ passes: 0, pass_rate: 0, agreement_rate: 1 });
  });
});
