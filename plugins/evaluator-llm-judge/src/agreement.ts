import { mean, sampleStd } from '@atp/kernel';

/** How several judge samples of one check agree. */
export interface Agreement {
  samples: number;
  mean: number;
  std: number;
  min: number;
  max: number;
  /** Samples whose own score passes the threshold. */
  passes: number;
  pass_rate: number;
  /** Share of samples that agree with the majority pass/fail verdict (1 = unanimous). */
  agreement_rate: number;
}

const round = (v: number): number => Math.round(v * 1e6) / 1e6;

/** Mean, standard deviation (n − 1) and pass/fail agreement of sample scores against `threshold`. */
export function agreement(scores: readonly number[], threshold: number): Agreement {
  const passes = scores.filter((s) => s >= threshold).length;
  const n = scores.length;
  return {
    samples: n,
    mean: round(mean(scores)),
    std: round(sampleStd(scores)),
    min: n ? Math.min(...scores) : 0,
    max: n ? Math.max(...scores) : 0,
    passes,
    pass_rate: n ? round(passes / n) : 0,
    agreement_rate: n ? round(Math.max(passes, n - passes) / n) : 0,
  };
}
