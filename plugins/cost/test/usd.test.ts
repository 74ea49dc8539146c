import { describe, expect, it } from 'vitest';
import { displayUsd, formatUsd, parseUsd, sumUsd, timesUsd, tokenCost, usdToNumber } from '../src/usd.js';

describe('usd', () => {
  it('parses decimals exactly, including exponent forms', () => {
    expect(parseUsd('0.0025')).toBe(2_500_000_000_000_000n);
    expect(parseUsd(0.000075)).toBe(75_000_000_000_000n);
    expect(parseUsd('7.5e-8')).toBe(75_000_000_000n);
    expect(parseUsd(3)).toBe(3n * 10n ** 18n);
    expect(parseUsd('.5')).toBe(5n * 10n ** 17n);
    expect(parseUsd('1.')).toBe(10n ** 18n);
  });

  it('rounds digits beyond 18 decimals half-up', () => {
    expect(parseUsd('0.0000000000000000015')).toBe(2n);
    expect(parseUsd('0.0000000000000000014')).toBe(1n);
  });

  it('rejects negative, non-finite and malformed amounts', () => {
    expect(() => parseUsd(-1)).toThrow(RangeError);
    expect(() => parseUsd(Number.NaN)).toThrow(RangeError);
    expect(() => parseUsd('1,5')).toThrow('expected a non-negative decimal amount, got "1,5"');
  });

  it('sums without binary drift (0.1 + 0.2 = 0.3)', () => {
    const total = sumUsd([parseUsd(0.1), parseUsd(0.2)]);
    expect(formatUsd(total, 18)).toBe('0.300000000000000000');
    expect(usdToNumber(total)).toBe(0.3);
  });

  it('prices tokens per 1K exactly', () => {
    // 1234 tokens at $0.000075 / 1K = $0.00009255
    expect(formatUsd(tokenCost(1234, parseUsd('0.000075')), 10)).toBe('0.0000925500');
    expect(tokenCost(0, parseUsd('1'))).toBe(0n);
    expect(timesUsd(parseUsd('0.25'), 3)).toBe(parseUsd('0.75'));
  });

  it('formats for display', () => {
    expect(displayUsd(parseUsd('0.25'))).toBe('$0.25');
    expect(displayUsd(parseUsd('0.00245'))).toBe('$0.00245');
    expect(displayUsd(parseUsd('12'))).toBe('$12.00');
    expect(displayUsd(parseUsd('0.0000001'))).toBe('<$0.000001');
    expect(displayUsd(0n)).toBe('$0.00');
    expect(formatUsd(parseUsd('0.0000005'), 6)).toBe('0.000001');
  });
});
