/**
 * `llm_verify`: claims the ground truth left unverified are sent to an OpenAI-compatible Chat
 * Completions endpoint, which answers with a JSON-schema structured verdict per claim.
 * This will move to the provider of @atp/evaluator-llm-judge once it exists; the wire format stays.
 */
import { redact, reveal } from '@atp/kernel';
import { z } from 'zod';
import type { LlmEndpoint } from './config-schema.js';

/** A claim sent for verification. */
export interface LlmClaim {
  id: number;
  text: string;
}

/** The model's verdict on one claim. */
export interface LlmVerdict {
  claim: number;
  verdict: 'supported' | 'contradicted' | 'unverifiable';
  confidence: number;
  reason: string;
}

/** The JSON Schema the model must answer with (strict structured output). */
export const VERDICT_JSON_SCHEMA = {
  type: 'object',
  properties: {
    verdicts: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          claim: { type: 'integer', description: 'The claim number' },
          verdict: { type: 'string', enum: ['supported', 'contradicted', 'unverifiable'] },
          confidence: { type: 'number', description: 'How sure, from 0 to 1' },
          reason: { type: 'string', description: 'One sentence' },
        },
        required: ['claim', 'verdict', 'confidence', 'reason'],
        additionalProperties: false,
      },
    },
  },
  required: ['verdicts'],
  additionalProperties: false,
} as const;

const VerdictsSchema = z.object({
  verdicts: z.array(
    z.object({
      claim: z.int(),
      verdict: z.enum(['supported', 'contradicted', 'unverifiable']),
      confidence: z.number().min(0).max(1),
      reason: z.string(),
    }),
  ),
});

const ChatResponseSchema = z.object({
  choices: z
    .array(z.object({ message: z.object({ content: z.string().nullable().optional(), refusal: z.string().nullable().optional() }) }))
    .min(1),
  usage: z.object({ prompt_tokens: z.number().optional(), completion_tokens: z.number().optional(), total_tokens: z.number().optional() }).optional(),
});

const SYSTEM_PROMPT = [
  'You are a meticulous fact checker.',
  'For each numbered claim, decide whether it is supported or contradicted by reliable, well-established knowledge and by the reference facts given, or whether it cannot be verified.',
  'Use "unverifiable" when unsure. Give a confidence from 0 to 1 and a one-sentence reason.',
  'Answer with JSON that follows the given schema, one verdict per claim.',
].join(' ');

/** The Chat Completions request body. */
export function buildRequest(endpoint: LlmEndpoint, claims: readonly LlmClaim[], referenceFacts: string): Record<string, unknown> {
  const list = claims.map((c) => `${c.id}. ${c.text}`).join('\n');
  return {
    model: endpoint.model,
    temperature: 0,
    messages: [
      { role: 'system', content: SYSTEM_PROMPT },
      { role: 'user', content: `Reference facts:\n${referenceFacts || '(none)'}\n\nClaims:\n${list}` },
    ],
    response_format: { type: 'json_schema', json_schema: { name: 'claim_verdicts', strict: true, schema: VERDICT_JSON_SCHEMA } },
  };
}

/** What a verification call returned. */
export type LlmResult = { ok: true; verdicts: Map<number, LlmVerdict>; model: string; usage?: Record<string, number | undefined> } | { ok: false; message: string };

/** Call the endpoint; every failure becomes a message (with the API key redacted), never a throw. */
export async function verifyWithLlm(endpoint: LlmEndpoint, claims: readonly LlmClaim[], referenceFacts: string, signal: AbortSignal): Promise<LlmResult> {
  const key = endpoint.api_key === undefined ? undefined : reveal(endpoint.api_key);
  const clean = (text: string): string => (key ? redact(text, [key]) : text);
  const url = `${endpoint.base_url.replace(/\/+$/, '')}/chat/completions`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify(buildRequest(endpoint, claims, referenceFacts)),
      signal: AbortSignal.any([signal, AbortSignal.timeout(endpoint.timeout_seconds * 1000)]),
    });
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    const why = e.name === 'TimeoutError' ? `timed out after ${endpoint.timeout_seconds}s` : e.name === 'AbortError' ? 'cancelled' : (e.cause?.code ?? e.cause?.message ?? e.message);
    return { ok: false, message: clean(`POST ${url} failed: ${why}`) };
  }
  const body = await response.text().catch(() => '');
  if (!response.ok) return { ok: false, message: clean(`POST ${url} returned HTTP ${response.status}: ${body.slice(0, 300)}`) };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, message: clean(`POST ${url} returned a body that is not JSON: ${body.slice(0, 200)}`) };
  }
  const chat = ChatResponseSchema.safeParse(json);
  if (!chat.success) return { ok: false, message: `the response is not a Chat Completions response (${chat.error.issues[0]?.path.join('.')}: ${chat.error.issues[0]?.message})` };
  const message = chat.data.choices[0]!.message;
  if (message.refusal) return { ok: false, message: clean(`the model refused: ${message.refusal}`) };
  let content: unknown;
  try {
    content = JSON.parse(message.content ?? '');
  } catch {
    return { ok: false, message: clean(`the model's answer is not JSON: ${(message.content ?? '').slice(0, 200)}`) };
  }
  const verdicts = VerdictsSchema.safeParse(content);
  if (!verdicts.success) {
    const issue = verdicts.error.issues[0];
    return { ok: false, message: `the model's answer does not follow the verdict schema (${issue?.path.join('.') || '(root)'}: ${issue?.message})` };
  }
  const known = new Set(claims.map((c) => c.id));
  const map = new Map(verdicts.data.verdicts.filter((v) => known.has(v.claim)).map((v) => [v.claim, v] as const));
  return { ok: true, verdicts: map, model: endpoint.model, ...(chat.data.usage ? { usage: chat.data.usage } : {}) };
}
