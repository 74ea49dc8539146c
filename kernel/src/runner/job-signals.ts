import { getEventListeners } from 'node:events';

/**
 * The abort controller of one worker's adapter calls, reused from call to call while it stays clean.
 *
 * Node 20 gives every AbortSignal it creates a hidden class of its own, and what such a signal
 * references then survives young-generation collections (measured: about 1 MB promoted per scavenge
 * at a few thousand calls per second). A controller per call therefore fills the old generation with
 * garbage and drives the peak memory of long runs. A signal that was never aborted and has no listener
 * left is indistinguishable from a new one, so a worker keeps it; after an abort, or when an adapter
 * left a listener on it, the next call gets a fresh controller. The signal an adapter receives is valid
 * for the duration of its call (documented in the adapter contract).
 */
export class JobSignals {
  #controller = new AbortController();

  /** A controller whose signal is not aborted and has no listeners. */
  acquire(): AbortController {
    const signal = this.#controller.signal;
    if (signal.aborted || getEventListeners(signal, 'abort').length > 0) this.#controller = new AbortController();
    return this.#controller;
  }
}
