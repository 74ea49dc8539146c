import { describe, expect, it } from 'vitest';
import { PassiveVoiceConfigSchema, ReadabilityConfigSchema, SentenceLengthConfigSchema, StyleConfigSchema, StyleRulesConfigSchema, ToneConfigSchema } from '../src/index.js';

describe('style config schemas', () => {
  it('accept the reference keys and apply defaults', () => {
    expect(ToneConfigSchema.parse({ expected_tone: 'formal' })).toEqual({ expected_tone: 'formal', tone_threshold: 0.7 });
    expect(ReadabilityConfigSchema.parse({})).toEqual({});
    expect(ReadabilityConfigSchema.parse({ max_flesch_kincaid_grade: 5, min_flesch_reading_ease: 60, max_smog_grade: 10, max_coleman_liau_grade: 9 })).toEqual({
      max_flesch_kincaid_grade: 5,
      min_flesch_reading_ease: 60,
      max_smog_grade: 10,
      max_coleman_liau_grade: 9,
    });
    expect(StyleRulesConfigSchema.parse({ forbidden_words: ['very'] })).toEqual({ forbidden_words: ['very'], case_sensitive: false });
    expect(StyleConfigSchema.parse({ expected_tone: 'casual', max_sentence_length: 20 })).toEqual({ expected_tone: 'casual', max_sentence_length: 20 });
  });

  it('validate regexes when the suite compiles', () => {
    expect(StyleRulesConfigSchema.safeParse({ forbidden_patterns: ['ok', '(unclosed'] }).error?.issues).toEqual([
      { code: 'custom', path: ['forbidden_patterns', 1], message: 'invalid regular expression /(unclosed/: Unterminated group' },
    ]);
    expect(StyleConfigSchema.safeParse({ required_patterns: ['[z-a]'] }).error?.issues).toEqual([
      { code: 'custom', path: ['required_patterns', 0], message: 'invalid regular expression /[z-a]/: Range out of order in character class' },
    ]);
  });

  it('reject configs that cannot do anything or contradict themselves', () => {
    expect(StyleRulesConfigSchema.safeParse({ case_sensitive: true }).error?.issues).toEqual([
      { code: 'custom', path: [], message: 'configure at least one of forbidden_words, required_words, forbidden_patterns, required_patterns' },
    ]);
    expect(SentenceLengthConfigSchema.safeParse({}).error?.issues[0]?.message).toBe('configure at least one of max_avg_sentence_length, min_avg_sentence_length, max_sentence_length');
    expect(SentenceLengthConfigSchema.safeParse({ min_avg_sentence_length: 20, max_avg_sentence_length: 10 }).error?.issues).toEqual([
      { code: 'custom', path: ['min_avg_sentence_length'], message: 'min_avg_sentence_length (20) is greater than max_avg_sentence_length (10)' },
    ]);
    expect(StyleConfigSchema.safeParse({ tone_threshold: 0.5 }).error?.issues).toEqual([{ code: 'custom', path: ['tone_threshold'], message: 'tone_threshold needs expected_tone' }]);
    expect(StyleConfigSchema.safeParse({ case_sensitive: true, max_smog_grade: 3 }).error?.issues[0]?.path).toEqual(['case_sensitive']);
  });

  it('reject wrong values and unknown keys', () => {
    expect(ToneConfigSchema.safeParse({}).error?.issues[0]?.path).toEqual(['expected_tone']);
    expect(ToneConfigSchema.safeParse({ expected_tone: 'snarky' }).error?.issues[0]?.message).toBe('unknown tone "snarky"; expected one of professional, casual, formal, friendly');
    expect(PassiveVoiceConfigSchema.safeParse({ max_passive_voice_percentage: 120 }).error?.issues[0]?.path).toEqual(['max_passive_voice_percentage']);
    expect(PassiveVoiceConfigSchema.safeParse({}).error?.issues[0]?.path).toEqual(['max_passive_voice_percentage']);
    expect(ReadabilityConfigSchema.safeParse({ max_fk_grade: 5 }).error?.issues).toEqual([
      { code: 'unrecognized_keys', keys: ['max_fk_grade'], path: [], message: 'Unrecognized key: "max_fk_grade"' },
    ]);
    expect(StyleRulesConfigSchema.safeParse({ forbidden_words: [] }).error?.issues[0]?.message).toBe('list at least one word');
    expect(StyleRulesConfigSchema.safeParse({ forbidden_words: ['  '] }).error?.issues[0]?.message).toBe('a word cannot be empty');
  });
});
