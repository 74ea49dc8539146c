import type { CodeLanguage, SecurityCheck, Severity } from './config-schema.js';

/**
 * One detection pattern. `pattern` must carry the `g` and `d` flags (global, match indices).
 * For PII and secret rules the named group `secret` (or `secret2`… in other alternatives; else the whole match) is the sensitive value:
 * it is masked with `mask` wherever it could be printed.
 */
export interface Rule {
  /** The finding type reported (`email`, `openai_api_key`, `rm_rf`…). */
  type: string;
  category: SecurityCheck;
  /** The value the family's filter option selects on (a pii/secret type, an injection or code category). */
  group: string;
  severity: Severity;
  pattern: RegExp;
  /** What was found, in a few words ("OpenAI API key"). */
  title: string;
  remediation: string;
  /** Code rules: the languages the pattern belongs to. */
  languages?: readonly CodeLanguage[];
  /** Extra validity rule on a match (checksums, placeholders). */
  accept?: (match: RegExpExecArray) => boolean;
  /** Masks the sensitive value (PII and secret rules). */
  mask?: (value: string) => string;
}

/**
 * The sensitive value of a match: the first group named `secret`, `secret2`, `secret3`… that
 * matched (alternatives of one pattern cannot share a group name), else the whole match.
 */
export function secretSpan(match: RegExpExecArray): { start: number; end: number } {
  for (const [name, span] of Object.entries(match.indices?.groups ?? {})) {
    if (span && /^secret\d*$/.test(name)) return { start: span[0], end: span[1] };
  }
  return { start: match.index, end: match.index + match[0].length };
}

const PLACEHOLDER_WORDS = /your|example|placeholder|redacted|changeme|change_me|dummy|sample|replace|insert|xxxx|\*\*\*|<|>|\$\{|\{\{|%s|\$[A-Z_]/i;
const PLACEHOLDER_SHAPES = /^(?:x+|\*+|\.+|-+|_+|0+|password|passwd|secret|token|none|null|undefined|true|false|string)$/i;
/** An environment variable's name standing in for its value (`API_KEY_HERE`). */
const ENV_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/** Values that stand for a secret instead of being one (`<YOUR_KEY>`, `${TOKEN}`, `********`, `API_KEY_HERE`). */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER_WORDS.test(value) || PLACEHOLDER_SHAPES.test(value) || ENV_NAME.test(value);
}

/** Accept a match unless its sensitive value is a placeholder. */
export function notPlaceholder(match: RegExpExecArray): boolean {
  const { start, end } = secretSpan(match);
  return !isPlaceholder(match.input.slice(start, end));
}
