import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_AGENT, expandJobs, type Plan, type PlanTest, type ScoringWeights } from '@atp/kernel';
import type { z } from 'zod';
import { DatasetSchema, ExpectedAnswerConfigSchema, JsonDatasetOptionsSchema, type Dataset } from './config.js';

/** The dataset used when no `file` is given. */
export const SAMPLE_DATASET = fileURLToPath(new URL('../data/capitals.json', import.meta.url));

// A benchmark measures answers: the score is the answer's correctness only, not speed or cost.
const ANSWER_ONLY: ScoringWeights = { quality_weight: 1, completeness_weight: 0, efficiency_weight: 0, cost_weight: 0 };

function issues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ');
}

/** Read and validate a dataset file; errors name the file and the path of the problem. */
export async function readDataset(file: string): Promise<Dataset> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`json-dataset: cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`json-dataset: ${file} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = DatasetSchema.safeParse(json);
  if (!parsed.success) throw new Error(`json-dataset: ${file}: ${issues(parsed.error)}`);
  return parsed.data;
}

/** One test per dataset item: the question is the task, `expected_answer` the assertion. */
export function datasetPlan(dataset: Dataset, file: string, options: { runs: number; timeout_seconds: number; limit?: number }): Plan {
  const items = options.limit === undefined ? dataset.items : dataset.items.slice(0, options.limit);
  const tests: PlanTest[] = items.map((item) => ({
    id: item.id,
    name: item.question,
    tags: ['benchmark', dataset.name],
    task: { description: item.question, input_data: null, expected_artifacts: null },
    constraints: { timeout_seconds: options.timeout_seconds },
    timeoutMs: options.timeout_seconds * 1000,
    // A plan holds configs as the evaluator's schema parsed them (defaults applied), as a compiled suite does.
    assertions: [{ id: 'expected_answer', type: 'expected_answer', config: ExpectedAnswerConfigSchema.parse({ answer: item.answer }), critical: false }],
    scoring: ANSWER_ONLY,
    runs: options.runs,
    agents: [],
  }));
  return {
    planVersion: 1,
    suite: { name: dataset.name, version: dataset.version, ...(dataset.description ? { description: dataset.description } : {}), file },
    agents: [],
    tests,
    // Without agents of its own the plan runs against the agent chosen at run time (--agent, or the SDK's `agents`).
    jobs: expandJobs(tests, [], DEFAULT_AGENT),
  };
}

/** The benchmark loader: options in, an executable plan out. */
export async function load(options: Record<string, unknown>): Promise<Plan> {
  const parsed = JsonDatasetOptionsSchema.safeParse(options ?? {});
  if (!parsed.success) throw new Error(`json-dataset: invalid options: ${issues(parsed.error)}`);
  const file = parsed.data.file ? resolve(parsed.data.file) : SAMPLE_DATASET;
  return datasetPlan(await readDataset(file), file, parsed.data);
}
