import { redact, type EvalCheck } from '@atp/kernel';
import type { Execution } from './execute.js';

const EVIDENCE_LINES = 30;
const EVIDENCE_CHARS = 2000;

/** The last lines of the output, for evidence (credentials passed on request are masked). */
export function outputTail(execution: Execution): string {
  const lines = execution.output.replace(/\s+$/, '').split('\n');
  let tail = lines.slice(-EVIDENCE_LINES).join('\n');
  if (tail.length > EVIDENCE_CHARS) tail = `…${tail.slice(-EVIDENCE_CHARS)}`;
  return redact(tail, execution.secrets);
}

const OOM = /out of memory|MemoryError|Cannot allocate memory|std::bad_alloc|heap limit|Allocation failed/i;

/**
 * The failure of a command that did not finish by itself (timeout, abort), or undefined.
 * Also says when the output suggests the memory limit was hit.
 */
export function abnormalEnd(name: string, execution: Execution): EvalCheck | undefined {
  const { outcome, details, display } = execution;
  const limits = details.limits as { timeout_seconds: number; memory_mb: number };
  if (outcome.timedOut) {
    return { name, passed: false, score: 0, message: `${display} timed out after ${limits.timeout_seconds}s; its process group was killed`, evidence: outputTail(execution), details };
  }
  if (outcome.aborted) return { name, passed: false, score: 0, message: `${display} was stopped: the run was interrupted`, details };
  return undefined;
}

/** ` (it hit the 512 MiB memory limit)` when the output or signal says so, else ''. */
export function memoryNote(execution: Execution): string {
  const { outcome, details } = execution;
  const limits = details.limits as { memory_mb: number; enforced: boolean };
  if (outcome.exitCode === 0) return '';
  return OOM.test(execution.output) ? ` (it ran out of memory; limit ${limits.memory_mb} MiB${limits.enforced ? '' : ', not enforced on this system'})` : '';
}

/** How the command ended, for messages: `exited with code 1`, `was killed by SIGABRT`. */
export function howItEnded(execution: Execution): string {
  const { outcome } = execution;
  return outcome.signal ? `was killed by ${outcome.signal}` : `exited with code ${outcome.exitCode}`;
}

/** Round a pass rate for scores and messages. */
export function rate(value: number): number {
  return Math.round(value * 10000) / 10000;
}
