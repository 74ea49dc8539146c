import { describe, expect, it } from 'vitest';
import { sampleRequest, testAdapter } from '@atp/testkit';
import plugin from '../src/index.js';
import { echoText } from '../src/echo-adapter.js';

// Every case is also checked against the ATP protocol: a valid response with the request's task id,
// valid events with increasing sequence numbers, and AdapterError (never a plain Error) for failures.
testAdapter(plugin, {
  adapter: 'echo',
  valid: [
    {
      name: 'echoes the task description into echo.txt',
      request: sampleRequest({ description: 'Say hello' }),
      response: { status: 'completed', artifacts: [{ type: 'file', path: 'echo.txt', content: 'Say hello' }], metrics: { tool_calls: 1 } },
      events: [
        { event_type: 'progress', sequence: 0 },
        { event_type: 'tool_call', sequence: 1, payload: { tool: 'echo', input: { text: 'Say hello' }, output: 'Say hello', status: 'success' } },
      ],
    },
    {
      name: 'prefers input_data.text and adds the prefix',
      config: { prefix: 'echo: ' },
      request: sampleRequest({ description: 'Repeat the text', input_data: { text: 'bonjour' } }),
      response: { artifacts: [{ content: 'echo: bonjour' }] },
    },
    {
      name: 'answers after its delay',
      config: { delay_ms: 20 },
      assert: ({ response }) => expect(response.metrics?.wall_time_seconds).toBeGreaterThanOrEqual(0.015),
    },
  ],
  invalid: [
    { name: 'rejects an unknown config key', config: { prefx: '>' }, configError: 'prefx' },
    { name: 'rejects a negative delay', config: { delay_ms: -1 }, configError: /delay_ms/ },
    {
      name: 'fails a text longer than max_length without retrying',
      config: { max_length: 5 },
      request: sampleRequest({ description: 'far too long' }),
      error: { kind: 'response', retryable: false, message: 'more than max_length (5)' },
    },
    {
      name: 'stops when the runner aborts it',
      config: { delay_ms: 5_000 },
      timeoutMs: 50,
      error: { kind: 'timeout', message: 'cancelled' },
    },
  ],
});

describe('echoText', () => {
  it('ignores input_data.text when it is not a string', () => {
    expect(echoText(sampleRequest({ description: 'Describe', input_data: { text: 42 } }))).toBe('Describe');
  });
});
