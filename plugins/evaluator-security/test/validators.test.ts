import { describe, expect, it } from 'vitest';
import { entropyExclusion, shannonEntropy } from '../src/entropy.js';
import { cardBrand, decodeBase64Text, ibanValid, jwtHeaderValid, luhnValid, ssnValid } from '../src/validators.js';

describe('validators', () => {
  it('Luhn', () => {
    expect(['4111111111111111', '378282246310005', '6011111111111117', '0'].map(luhnValid)).toEqual([true, true, true, true]);
    expect(['4111111111111112', '1234567890123456', '41111a1111111111', ''].map(luhnValid)).toEqual([false, false, false, false]);
  });

  it('card brands by prefix and length', () => {
    expect(['4111111111111111', '5500005555555559', '2223003122003222', '378282246310005', '6011111111111117', '30569309025904', '3530111333300000', '9111111111111111', '41111111111'].map(cardBrand)).toEqual([
      'visa',
      'mastercard',
      'mastercard',
      'amex',
      'discover',
      'diners',
      'jcb',
      undefined,
      undefined,
    ]);
  });

  it('SSN rules: area not 000/666/9xx, group not 00, serial not 0000', () => {
    expect(ssnValid('123', '45', '6789')).toBe(true);
    expect([ssnValid('000', '45', '6789'), ssnValid('666', '45', '6789'), ssnValid('900', '45', '6789'), ssnValid('123', '00', '6789'), ssnValid('123', '45', '0000')]).toEqual([false, false, false, false, false]);
  });

  it('IBAN: country length and mod 97', () => {
    expect(['DE89 3704 0044 0532 0130 00', 'GB82WEST12345698765432', 'gb82 west 1234 5698 7654 32'].map(ibanValid)).toEqual([true, true, true]);
    expect(['DE89 3704 0044 0532 0130 01', 'DE89370400440532013', 'GB82WEST1234569876543', '1234'].map(ibanValid)).toEqual([false, false, false, false]);
  });

  it('base64 text and JWT headers', () => {
    expect(decodeBase64Text('YWRtaW46c2VjcmV0MTIz')).toBe('admin:secret123');
    expect(decodeBase64Text('not base64!')).toBeUndefined();
    expect(decodeBase64Text('AAEC')).toBeUndefined();
    expect(jwtHeaderValid('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9')).toBe(true);
    expect(jwtHeaderValid('eyJub3QiOiJqd3QifQ')).toBe(false);
  });

  it('Shannon entropy and exclusions', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
    expect(shannonEntropy('0123456789abcdef')).toBe(4);
    expect(entropyExclusion('3f2a9c1e5b7d4a6f8e0c2b4d6f8a0c2e4b6d8f0a')).toBe('hexadecimal (hash, id or UUID)');
    expect(entropyExclusion('sha256-47DEQpj8HBSa')).toBe('labelled digest (sha256-…)');
    expect(entropyExclusion('internationalization')).toBe('needs both letters and digits');
    expect(entropyExclusion('W5TR6X0jlHcuJZl6UOE7')).toBeUndefined();
  });
});
