import type { Adapter } from '../contracts.js';

/** Where the slots learn an agent's adapter (the run's AdapterPool). */
export interface AdapterSource {
  get(agent: string): Promise<Adapter>;
}

/**
 * Per-agent limits on jobs in flight, from `Adapter.maxConcurrency`. A job takes its agent's slot
 * before its clock starts, so waiting for a busy agent (one long-lived process answering serially)
 * never counts against the test's timeout. Agents without a limit cost one map lookup per job.
 */
export class AgentSlots {
  readonly #adapters: AdapterSource;
  readonly #signal: AbortSignal;
  /** Known limits (Infinity: none), once the agent's adapter exists. */
  readonly #limits = new Map<string, number>();
  readonly #pendingLimits = new Map<string, Promise<number>>();
  readonly #active = new Map<string, number>();
  readonly #waiting = new Map<string, Array<() => void>>();
  readonly #onAbort = (): void => {
    for (const queue of this.#waiting.values()) for (const wake of queue.splice(0)) wake();
  };

  constructor(adapters: AdapterSource, signal: AbortSignal) {
    this.#adapters = adapters;
    this.#signal = signal;
    signal.addEventListener('abort', this.#onAbort, { once: true });
  }

  /**
   * Take a slot of `agent` without waiting, when its limit is known and one is free (the common case:
   * no promise, no microtask). False: call `acquire`.
   */
  tryAcquire(agent: string): boolean {
    const limit = this.#limits.get(agent);
    if (limit === undefined || this.#signal.aborted) return false;
    if (limit === Infinity) return true;
    const active = this.#active.get(agent) ?? 0;
    if (active >= limit) return false;
    this.#active.set(agent, active + 1);
    return true;
  }

  /**
   * Wait for a slot of `agent`. True when the job may start (then `release` it once done); false
   * when the run was aborted while waiting. An adapter that fails to load sets no limit: the job
   * starts and reports the failure.
   */
  async acquire(agent: string): Promise<boolean> {
    const limit = this.#limits.get(agent) ?? (await this.#limitOf(agent));
    if (limit === Infinity) return !this.#signal.aborted;
    while ((this.#active.get(agent) ?? 0) >= limit) {
      if (this.#signal.aborted) return false;
      await new Promise<void>((wake) => {
        let queue = this.#waiting.get(agent);
        if (!queue) this.#waiting.set(agent, (queue = []));
        queue.push(wake);
      });
    }
    if (this.#signal.aborted) return false;
    this.#active.set(agent, (this.#active.get(agent) ?? 0) + 1);
    return true;
  }

  /** Give back a slot taken by a successful `acquire`. */
  release(agent: string): void {
    if (this.#limits.get(agent) === Infinity) return;
    this.#active.set(agent, Math.max(0, (this.#active.get(agent) ?? 0) - 1));
    this.#waiting.get(agent)?.shift()?.();
  }

  /** Stop listening to the run's signal. */
  dispose(): void {
    this.#signal.removeEventListener('abort', this.#onAbort);
    this.#onAbort();
  }

  #limitOf(agent: string): Promise<number> {
    let pending = this.#pendingLimits.get(agent);
    if (!pending) {
      pending = this.#adapters.get(agent).then(
        (adapter) => {
          const max = adapter.maxConcurrency;
          return typeof max === 'number' && Number.isInteger(max) && max >= 1 ? max : Infinity;
        },
        () => Infinity,
      );
      pending.then((limit) => this.#limits.set(agent, limit));
      this.#pendingLimits.set(agent, pending);
    }
    return pending;
  }
}
