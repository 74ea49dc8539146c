import type { EvalCheck, EvaluationInput, Evaluator, EvaluatorModule, Logger } from '@atp/kernel';
import { agreement } from './agreement.js';
import { resolveApiKey } from './api-key.js';
import { createClient } from './clients/create-client.js';
import { JudgeCallError, type LlmClient, type StructuredCall } from './clients/types.js';
import type { LlmEvalConfig, ResolvedJudge } from './config-schema.js';
import { buildPrompt, rubricLines, verdictSchema, VERDICT_NAME, type RubricLine } from './prompt.js';
import { backoffDelay, sleep } from './retry.js';
import { fitTexts, selectTargets, type JudgedText } from './targets.js';
import { UsageMeter } from './usage.js';
import { isBadVerdict, scoreVerdict, type ScoredVerdict } from './verdict.js';

const RAW_EXCERPT = 500;

type Asked = { ok: true; scored: ScoredVerdict } | { ok: false; message: string; raw?: string; status?: number };

/** One judge sample: call, validate, and retry on retryable failures and invalid verdicts. */
async function askJudge(client: LlmClient, call: StructuredCall, lines: readonly RubricLine[], judge: ResolvedJudge, meter: UsageMeter, counter: { attempts: number }, signal: AbortSignal, logger: Logger): Promise<Asked> {
  const who = `${judge.provider}/${judge.model}`;
  for (let attempt = 1; ; attempt++) {
    counter.attempts++;
    let reason: string;
    let raw: string | undefined;
    try {
      const reply = await client.structured(call, signal);
      meter.add(reply.usage);
      if (reply.ok) {
        const scored = scoreVerdict(reply.value, lines);
        if (!isBadVerdict(scored)) return { ok: true, scored };
        reason = scored.reason;
        raw = JSON.stringify(reply.value);
      } else {
        reason = reply.reason;
        raw = reply.raw;
      }
      if (attempt > judge.retries) {
        return { ok: false, message: `the judge (${who}) gave no valid verdict after ${attempt} attempt${attempt === 1 ? '' : 's'}: ${reason}`, ...(raw !== undefined ? { raw } : {}) };
      }
      logger.debug(`llm judge ${who}: invalid verdict (${reason}); asking again`);
    } catch (error) {
      if (!(error instanceof JudgeCallError)) throw error;
      if (error.aborted || signal.aborted) return { ok: false, message: 'the judge call was aborted (the run was cancelled)' };
      const status = error.status !== undefined ? { status: error.status } : {};
      if (!error.retryable || attempt > judge.retries) {
        const tries = `${attempt} attempt${attempt === 1 ? '' : 's'}`;
        return { ok: false, message: `the judge call (${who}) failed${error.status !== undefined ? ` with HTTP ${error.status}` : ''} after ${tries}: ${error.message}`, ...status };
      }
      const delay = backoffDelay(attempt, judge.retry_delay_seconds * 1000, error.waitMs);
      logger.debug(`llm judge ${who}: ${error.message}; retrying in ${Math.round(delay)}ms`);
      if (!(await sleep(delay, signal))) return { ok: false, message: 'the judge call was aborted (the run was cancelled)' };
    }
  }
}

const two = (v: number): string => v.toFixed(2);

/** The sample whose score is closest to the mean: its explanation speaks for the check. */
function representative(samples: readonly ScoredVerdict[], mean: number): ScoredVerdict {
  return samples.reduce((best, s) => (Math.abs(s.score - mean) < Math.abs(best.score - mean) ? s : best), samples[0]!);
}

/** Judge one group of artifacts (all of them, or one with per_artifact) into one check. */
async function judgeGroup(name: string, texts: readonly JudgedText[], input: EvaluationInput<LlmEvalConfig>, client: LlmClient): Promise<EvalCheck> {
  const config = input.assertion.config;
  const { judge } = config;
  const lines = rubricLines(config);
  const prompt = buildPrompt(input.request, texts, config);
  const call: StructuredCall = { system: prompt.system, user: prompt.user, name: VERDICT_NAME, description: 'Record the evaluation verdict', schema: verdictSchema(lines) };
  const meter = new UsageMeter(judge);
  const counter = { attempts: 0 };
  const base: Record<string, unknown> = {
    judge: { provider: judge.provider, model: judge.model },
    artifacts: texts.map((t) => t.id),
    ...(texts.some((t) => t.truncated) ? { truncated: texts.filter((t) => t.truncated).map((t) => ({ artifact: t.id, chars: t.chars, sent: t.text.length })) } : {}),
    threshold: config.threshold,
  };
  const finish = (): Record<string, unknown> => {
    const llm_usage = meter.records();
    const cost = llm_usage[0]?.cost_usd;
    return { attempts: counter.attempts, llm_usage, ...(cost !== undefined ? { cost_usd: cost } : {}) };
  };

  const samples: ScoredVerdict[] = [];
  for (let i = 0; i < config.samples; i++) {
    const asked = await askJudge(client, call, lines, judge, meter, counter, input.signal, input.logger);
    if (!asked.ok) {
      const sampleNote = config.samples > 1 ? ` (sample ${i + 1} of ${config.samples})` : '';
      return {
        name,
        passed: false,
        score: 0,
        message: `${asked.message}${sampleNote}`,
        details: { ...base, error: asked.message, ...(asked.status !== undefined ? { status: asked.status } : {}), ...(asked.raw !== undefined ? { reply_excerpt: asked.raw.slice(0, RAW_EXCERPT) } : {}), ...finish() },
      };
    }
    samples.push(asked.scored);
  }

  const scores = samples.map((s) => s.score);
  const stats = agreement(scores, config.threshold);
  const score = scores.reduce((s, v) => s + v, 0) / scores.length;
  const passed = score >= config.threshold;
  const rep = representative(samples, score);
  const criteria = lines.map((l, k) => ({
    criterion: l.criterion,
    weight: l.weight,
    score: samples.reduce((s, v) => s + v.criteria[k]!.score, 0) / samples.length,
    explanation: rep.criteria[k]!.explanation,
  }));
  const verdict = `${config.samples > 1 ? `mean score ${two(score)} over ${config.samples} samples (std ${two(stats.std)}, ${Math.round(stats.agreement_rate * 100)}% agree on pass/fail)` : `score ${two(score)}`} ${passed ? '≥' : '<'} threshold ${config.threshold}`;
  const check: EvalCheck = {
    name,
    passed,
    score: Math.min(1, Math.max(0, score)),
    message: `${verdict}: ${rep.verdict.explanation}`,
    details: {
      ...base,
      explanation: rep.verdict.explanation,
      issues: rep.verdict.issues,
      strengths: rep.verdict.strengths,
      ...(criteria.length ? { criteria } : {}),
      ...(config.samples > 1 ? { samples: samples.map((s) => ({ score: s.score, passed: s.score >= config.threshold, explanation: s.verdict.explanation })), agreement: stats } : {}),
      ...finish(),
    },
  };
  if (!passed && rep.verdict.issues.length) check.evidence = rep.verdict.issues.slice(0, 5).join('; ');
  return check;
}

/**
 * The `llm_eval` evaluator: selects the artifacts, asks the configured judge for a structured verdict
 * (several samples when asked), and turns it into checks whose score is the judge's.
 */
export function createEvaluator(): Evaluator<LlmEvalConfig> {
  return {
    async evaluate(input) {
      const config = input.assertion.config;
      const type = input.assertion.type;
      const selected = selectTargets(input.response.artifacts, config.paths);
      if (!selected.ok) return { checks: [{ name: type, passed: false, score: 0, message: selected.message }] };
      const key = resolveApiKey(config.judge, process.env);
      if (!key.ok) return { checks: [{ name: type, passed: false, score: 0, message: key.message }] };
      const client = await createClient(config.judge, key.key);
      const groups = config.per_artifact ? selected.targets.map((t) => [t]) : [selected.targets];
      const checks: EvalCheck[] = [];
      for (const group of groups) {
        const name = config.per_artifact ? `${type}:${group[0]!.id}` : type;
        checks.push(await judgeGroup(name, fitTexts(group, config.max_chars), input, client));
      }
      return { checks };
    },
  };
}

const evaluatorModule: EvaluatorModule<LlmEvalConfig> = { createEvaluator };
export default evaluatorModule;
