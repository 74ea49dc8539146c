import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { ATPEvent, JobInfo, JobResult, Logger, RunControl } from '@atp/kernel';
import type { PricingTable } from './pricing.js';
import { CostTracker } from './tracker.js';
import { summarize, summaryLine, type BudgetState, type CostSummary } from './summary.js';
import { displayUsd, usdToNumber, type Usd } from './usd.js';

/** Options of one tracked run. */
export interface CostRunOptions {
  pricing: PricingTable;
  /** Run budget in USD (atto-dollars). */
  budget?: Usd;
  /** Print the one-line summary at the end of the run. */
  printSummary: boolean;
  /** Directory of the run journal (`<runs_dir>/<runId>`): cost.json is written there when it exists. */
  runDir?: string;
  /** An extra file to write the JSON summary to. */
  outputFile?: string;
  logger: Logger;
  /** Paths in messages are shown relative to this directory. */
  cwd: string;
  /** The kernel's run control: the budget stops the run through it. */
  control: RunControl;
}

/** One run's cost tracking: fed by the hooks, writes the summary at the end. */
export class CostRun {
  readonly runId: string;
  readonly tracker: CostTracker;
  readonly #options: CostRunOptions;
  #exhaustedAfter: string | undefined;
  #jobsAfter = 0;

  constructor(runId: string, options: CostRunOptions) {
    this.runId = runId;
    this.#options = options;
    this.tracker = new CostTracker(options.pricing);
  }

  /** `event` hook. */
  onEvent(event: ATPEvent, job: JobInfo): void {
    this.tracker.onEvent(event, job);
  }

  /** `evaluated` hook: record the job; once spent reaches the budget, stop starting jobs (in-flight ones finish). */
  onEvaluated(result: JobResult): void {
    this.tracker.onEvaluated(result);
    const budget = this.#options.budget;
    if (budget === undefined) return;
    if (this.#exhaustedAfter !== undefined) {
      this.#jobsAfter++;
      return;
    }
    if (this.tracker.total < budget) return;
    this.#exhaustedAfter = result.jobId;
    const reason = `run budget of ${displayUsd(budget)} exhausted after job ${result.jobId} (spent ${displayUsd(this.tracker.total)})`;
    this.#options.control.stop(`${reason}: no new jobs were started`);
  }

  /** The budget state, when a budget is set. */
  budgetState(): BudgetState | undefined {
    const budget = this.#options.budget;
    if (budget === undefined) return undefined;
    return {
      limit_usd: usdToNumber(budget),
      spent_usd: usdToNumber(this.tracker.total),
      exceeded: this.#exhaustedAfter !== undefined,
      ...(this.#exhaustedAfter !== undefined ? { exhausted_after_job: this.#exhaustedAfter } : {}),
      jobs_after_exhaustion: this.#jobsAfter,
    };
  }

  /** `runEnd` hook: summarize, write cost.json next to the journal (and `outputFile`), print the total. */
  async finish(): Promise<CostSummary> {
    this.tracker.flushIncomplete();
    const summary = summarize(this.runId, this.tracker, this.budgetState());
    const json = JSON.stringify(summary, null, 2) + '\n';
    const written: string[] = [];
    if (this.#options.runDir && existsSync(this.#options.runDir)) {
      const file = join(this.#options.runDir, 'cost.json');
      await writeFile(file, json);
      written.push(file);
    }
    if (this.#options.outputFile) {
      await mkdir(dirname(this.#options.outputFile), { recursive: true });
      await writeFile(this.#options.outputFile, json);
      written.push(this.#options.outputFile);
    }
    if (this.#options.printSummary) {
      this.#options.logger.info(`${summaryLine(summary)}${written.length ? ` — details: ${written.map((f) => relative(this.#options.cwd, f) || f).join(', ')}` : ''}`);
      for (const w of summary.warnings) this.#options.logger.warn(w);
    }
    return summary;
  }
}
