import type { Plan, PlanTest } from '@atp/kernel';
import { callCost, type PriceLookup } from './pricing.js';
import { formatUsd, sumUsd, timesUsd, usdToNumber, type Usd } from './usd.js';

/** Steps assumed for a test without `constraints.max_steps`. */
export const DEFAULT_ESTIMATE_STEPS = 10;
/** Fixed prompt overhead added to every test's input estimate (system prompt, framing). */
export const INPUT_OVERHEAD_TOKENS = 200;

/** The estimate of one test. */
export interface TestEstimate {
  test_id: string;
  name: string;
  /** Jobs of the test: runs × agents. */
  runs: number;
  /** Characters counted for the input estimate. */
  chars: number;
  input_tokens: number;
  output_tokens_min: number;
  output_tokens_max: number;
  max_steps: number;
  /** True when the test sets no max_steps and DEFAULT_ESTIMATE_STEPS was used. */
  max_steps_assumed: boolean;
  cost_min_usd: number;
  cost_max_usd: number;
}

/** The estimate of a suite with one model. */
export interface SuiteEstimate {
  suite: string;
  model: string;
  provider?: string;
  pricing: { match: PriceLookup['match']; key?: string; input_per_1k: string; output_per_1k: string };
  tests: TestEstimate[];
  total: {
    runs: number;
    input_tokens: number;
    output_tokens_min: number;
    output_tokens_max: number;
    cost_min_usd: number;
    cost_max_usd: number;
  };
  /** Set with --budget-check: whether the maximum exceeds it. */
  budget?: { limit_usd: number; exceeded: boolean };
}

const valueChars = (v: unknown): number => (typeof v === 'string' ? v.length : (JSON.stringify(v) ?? '').length);

/**
 * Characters the estimate counts for a test (reference §7.5): the description, each input_data key and
 * value (strings as they are, other values as JSON), the expected artifact names and the allowed tools.
 */
export function inputChars(test: Pick<PlanTest, 'task' | 'constraints'>): number {
  let chars = test.task.description.length;
  for (const [k, v] of Object.entries(test.task.input_data ?? {})) chars += k.length + valueChars(v);
  for (const a of test.task.expected_artifacts ?? []) chars += a.length;
  for (const t of test.constraints.allowed_tools ?? []) chars += t.length;
  return chars;
}

/** Token estimate of one run: input ≈ chars/4 + 200; output min = max(100, 30·steps), max = max(500, 150·steps) capped by max_tokens. */
export function estimateTokens(test: Pick<PlanTest, 'task' | 'constraints'>): { chars: number; input: number; outputMin: number; outputMax: number; steps: number; stepsAssumed: boolean } {
  const chars = inputChars(test);
  const steps = test.constraints.max_steps ?? DEFAULT_ESTIMATE_STEPS;
  let outputMax = Math.max(500, 150 * steps);
  if (test.constraints.max_tokens !== undefined) outputMax = Math.min(outputMax, test.constraints.max_tokens);
  const outputMin = Math.min(Math.max(100, 30 * steps), outputMax);
  return { chars, input: Math.floor(chars / 4) + INPUT_OVERHEAD_TOKENS, outputMin, outputMax, steps, stepsAssumed: test.constraints.max_steps === undefined };
}

/** Estimate a compiled plan's cost with one model's price; `budgetUsd` adds the budget verdict. */
export function estimatePlan(plan: Plan, price: PriceLookup, budgetUsd?: Usd): SuiteEstimate {
  const jobsPerTest = new Map<string, number>();
  for (const j of plan.jobs) jobsPerTest.set(j.testId, (jobsPerTest.get(j.testId) ?? 0) + 1);
  const mins: Usd[] = [];
  const maxs: Usd[] = [];
  const tests = plan.tests.map((t): TestEstimate => {
    const e = estimateTokens(t);
    const runs = jobsPerTest.get(t.id) ?? t.runs;
    const min = timesUsd(callCost(price.rate, e.input, e.outputMin), runs);
    const max = timesUsd(callCost(price.rate, e.input, e.outputMax), runs);
    mins.push(min);
    maxs.push(max);
    return {
      test_id: t.id,
      name: t.name,
      runs,
      chars: e.chars,
      input_tokens: e.input,
      output_tokens_min: e.outputMin,
      output_tokens_max: e.outputMax,
      max_steps: e.steps,
      max_steps_assumed: e.stepsAssumed,
      cost_min_usd: usdToNumber(min),
      cost_max_usd: usdToNumber(max),
    };
  });
  const maxTotal = sumUsd(maxs);
  return {
    suite: plan.suite.name,
    model: price.model,
    ...(price.provider ? { provider: price.provider } : {}),
    pricing: { match: price.match, ...(price.key ? { key: price.key } : {}), input_per_1k: trimZeros(formatUsd(price.rate.input, 18)), output_per_1k: trimZeros(formatUsd(price.rate.output, 18)) },
    tests,
    total: {
      runs: tests.reduce((s, t) => s + t.runs, 0),
      input_tokens: tests.reduce((s, t) => s + t.input_tokens * t.runs, 0),
      output_tokens_min: tests.reduce((s, t) => s + t.output_tokens_min * t.runs, 0),
      output_tokens_max: tests.reduce((s, t) => s + t.output_tokens_max * t.runs, 0),
      cost_min_usd: usdToNumber(sumUsd(mins)),
      cost_max_usd: usdToNumber(maxTotal),
    },
    ...(budgetUsd !== undefined ? { budget: { limit_usd: usdToNumber(budgetUsd), exceeded: maxTotal > budgetUsd } } : {}),
  };
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}
