/** The factuality evaluator module (loaded on first use of a `factuality` assertion). */
import type { EvalCheck, EvaluationInput, Evaluator, EvaluatorOutput } from '@atp/kernel';
import { textTargets, type TextTarget } from '@atp/kernel';
import { extractClaims, type Claim } from './claims.js';
import { extractCitations, type Citation } from './citations.js';
import { FactualityConfigSchema, type FactualityConfig } from './config-schema.js';
import { formatDate } from './dates.js';
import { loadGroundTruth, type GroundTruth } from './ground-truth.js';
import { findIndicators, hallucinationPenalty, type Indicator } from './hallucinations.js';
import { verifyWithLlm } from './llm-verify.js';
import { factualityPassed, factualityScores } from './score.js';
import { mentionsAnyEntry, verifyClaim, type Verdict } from './verify.js';

/** The check name of the reference. */
export const CHECK_NAME = 'factuality_check';

/** An LLM verdict below this confidence leaves the claim unverified. */
const LLM_MIN_VERDICT_CONFIDENCE = 0.5;

function fail(message: string): EvaluatorOutput {
  return { checks: [{ name: CHECK_NAME, passed: false, score: 0, message }] };
}

function referenceFacts(gt: GroundTruth | undefined): string {
  if (!gt) return '';
  return gt.entries
    .map((e) => {
      const value = e.section === 'facts' ? e.values.join(' / ') : e.section === 'dates' ? formatDate(e.value) : `${e.value}${e.unit ? ` ${e.unit}` : ''}`;
      return `- ${e.key}: ${value}`;
    })
    .join('\n');
}

async function llmPass(config: FactualityConfig, claims: readonly Claim[], verdicts: Map<number, Verdict>, gt: GroundTruth | undefined, signal: AbortSignal): Promise<{ ok: true; info: Record<string, unknown> } | { ok: false; message: string }> {
  const endpoint = config.llm!;
  const pending = claims.filter((c) => verdicts.get(c.id)?.status === 'unverified');
  const sent = pending.slice(0, endpoint.max_claims);
  if (sent.length === 0) return { ok: true, info: { model: endpoint.model, sent: 0 } };
  const result = await verifyWithLlm(endpoint, sent.map((c) => ({ id: c.id, text: c.text })), referenceFacts(gt), signal);
  if (!result.ok) return result;
  for (const claim of sent) {
    const v = result.verdicts.get(claim.id);
    if (!v) {
      verdicts.set(claim.id, { status: 'unverified', confidence: 0, reason: 'the model gave no verdict', source: 'llm' });
    } else if (v.verdict === 'unverifiable' || v.confidence < LLM_MIN_VERDICT_CONFIDENCE) {
      verdicts.set(claim.id, { status: 'unverified', confidence: 0, reason: `llm: ${v.verdict} (confidence ${v.confidence}): ${v.reason}`, source: 'llm' });
    } else {
      verdicts.set(claim.id, { status: v.verdict === 'supported' ? 'verified' : 'false', confidence: v.confidence, reason: `llm: ${v.reason}`, source: 'llm' });
    }
  }
  return { ok: true, info: { model: result.model, sent: sent.length, not_sent: pending.length - sent.length, ...(result.usage ? { usage: result.usage } : {}) } };
}

function quote(text: string): string {
  return JSON.stringify(text.length > 100 ? `${text.slice(0, 99)}…` : text);
}

function buildCheck(config: FactualityConfig, targets: readonly TextTarget[], claims: readonly Claim[], verdicts: ReadonlyMap<number, Verdict>, citations: readonly Citation[], indicators: readonly Indicator[], extra: Record<string, unknown>): EvalCheck {
  const count = (status: string): number => claims.filter((c) => verdicts.get(c.id)?.status === status).length;
  const verified = count('verified');
  const falseClaims = count('false');
  const unverified = count('unverified');
  const valid = citations.filter((c) => c.status === 'valid').length;
  const invalid = citations.filter((c) => c.status === 'invalid').length;
  const unchecked = citations.length - valid - invalid;
  const penalty = hallucinationPenalty(indicators);
  const scores = factualityScores({ claims: claims.length, verified, false: falseClaims, validCitations: valid, invalidCitations: invalid }, penalty);
  const passed = factualityPassed(scores, falseClaims, config.min_confidence);
  const falseList = claims.filter((c) => verdicts.get(c.id)?.status === 'false');
  const parts = [
    `${claims.length} claim${claims.length === 1 ? '' : 's'} (${verified} verified, ${falseClaims} false, ${unverified} unverified)`,
    config.check_citations ? `citations ${valid} valid, ${invalid} invalid${unchecked ? `, ${unchecked} unchecked` : ''}` : 'citations not checked',
    config.detect_hallucinations ? `${indicators.length} hallucination indicator${indicators.length === 1 ? '' : 's'} (penalty ${scores.hallucination_penalty})` : 'hallucinations not checked',
  ];
  const verdict = `overall ${scores.overall} ${scores.overall >= config.min_confidence ? '≥' : '<'} ${config.min_confidence}${falseClaims ? ` and ${falseClaims} false claim${falseClaims === 1 ? '' : 's'}` : ''}`;
  const evidence = [
    ...falseList.map((c) => `false: ${quote(c.text)} — ${verdicts.get(c.id)!.reason}${verdicts.get(c.id)!.source ? ` (${verdicts.get(c.id)!.source})` : ''}`),
    ...citations.filter((c) => c.status === 'invalid').map((c) => `invalid citation ${c.citation}: ${c.reason}`),
    ...indicators.map((i) => `${i.severity} ${i.type}: ${i.reason}`),
  ];
  return {
    name: CHECK_NAME,
    passed,
    score: scores.overall,
    message: `${verdict}: ${parts.join('; ')}`,
    ...(evidence.length ? { evidence: evidence.slice(0, 20).join('\n') } : {}),
    details: {
      method: config.verification_method,
      min_confidence: config.min_confidence,
      artifacts: targets.map((t) => t.id),
      ...extra,
      scores,
      counts: { claims: claims.length, verified, false: falseClaims, unverified, citations_valid: valid, citations_invalid: invalid, citations_unchecked: unchecked, hallucination_indicators: indicators.length },
      claims: claims.map((c) => {
        const v = verdicts.get(c.id)!;
        return { id: c.id, artifact: c.artifact, text: c.text, kind: c.kind, status: v.status, confidence: v.confidence, reason: v.reason, ...(v.source ? { source: v.source } : {}) };
      }),
      citations,
      hallucination_indicators: indicators,
    },
  };
}

/** Create the evaluator of the `factuality` assertion type. */
export function createEvaluator(): Evaluator {
  return {
    async evaluate(input: EvaluationInput): Promise<EvaluatorOutput> {
      if (input.assertion.type !== 'factuality') {
        return { checks: [{ name: `unknown_${input.assertion.type}`, passed: false, score: 0, message: `unknown factuality assertion type "${input.assertion.type}" (known: factuality)` }] };
      }
      // The compiler already parsed the config; parsing again keeps SDK callers (raw configs) on the same defaults and rules.
      const parsed = FactualityConfigSchema.safeParse(input.assertion.config);
      if (!parsed.success) return fail(`invalid factuality config: ${parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ')}`);
      const config = parsed.data;
      const found = textTargets(input.response.artifacts, config.path);
      if (!found.ok) return fail(found.message);
      let gt: GroundTruth | undefined;
      if (config.ground_truth_file !== undefined) {
        const loaded = await loadGroundTruth(config.ground_truth_file, input.suiteDir);
        if (!loaded.ok) return fail(loaded.message);
        gt = loaded.value;
      }
      const entries = gt?.entries ?? [];
      const claims = extractClaims(found.targets, (s) => mentionsAnyEntry(s, entries));
      const verdicts = new Map(claims.map((c) => [c.id, verifyClaim(c, entries, { tolerance: config.number_tolerance, mode: config.number_tolerance_mode })]));
      const extra: Record<string, unknown> = gt ? { ground_truth_file: gt.file } : {};
      if (config.verification_method === 'llm_verify') {
        const llm = await llmPass(config, claims, verdicts, gt, input.signal);
        if (!llm.ok) return { checks: [], skipped: { reason: 'evaluator_error', message: `factuality llm_verify: ${llm.message}` } };
        extra['llm'] = llm.info;
      }
      const citations = config.check_citations ? extractCitations(found.targets, gt?.validSources) : [];
      const status = new Map([...verdicts].map(([id, v]) => [id, v.status]));
      const indicators = config.detect_hallucinations ? findIndicators(found.targets, claims, status) : [];
      return { checks: [buildCheck(config, found.targets, claims, verdicts, citations, indicators, extra)] };
    },
  };
}
