/** Samples given as raw values or as summary statistics, so tests can run on either (old baselines keep only summaries). */
import { mean, sampleStd } from './descriptive.js';

/** A sample by its summary statistics: size, mean and sample standard deviation (n − 1 denominator). */
export interface SampleSummary {
  n: number;
  mean: number;
  std: number;
}

/** A sample: the raw values or their summary. */
export type Sample = readonly number[] | SampleSummary;

/** The summary of a sample (an empty array has mean NaN). */
export function summarize(sample: Sample): SampleSummary {
  if (isSummary(sample)) return { n: sample.n, mean: sample.mean, std: sample.std };
  return { n: sample.length, mean: sample.length ? mean(sample) : NaN, std: sampleStd(sample) };
}

function isSummary(sample: Sample): sample is SampleSummary {
  return !Array.isArray(sample);
}
