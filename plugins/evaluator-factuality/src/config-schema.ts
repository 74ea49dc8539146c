/**
 * Config schema of the `factuality` assertion. The compiler parses each assertion's config with it
 * (unknown keys are errors, defaults applied); the evaluator receives the parsed value.
 * This module is imported by the plugin index: zod schemas only.
 */
import { zSecretString } from '@atp/kernel';
import { z } from 'zod';

/** How claims are verified. */
export const VERIFICATION_METHODS = ['ground_truth', 'llm_verify'] as const;

/** An OpenAI-compatible Chat Completions endpoint for `llm_verify`. */
export const LlmEndpointSchema = z
  .strictObject({
    base_url: z
      .url({ protocol: /^https?$/, error: 'base_url must be an http(s) URL, e.g. https://api.openai.com/v1' })
      .describe('Base URL of an OpenAI-compatible API; POST {base_url}/chat/completions is called'),
    model: z.string().min(1, { error: 'model cannot be empty' }).describe('Model name'),
    api_key: zSecretString().optional().describe('Bearer token (use ${OPENAI_API_KEY}: it stays a secret)'),
    timeout_seconds: z.number().positive().max(600).default(60).describe('Limit of one request'),
    max_claims: z.int().min(1).max(500).default(50).describe('Most claims sent in one request; the rest stay unverified'),
  })
  .describe('Chat Completions endpoint used by verification_method: llm_verify');

/** `factuality`: claims checked against ground truth (and optionally an LLM), citations, hallucination signals. */
export const FactualityConfigSchema = z
  .strictObject({
    ground_truth_file: z.string().min(1, { error: 'ground_truth_file cannot be empty' }).optional().describe('JSON file {facts, dates, numbers, valid_sources}, relative to the suite file'),
    verification_method: z
      .enum(VERIFICATION_METHODS, {
        error: (iss) => `unknown verification_method ${JSON.stringify(iss.input)}; expected one of ${VERIFICATION_METHODS.join(', ')}${iss.input === 'rag' ? ' (rag is not supported)' : ''}`,
      })
      .default('ground_truth')
      .describe('ground_truth: the file only; llm_verify: the file, then an LLM for the claims it leaves unverified'),
    min_confidence: z.number().min(0).max(1).default(0.8).describe('Lowest overall score that passes'),
    check_citations: z.boolean().default(true).describe('Extract citations and validate them against valid_sources'),
    detect_hallucinations: z.boolean().default(true).describe('Penalise hallucination indicators'),
    number_tolerance: z.number().min(0).default(0).describe('Default tolerance when comparing numbers (per-entry tolerance wins)'),
    number_tolerance_mode: z.enum(['relative', 'absolute']).default('relative').describe('relative: a fraction of the expected value; absolute: in the value’s units'),
    path: z.string().min(1, { error: 'artifact path cannot be empty' }).optional().describe('Only read this artifact (default: every artifact with text)'),
    llm: LlmEndpointSchema.optional(),
  })
  .superRefine((config, ctx) => {
    if (config.verification_method === 'ground_truth' && config.ground_truth_file === undefined) {
      ctx.addIssue({ code: 'custom', path: ['ground_truth_file'], message: 'ground_truth_file is required with verification_method: ground_truth' });
    }
    if (config.verification_method === 'llm_verify' && config.llm === undefined) {
      ctx.addIssue({ code: 'custom', path: ['llm'], message: 'llm: {base_url, model, api_key} is required with verification_method: llm_verify' });
    }
    if (config.verification_method !== 'llm_verify' && config.llm !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['llm'], message: 'llm has no effect unless verification_method is llm_verify' });
    }
  })
  .describe('Claims checked against ground truth, citations validated, hallucination indicators penalised');

/** Parsed `factuality` config. */
export type FactualityConfig = z.output<typeof FactualityConfigSchema>;
/** Parsed `llm` endpoint config. */
export type LlmEndpoint = z.output<typeof LlmEndpointSchema>;
