/** The ground-truth file: its schema, and loading it relative to the suite with precise errors. */
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { parseDate, type DateValue } from './dates.js';

const keywords = z.array(z.string().min(1)).min(1).optional().describe('Words that must all appear in a sentence for the entry to apply (default: the key’s words)');

const FactEntry = z.union([
  z.string().min(1),
  z.array(z.string().min(1)).min(1),
  z.strictObject({ value: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]), keywords }),
], { error: 'expected a string, a list of strings, or {value, keywords}' });
const DateEntry = z.union([z.string().min(1), z.strictObject({ value: z.string().min(1), keywords })], { error: 'expected a date string or {value, keywords}' });
const NumberEntry = z.union([
  z.number(),
  z.strictObject({ value: z.number(), tolerance: z.number().min(0).optional(), unit: z.string().optional(), keywords }),
], { error: 'expected a number or {value, tolerance, unit, keywords}' });

/** The file's JSON shape. */
export const GroundTruthFileSchema = z.strictObject({
  facts: z.record(z.string(), FactEntry).optional(),
  dates: z.record(z.string(), DateEntry).optional(),
  numbers: z.record(z.string(), NumberEntry).optional(),
  valid_sources: z.array(z.string().min(1)).optional(),
});

/** One entry, normalised. */
export type GroundTruthEntry =
  | { section: 'facts'; key: string; keywords: string[]; values: string[] }
  | { section: 'dates'; key: string; keywords: string[]; value: DateValue; raw: string }
  | { section: 'numbers'; key: string; keywords: string[]; value: number; tolerance?: number; unit?: string };

/** A loaded ground truth. */
export interface GroundTruth {
  file: string;
  entries: GroundTruthEntry[];
  /** undefined when the file has no valid_sources (citations are then not validated against sources). */
  validSources?: string[];
}

/** Load and validate the ground-truth file; the error message says which file, where it was looked for, and what is wrong. */
export async function loadGroundTruth(file: string, baseDir: string): Promise<{ ok: true; value: GroundTruth } | { ok: false; message: string }> {
  const path = isAbsolute(file) ? file : resolve(baseDir, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'not found' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    return { ok: false, message: `ground_truth_file ${JSON.stringify(file)} ${why} (looked for ${path}; relative paths are resolved against the suite file's directory)` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `ground_truth_file ${path} is not valid JSON: ${(error as Error).message}` };
  }
  const parsed = GroundTruthFileSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
    return { ok: false, message: `ground_truth_file ${path} is invalid: ${issues.join('; ')} (expected {facts, dates, numbers, valid_sources})` };
  }
  const entries: GroundTruthEntry[] = [];
  const data = parsed.data;
  const words = (key: string, given: string[] | undefined): string[] => given ?? [key];
  for (const [key, entry] of Object.entries(data.facts ?? {})) {
    const value = typeof entry === 'string' || Array.isArray(entry) ? entry : entry.value;
    const kw = typeof entry === 'object' && !Array.isArray(entry) ? entry.keywords : undefined;
    entries.push({ section: 'facts', key, keywords: words(key, kw), values: Array.isArray(value) ? value : [value] });
  }
  for (const [key, entry] of Object.entries(data.dates ?? {})) {
    const raw = typeof entry === 'string' ? entry : entry.value;
    const value = parseDate(raw);
    if (!value) return { ok: false, message: `ground_truth_file ${path} is invalid: dates.${key}: cannot read ${JSON.stringify(raw)} as a date (use 1889-03-31, 1889-03, 1889 or "March 31, 1889")` };
    entries.push({ section: 'dates', key, keywords: words(key, typeof entry === 'string' ? undefined : entry.keywords), value, raw });
  }
  for (const [key, entry] of Object.entries(data.numbers ?? {})) {
    if (typeof entry === 'number') entries.push({ section: 'numbers', key, keywords: [key], value: entry });
    else {
      entries.push({
        section: 'numbers',
        key,
        keywords: words(key, entry.keywords),
        value: entry.value,
        ...(entry.tolerance !== undefined ? { tolerance: entry.tolerance } : {}),
        ...(entry.unit !== undefined ? { unit: entry.unit } : {}),
      });
    }
  }
  return { ok: true, value: { file: path, entries, ...(data.valid_sources ? { validSources: data.valid_sources } : {}) } };
}
