import { z } from 'zod';
import type { RubricLine } from './prompt.js';

const Score = z.number({ error: 'expected a number' }).min(0, { error: 'must be between 0 and 1' }).max(1, { error: 'must be between 0 and 1' });

/** What a judge must answer. */
export const VerdictSchema = z.object({
  score: Score,
  explanation: z.string({ error: 'expected a string' }),
  issues: z.array(z.string()).default([]),
  strengths: z.array(z.string()).default([]),
  criteria: z
    .array(z.object({ criterion: z.string(), score: Score, explanation: z.string().default('') }))
    .default([]),
});

/** A verdict as the judge gave it. */
export type Verdict = z.output<typeof VerdictSchema>;

/** A verdict with the score ATP uses: the weighted mean of the criteria, or the overall score without a rubric. */
export interface ScoredVerdict {
  verdict: Verdict;
  score: number;
  /** Per-criterion scores in rubric order (empty without a rubric). */
  criteria: Array<{ criterion: string; weight: number; score: number; explanation: string }>;
}

/** A verdict that could not be used, and why. */
export interface BadVerdict {
  reason: string;
}

/**
 * Find the JSON object in a text reply: the whole text, a ```json fence, or the first balanced {…}.
 * Servers that ignore structured output often wrap the JSON in prose or a code fence.
 */
export function extractJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  const candidates: string[] = [text.trim()];
  const fenced = /```(?:json)?\s*\n([\s\S]*?)```/i.exec(text);
  if (fenced) candidates.push(fenced[1]!.trim());
  const start = text.indexOf('{');
  if (start >= 0) {
    let depth = 0;
    let inString = false;
    for (let i = start; i < text.length; i++) {
      const ch = text[i]!;
      if (inString) {
        if (ch === '\\') i++;
        else if (ch === '"') inString = false;
      } else if (ch === '"') inString = true;
      else if (ch === '{') depth++;
      else if (ch === '}' && --depth === 0) {
        candidates.push(text.slice(start, i + 1));
        break;
      }
    }
  }
  let firstError = '';
  for (const c of candidates) {
    try {
      return { ok: true, value: JSON.parse(c) as unknown };
    } catch (error) {
      firstError ||= (error as Error).message;
    }
  }
  return { ok: false, reason: `the reply is not valid JSON (${firstError || 'empty reply'})` };
}

const norm = (s: string): string => s.trim().toLowerCase();

/** Validate a verdict against the schema and the rubric, and compute its score. */
export function scoreVerdict(value: unknown, lines: readonly RubricLine[]): ScoredVerdict | BadVerdict {
  const parsed = VerdictSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { reason: `the verdict does not match the expected structure: ${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}` };
  }
  const verdict = parsed.data;
  if (!lines.length) return { verdict, score: verdict.score, criteria: [] };
  const given = new Map<string, Verdict['criteria'][number]>();
  for (const c of verdict.criteria) if (!given.has(norm(c.criterion))) given.set(norm(c.criterion), c);
  const missing = lines.filter((l) => !given.has(norm(l.criterion))).map((l) => l.criterion);
  if (missing.length) return { reason: `the verdict has no score for ${missing.map((m) => `"${m}"`).join(', ')}` };
  const criteria = lines.map((l) => {
    const c = given.get(norm(l.criterion))!;
    return { criterion: l.criterion, weight: l.weight, score: c.score, explanation: c.explanation };
  });
  const totalWeight = criteria.reduce((s, c) => s + c.weight, 0);
  const score = criteria.reduce((s, c) => s + c.weight * c.score, 0) / totalWeight;
  return { verdict, score, criteria };
}

/** Narrow a scoring outcome. */
export function isBadVerdict(v: ScoredVerdict | BadVerdict): v is BadVerdict {
  return 'reason' in v;
}
