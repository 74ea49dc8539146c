import type { Adapter } from '../contracts.js';

/** An adapter's `maxConcurrency` as a limit: a whole number ≥ 1, else none (Infinity). */
export function limitOf(adapter: Adapter | undefined): number {
  const max = adapter?.maxConcurrency;
  return typeof max === 'number' && Number.isInteger(max) && max >= 1 ? max : Infinity;
}

/**
 * Per-agent limits on jobs in flight, from `Adapter.maxConcurrency` (the adapters exist before the run
 * starts, so every limit is known up front). A job takes its agent's slot before its clock starts, so
 * waiting for a busy agent (one long-lived process answering serially) never counts against the test's
 * timeout. Agents without a limit cost one map lookup per job.
 */
export class AgentSlots {
  readonly #signal: AbortSignal;
  /** Limits by agent; an agent not listed has none. */
  readonly #limits: ReadonlyMap<string, number>;
  readonly #active = new Map<string, number>();
  readonly #waiting = new Map<string, Array<() => void>>();
  readonly #onAbort = (): void => {
    for (const queue of this.#waiting.values()) for (const wake of queue.splice(0)) wake();
  };

  constructor(limits: ReadonlyMap<string, number>, signal: AbortSignal) {
    this.#limits = limits;
    this.#signal = signal;
    signal.addEventListener('abort', this.#onAbort, { once: true });
  }

  /** Take a slot of `agent` without waiting, when one is free (no promise, no microtask). False: call `acquire`. */
  tryAcquire(agent: string): boolean {
    if (this.#signal.aborted) return false;
    const limit = this.#limits.get(agent) ?? Infinity;
    if (limit === Infinity) return true;
    const active = this.#active.get(agent) ?? 0;
    if (active >= limit) return false;
    this.#active.set(agent, active + 1);
    return true;
  }

  /**
   * Wait for a slot of `agent`. True when the job may start (then `release` it once done); false
   * when the run was aborted while waiting.
   */
  async acquire(agent: string): Promise<boolean> {
    while (!this.tryAcquire(agent)) {
      if (this.#signal.aborted) return false;
      await new Promise<void>((wake) => {
        let queue = this.#waiting.get(agent);
        if (!queue) this.#waiting.set(agent, (queue = []));
        queue.push(wake);
      });
    }
    return true;
  }

  /** Give back a slot taken by `tryAcquire` or `acquire`. */
  release(agent: string): void {
    if ((this.#limits.get(agent) ?? Infinity) === Infinity) return;
    this.#active.set(agent, Math.max(0, (this.#active.get(agent) ?? 0) - 1));
    this.#waiting.get(agent)?.shift()?.();
  }

  /** Stop listening to the run's signal. */
  dispose(): void {
    this.#signal.removeEventListener('abort', this.#onAbort);
    this.#onAbort();
  }
}
