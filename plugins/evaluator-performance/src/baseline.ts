import { readFile } from 'node:fs/promises';
import type { EvaluationInput } from '@atp/kernel';
import { BaselineSchema, type Baseline, type PerformanceConfig } from './config-schema.js';
import { suiteRelative } from './suite-dir.js';

/** The baseline of an assertion, none, or why it could not be read. */
export type LoadedBaseline = { ok: true; baseline: Baseline | undefined; source?: string } | { ok: false; message: string };

function issues(error: { issues: Array<{ path: PropertyKey[]; message: string }> }): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message)).join('; ');
}

/**
 * The inline `baseline`, or the one in `baseline_file`: a JSON object in the baseline shape, or
 * `{"tests": {"<test id>": <baseline>}}` holding one per test (looked up by the test's id).
 */
export async function loadBaseline(config: PerformanceConfig, input: Pick<EvaluationInput, 'suiteDir' | 'test'>): Promise<LoadedBaseline> {
  if (config.baseline !== undefined) return { ok: true, baseline: config.baseline as Baseline, source: 'inline' };
  if (config.baseline_file === undefined) return { ok: true, baseline: undefined };
  const name = JSON.stringify(config.baseline_file);
  const file = suiteRelative(input, config.baseline_file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : error instanceof Error ? error.message : String(error);
    return { ok: false, message: `cannot read baseline_file ${name} (${file}): ${reason}` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `baseline_file ${name} is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  let entry = data;
  if (typeof data === 'object' && data !== null && !Array.isArray(data) && 'tests' in data) {
    const tests = (data as { tests: unknown }).tests;
    entry = typeof tests === 'object' && tests !== null ? (tests as Record<string, unknown>)[input.test.id] : undefined;
    if (entry === undefined) return { ok: false, message: `baseline_file ${name} has no baseline for test "${input.test.id}"` };
  }
  const parsed = BaselineSchema.safeParse(entry);
  if (!parsed.success) return { ok: false, message: `invalid baseline in ${name}: ${issues(parsed.error)}` };
  return { ok: true, baseline: parsed.data as Baseline, source: config.baseline_file };
}
