import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRequest, silentLogger } from '@atp/kernel';
import type { ATPEvent, ATPRequest, ATPResponse, AdapterCallContext, AdapterInit } from '@atp/kernel';

export const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

export const init: AdapterInit = { agent: 'test-agent', baseDir: fixtures, logger: silentLogger };

/** A valid ATP request. */
export function makeRequest(taskId = 't-1', options: { description?: string; input?: Record<string, unknown> } = {}): ATPRequest {
  const parsed = parseRequest({
    version: '1.0',
    task_id: taskId,
    task: { description: options.description ?? 'say hello', input_data: options.input ?? null },
  });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

/** A call context collecting emitted events. */
export function makeContext(options: { timeoutMs?: number; signal?: AbortSignal } = {}): { context: AdapterCallContext; events: ATPEvent[] } {
  const events: ATPEvent[] = [];
  return {
    events,
    context: {
      signal: options.signal ?? new AbortController().signal,
      timeoutMs: options.timeoutMs ?? 60_000,
      emit: (event) => events.push(event),
    },
  };
}

/** The rejection of a promise (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & { kind?: string; retryable?: boolean }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { kind?: string; retryable?: boolean };
  }
  throw new Error('expected the promise to reject');
}

/** True when no process has this pid any more (a zombie nobody reaped counts as dead). */
export function isDead(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

/** Poll `check` until it is true or `ms` passed; returns its last value. */
export async function eventually(check: () => boolean, ms = 5000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return check();
}

/** The data of the response's first structured artifact (what the test agents report). */
export function structuredData<T>(response: ATPResponse): T {
  const artifact = response.artifacts.find((a) => a.type === 'structured');
  if (!artifact || artifact.type !== 'structured') throw new Error('no structured artifact in the response');
  return artifact.data as unknown as T;
}
