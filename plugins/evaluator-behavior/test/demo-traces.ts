import type { ATPResponseInput } from '@atp/kernel';
import type { SampleEvaluationInputOptions } from '@atp/testkit';

type Events = NonNullable<SampleEvaluationInputOptions['events']>;

/** The events the reference demo agent emits for one tool: progress, then tool_call started and success|error. */
function demoTool(sequence: number, tool: string, input: Record<string, unknown>, status: 'success' | 'error', output: Record<string, unknown>): Events {
  return [
    { sequence, event_type: 'progress', payload: { message: `Running ${tool}`, current_step: sequence } },
    { sequence: sequence + 1, event_type: 'tool_call', payload: { tool, input, status: 'started' } },
    { sequence: sequence + 2, event_type: 'tool_call', payload: { tool, input, output, status, duration_ms: 1 } },
  ];
}

const started: Events = [{ sequence: 0, event_type: 'progress', payload: { message: 'Agent started' } }];
const completed: Events = [{ sequence: 99, event_type: 'progress', payload: { message: 'Agent completed', percentage: 100 } }];

/** demo-001: create hello.txt. */
export const demoCreate: { events: Events; response: Partial<ATPResponseInput> } = {
  events: [...started, ...demoTool(1, 'create_file', { path: 'hello.txt', content: 'Hello, ATP!' }, 'success', { created: 'hello.txt' }), ...completed],
  response: {
    artifacts: [{ type: 'file', path: 'hello.txt', content: 'Hello, ATP!' }],
    metrics: { total_steps: 2, tool_calls: 1 },
  },
};

/** demo-002: read hello.txt. */
export const demoRead = {
  events: [...started, ...demoTool(1, 'read_file', { path: 'hello.txt' }, 'success', { content: 'Hello, ATP!' }), ...completed],
  response: {
    artifacts: [{ type: 'structured' as const, name: 'read_result', data: { path: 'hello.txt', content: 'Hello, ATP!' } }],
    metrics: { total_steps: 1, tool_calls: 1 },
  },
};

/** demo-003: list the directory. */
export const demoList = {
  events: [...started, ...demoTool(1, 'list_files', { path: '.' }, 'success', { files: ['hello.txt'] }), ...completed],
  response: {
    artifacts: [{ type: 'structured' as const, name: 'file_list', data: { files: ['hello.txt'] } }],
    metrics: { total_steps: 1, tool_calls: 1 },
  },
};

/** demo-004: read a missing file: a tool_call with status error, no error event, status completed. */
export const demoMissing = {
  events: [...started, ...demoTool(1, 'read_file', { path: 'nonexistent_file_12345.txt' }, 'error', { error: 'FileNotFound' }), ...completed],
  response: {
    artifacts: [{ type: 'structured' as const, name: 'error_result', data: { error_type: 'FileNotFound', message: 'no such file', handled: true } }],
    metrics: { total_steps: 1, tool_calls: 1 },
  },
};

/** demo-005: create then read back: four tool_call events, metrics.tool_calls = 2. */
export const demoMultiStep = {
  events: [
    ...started,
    ...demoTool(1, 'create_file', { path: 'test_data.txt', content: 'Test content 123' }, 'success', { created: 'test_data.txt' }),
    ...demoTool(4, 'read_file', { path: 'test_data.txt' }, 'success', { content: 'Test content 123' }),
    ...completed,
  ],
  response: {
    artifacts: [
      { type: 'file' as const, path: 'test_data.txt', content: 'Test content 123' },
      { type: 'structured' as const, name: 'read_result', data: { content: 'Test content 123' } },
    ],
    metrics: { total_steps: 2, tool_calls: 2 },
  },
};
