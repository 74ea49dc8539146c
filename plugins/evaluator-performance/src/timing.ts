/**
 * Harness-side timing of runs, measured by the plugin's taps on the kernel hooks (jobStart, event,
 * jobEnd) and read by the evaluator through the run's task_id. Evaluators only see a finished run;
 * when the first event arrived is known only to whoever listened while it streamed.
 */

/** When a run started, when its first event arrived and how long the agent took (harness clock, ms). */
export interface RunTiming {
  runId: string;
  startedAt: number;
  firstEventAt?: number;
  durationMs?: number;
}

const timings = new Map<string, RunTiming>();

/** A job's request is about to be sent. */
export function recordStart(taskId: string, runId: string, now = performance.now()): void {
  timings.set(taskId, { runId, startedAt: now });
}

/** An event of the run arrived (only the first one is kept). */
export function recordEvent(taskId: string, now = performance.now()): void {
  const timing = timings.get(taskId);
  if (timing && timing.firstEventAt === undefined) timing.firstEventAt = now;
}

/** The agent answered after `durationMs`. */
export function recordEnd(taskId: string, durationMs: number): void {
  const timing = timings.get(taskId);
  if (timing) timing.durationMs = durationMs;
}

/** The timing of a run, when the plugin saw it run. */
export function timingOf(taskId: string): Readonly<RunTiming> | undefined {
  return timings.get(taskId);
}

/** Drop a run's timing (it has been evaluated). */
export function forget(taskId: string): void {
  timings.delete(taskId);
}

/** Drop every timing of a run id (the run ended; jobs that were never evaluated included). */
export function forgetRun(runId: string): void {
  for (const [taskId, timing] of timings) if (timing.runId === runId) timings.delete(taskId);
}
