import { describe, expect, it } from 'vitest';
import { costUsd, findPrice, type Price } from '../src/pricing.js';

const TABLE: Readonly<Record<string, Price>> = {
  'model-a': { input_per_1k: 1, output_per_1k: 2 },
  'model-a-mini': { input_per_1k: 0.1, output_per_1k: 0.2 },
  'model-b': { input_per_1k: 3, output_per_1k: 4 },
};

describe('findPrice', () => {
  it('takes an exact id, else the longest id followed by "-", also after a vendor/ prefix', () => {
    expect(findPrice('model-a', TABLE)).toBe(TABLE['model-a']);
    expect(findPrice('model-a-mini-2024-07-18', TABLE)).toBe(TABLE['model-a-mini']);
    expect(findPrice('model-a-2024-08-06', TABLE)).toBe(TABLE['model-a']);
    expect(findPrice('vendor/model-b', TABLE)).toBe(TABLE['model-b']);
    expect(findPrice('vendor/model-b-latest', TABLE)).toBe(TABLE['model-b']);
  });

  it('never matches a mere prefix without "-", nor an unknown model', () => {
    expect(findPrice('model-bx', TABLE)).toBeUndefined();
    expect(findPrice('model', TABLE)).toBeUndefined();
    expect(findPrice('other/model', TABLE)).toBeUndefined();
  });
});

describe('costUsd', () => {
  it('prices tokens per 1K, rounded to 1e-10 so float noise does not show', () => {
    expect(costUsd({ input_per_1k: 0.00015, output_per_1k: 0.0006 }, 600, 90)).toBe(0.000144);
    expect(costUsd({ input_per_1k: 0.1, output_per_1k: 0.2 }, 3, 3)).toBe(0.0009);
    expect(costUsd({ input_per_1k: 0.003, output_per_1k: 0.015 }, 0, 0)).toBe(0);
    // Weighted (fractional) token counts, as cache-discounted input is, are priced the same way.
    expect(costUsd({ input_per_1k: 0.003, output_per_1k: 0.015 }, 1350, 20)).toBe(0.00435);
  });
});
