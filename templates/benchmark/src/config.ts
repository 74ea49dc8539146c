import { z } from 'zod';

/** Options of the `json-dataset` benchmark loader. */
export const JsonDatasetOptionsSchema = z.strictObject({
  file: z.string().min(1).optional().describe('JSON dataset to load (default: the bundled capitals sample)'),
  limit: z.number().int().positive().optional().describe('Load only the first N items'),
  runs: z.number().int().min(1).default(1).describe('Runs per test'),
  timeout_seconds: z.number().positive().default(60).describe('Timeout of each run'),
});

/** The parsed options of `json-dataset`. */
export type JsonDatasetOptions = z.output<typeof JsonDatasetOptionsSchema>;

/** Config of the `expected_answer` assertion the loader puts on every test. */
export const ExpectedAnswerConfigSchema = z.strictObject({
  answer: z.string().min(1, { error: 'answer cannot be empty' }).describe('Text the agent’s answer must contain'),
  case_sensitive: z.boolean().default(false).describe('Compare letter case too'),
});

/** The parsed config of `expected_answer`. */
export type ExpectedAnswerConfig = z.output<typeof ExpectedAnswerConfigSchema>;

/** A dataset file: a name, a version and question/answer items with unique ids. */
export const DatasetSchema = z.strictObject({
  name: z.string().min(1),
  version: z.string().min(1).default('1.0'),
  description: z.string().optional(),
  items: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[A-Za-z0-9_-]+$/, { error: 'id may only contain letters, digits, "_" and "-"' }),
        question: z.string().min(1),
        answer: z.string().min(1),
      }),
    )
    .min(1, { error: 'the dataset has no items' })
    .refine((items) => new Set(items.map((i) => i.id)).size === items.length, { error: 'item ids must be unique' }),
});

/** A parsed dataset. */
export type Dataset = z.output<typeof DatasetSchema>;
