import type { ResolvedJudge } from './config-schema.js';
import type { CallUsage } from './clients/types.js';

/**
 * One `details.llm_usage` record: the interface @atp/cost reads to price judge calls (same fields as
 * an agent's llm_request event payload). `cost_usd` is set only when the judge config gives pricing.
 */
export interface JudgeUsage {
  provider: string;
  model: string;
  input_tokens: number;
  output_tokens: number;
  calls: number;
  role: 'judge';
  cost_usd?: number;
}

/** Sums the tokens of every call one check made (failed attempts that got an answer included). */
export class UsageMeter {
  readonly #judge: Pick<ResolvedJudge, 'provider' | 'model' | 'pricing'>;
  #calls = 0;
  #input = 0;
  #output = 0;

  constructor(judge: Pick<ResolvedJudge, 'provider' | 'model' | 'pricing'>) {
    this.#judge = judge;
  }

  add(usage: CallUsage): void {
    this.#calls++;
    this.#input += usage.inputTokens;
    this.#output += usage.outputTokens;
  }

  /** The record for check details (an empty list when no call got an answer). */
  records(): JudgeUsage[] {
    if (!this.#calls) return [];
    const record: JudgeUsage = { provider: this.#judge.provider, model: this.#judge.model, input_tokens: this.#input, output_tokens: this.#output, calls: this.#calls, role: 'judge' };
    const p = this.#judge.pricing;
    if (p) record.cost_usd = Math.round(((this.#input * p.input_per_1k + this.#output * p.output_per_1k) / 1000) * 1e12) / 1e12;
    return [record];
  }
}
