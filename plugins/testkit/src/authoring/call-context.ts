import type { ATPEvent, AdapterCallContext } from '@atp/kernel';

/** Options of {@link sampleCallContext}. */
export interface SampleCallContextOptions {
  /** The call's time budget (default 30 s). */
  timeoutMs?: number;
  /** The call's signal (default: one that never aborts). */
  signal?: AbortSignal;
}

/** An adapter call context that collects the events the adapter emits, in order. */
export function sampleCallContext(options: SampleCallContextOptions = {}): { context: AdapterCallContext; events: ATPEvent[] } {
  const events: ATPEvent[] = [];
  return {
    events,
    context: { signal: options.signal ?? new AbortController().signal, timeoutMs: options.timeoutMs ?? 30_000, emit: (event) => void events.push(event) },
  };
}
