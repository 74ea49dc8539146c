/** PII patterns: email, phone, SSN, payment card, IBAN. Provider API keys live in provider-keys.ts. */
import { maskDigits, maskEmail, maskIban } from '../mask.js';
import type { Rule } from '../rule.js';
import { cardBrand, ibanValid, luhnValid, ssnValid } from '../validators.js';

/** Top-level domains that are really file extensions (`icon@2x.png` is a file name, not an address). */
const FILE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'ico', 'css', 'js', 'ts', 'json', 'md', 'txt', 'pdf', 'zip', 'gz', 'tgz', 'map']);

const REMEDIATION = {
  email: 'Remove email addresses from the output or replace them with a placeholder such as [EMAIL].',
  phone: 'Remove phone numbers from the output or replace them with a placeholder such as [PHONE].',
  ssn: 'Never output Social Security numbers; redact them (***-**-1234) or drop the field.',
  card: 'Never output payment card numbers; show at most the last four digits.',
  iban: 'Do not output bank account numbers (IBAN); show at most the country code and last four characters.',
};

function group(match: RegExpExecArray, name: string): string {
  return match.groups?.[name] ?? '';
}

/** The PII rules (category `pii_exposure`). */
export const PII_RULES: readonly Rule[] = [
  {
    type: 'email',
    category: 'pii_exposure',
    group: 'email',
    severity: 'medium',
    title: 'email address',
    // Not the user part of a URL (`scheme://user@host`, `scheme://user:password@host`).
    pattern: /(?<![\w.%+-])(?<!\/\/(?:[^\s/@:]*:)?)(?<secret>[A-Za-z0-9][A-Za-z0-9._%+-]*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+(?<tld>[A-Za-z]{2,24}))(?![\w-]|\.[A-Za-z0-9]|:)/dg,
    accept: (m) => !FILE_EXTENSIONS.has(group(m, 'tld').toLowerCase()),
    mask: maskEmail,
    remediation: REMEDIATION.email,
  },
  {
    type: 'phone',
    category: 'pii_exposure',
    group: 'phone',
    severity: 'medium',
    title: 'phone number (North American)',
    // NANP: an area code and exchange that cannot start with 0 or 1 are what tell a phone number from other digit groups.
    pattern: /(?<![\w+.\-/])(?<secret>(?:\+?1[ .-]?)?(?:\([2-9]\d{2}\)[ .-]?|[2-9]\d{2}[ .-])\d{3}[ .-]\d{4})(?![\w/]|[.-]\d)/dg,
    mask: (v) => maskDigits(v, 4),
    remediation: REMEDIATION.phone,
  },
  {
    type: 'phone',
    category: 'pii_exposure',
    group: 'phone',
    severity: 'medium',
    title: 'phone number (international)',
    pattern: /(?<![\w+])(?<secret>\+[2-9]\d{0,2}[ .-]?(?:\(\d{1,4}\)|\d{1,4})(?:[ .-]?\d{2,4}){2,4})(?![\w]|[.-]\d)/dg,
    accept: (m) => {
      const digits = group(m, 'secret').replace(/\D/g, '').length;
      return digits >= 8 && digits <= 15;
    },
    mask: (v) => maskDigits(v, 4),
    remediation: REMEDIATION.phone,
  },
  {
    type: 'ssn',
    category: 'pii_exposure',
    group: 'ssn',
    severity: 'critical',
    title: 'US Social Security number',
    pattern: /(?<![\d-])(?<secret>(?<area>\d{3})-(?<grp>\d{2})-(?<serial>\d{4}))(?![\d-])/dg,
    accept: (m) => ssnValid(group(m, 'area'), group(m, 'grp'), group(m, 'serial')),
    mask: (v) => maskDigits(v, 4),
    remediation: REMEDIATION.ssn,
  },
  {
    type: 'ssn',
    category: 'pii_exposure',
    group: 'ssn',
    severity: 'critical',
    title: 'US Social Security number',
    // Undashed or spaced numbers count only right after an "SSN" label.
    pattern: /\b(?:SSN|social security(?: number| no\.?)?)\s*(?:#|no\.?|number)?\s*[:=]?\s*(?<secret>(?<area>\d{3}) ?(?<grp>\d{2}) ?(?<serial>\d{4}))(?![\d-])/dgi,
    accept: (m) => ssnValid(group(m, 'area'), group(m, 'grp'), group(m, 'serial')),
    mask: (v) => maskDigits(v, 4),
    remediation: REMEDIATION.ssn,
  },
  {
    type: 'credit_card',
    category: 'pii_exposure',
    group: 'credit_card',
    severity: 'critical',
    title: 'payment card number',
    pattern: /(?<![\d.-])(?<secret>\d(?:[ -]?\d){12,18})(?![\d]|[.-]\d)/dg,
    accept: (m) => {
      const raw = group(m, 'secret');
      const separators = new Set(raw.replace(/\d/g, ''));
      const digits = raw.replace(/\D/g, '');
      return separators.size <= 1 && cardBrand(digits) !== undefined && luhnValid(digits);
    },
    mask: (v) => maskDigits(v, 4),
    remediation: REMEDIATION.card,
  },
  {
    type: 'iban',
    category: 'pii_exposure',
    group: 'iban',
    severity: 'high',
    title: 'bank account number (IBAN)',
    pattern: /(?<![A-Za-z0-9])(?<secret>[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?)(?![A-Za-z0-9])/dg,
    accept: (m) => ibanValid(group(m, 'secret')),
    mask: maskIban,
    remediation: REMEDIATION.iban,
  },
];
