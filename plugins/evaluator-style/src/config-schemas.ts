/**
 * Config schemas of the style assertion types. The compiler parses each assertion's config with
 * its schema (unknown keys are errors, regexes compiled, defaults applied); the evaluator receives
 * the parsed value. This module is imported by the plugin index: zod schemas only.
 */
import { z } from 'zod';
import { compileRegex } from './compile-regex.js';
import { TONES } from './tones.js';

/** The flags rule patterns are compiled with. */
export function patternFlags(caseSensitive: boolean): string {
  return caseSensitive ? 'g' : 'gi';
}

const path = z.string().min(1, { error: 'artifact path cannot be empty' }).optional().describe('Artifact to read (default: the first artifact with text; style rules: every artifact with text)');
const grade = z.number().min(0, { error: 'must be >= 0' });
const wordCount = z.number().positive({ error: 'must be > 0' });
const wordList = z.array(z.string().trim().min(1, { error: 'a word cannot be empty' })).min(1, { error: 'list at least one word' });
const patternList = z.array(z.string().min(1, { error: 'a pattern cannot be empty' })).min(1, { error: 'list at least one pattern' });

/** Readability limits (`readability`, and part of `style`). */
const readabilityKeys = {
  max_flesch_kincaid_grade: grade.optional().describe('Highest Flesch–Kincaid grade allowed'),
  min_flesch_reading_ease: z.number().min(0).max(100).optional().describe('Lowest Flesch reading ease allowed (0–100)'),
  max_smog_grade: grade.optional().describe('Highest SMOG grade allowed'),
  max_coleman_liau_grade: grade.optional().describe('Highest Coleman–Liau grade allowed'),
};
const passiveKeys = {
  max_passive_voice_percentage: z.number().min(0).max(100).describe('Highest share of passive sentences, in percent'),
};
const sentenceKeys = {
  max_avg_sentence_length: wordCount.optional().describe('Highest average sentence length, in words'),
  min_avg_sentence_length: wordCount.optional().describe('Lowest average sentence length, in words'),
  max_sentence_length: wordCount.optional().describe('Longest sentence allowed, in words'),
};
const toneKeys = {
  expected_tone: z.enum(TONES, { error: (iss) => `unknown tone ${JSON.stringify(iss.input)}; expected one of ${TONES.join(', ')}` }).describe('The tone the text should have'),
  tone_threshold: z.number().min(0).max(1).default(0.7).describe('Lowest tone score that passes (0–1)'),
};
const ruleKeys = {
  forbidden_words: wordList.optional().describe('Words or phrases that must not appear (whole words)'),
  required_words: wordList.optional().describe('Words or phrases that must appear (whole words)'),
  forbidden_patterns: patternList.optional().describe('Regular expressions that must not match'),
  required_patterns: patternList.optional().describe('Regular expressions that must match'),
  case_sensitive: z.boolean().default(false).describe('Match words and patterns case-sensitively'),
};

type Ctx = z.core.$RefinementCtx;

function checkPatterns(config: { forbidden_patterns?: string[] | undefined; required_patterns?: string[] | undefined; case_sensitive?: boolean | undefined }, ctx: Ctx): void {
  for (const key of ['forbidden_patterns', 'required_patterns'] as const) {
    (config[key] ?? []).forEach((pattern, i) => {
      const compiled = compileRegex(pattern, patternFlags(config.case_sensitive ?? false));
      if (!compiled.ok) ctx.addIssue({ code: 'custom', path: [key, i], message: compiled.error });
    });
  }
}

function checkRange(config: { max_avg_sentence_length?: number | undefined; min_avg_sentence_length?: number | undefined }, ctx: Ctx): void {
  const { min_avg_sentence_length: min, max_avg_sentence_length: max } = config;
  if (min !== undefined && max !== undefined && min > max) {
    ctx.addIssue({ code: 'custom', path: ['min_avg_sentence_length'], message: `min_avg_sentence_length (${min}) is greater than max_avg_sentence_length (${max})` });
  }
}

function requireOne(config: Record<string, unknown>, keys: readonly string[], ctx: Ctx): void {
  if (!keys.some((k) => config[k] !== undefined)) ctx.addIssue({ code: 'custom', path: [], message: `configure at least one of ${keys.join(', ')}` });
}

/** `readability`: Flesch–Kincaid, Flesch reading ease, SMOG, Coleman–Liau limits (none: one informational check). */
export const ReadabilityConfigSchema = z.strictObject({ ...readabilityKeys, path }).describe('Readability metrics within limits');

/** `passive_voice`: the share of passive sentences stays under a limit. */
export const PassiveVoiceConfigSchema = z.strictObject({ ...passiveKeys, path }).describe('Share of passive-voice sentences under a limit');

/** `sentence_length`: average and longest sentence length, in words. */
export const SentenceLengthConfigSchema = z
  .strictObject({ ...sentenceKeys, path })
  .superRefine((config, ctx) => {
    requireOne(config, Object.keys(sentenceKeys), ctx);
    checkRange(config, ctx);
  })
  .describe('Sentence lengths within limits');

/** `tone`: the text scores at least `tone_threshold` for `expected_tone`. */
export const ToneConfigSchema = z.strictObject({ ...toneKeys, path }).describe('The text has the expected tone');

/** `style_rules`: forbidden and required words and patterns. */
export const StyleRulesConfigSchema = z
  .strictObject({ ...ruleKeys, path })
  .superRefine((config, ctx) => {
    requireOne(config, ['forbidden_words', 'required_words', 'forbidden_patterns', 'required_patterns'], ctx);
    checkPatterns(config, ctx);
  })
  .describe('Forbidden and required words and patterns');

/** `style`: any combination of the keys above; each configured key adds its check (none: one informational check). */
export const StyleConfigSchema = z
  .strictObject({
    ...readabilityKeys,
    ...passiveKeys,
    max_passive_voice_percentage: passiveKeys.max_passive_voice_percentage.optional(),
    ...sentenceKeys,
    expected_tone: toneKeys.expected_tone.optional(),
    tone_threshold: z.number().min(0).max(1).optional().describe('Lowest tone score that passes (default 0.7; needs expected_tone)'),
    ...ruleKeys,
    case_sensitive: z.boolean().optional().describe('Match words and patterns case-sensitively (default false)'),
    path,
  })
  .superRefine((config, ctx) => {
    if (config.tone_threshold !== undefined && config.expected_tone === undefined) {
      ctx.addIssue({ code: 'custom', path: ['tone_threshold'], message: 'tone_threshold needs expected_tone' });
    }
    if (config.case_sensitive !== undefined && !['forbidden_words', 'required_words', 'forbidden_patterns', 'required_patterns'].some((k) => k in config)) {
      ctx.addIssue({ code: 'custom', path: ['case_sensitive'], message: 'case_sensitive needs forbidden_words, required_words, forbidden_patterns or required_patterns' });
    }
    checkRange(config, ctx);
    checkPatterns(config, ctx);
  })
  .describe('Readability, passive voice, sentence length, tone and word rules in one assertion');

/** Parsed `readability` config. */
export type ReadabilityConfig = z.output<typeof ReadabilityConfigSchema>;
/** Parsed `passive_voice` config. */
export type PassiveVoiceConfig = z.output<typeof PassiveVoiceConfigSchema>;
/** Parsed `sentence_length` config. */
export type SentenceLengthConfig = z.output<typeof SentenceLengthConfigSchema>;
/** Parsed `tone` config. */
export type ToneConfig = z.output<typeof ToneConfigSchema>;
/** Parsed `style_rules` config. */
export type StyleRulesConfig = z.output<typeof StyleRulesConfigSchema>;
/** Parsed `style` config. */
export type StyleConfig = z.output<typeof StyleConfigSchema>;

/** The config schema of each style assertion type. */
export const STYLE_CONFIG_SCHEMAS = {
  style: StyleConfigSchema,
  tone: ToneConfigSchema,
  readability: ReadabilityConfigSchema,
  passive_voice: PassiveVoiceConfigSchema,
  sentence_length: SentenceLengthConfigSchema,
  style_rules: StyleRulesConfigSchema,
} as const;

/** A style assertion type. */
export type StyleAssertionType = keyof typeof STYLE_CONFIG_SCHEMAS;
