import { describe, expect, it } from 'vitest';
import { AdapterError, definePlugin, type ATPEvent, type ATPRequest, type AdapterCallContext, type AdapterModule } from '@atp/kernel';
import { z } from 'zod';
import { sampleRequest, sampleResponse, testAdapter } from '../src/authoring/index.js';

const event = (request: ATPRequest, sequence: number, extra: Partial<ATPEvent> = {}): ATPEvent => ({
  version: '1.0',
  task_id: request.task_id,
  timestamp: '2026-01-05T09:00:00Z',
  sequence,
  event_type: 'progress',
  payload: {},
  ...extra,
});

/** Answers with its `reply`, after emitting `events` progress events; `fail` throws an AdapterError. */
const replyModule: AdapterModule = {
  createAdapter: (config) => ({
    async run(request, context) {
      for (let i = 0; i < Number(config['events'] ?? 1); i++) context.emit(event(request, i));
      if (config['fail']) throw new AdapterError('connection', 'cannot reach the agent');
      return sampleResponse({ task_id: request.task_id, text: String(config['reply'] ?? 'ok') });
    },
  }),
};
const plugin = definePlugin({
  name: 'atp-plugin-reply',
  apiVersion: 1,
  adapters: [
    {
      name: 'reply',
      description: 'answers with a fixed reply',
      configSchema: z.strictObject({ reply: z.string().default('ok'), events: z.number().int().default(1), fail: z.boolean().default(false) }),
      load: async () => replyModule,
    },
  ],
});

testAdapter(plugin, {
  valid: [{ name: 'replies', config: { reply: 'hi', events: 2 }, response: { status: 'completed', artifacts: [{ content: 'hi' }] }, events: [{ sequence: 0 }, { sequence: 1 }] }],
  invalid: [
    { name: 'unreachable', config: { fail: true }, error: { kind: 'connection', retryable: true, message: 'cannot reach' } },
    { name: 'bad config', config: { reply: 3 }, configError: 'reply' },
  ],
});

async function failure(run: Promise<void>): Promise<string> {
  try {
    await run;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the cases to fail');
}

const adapter = (run: (request: ATPRequest, context: AdapterCallContext) => Promise<unknown>): AdapterModule => ({
  createAdapter: () => ({ run: run as never }),
});

describe('testAdapter checks the ATP protocol', () => {
  it('reports invalid, foreign and out-of-order events', async () => {
    const message = await failure(
      testAdapter(
        adapter(async (request, context) => {
          context.emit(event(request, 0));
          context.emit(event(request, 0, { event_type: 'gossip' as never }));
          context.emit(event(request, 2, { task_id: 'someone-else' }));
          context.emit(event(request, 1));
          return sampleResponse({ task_id: request.task_id });
        }),
        { valid: [{ name: 'events' }] },
        { framework: null },
      ),
    );
    expect(message).toBe(
      [
        '1 case failed:',
        '  - adapter under test > valid > events: the adapter broke the ATP protocol: event #1 is not a valid ATP event: event_type: expected one of tool_call|llm_request|reasoning|error|progress, received "gossip"; event #1 has task_id "someone-else" instead of the request\'s "sample-task"; event #2 has sequence 1, not greater than the previous 2',
      ].join('\n'),
    );
  });

  it('reports a response with another task id or an invalid shape', async () => {
    expect(await failure(testAdapter(adapter(async () => sampleResponse({ task_id: 'other' })), { valid: [{}] }, { framework: null }))).toContain(
      `the adapter broke the ATP protocol: the response has task_id "other" instead of the request's "sample-task"`,
    );
    expect(await failure(testAdapter(adapter(async (r) => ({ version: '1.0', task_id: r.task_id, status: 'finished' })), { valid: [{}] }, { framework: null }))).toContain(
      'the response is not a valid ATP response: status: expected one of',
    );
  });

  it('requires AdapterError for failures, and a response where one is expected', async () => {
    const plainError = adapter(async () => {
      throw new TypeError('oops');
    });
    expect(await failure(testAdapter(plainError, { invalid: [{ error: {} }] }, { framework: null }))).toContain('run() threw TypeError: oops; adapters must throw AdapterError for infrastructure failures (or return a failed response)');
    expect(await failure(testAdapter(plugin, { valid: [{ name: 'x', config: { fail: true } }] }, { framework: null }))).toContain('expected a response but run() threw AdapterError (connection): cannot reach the agent');
    expect(await failure(testAdapter(plugin, { invalid: [{ name: 'y', error: { kind: 'timeout' } }] }, { framework: null }))).toContain('expected run() to throw an AdapterError but it answered with status "completed"');
    expect(await failure(testAdapter(plugin, { invalid: [{ name: 'z', config: { fail: true }, error: { kind: 'timeout' } }] }, { framework: null }))).toContain(
      'expected an AdapterError of kind "timeout" but got "connection": cannot reach the agent',
    );
  });

  it('fails an adapter that ignores its abort signal instead of hanging', { timeout: 10_000 }, async () => {
    const stubborn = adapter(() => new Promise(() => undefined));
    const started = Date.now();
    expect(await failure(testAdapter(stubborn, { valid: [{ timeoutMs: 50 }] }, { framework: null }))).toContain('run() did not settle within 2000 ms after its signal was aborted (timeout 50 ms)');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('passes the request and collects logs for assert callbacks', async () => {
    const logging: AdapterModule = {
      createAdapter: (_config, init) => ({
        async run(request) {
          init.logger.info(`asked: ${request.task.description}`);
          return sampleResponse({ task_id: request.task_id });
        },
      }),
    };
    let seen: string[] = [];
    await testAdapter(logging, { valid: [{ request: sampleRequest({ description: 'Count to 3' }), assert: ({ logs }) => void (seen = logs) }] }, { framework: null });
    expect(seen).toEqual(['info: asked: Count to 3']);
  });
});
