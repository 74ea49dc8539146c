import { describe, expect, it } from 'vitest';
import { SecurityConfigSchema } from '../src/index.js';

describe('security config schema', () => {
  it('applies the reference defaults', () => {
    expect(SecurityConfigSchema.parse({})).toEqual({ checks: ['pii_exposure'], sensitivity: 'medium', fail_on_warning: false });
  });

  it('accepts every option with its family', () => {
    const config = {
      checks: ['pii_exposure', 'secret_leak', 'prompt_injection', 'code_safety'],
      sensitivity: 'low',
      fail_on_warning: true,
      pii_types: ['email', 'ssn'],
      secret_types: ['api_key', 'high_entropy'],
      injection_categories: ['jailbreak'],
      code_categories: ['file_operation'],
      code_languages: ['bash'],
      entropy_threshold: 4.2,
      entropy_min_length: 32,
      path: 'report.md',
    };
    expect(SecurityConfigSchema.parse(config)).toEqual(config);
  });

  it('rejects unknown names with the allowed values', () => {
    expect(SecurityConfigSchema.safeParse({ checks: ['pii_exposur'] }).error?.issues).toEqual([
      {
        code: 'invalid_value',
        values: ['pii_exposure', 'secret_leak', 'prompt_injection', 'code_safety'],
        path: ['checks', 0],
        message: 'unknown check "pii_exposur"; expected one of pii_exposure, secret_leak, prompt_injection, code_safety',
      },
    ]);
    expect(SecurityConfigSchema.safeParse({ sensitivity: 'severe' }).error?.issues[0]?.message).toBe('unknown severity "severe"; expected one of info, low, medium, high, critical');
    expect(SecurityConfigSchema.safeParse({ pii_types: ['passport'] }).error?.issues[0]?.message).toBe(
      'unknown PII type "passport"; expected one of email, phone, ssn, credit_card, iban, api_key',
    );
    expect(SecurityConfigSchema.safeParse({ checks: [] }).error?.issues[0]?.message).toBe('list at least one check');
    expect(SecurityConfigSchema.safeParse({ checks: ['pii_exposure', 'pii_exposure'] }).error?.issues[0]?.message).toBe('each check may be listed once');
    expect(SecurityConfigSchema.safeParse({ severity: 'high' }).error?.issues).toEqual([
      { code: 'unrecognized_keys', keys: ['severity'], path: [], message: 'Unrecognized key: "severity"' },
    ]);
  });

  it('rejects a filter whose family is not in checks (it would do nothing)', () => {
    expect(SecurityConfigSchema.safeParse({ secret_types: ['jwt_token'] }).error?.issues).toEqual([
      { code: 'custom', path: ['secret_types'], message: 'secret_types has no effect unless checks includes secret_leak (checks: pii_exposure)' },
    ]);
    expect(SecurityConfigSchema.safeParse({ checks: ['secret_leak'], code_languages: ['bash'], entropy_threshold: 3 }).error?.issues.map((i) => i.path)).toEqual([
      ['code_languages'],
    ]);
    expect(SecurityConfigSchema.safeParse({ checks: ['pii_exposure'], entropy_min_length: 30 }).error?.issues[0]?.message).toBe(
      'entropy_min_length has no effect unless checks includes secret_leak (checks: pii_exposure)',
    );
  });
});
