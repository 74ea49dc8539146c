/**
 * @atp/evaluator-style: text-quality assertions — readability (Flesch–Kincaid, Flesch reading ease,
 * SMOG, Coleman–Liau), passive voice, sentence length, tone and word/pattern rules — with the
 * formulas of the reference. This module stays light (zod schemas only).
 */
import { definePlugin, type EvaluatorEntry } from '@atp/kernel';
import {
  PassiveVoiceConfigSchema,
  ReadabilityConfigSchema,
  SentenceLengthConfigSchema,
  StyleConfigSchema,
  StyleRulesConfigSchema,
  ToneConfigSchema,
} from './config-schemas.js';

const load: EvaluatorEntry['load'] = () => import('./style-evaluator.js');

/** The plugin: one evaluator registry entry per style assertion type. */
export default definePlugin({
  name: '@atp/evaluator-style',
  apiVersion: 1,
  version: '0.1.0',
  description: 'Text style: readability, passive voice, sentence length, tone, word and pattern rules',
  evaluators: [
    { name: 'style', evaluator: 'style', description: 'Any combination of readability, passive voice, sentence length, tone and rule limits', configSchema: StyleConfigSchema, load },
    { name: 'tone', evaluator: 'style', description: 'The text has the expected tone (professional, casual, formal, friendly)', configSchema: ToneConfigSchema, load },
    { name: 'readability', evaluator: 'style', description: 'Flesch–Kincaid, Flesch reading ease, SMOG and Coleman–Liau within limits', configSchema: ReadabilityConfigSchema, load },
    { name: 'passive_voice', evaluator: 'style', description: 'The share of passive-voice sentences stays under a limit', configSchema: PassiveVoiceConfigSchema, load },
    { name: 'sentence_length', evaluator: 'style', description: 'Average and longest sentence length within limits', configSchema: SentenceLengthConfigSchema, load },
    { name: 'style_rules', evaluator: 'style', description: 'Forbidden and required words and regular expressions', configSchema: StyleRulesConfigSchema, load },
  ] satisfies EvaluatorEntry[],
});

export {
  STYLE_CONFIG_SCHEMAS,
  StyleConfigSchema,
  ToneConfigSchema,
  ReadabilityConfigSchema,
  PassiveVoiceConfigSchema,
  SentenceLengthConfigSchema,
  StyleRulesConfigSchema,
  type StyleAssertionType,
  type StyleConfig,
  type ToneConfig,
  type ReadabilityConfig,
  type PassiveVoiceConfig,
  type SentenceLengthConfig,
  type StyleRulesConfig,
} from './config-schemas.js';
export { TONES, type Tone } from './tones.js';
