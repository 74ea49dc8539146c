import { z } from 'zod';
import { Secret, isSecret, zSecretString, type MaybeSecret } from '@atp/kernel';
import { CRITERIA, type Criterion } from './criteria.js';

/** The judge providers: OpenAI (and any OpenAI-compatible server via base_url), Anthropic, Azure OpenAI. */
export const JUDGE_PROVIDERS = ['openai', 'anthropic', 'azure'] as const;

/** A judge provider. */
export type JudgeProvider = (typeof JUDGE_PROVIDERS)[number];

/** Where to read how to configure a judge; named in every "no judge" message. */
export const JUDGE_GUIDE = 'docs/guides/llm-judge-and-cost.md';

/** Explicit judge pricing, USD per 1,000 tokens: makes the judge put `cost_usd` in its check details. */
export const JudgePricingSchema = z
  .object({
    input_per_1k: z.number().nonnegative(),
    output_per_1k: z.number().nonnegative(),
  })
  .strict();

/**
 * The judge model and how to reach it. Every field is optional here: plugin options give suite-wide
 * values, an assertion's `judge` overrides them; the merged result must name a provider and a model.
 */
export const JudgeFieldsSchema = z
  .object({
    provider: z.enum(JUDGE_PROVIDERS).optional().describe('openai (also any OpenAI-compatible base_url), anthropic or azure'),
    model: z.string().trim().min(1).optional().describe('The judge model id (Azure: the model behind the deployment)'),
    base_url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional().describe('API base URL (OpenAI-compatible servers; the Azure endpoint)'),
    api_key: zSecretString().optional().describe('The API key, usually ${OPENAI_API_KEY}; prefer api_key_env'),
    api_key_env: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'expected an environment variable name such as OPENAI_API_KEY' })
      .optional()
      .describe('Environment variable holding the key (default OPENAI_API_KEY / ANTHROPIC_API_KEY / AZURE_OPENAI_API_KEY)'),
    api_version: z.string().min(1).optional().describe('Azure api-version (default 2024-10-21)'),
    deployment: z.string().min(1).optional().describe('Azure deployment name (default: the model)'),
    temperature: z.number().min(0).max(2).nullable().optional().describe('Sampling temperature (default 0; null = do not send it)'),
    max_tokens: z.number().int().min(16).max(64_000).optional().describe('Cap on the judge reply (default 1024)'),
    timeout_seconds: z.number().positive().max(600).optional().describe('Per-call timeout (default 60)'),
    retries: z.number().int().min(0).max(10).optional().describe('Extra attempts on 408/409/429/5xx/529, network errors and invalid replies (default 3)'),
    retry_delay_seconds: z.number().min(0).max(60).optional().describe('First backoff delay, doubled per attempt, with jitter (default 1)'),
    pricing: JudgePricingSchema.optional().describe('USD per 1K tokens, for cost_usd in check details'),
  })
  .strict();

/** Judge fields as written (options, settings or an assertion). */
export type JudgeFields = z.output<typeof JudgeFieldsSchema>;

/** A judge with every field decided. */
export interface ResolvedJudge {
  provider: JudgeProvider;
  model: string;
  base_url?: string;
  api_key?: MaybeSecret;
  api_key_env?: string;
  api_version?: string;
  deployment?: string;
  temperature: number | null;
  max_tokens: number;
  timeout_seconds: number;
  retries: number;
  retry_delay_seconds: number;
  pricing?: z.output<typeof JudgePricingSchema>;
}

/** Defaults of the knobs a judge config may leave out. */
export const JUDGE_DEFAULTS = { temperature: 0, max_tokens: 1024, timeout_seconds: 60, retries: 3, retry_delay_seconds: 1 } as const;

const CONNECTION_KEYS = ['base_url', 'api_key', 'api_key_env', 'api_version', 'deployment', 'pricing'] as const;

/**
 * Merge an assertion's judge over the suite's. An assertion naming another provider does not inherit
 * the suite's connection (base_url, key, Azure fields, pricing); naming another model drops the
 * suite's deployment and pricing, which belong to the suite's model.
 */
export function mergeJudge(suite: JudgeFields | undefined, assertion: JudgeFields | undefined): JudgeFields {
  const base: JudgeFields = { ...(suite ?? {}) };
  if (assertion?.provider && suite?.provider && assertion.provider !== suite.provider) for (const k of CONNECTION_KEYS) delete base[k];
  if (assertion?.model && suite?.model && assertion.model !== suite.model) {
    delete base.deployment;
    delete base.pricing;
  }
  const merged: JudgeFields = { ...base };
  for (const [k, v] of Object.entries(assertion ?? {})) if (v !== undefined) (merged as Record<string, unknown>)[k] = v;
  return merged;
}

/** Why a merged judge cannot be used (the compile-time "no silent default" rule), or undefined. */
export function judgeProblem(type: string, judge: JudgeFields): { message: string; key?: keyof JudgeFields } | undefined {
  if (!judge.model && !judge.provider) {
    return { message: `${type} needs a judge model: set judge: {provider, model} on the assertion or configure the plugin in atp.config (see ${JUDGE_GUIDE})` };
  }
  if (!judge.provider) {
    return { message: `${type} needs a judge provider: set judge.provider to ${JUDGE_PROVIDERS.join(', ')} (it is never guessed from the model; see ${JUDGE_GUIDE})`, key: 'provider' };
  }
  if (!judge.model) {
    return { message: `${type} needs a judge model: set judge.model (e.g. gpt-4o-mini or claude-sonnet-4-20250514) on the assertion or in the plugin options (see ${JUDGE_GUIDE})`, key: 'model' };
  }
  if (judge.provider === 'azure' && !judge.base_url) {
    return { message: `${type}: the azure judge needs base_url, your Azure OpenAI endpoint (https://<resource>.openai.azure.com)`, key: 'base_url' };
  }
  return undefined;
}

/** Fill in the defaults of a judge that passed `judgeProblem`; plain-string keys become Secrets. */
export function resolveJudge(judge: JudgeFields): ResolvedJudge {
  const out: ResolvedJudge = {
    provider: judge.provider!,
    model: judge.model!,
    temperature: judge.temperature === undefined ? JUDGE_DEFAULTS.temperature : judge.temperature,
    max_tokens: judge.max_tokens ?? JUDGE_DEFAULTS.max_tokens,
    timeout_seconds: judge.timeout_seconds ?? JUDGE_DEFAULTS.timeout_seconds,
    retries: judge.retries ?? JUDGE_DEFAULTS.retries,
    retry_delay_seconds: judge.retry_delay_seconds ?? JUDGE_DEFAULTS.retry_delay_seconds,
  };
  if (judge.base_url) out.base_url = judge.base_url;
  if (judge.api_key !== undefined) out.api_key = isSecret(judge.api_key) ? judge.api_key : new Secret(judge.api_key);
  if (judge.api_key_env) out.api_key_env = judge.api_key_env;
  if (judge.api_version) out.api_version = judge.api_version;
  if (judge.deployment) out.deployment = judge.deployment;
  if (judge.pricing) out.pricing = judge.pricing;
  return out;
}

/** One free rubric line: a criterion (free text or a built-in name) and its weight. */
export const RubricItemSchema = z
  .object({
    criterion: z.string().trim().min(1).describe('What to judge: a built-in criterion name or your own wording'),
    weight: z.number().positive().default(1).describe('Weight in the overall score'),
    description: z.string().trim().min(1).optional().describe('What the criterion means, when its name is not enough'),
  })
  .strict();

/** A rubric line after parsing. */
export type RubricItem = z.output<typeof RubricItemSchema>;

const CriterionSchema = z.enum(CRITERIA);

/** The `llm_eval` config after parsing: criteria as a list, the judge resolved. */
export interface LlmEvalConfig {
  criteria: Criterion[];
  prompt?: string;
  rubric: RubricItem[];
  threshold: number;
  /** Artifacts to judge (file path or structured name); all with text when absent. */
  paths?: string[];
  per_artifact: boolean;
  samples: number;
  max_chars: number;
  judge: ResolvedJudge;
}

const BaseConfigSchema = z
  .object({
    criteria: z.union([CriterionSchema, z.array(CriterionSchema).min(1)]).optional().describe(`Built-in criteria: ${CRITERIA.join(', ')}`),
    prompt: z.string().trim().min(1).optional().describe('Your own instructions to the judge'),
    rubric: z.array(RubricItemSchema).min(1).optional().describe('Weighted criteria of your own: [{criterion, weight, description?}]'),
    threshold: z.number().min(0).max(1).default(0.7).describe('Pass when the score (0..1) is at least this'),
    path: z.string().min(1).optional().describe('Judge only this artifact (ATP v1 name; see paths)'),
    paths: z.array(z.string().min(1)).min(1).optional().describe('Judge only these artifacts (file path or structured name)'),
    per_artifact: z.boolean().default(false).describe('One judge call and one check per artifact instead of one for all'),
    samples: z.number().int().min(1).max(10).optional().describe('Judge calls per check; the score is their mean, agreement is reported (default 1)'),
    num_runs: z.number().int().min(1).max(10).optional().describe('ATP v1 name of samples'),
    max_chars: z.number().int().min(1000).max(1_000_000).default(50_000).describe('Characters of artifact text sent per judge call; longer text is truncated'),
    judge: JudgeFieldsSchema.optional().describe('The judge model for this assertion, over the plugin options'),
  })
  .strict();

/**
 * The config schema of `llm_eval` (and its alias). `suiteJudge` returns the judge configured for the
 * whole project (plugin options, settings), read when a suite compiles: without one, an assertion
 * that names no judge is a compile error saying how to configure it. No judge is ever guessed.
 */
export function createLlmEvalConfigSchema(type: string, suiteJudge: () => JudgeFields | undefined): z.ZodType<LlmEvalConfig> {
  return BaseConfigSchema.superRefine((c, ctx) => {
    if (c.criteria === undefined && c.prompt === undefined && c.rubric === undefined) {
      ctx.addIssue({ code: 'custom', message: `${type} needs something to judge by: criteria (${CRITERIA.join(', ')}), a rubric, or a prompt`, path: [] });
    }
    if (c.path !== undefined && c.paths !== undefined) ctx.addIssue({ code: 'custom', message: 'give either path or paths, not both', path: ['path'] });
    if (c.samples !== undefined && c.num_runs !== undefined) ctx.addIssue({ code: 'custom', message: 'give either samples or num_runs (its ATP v1 name), not both', path: ['num_runs'] });
    const names = new Set<string>();
    const builtIn = Array.isArray(c.criteria) ? c.criteria : c.criteria ? [c.criteria] : [];
    for (const [i, name] of builtIn.entries()) {
      if (names.has(name)) ctx.addIssue({ code: 'custom', message: `criterion "${name}" is listed twice`, path: ['criteria', i] });
      names.add(name);
    }
    for (const [i, item] of (c.rubric ?? []).entries()) {
      if (names.has(item.criterion)) ctx.addIssue({ code: 'custom', message: `criterion "${item.criterion}" is listed twice`, path: ['rubric', i, 'criterion'] });
      names.add(item.criterion);
    }
    const problem = judgeProblem(type, mergeJudge(suiteJudge(), c.judge));
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message, path: c.judge ? ['judge', ...(problem.key && problem.key in c.judge ? [problem.key] : [])] : [] });
  }).transform((c): LlmEvalConfig => {
    const out: LlmEvalConfig = {
      criteria: Array.isArray(c.criteria) ? c.criteria : c.criteria ? [c.criteria] : [],
      rubric: c.rubric ?? [],
      threshold: c.threshold,
      per_artifact: c.per_artifact,
      samples: c.samples ?? c.num_runs ?? 1,
      max_chars: c.max_chars,
      judge: resolveJudge(mergeJudge(suiteJudge(), c.judge)),
    };
    if (c.prompt !== undefined) out.prompt = c.prompt;
    const paths = c.paths ?? (c.path !== undefined ? [c.path] : undefined);
    if (paths) out.paths = paths;
    return out;
  });
}
