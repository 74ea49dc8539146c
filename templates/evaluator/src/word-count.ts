import type { ATPResponse, EvalCheck, EvaluationInput, Evaluator, EvaluatorOutput } from '@atp/kernel';
import type { WordCountConfig } from './config.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'word' });

/** Count words the way Unicode segments them (so "l'été" is one word and CJK text is counted too). */
export function countWords(text: string): number {
  let n = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) n++;
  return n;
}

const isText = (contentType: string | null | undefined): boolean =>
  !contentType || contentType.startsWith('text/') || /json|xml|yaml|markdown|csv/.test(contentType);

/** The inline text of the response's file artifacts (only the one at `path` when given). */
export function textArtifacts(response: ATPResponse, path: string | undefined): Array<{ path: string; text: string }> {
  const out: Array<{ path: string; text: string }> = [];
  for (const artifact of response.artifacts) {
    if (artifact.type !== 'file' || typeof artifact.content !== 'string' || !isText(artifact.content_type)) continue;
    if (path === undefined || artifact.path === path) out.push({ path: artifact.path, text: artifact.content });
  }
  return out;
}

/** 1 inside the range; below `min` the share of min reached, above `max` the share of max it overshoots by. */
export function wordScore(words: number, min: number | undefined, max: number | undefined): number {
  if (min !== undefined && words < min) return min === 0 ? 1 : words / min;
  if (max !== undefined && words > max) return words === 0 ? 1 : max / words;
  return 1;
}

function describeRange(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `between ${min} and ${max}`;
  return min !== undefined ? `at least ${min}` : `at most ${max}`;
}

/** An evaluator scores one assertion of one run and returns its checks (score 0..1 each). */
export function createEvaluator(): Evaluator<WordCountConfig> {
  return {
    evaluate({ assertion, response }: EvaluationInput<WordCountConfig>): EvaluatorOutput {
      const { path, min, max } = assertion.config;
      const texts = textArtifacts(response, path);
      if (texts.length === 0) {
        const check: EvalCheck = {
          name: 'word_count',
          passed: false,
          score: 0,
          message: path === undefined ? 'the response has no file artifact with inline text' : `no file artifact "${path}" with inline text`,
        };
        return { checks: [check] };
      }
      const words = texts.reduce((sum, t) => sum + countWords(t.text), 0);
      const score = wordScore(words, min, max);
      const expected = describeRange(min, max);
      return {
        checks: [
          {
            name: 'word_count',
            passed: score === 1,
            score,
            message: `${words} word${words === 1 ? '' : 's'} (expected ${expected})`,
            details: { words, artifacts: texts.map((t) => t.path), ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) },
          },
        ],
      };
    },
  };
}
