/**
 * @atp/evaluator-composite: combine other assertions with AND / OR / NOT, comparisons and
 * thresholds in three-valued (Kleene) logic. This module stays light (zod schema only).
 */
import { definePlugin, type EvaluatorEntry } from '@atp/kernel';
import { CompositeConfigSchema } from './config-schema.js';

/** The plugin: the `composite` assertion type. */
export default definePlugin({
  name: '@atp/evaluator-composite',
  apiVersion: 1,
  version: '0.1.0',
  description: 'Composite assertions: expressions over other assertions with Kleene logic',
  evaluators: [
    {
      name: 'composite',
      evaluator: 'composite',
      description: 'Combine other assertions: AND / OR / NOT, comparisons of scores, thresholds',
      configSchema: CompositeConfigSchema,
      load: () => import('./composite-evaluator.js'),
    },
  ] satisfies EvaluatorEntry[],
});

export { CompositeConfigSchema, OPERATORS, COMPARATORS, type CompositeConfig } from './config-schema.js';
