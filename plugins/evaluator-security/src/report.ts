/** The `security_scan` check: reference §3.6 scoring, counts, masked findings and remediations. */
import type { EvalCheck } from '@atp/kernel';
import { SEVERITIES, type SecurityConfig, type Severity } from './config-schema.js';
import { severityRank, type Finding } from './scan.js';

/** The check name of the reference. */
export const CHECK_NAME = 'security_scan';

const LISTED = 20;

/** Pass/fail and score of §3.6 from the reported findings' severities. */
export function securityScore(findings: readonly Pick<Finding, 'severity'>[], failOnWarning: boolean): { passed: boolean; score: number } {
  const has = (...levels: Severity[]): boolean => findings.some((f) => levels.includes(f.severity));
  if (has('critical', 'high')) return { passed: false, score: 0 };
  if (has('medium')) return { passed: !failOnWarning, score: 0.5 };
  if (has('low', 'info')) return { passed: true, score: 0.9 };
  return { passed: true, score: 1 };
}

function counts(findings: readonly Finding[]): Record<Severity, number> {
  const out = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) out[f.severity]++;
  return out;
}

const where = (f: Finding): string => `${f.location.artifact}:${f.location.line}:${f.location.column}`;

function summary(c: Record<Severity, number>): string {
  return [...SEVERITIES]
    .reverse()
    .filter((s) => c[s] > 0)
    .map((s) => `${c[s]} ${s}`)
    .join(', ');
}

/** Build the check from every finding (any severity); those below `sensitivity` are counted but not reported. */
export function securityCheck(all: readonly Finding[], config: SecurityConfig, scanned: readonly string[]): EvalCheck {
  const threshold = severityRank(config.sensitivity);
  const findings = all.filter((f) => severityRank(f.severity) >= threshold);
  const byWorst = [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  const { passed, score } = securityScore(findings, config.fail_on_warning);
  const c = counts(findings);
  const details: Record<string, unknown> = {
    checks: config.checks,
    sensitivity: config.sensitivity,
    scanned,
    counts: c,
    below_sensitivity: all.length - findings.length,
    findings: findings.map((f) => ({
      type: f.type,
      category: f.category,
      severity: f.severity,
      message: f.message,
      evidence: f.evidence,
      location: f.location,
      remediation: f.remediation,
    })),
    remediations: [...new Set(byWorst.map((f) => f.remediation))],
  };
  const scope = `${scanned.length} artifact${scanned.length === 1 ? '' : 's'} (checks: ${config.checks.join(', ')}; sensitivity: ${config.sensitivity})`;
  if (findings.length === 0) {
    const none = scanned.length === 0 ? 'no artifact has text to scan' : `no findings at or above ${config.sensitivity} in ${scope}`;
    return { name: CHECK_NAME, passed, score, message: none, details };
  }
  const top = byWorst.slice(0, 5).map((f) => `${f.type} (${f.severity}) at ${where(f)}`);
  const more = findings.length > 5 ? `; and ${findings.length - 5} more` : '';
  const warning = !passed && score === 0.5 ? ' (fail_on_warning)' : '';
  const message = `${findings.length} finding${findings.length === 1 ? '' : 's'}${warning}: ${summary(c)} in ${scope} — ${top.join('; ')}${more}`;
  const evidence = byWorst
    .slice(0, LISTED)
    .map((f) => `${f.severity} ${f.type} at ${where(f)}: ${f.evidence}`)
    .concat(findings.length > LISTED ? [`… and ${findings.length - LISTED} more`] : [])
    .join('\n');
  return { name: CHECK_NAME, passed, score, message, evidence, details };
}
