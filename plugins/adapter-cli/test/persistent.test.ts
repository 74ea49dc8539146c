import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ATPResponse } from '@atp/kernel';
import { createAdapter } from '../src/cli-adapter.js';
import type { CliAdapter } from '../src/cli-adapter.js';
import type { CliAdapterConfigInput } from '../src/config.js';
import { eventually, isDead, rejectionOf, sampleCallContext } from '@atp/testkit';
import { fixtures, init, makeRequest, structuredData } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'atp-cli-persistent-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let counter = 0;
const open: CliAdapter[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((a) => a.close()));
});

function persistent(config: Partial<CliAdapterConfigInput> = {}): { adapter: CliAdapter; spawnLog: string; exitLog: string } {
  const spawnLog = join(tmp, `spawns-${++counter}.log`);
  const exitLog = join(tmp, `exits-${counter}.log`);
  const adapter = createAdapter(
    {
      command: [process.execPath, join(fixtures, 'persistent-agent.mjs')],
      persistent: true,
      environment: { SPAWN_LOG: spawnLog, EXIT_LOG: exitLog },
      kill_grace_seconds: 0.3,
      ...config,
    },
    init,
  );
  open.push(adapter);
  return { adapter, spawnLog, exitLog };
}

const spawnedPids = (log: string): number[] => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map(Number) : []);
const info = (response: ATPResponse) => structuredData<{ pid: number; maxActive: number }>(response);

describe('cli adapter: persistent mode', () => {
  it('answers many concurrent requests from one process, routing events by task_id', async () => {
    const { adapter, spawnLog } = persistent({ max_concurrency: 4 });
    const calls = Array.from({ length: 20 }, (_, i) => {
      const { context, events } = sampleCallContext();
      const request = makeRequest(`task-${i}`, { input: { delay_ms: 20 + ((i * 7) % 30) } });
      return { events, promise: adapter.run(request, context) };
    });
    const responses = await Promise.all(calls.map((c) => c.promise));
    responses.forEach((r, i) => expect(r.task_id).toBe(`task-${i}`));
    expect(new Set(responses.map((r) => info(r).pid)).size).toBe(1);
    expect(Math.max(...responses.map((r) => info(r).maxActive))).toBe(4);
    expect(spawnedPids(spawnLog)).toHaveLength(1);
    expect(adapter.spawnCount).toBe(1);
    calls.forEach((c, i) => {
      // stdout and stderr are two pipes: their relative order is not defined.
      expect(c.events.map((e) => e.sequence)).toEqual([0, 1]);
      const byType = [...c.events].sort((a, b) => a.event_type.localeCompare(b.event_type));
      expect(byType.map((e) => [e.event_type, e.task_id, e.payload])).toEqual([
        ['progress', `task-${i}`, { message: `got task-${i}` }],
        ['reasoning', `task-${i}`, { thought: 'via stderr' }],
      ]);
    });
  });

  it('sends one request at a time by default', async () => {
    const { adapter } = persistent();
    const responses = await Promise.all([1, 2, 3].map((i) => adapter.run(makeRequest(`s-${i}`, { input: { delay_ms: 30 } }), sampleCallContext().context)));
    expect(responses.map((r) => info(r).maxActive)).toEqual([1, 1, 1]);
  });

  it('accepts bare responses and envelopes without task_id when one request is in flight', async () => {
    const { adapter } = persistent();
    expect((await adapter.run(makeRequest('b-1', { input: { mode: 'bare' } }), sampleCallContext().context)).task_id).toBe('b-1');
    expect((await adapter.run(makeRequest('b-2', { input: { mode: 'no-id' } }), sampleCallContext().context)).task_id).toBe('b-2');
  });

  it('fails the requests of a process that dies, then recovers with a new process', async () => {
    const { adapter, spawnLog } = persistent({ max_concurrency: 2 });
    const first = await adapter.run(makeRequest('before'), sampleCallContext().context);
    const slow = rejectionOf(adapter.run(makeRequest('slow', { input: { delay_ms: 2000 } }), sampleCallContext().context));
    const crash = await rejectionOf(adapter.run(makeRequest('crash', { input: { mode: 'crash' } }), sampleCallContext().context));
    expect(crash.name).toBe('AdapterError');
    expect(crash.retryable).toBe(true);
    // Each stream under its own label.
    const tails = `stderr (last 2 lines):\n  persistent agent ${info(first).pid} ready\n  about to crash\nstdout lines that are not ATP messages (last line):\n  crashing on crash`;
    expect(crash.message).toBe(
      `the persistent agent exited (command exited with code 1) while 2 requests were in flight, this one among them; ${tails}`,
    );
    // The other request in flight fails too, with the same count.
    const other = await slow;
    expect(other.retryable).toBe(true);
    expect(other.message).toBe(
      `the persistent agent exited (command exited with code 1) while 2 requests were in flight, this one among them; ${tails}`,
    );
    const after = await adapter.run(makeRequest('after'), sampleCallContext().context);
    expect(info(after).pid).not.toBe(info(first).pid);
    expect(spawnedPids(spawnLog)).toEqual([info(first).pid, info(after).pid]);
    expect(adapter.spawnCount).toBe(2);
  });

  it('says "before answering" when the crash took only one request', async () => {
    const { adapter } = persistent();
    const crash = await rejectionOf(adapter.run(makeRequest('solo', { input: { mode: 'crash' } }), sampleCallContext().context));
    expect(crash.retryable).toBe(true);
    expect(crash.message).toMatch(/^the persistent agent exited \(command exited with code 1\) before answering task solo; stderr \(last 2 lines\):\n/);
  });

  it('kills a serial process stuck on a timed-out request at once: the next request does not wait for it', async () => {
    // A long grace period: the next request must not wait for it (the old process is killed in the background).
    const { adapter, spawnLog } = persistent({ kill_grace_seconds: 3 });
    const first = await adapter.run(makeRequest('warm'), sampleCallContext().context);
    const { context, events } = sampleCallContext({ timeoutMs: 500 });
    const error = await rejectionOf(adapter.run(makeRequest('stuck', { input: { mode: 'hang' } }), context));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(
      "the persistent agent did not answer task stuck within 0.50s (the test's time limit); its process was killed and the next request starts a new one",
    );
    expect(events).toHaveLength(2);
    const started = Date.now();
    const next = await adapter.run(makeRequest('next'), sampleCallContext().context);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(info(next).pid).not.toBe(info(first).pid);
    expect(spawnedPids(spawnLog)).toHaveLength(2);
    expect(await eventually(() => isDead(info(first).pid))).toBe(true);
  });

  it('kills the stuck process on abort too', async () => {
    const { adapter } = persistent();
    const first = await adapter.run(makeRequest('warm'), sampleCallContext().context);
    const controller = new AbortController();
    const pending = adapter.run(makeRequest('a-1', { input: { delay_ms: 5000 } }), sampleCallContext({ signal: controller.signal }).context);
    setTimeout(() => controller.abort(new Error('Ctrl-C')), 100);
    const error = await rejectionOf(pending);
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('the request for task a-1 was aborted (Ctrl-C); its process was killed and the next request starts a new one');
    expect(await eventually(() => isDead(info(first).pid))).toBe(true);
  });

  it('with max_concurrency > 1, keeps a process that answers a timed-out request late', async () => {
    const { adapter } = persistent({ kill_grace_seconds: 1, max_concurrency: 2 });
    const first = await adapter.run(makeRequest('warm'), sampleCallContext().context);
    const late = await rejectionOf(adapter.run(makeRequest('late', { input: { delay_ms: 300 } }), sampleCallContext({ timeoutMs: 100 }).context));
    expect(late.message).toBe("the persistent agent did not answer task late within 0.10s (the test's time limit)");
    await new Promise((resolve) => setTimeout(resolve, 400)); // the late answer arrives
    const next = await adapter.run(makeRequest('next'), sampleCallContext().context);
    expect(info(next).pid).toBe(info(first).pid);
    expect(adapter.spawnCount).toBe(1);
  });

  it('with max_concurrency > 1, replaces a process that stays silent after the grace period', async () => {
    const { adapter } = persistent({ kill_grace_seconds: 0.3, max_concurrency: 2 });
    const first = await adapter.run(makeRequest('warm'), sampleCallContext().context);
    const stuck = await rejectionOf(adapter.run(makeRequest('stuck', { input: { mode: 'hang' } }), sampleCallContext({ timeoutMs: 200 }).context));
    expect(stuck.message).toBe("the persistent agent did not answer task stuck within 0.20s (the test's time limit)");
    expect(await eventually(() => isDead(info(first).pid))).toBe(true);
    const next = await adapter.run(makeRequest('next'), sampleCallContext().context);
    expect(info(next).pid).not.toBe(info(first).pid);
    expect(adapter.spawnCount).toBe(2);
  });

  it('close() ends the process by closing its stdin', async () => {
    const { adapter, exitLog } = persistent();
    const response = await adapter.run(makeRequest('x'), sampleCallContext().context);
    await adapter.close();
    expect(readFileSync(exitLog, 'utf8')).toBe(`${info(response).pid} stdin closed\n`);
    expect(isDead(info(response).pid)).toBe(true);
    expect((await rejectionOf(adapter.run(makeRequest('y'), sampleCallContext().context))).message).toBe('the cli adapter was already closed');
  });

  it('reports a missing command for every waiting request', async () => {
    const adapter = createAdapter({ command: 'no-such-agent-binary-xyz', persistent: true, max_concurrency: 2 }, init);
    open.push(adapter);
    const errors = await Promise.all([1, 2, 3].map((i) => rejectionOf(adapter.run(makeRequest(`m-${i}`), sampleCallContext().context))));
    expect(errors.map((e) => [e.kind, e.message])).toEqual(Array(3).fill(['not_found', 'command not found: no-such-agent-binary-xyz']));
  });
});
