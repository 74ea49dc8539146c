import { z } from 'zod';

/** Config of the `word_count` assertion: the artifact to read and the range of words allowed. */
export const WordCountConfigSchema = z
  .strictObject({
    path: z.string().min(1, { error: 'path cannot be empty' }).optional().describe('Count the words of this artifact (default: every file artifact with inline text)'),
    min: z.number().int().min(0).optional().describe('Fewest words allowed'),
    max: z.number().int().min(0).optional().describe('Most words allowed'),
  })
  .refine((c) => c.min !== undefined || c.max !== undefined, { error: 'give min, max or both' })
  .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, { error: 'min must not be greater than max', path: ['min'] });

/** The parsed config of `word_count`. */
export type WordCountConfig = z.output<typeof WordCountConfigSchema>;
