/**
 * The scan: run the selected rules over each artifact's text and turn matches into findings with
 * masked evidence. Sensitive values (PII, secrets) are located with every rule, selected or not,
 * so that no evidence string can print one.
 */
import {
  DEFAULT_ENTROPY_MIN_LENGTH,
  DEFAULT_ENTROPY_THRESHOLD,
  SEVERITIES,
  type CodeLanguage,
  type SecurityCheck,
  type SecurityConfig,
  type Severity,
} from './config-schema.js';
import type { TextTarget } from '@atp/kernel';
import { codeSegments } from './code-segments.js';
import { CODE_RULES } from './detectors/code-rules.js';
import { entropyHits } from './detectors/entropy-scan.js';
import { INJECTION_RULES } from './detectors/injection-rules.js';
import { PII_RULES } from './detectors/pii-rules.js';
import { PROVIDER_KEY_RULES } from './detectors/provider-keys.js';
import { SECRET_RULES } from './detectors/secret-rules.js';
import { maskSecret } from './mask.js';
import { maskedSlice, SpanIndex, type SensitiveSpan } from './masked-text.js';
import { secretSpan, type Rule } from './rule.js';

/** Where a finding is: artifact id, 1-based line and column. */
export interface FindingLocation {
  artifact: string;
  line: number;
  column: number;
}

/** One reported problem. `evidence` is masked. */
export interface Finding {
  type: string;
  category: SecurityCheck;
  /** The filter value it belongs to (pii/secret type, injection or code category). */
  group: string;
  severity: Severity;
  message: string;
  evidence: string;
  location: FindingLocation;
  remediation: string;
  /** Code findings: the language of the segment (undefined when not known). */
  language?: CodeLanguage;
}

type RuleMeta = Omit<Rule, 'pattern' | 'accept'>;

const ENTROPY_RULE: RuleMeta = {
  type: 'high_entropy_string',
  category: 'secret_leak',
  group: 'high_entropy',
  severity: 'medium',
  title: 'high-entropy string (possible secret)',
  mask: (v) => maskSecret(v),
  remediation: 'If this is a credential, rotate it and remove it from the output; if it is not, raise entropy_threshold or narrow secret_types.',
};

const GENERIC_SECRET_GROUPS = new Set(['hardcoded_secret', 'env_secret']);
const SENSITIVE_RULES: readonly Rule[] = [...PII_RULES, ...PROVIDER_KEY_RULES, ...SECRET_RULES];

/** Severity rank: info 0 … critical 4. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

interface Match {
  rule: RuleMeta;
  start: number;
  end: number;
  secretStart: number;
  secretEnd: number;
}

function specificity(rule: RuleMeta): number {
  if (rule === ENTROPY_RULE) return 2;
  return GENERIC_SECRET_GROUPS.has(rule.group) ? 1 : 0;
}

/** Lower is better: worse severity first, specific rules before generic ones, entropy last. */
function rankOf(rule: RuleMeta): number {
  return (4 - severityRank(rule.severity)) * 10 + specificity(rule);
}

function execRule(rule: Rule, text: string, offset = 0): Match[] {
  const matches: Match[] = [];
  for (const m of text.matchAll(rule.pattern)) {
    if (rule.accept && !rule.accept(m)) continue;
    const secret = secretSpan(m);
    matches.push({ rule, start: offset + m.index, end: offset + m.index + m[0].length, secretStart: offset + secret.start, secretEnd: offset + secret.end });
  }
  return matches;
}

/** Every PII/secret value in `text`, whatever the selection. */
function sensitiveMatches(text: string, config: SecurityConfig): Match[] {
  const matches = SENSITIVE_RULES.flatMap((rule) => execRule(rule, text));
  // Entropy hits that a precise rule also explains lose to it in resolveOverlaps, when that rule is selected.
  const hits = entropyHits(text, config.entropy_threshold ?? DEFAULT_ENTROPY_THRESHOLD, config.entropy_min_length ?? DEFAULT_ENTROPY_MIN_LENGTH);
  for (const hit of hits) matches.push({ rule: ENTROPY_RULE, start: hit.start, end: hit.end, secretStart: hit.start, secretEnd: hit.end });
  return matches;
}

/** The family a sensitive match is reported under with this config, or undefined when not selected. */
function reportedCategory(rule: RuleMeta, config: SecurityConfig): SecurityCheck | undefined {
  const piiOn = config.checks.includes('pii_exposure');
  const secretOn = config.checks.includes('secret_leak');
  const piiTypes: readonly string[] | undefined = config.pii_types;
  const secretTypes: readonly string[] | undefined = config.secret_types;
  const secretSelected = (group: string): boolean => secretOn && (secretTypes === undefined || secretTypes.includes(group));
  const piiSelected = (group: string): boolean => piiOn && (piiTypes === undefined || piiTypes.includes(group));
  if (rule.group === 'api_key') return secretSelected('api_key') ? 'secret_leak' : piiSelected('api_key') ? 'pii_exposure' : undefined;
  if (rule.category === 'pii_exposure') return piiSelected(rule.group) ? 'pii_exposure' : undefined;
  return secretSelected(rule.group) ? 'secret_leak' : undefined;
}

function injectionRules(config: SecurityConfig): Rule[] {
  if (!config.checks.includes('prompt_injection')) return [];
  const selected: readonly string[] | undefined = config.injection_categories;
  return INJECTION_RULES.filter((r) => selected === undefined || selected.includes(r.group));
}

function codeRules(config: SecurityConfig): Rule[] {
  if (!config.checks.includes('code_safety')) return [];
  const categories: readonly string[] | undefined = config.code_categories;
  const languages: readonly CodeLanguage[] | undefined = config.code_languages;
  return CODE_RULES.filter((r) => (categories === undefined || categories.includes(r.group)) && (languages === undefined || (r.languages ?? []).some((l) => languages.includes(l))));
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function locate(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** Keep the best of overlapping sensitive matches (one value is one finding). */
function resolveOverlaps(matches: readonly Match[]): Match[] {
  const kept: Match[] = [];
  const ordered = [...matches].sort((a, b) => rankOf(a.rule) - rankOf(b.rule) || b.secretEnd - b.secretStart - (a.secretEnd - a.secretStart) || a.start - b.start);
  for (const m of ordered) {
    if (!kept.some((k) => k.secretStart < m.secretEnd && k.secretEnd > m.secretStart)) kept.push(m);
  }
  return kept;
}

/** Of pattern matches starting at the same place in the same family and group, keep the most severe (`subprocess.run(..., shell=True)` is one finding). */
function resolveSameStart(matches: readonly (Match & { language?: CodeLanguage })[]): (Match & { language?: CodeLanguage })[] {
  const best = new Map<string, Match & { language?: CodeLanguage }>();
  for (const m of matches) {
    const key = `${m.rule.category}:${m.rule.group}:${m.start}`;
    const current = best.get(key);
    if (!current || severityRank(m.rule.severity) > severityRank(current.rule.severity)) best.set(key, m);
  }
  return [...best.values()];
}

/** Scan the targets with the config's selection. Findings of every severity, in text order per artifact. */
export function scanTargets(targets: readonly TextTarget[], config: SecurityConfig): Finding[] {
  const findings: Finding[] = [];
  const injection = injectionRules(config);
  const code = codeRules(config);
  for (const { id, text } of targets) {
    const starts = lineStarts(text);
    const sensitive = sensitiveMatches(text, config);
    const spans = new SpanIndex(
      sensitive.map((m): SensitiveSpan => ({
        start: m.secretStart,
        end: m.secretEnd,
        masked: (m.rule.mask ?? maskSecret)(text.slice(m.secretStart, m.secretEnd)),
        rank: rankOf(m.rule),
      })),
    );
    const reported: Array<{ match: Match; category: SecurityCheck; language?: CodeLanguage }> = [];
    for (const match of resolveOverlaps(sensitive.filter((m) => reportedCategory(m.rule, config) !== undefined))) {
      reported.push({ match, category: reportedCategory(match.rule, config)! });
    }
    for (const match of resolveSameStart(injection.flatMap((rule) => execRule(rule, text)))) reported.push({ match, category: 'prompt_injection' });
    if (code.length) {
      const codeMatches = codeSegments(id, text).flatMap((segment) =>
        code
          .filter((rule) => segment.language === undefined || (rule.languages ?? []).includes(segment.language))
          .flatMap((rule) => execRule(rule, text.slice(segment.start, segment.end), segment.start).map((m) => ({ ...m, ...(segment.language ? { language: segment.language } : {}) }))),
      );
      for (const match of resolveSameStart(codeMatches)) reported.push({ match, category: 'code_safety', ...(match.language ? { language: match.language } : {}) });
    }
    reported.sort((a, b) => a.match.start - b.match.start || severityRank(b.match.rule.severity) - severityRank(a.match.rule.severity));
    for (const { match, category, language } of reported) {
      const { line, column } = locate(starts, match.start);
      findings.push({
        type: match.rule.type,
        category,
        group: match.rule.group,
        severity: match.rule.severity,
        message: `${match.rule.title}${language ? ` (${language})` : ''}`,
        evidence: maskedSlice(text, match.start, match.end, spans),
        location: { artifact: id, line, column },
        remediation: match.rule.remediation,
        ...(language ? { language } : {}),
      });
    }
  }
  return findings;
}
