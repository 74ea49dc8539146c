/** The tones `expected_tone` accepts. */
export const TONES = ['professional', 'casual', 'formal', 'friendly'] as const;
/** A tone. */
export type Tone = (typeof TONES)[number];
