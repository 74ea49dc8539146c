import { describe, expect, it } from 'vitest';
import { passiveIn, passiveVoice } from '../src/passive-voice.js';
import { toneScore } from '../src/tone.js';

describe('passive voice', () => {
  it.each([
    ['The report was written by the team.', 'was written'],
    ['Mistakes were made.', 'were made'],
    ['The bridge is being built.', 'is being built'],
    ['The data has been carefully reviewed.', 'been carefully reviewed'],
    ['It was not approved.', 'was not approved'],
    ['Cookies are baked daily.', 'are baked'],
  ])('%s → %s', (sentence, found) => {
    expect(passiveIn(sentence)).toBe(found);
  });

  it.each(['The team wrote the report.', 'I am tired.', 'She is interested in math.', 'He was indeed right.', 'It is red.', 'They were happy.'])('%s is active', (sentence) => {
    expect(passiveIn(sentence)).toBeUndefined();
  });

  it('share of passive sentences, in percent', () => {
    expect(passiveVoice('The cake was eaten. We cleaned up. The dishes were washed. Everyone left.')).toEqual({
      sentences: 4,
      passive: ['was eaten', 'were washed'],
      percentage: 50,
    });
    expect(passiveVoice('One. Two. Three was done.')).toEqual({ sentences: 3, passive: ['was done'], percentage: 33.33 });
    expect(passiveVoice('')).toEqual({ sentences: 0, passive: [], percentage: 0 });
  });
});

describe('tone', () => {
  it('a text without markers is neutral (0.5)', () => {
    expect(toneScore('The meeting is at noon in room four.', 'formal')).toEqual({ tone: 'formal', score: 0.5, for: {}, against: {}, words: 8 });
  });

  it('professional markers raise the score, slang and emoji lower it', () => {
    expect(toneScore('Please review the proposal and provide your analysis. Thank you. Regards, Ana', 'professional')).toEqual({
      tone: 'professional',
      score: 1,
      for: { please: 1, 'thank you': 1, regards: 1, provide: 1, review: 1, analysis: 1, proposal: 1 },
      against: {},
      words: 12,
    });
    expect(toneScore('hey dude, gonna send the stuff lol 😎', 'professional')).toEqual({
      tone: 'professional',
      score: 0,
      for: {},
      against: { slang: 5, emoji: 1 },
      words: 7,
    });
  });

  it('casual vs formal read the same text in opposite directions', () => {
    const text = "Hey folks! We're gonna ship it tomorrow, it's pretty much done.";
    const casual = toneScore(text, 'casual');
    const formal = toneScore(text, 'formal');
    expect(casual.for).toEqual({ contraction: 2, slang: 2, exclamation: 1, 'pretty much': 1, folks: 1 });
    expect(casual.score).toBe(1);
    expect(formal.against).toEqual({ contraction: 2, slang: 2, exclamation: 1 });
    expect(formal.score).toBe(0);
  });

  it('friendly and formal texts', () => {
    expect(toneScore('Hi! Thanks so much, I hope you enjoy it. Let me know if anything comes up.', 'friendly').score).toBe(1);
    expect(toneScore('Failure to comply is unacceptable. You must respond immediately.', 'friendly')).toEqual({
      tone: 'friendly',
      score: 0,
      for: {},
      against: { unacceptable: 1, must: 1, immediately: 1, failure: 1 },
      words: 9,
    });
    expect(toneScore('Pursuant to the agreement, the parties shall therefore convene; furthermore, minutes shall be kept.', 'formal').score).toBe(1);
  });

  it('in long texts markers count per 100 words', () => {
    const filler = 'the meeting happens on a weekday in a room '.repeat(20).trim();
    const one = toneScore(`Please join. ${filler}`, 'professional');
    expect(one.words).toBe(182);
    // 0.5 + 0.1 · 1 · 100/182
    expect(one.score).toBe(0.55);
  });
});
