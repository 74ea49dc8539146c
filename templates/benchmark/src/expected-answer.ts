import type { EvaluationInput, Evaluator, EvaluatorOutput } from '@atp/kernel';
import type { ExpectedAnswerConfig } from './config.js';

const normalize = (text: string, caseSensitive: boolean): string => {
  const spaced = text.replace(/\s+/g, ' ').trim();
  return caseSensitive ? spaced : spaced.toLowerCase();
};

/** Passes when one of the response's inline text artifacts contains the expected answer (spaces normalised). */
export function createEvaluator(): Evaluator<ExpectedAnswerConfig> {
  return {
    evaluate({ assertion, response }: EvaluationInput<ExpectedAnswerConfig>): EvaluatorOutput {
      const { answer, case_sensitive } = assertion.config;
      const expected = normalize(answer, case_sensitive);
      const texts = response.artifacts.flatMap((a) => (a.type === 'file' && typeof a.content === 'string' ? [{ path: a.path, text: a.content }] : []));
      const hit = texts.find((t) => normalize(t.text, case_sensitive).includes(expected));
      return {
        checks: [
          hit
            ? { name: 'expected_answer', passed: true, score: 1, message: `"${answer}" found in ${hit.path}` }
            : { name: 'expected_answer', passed: false, score: 0, message: texts.length ? `"${answer}" is not in the answer` : 'the response has no text artifact' },
        ],
      };
    },
  };
}
