// Persistent mode against a real agent process that misbehaves: every fault ends in a precise error,
// and the agent keeps (or is restarted to keep) serving the next requests.
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ATPRequest, ATPResponse } from '@atp/kernel';
import { createAdapter } from '../src/cli-adapter.js';
import type { CliAdapter } from '../src/cli-adapter.js';
import type { CliAdapterConfigInput } from '../src/config.js';
import { eventually, isDead, rejectionOf, sampleCallContext } from '@atp/testkit';
import { fixtures, init, makeRequest, structuredData } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'atp-cli-pfaults-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const open: CliAdapter[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((a) => a.close()));
});

function persistent(config: Partial<CliAdapterConfigInput> = {}): CliAdapter {
  const adapter = createAdapter(
    { command: [process.execPath, join(fixtures, 'persistent-agent.mjs')], persistent: true, kill_grace_seconds: 0.3, ...config },
    init,
  );
  open.push(adapter);
  return adapter;
}

/** A request as the runner sends it: the test id in the metadata. */
function forTest(testId: string, input: Record<string, unknown> = {}): ATPRequest {
  return { ...makeRequest(`${testId}-task`, { input }), metadata: { test_id: testId, test_name: testId } };
}

const pidOf = (response: ATPResponse): number => structuredData<{ pid: number }>(response).pid;
const call = (adapter: CliAdapter, request: ATPRequest, timeoutMs = 30_000): Promise<ATPResponse> =>
  adapter.run(request, sampleCallContext({ timeoutMs }).context);

describe('cli adapter: persistent mode faults', () => {
  it('tells the runner how many requests the process serves at once; one-shot mode sets no limit', () => {
    expect(persistent({ max_concurrency: 3 }).maxConcurrency).toBe(3);
    expect(persistent().maxConcurrency).toBe(1);
    const oneShot = createAdapter({ command: [process.execPath, join(fixtures, 'agent.mjs')] }, init);
    open.push(oneShot);
    expect(oneShot.maxConcurrency).toBeUndefined();
  });

  it('ignores a garbage stdout line, then takes the valid answer', async () => {
    const adapter = persistent();
    const response = await call(adapter, forTest('garbage', { mode: 'garbage-then-ok' }));
    expect(response.status).toBe('completed');
    expect(response.task_id).toBe('garbage-task');
    // Same process for the next request.
    expect(pidOf(await call(adapter, forTest('next')))).toBe(pidOf(response));
    expect(adapter.spawnCount).toBe(1);
  });

  it('names the ignored stdout lines when a request times out', async () => {
    const adapter = persistent();
    await call(adapter, forTest('warm')); // the process is up: the time limit is all the agent's
    const error = await rejectionOf(call(adapter, forTest('chatty', { mode: 'log-only' }), 1000));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(
      `the persistent agent did not answer test "chatty" (task chatty-task) within 1s (the test's time limit); ` +
        'it wrote 2 stdout lines that are not an ATP message and were ignored (last: "Starting work on chatty-task...", "still working on chatty-task"); logs belong on stderr; ' +
        'its process was killed and the next request starts a new one',
    );
  });

  it('names the unknown task_id a response carried when a request times out', async () => {
    const adapter = persistent();
    await call(adapter, forTest('warm'));
    const error = await rejectionOf(call(adapter, forTest('mislabelled', { mode: 'wrong-id' }), 1000));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(
      `the persistent agent did not answer test "mislabelled" (task mislabelled-task) within 1s (the test's time limit); ` +
        'it answered 1 response for unknown task ids (e.g. "nope"); a response must carry the task_id of its request; ' +
        'its process was killed and the next request starts a new one',
    );
    // Falls back to the task id without a test id.
    await call(adapter, forTest('warm-again'));
    const bare = await rejectionOf(call(adapter, makeRequest('plain', { input: { mode: 'wrong-id' } }), 1000));
    expect(bare.message).toMatch(/^the persistent agent did not answer task plain within 1s .*\(e\.g\. "nope"\)/);
  });

  it('logs the hints as a warning when the runner aborts the request (its own timeout message shows none)', async () => {
    const warnings: string[] = [];
    const logger = { ...init.logger, warn: (message: string) => void warnings.push(message) };
    const adapter = createAdapter({ command: [process.execPath, join(fixtures, 'persistent-agent.mjs')], persistent: true, kill_grace_seconds: 0.3 }, { ...init, logger });
    open.push(adapter);
    await call(adapter, forTest('warm'));
    const controller = new AbortController();
    const pending = adapter.run(forTest('chatty', { mode: 'log-only' }), sampleCallContext({ signal: controller.signal }).context);
    setTimeout(() => controller.abort(new Error('timeout')), 300);
    const error = await rejectionOf(pending);
    expect(error.message).toMatch(/^the request for test "chatty" \(task chatty-task\) was aborted \(timeout\); it wrote 2 stdout lines/);
    expect(warnings).toEqual([
      'persistent agent: no answer for test "chatty" (task chatty-task); it wrote 2 stdout lines that are not an ATP message and were ignored (last: "Starting work on chatty-task...", "still working on chatty-task"); logs belong on stderr',
    ]);
  });

  it('says so when the agent closed its stdout', async () => {
    const adapter = persistent();
    await call(adapter, forTest('warm'));
    const error = await rejectionOf(call(adapter, forTest('mute', { mode: 'close-stdout' }), 1000));
    expect(error.message).toBe(
      `the persistent agent did not answer test "mute" (task mute-task) within 1s (the test's time limit); ` +
        'it closed its stdout, so no answer could arrive; its process was killed and the next request starts a new one',
    );
    expect((await call(adapter, forTest('next'))).status).toBe('completed');
  });

  it('fails the request of a stdout line longer than max_output_bytes and restarts the process', async () => {
    const adapter = persistent({ max_output_bytes: 4096 });
    const first = await call(adapter, forTest('warm'));
    const error = await rejectionOf(call(adapter, forTest('long', { mode: 'long-line', bytes: 10_000 })));
    expect(error.kind).toBe('protocol');
    expect(error.message).toBe('the persistent agent wrote a stdout line longer than max_output_bytes (4096 bytes) and was restarted');
    expect(await eventually(() => isDead(pidOf(first)))).toBe(true);
    const next = await call(adapter, forTest('next'));
    expect(pidOf(next)).not.toBe(pidOf(first));
    expect(adapter.spawnCount).toBe(2);
  });

  it('fails an invalid ATP response with the reason, and keeps the process', async () => {
    const adapter = persistent();
    const first = await call(adapter, forTest('warm'));
    const error = await rejectionOf(call(adapter, forTest('weird', { mode: 'invalid' })));
    expect(error.kind).toBe('protocol');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/^invalid ATP response from the persistent agent for test "weird" \(task weird-task\): status: /);
    expect(pidOf(await call(adapter, forTest('next')))).toBe(pidOf(first));
  });

  it('counts the requests in flight when the process crashes, each failing retryably', async () => {
    const adapter = persistent({ max_concurrency: 4 });
    const slow = ['s1', 's2', 's3'].map((id) => rejectionOf(call(adapter, forTest(id, { delay_ms: 10_000 }))));
    const crash = rejectionOf(call(adapter, forTest('boom', { mode: 'crash', delay_ms: 200 })));
    const errors = await Promise.all([...slow, crash]);
    for (const error of errors) {
      expect(error.kind).toBe('other');
      expect(error.retryable).toBe(true);
      expect(error.message).toMatch(
        new RegExp(
          `^the persistent agent exited \\(command exited with code 1\\) while 4 requests were in flight, this one among them; stderr \\(last 2 lines\\):\\n  persistent agent \\d+ ready\\n  about to crash\\nstdout lines that are not ATP messages \\(last line\\):\\n  crashing on boom-task$`,
        ),
      );
    }
    // Recovered with a new process.
    expect((await call(adapter, forTest('after'))).status).toBe('completed');
    expect(adapter.spawnCount).toBe(2);
  });

  it('restarts a serial process stuck on a timed-out request, its whole tree with it, and serves the next request', async () => {
    const pidFile = join(tmp, 'escaped.pid');
    const adapter = persistent({ kill_grace_seconds: 0.3 });
    const first = await call(adapter, forTest('warm'));
    const error = await rejectionOf(call(adapter, forTest('stuck', { mode: 'hang-tree', pid_file: pidFile }), 800));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(
      `the persistent agent did not answer test "stuck" (task stuck-task) within 0.80s (the test's time limit); its process was killed and the next request starts a new one`,
    );
    const next = await call(adapter, forTest('next'), 2000);
    expect(next.status).toBe('completed');
    expect(pidOf(next)).not.toBe(pidOf(first));
    expect(await eventually(() => isDead(pidOf(first)))).toBe(true);
    // The grandchild had left the agent's process group (setsid): it is gone too.
    expect(existsSync(pidFile)).toBe(true);
    const escaped = Number(readFileSync(pidFile, 'utf8').trim());
    expect(escaped).toBeGreaterThan(0);
    expect(await eventually(() => isDead(escaped))).toBe(true);
  });
});
