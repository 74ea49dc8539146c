/** `style_rules`: forbidden and required words and patterns, over every target artifact. */
import type { EvalCheck } from '@atp/kernel';
import type { TextTarget } from '../artifact-text.js';
import { compileRegex } from '../compile-regex.js';
import { patternFlags } from '../config-schemas.js';

/** Word and pattern rules. */
export interface Rules {
  forbidden_words?: string[] | undefined;
  required_words?: string[] | undefined;
  forbidden_patterns?: string[] | undefined;
  required_patterns?: string[] | undefined;
  case_sensitive?: boolean | undefined;
}

interface Hit {
  rule: string;
  count: number;
  first: { artifact: string; line: number; column: number; text: string };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A word or phrase as a regex: whole words, any whitespace between the words of a phrase. */
function wordRegex(word: string, caseSensitive: boolean): RegExp {
  const body = word.trim().split(/\s+/).map(escape).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])`, caseSensitive ? 'gu' : 'giu');
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function find(rule: string, regex: RegExp, targets: readonly TextTarget[]): Hit | undefined {
  let count = 0;
  let first: Hit['first'] | undefined;
  for (const { id, text } of targets) {
    for (const m of text.matchAll(regex)) {
      if (m[0].length === 0) continue;
      count++;
      first ??= { artifact: id, ...position(text, m.index), text: m[0].length > 80 ? `${m[0].slice(0, 79)}…` : m[0] };
    }
  }
  return first ? { rule, count, first } : undefined;
}

const where = (h: Hit): string => `${h.first.artifact}:${h.first.line}:${h.first.column}`;
const ids = (targets: readonly TextTarget[]): string[] => targets.map((t) => t.id);

function forbidden(name: string, what: string, rules: string[], toRegex: (r: string) => RegExp, targets: readonly TextTarget[]): EvalCheck {
  const hits = rules.flatMap((r) => find(r, toRegex(r), targets) ?? []);
  const passed = hits.length === 0;
  return {
    name,
    passed,
    score: passed ? 1 : 0,
    message: passed
      ? `none of ${rules.length} forbidden ${what} found`
      : `forbidden ${what} found: ${hits.map((h) => `${JSON.stringify(h.rule)} ×${h.count} (first at ${where(h)})`).join(', ')}`,
    ...(passed ? {} : { evidence: hits.map((h) => `${where(h)}: ${h.first.text}`).join('\n') }),
    details: { artifacts: ids(targets), found: hits.map((h) => ({ [name === 'forbidden_words' ? 'word' : 'pattern']: h.rule, count: h.count, first: h.first })) },
  };
}

function required(name: string, what: string, rules: string[], toRegex: (r: string) => RegExp, targets: readonly TextTarget[]): EvalCheck {
  const missing = rules.filter((r) => find(r, toRegex(r), targets) === undefined);
  const passed = missing.length === 0;
  return {
    name,
    passed,
    score: passed ? 1 : 0,
    message: passed ? `all ${rules.length} required ${what} found` : `required ${what} missing: ${missing.map((m) => JSON.stringify(m)).join(', ')}`,
    details: { artifacts: ids(targets), missing },
  };
}

function patternRegex(pattern: string, caseSensitive: boolean): RegExp {
  const compiled = compileRegex(pattern, patternFlags(caseSensitive));
  // Unreachable in practice: the evaluator parses every config with its schema, which compiles each pattern.
  if (!compiled.ok) throw new Error(compiled.error);
  return compiled.regex;
}

/** One check per configured rule list, in the order forbidden_words, required_words, forbidden_patterns, required_patterns. */
export function ruleChecks(targets: readonly TextTarget[], rules: Rules): EvalCheck[] {
  const cs = rules.case_sensitive ?? false;
  const checks: EvalCheck[] = [];
  if (rules.forbidden_words) checks.push(forbidden('forbidden_words', 'words', rules.forbidden_words, (w) => wordRegex(w, cs), targets));
  if (rules.required_words) checks.push(required('required_words', 'words', rules.required_words, (w) => wordRegex(w, cs), targets));
  if (rules.forbidden_patterns) checks.push(forbidden('forbidden_patterns', 'patterns', rules.forbidden_patterns, (p) => patternRegex(p, cs), targets));
  if (rules.required_patterns) checks.push(required('required_patterns', 'patterns', rules.required_patterns, (p) => patternRegex(p, cs), targets));
  return checks;
}
