/**
 * @atp/evaluator-factuality: the `factuality` assertion — claims checked against a ground-truth
 * file (and optionally an LLM), citations validated, hallucination indicators penalised, scored
 * with the formulas of the reference. This module stays light (zod schemas only).
 */
import { definePlugin, type EvaluatorEntry } from '@atp/kernel';
import { FactualityConfigSchema } from './config-schema.js';

/** The plugin: the `factuality` assertion type. */
export default definePlugin({
  name: '@atp/evaluator-factuality',
  apiVersion: 1,
  version: '0.1.0',
  description: 'Factuality: claims vs ground truth (or an LLM), citations, hallucination indicators',
  evaluators: [
    {
      name: 'factuality',
      evaluator: 'factuality',
      description: 'Claims in the artifacts agree with a ground-truth file; citations are valid; few hallucination signals',
      configSchema: FactualityConfigSchema,
      load: () => import('./factuality-evaluator.js'),
    },
  ] satisfies EvaluatorEntry[],
});

export { FactualityConfigSchema, LlmEndpointSchema, VERIFICATION_METHODS, type FactualityConfig, type LlmEndpoint } from './config-schema.js';
