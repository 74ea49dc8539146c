import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WORKSPACE,
  handleRequestText,
  handleTask,
  parseOperation,
  resolveWorkspace,
  type AgentEvent,
  type AgentResponse,
} from '../src/operations.js';

describe('parseOperation', () => {
  it.each([
    ["Create file 'hello.txt' with content 'Hello, ATP!'", { kind: 'create_file', params: { filename: 'hello.txt', content: 'Hello, ATP!' } }],
    ['create "notes.md" with "first line"', { kind: 'create_file', params: { filename: 'notes.md', content: 'first line' } }],
    ["Create 'a.txt' containing 'abc'", { kind: 'create_file', params: { filename: 'a.txt', content: 'abc' } }],
    ['Create something nice', { kind: 'create_file', params: { filename: 'output.txt', content: 'Default content' } }],
    ["Read file 'hello.txt'", { kind: 'read_file', params: { filename: 'hello.txt' } }],
    ['read notes.md please', { kind: 'read_file', params: { filename: 'notes.md' } }],
    ['Read', { kind: 'read_file', params: { filename: 'input.txt' } }],
    ["List files in '.'", { kind: 'list_files', params: { directory: '.' } }],
    ['list files in sub', { kind: 'list_files', params: { directory: 'sub' } }],
    ['List', { kind: 'list_files', params: { directory: '.' } }],
    [
      "Create file 'test_data.txt' with content 'Test content 123' and read it back",
      { kind: 'multi_step', params: { filename: 'test_data.txt', content: 'Test content 123' } },
    ],
    ["Create 'x.txt' then read it", { kind: 'multi_step', params: { filename: 'x.txt', content: 'Default content' } }],
    ['Sing a song', { kind: 'unknown', params: { description: 'Sing a song' } }],
  ])('%s', (description, expected) => {
    expect(parseOperation(description)).toEqual(expected);
  });
});

describe('resolveWorkspace', () => {
  it('prefers context.workspace_path, then ATP_WORKSPACE, then a temp folder', () => {
    expect(resolveWorkspace({ context: { workspace_path: '/w/ctx' } }, { ATP_WORKSPACE: '/w/env' })).toBe('/w/ctx');
    expect(resolveWorkspace({ context: { workspace_path: '' } }, { ATP_WORKSPACE: '/w/env' })).toBe('/w/env');
    expect(resolveWorkspace({ context: null }, {})).toBe(DEFAULT_WORKSPACE);
  });
});

describe('handleTask', () => {
  let workspace: string;
  let events: AgentEvent[];
  const fixed = new Date('2026-01-05T09:00:00.000Z');

  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'atp-demo-agent-test-'));
    events = [];
  });
  afterEach(() => rmSync(workspace, { recursive: true, force: true }));

  const handle = (description: string, taskId = 't-1'): AgentResponse =>
    handleTask({ task_id: taskId, task: { description }, context: { workspace_path: workspace } }, { emit: (e) => events.push(e), env: {}, now: () => fixed });

  /** The events without timings, in a compact form. */
  const trace = () =>
    events.map((e) => {
      const p = e.payload;
      return e.event_type === 'tool_call' ? `${e.sequence} tool_call ${p.tool} ${p.status}` : `${e.sequence} ${e.event_type} ${p.message}`;
    });

  it('creates a file: file artifact with inline content, steps 2, one tool call', () => {
    const response = handle("Create file 'hello.txt' with content 'Hello, ATP!'");
    expect(response).toEqual({
      version: '1.0',
      task_id: 't-1',
      status: 'completed',
      artifacts: [{ type: 'file', path: 'hello.txt', content: 'Hello, ATP!', size_bytes: 11 }],
      metrics: { total_steps: 2, tool_calls: 1 },
    });
    expect(readFileSync(join(workspace, 'hello.txt'), 'utf8')).toBe('Hello, ATP!');
    expect(trace()).toEqual([
      '0 progress Agent started',
      '1 progress Creating file: hello.txt',
      '2 tool_call create_file started',
      '3 tool_call create_file success',
      '99 progress Agent completed',
    ]);
    expect(events[0]).toEqual({
      version: '1.0',
      task_id: 't-1',
      timestamp: '2026-01-05T09:00:00.000Z',
      sequence: 0,
      event_type: 'progress',
      payload: { message: 'Agent started', percentage: 0 },
    });
    expect(events[2]!.payload).toEqual({ tool: 'create_file', input: { filename: 'hello.txt', content: 'Hello, ATP!' }, status: 'started' });
    expect(events[4]!.payload).toEqual({ message: 'Agent completed', percentage: 100 });
  });

  it('creates files in sub-folders', () => {
    handle("Create file 'deep/dir/a.txt' with content 'x'");
    expect(readFileSync(join(workspace, 'deep/dir/a.txt'), 'utf8')).toBe('x');
  });

  it('reads a file into a structured read_result', () => {
    writeFileSync(join(workspace, 'hello.txt'), 'Hello, ATP!');
    const response = handle("Read file 'hello.txt'");
    expect(response).toEqual({
      version: '1.0',
      task_id: 't-1',
      status: 'completed',
      artifacts: [{ type: 'structured', name: 'read_result', data: { success: true, path: 'hello.txt', content: 'Hello, ATP!', size: 11 } }],
      metrics: { total_steps: 1, tool_calls: 1 },
    });
    expect(trace()).toEqual(['0 progress Agent started', '1 progress Reading file: hello.txt', '2 tool_call read_file started', '3 tool_call read_file success', '99 progress Agent completed']);
  });

  it('handles a missing file gracefully: completed, error_result, a failed tool call but no error event', () => {
    const response = handle("Read file 'nonexistent_file_12345.txt'");
    expect(response.status).toBe('completed');
    expect(response.error).toBeUndefined();
    expect(response.artifacts).toEqual([
      { type: 'structured', name: 'error_result', data: { error_type: 'FileNotFound', message: 'File not found: nonexistent_file_12345.txt', handled: true } },
    ]);
    expect(response.metrics).toEqual({ total_steps: 1, tool_calls: 1 });
    expect(trace()).toContain('3 tool_call read_file error');
    expect(events.some((e) => e.event_type === 'error')).toBe(false);
  });

  it('lists the workspace into a structured file_list', () => {
    writeFileSync(join(workspace, 'b.txt'), 'bb');
    writeFileSync(join(workspace, 'a.txt'), 'a');
    handle("Create file 'sub/c.txt' with content 'c'");
    events = [];
    const response = handle("List files in '.'");
    expect(response).toEqual({
      version: '1.0',
      task_id: 't-1',
      status: 'completed',
      artifacts: [
        {
          type: 'structured',
          name: 'file_list',
          data: {
            success: true,
            path: '.',
            count: 3,
            files: [
              { name: 'a.txt', is_file: true, size: 1 },
              { name: 'b.txt', is_file: true, size: 2 },
              { name: 'sub', is_file: false, size: 0 },
            ],
          },
        },
      ],
      metrics: { total_steps: 1, tool_calls: 1 },
    });
    expect(trace()).toEqual(['0 progress Agent started', "1 progress Listing files in: .", '2 tool_call list_files started', '3 tool_call list_files success', '99 progress Agent completed']);
  });

  it('fails when the listed directory does not exist', () => {
    const response = handle("List files in 'nope'");
    expect(response).toMatchObject({ status: 'failed', artifacts: [], error: 'Operation list_files failed', metrics: { total_steps: 1, tool_calls: 0 } });
    expect(trace()).toContain('3 tool_call list_files error');
  });

  it('creates then reads back (multi-step): file + verification, two tool calls, four tool_call events', () => {
    const response = handle("Create file 'test_data.txt' with content 'Test content 123' and read it back");
    expect(response).toEqual({
      version: '1.0',
      task_id: 't-1',
      status: 'completed',
      artifacts: [
        { type: 'file', path: 'test_data.txt', content: 'Test content 123', size_bytes: 16 },
        { type: 'structured', name: 'verification', data: { verified: true } },
      ],
      metrics: { total_steps: 2, tool_calls: 2 },
    });
    expect(trace()).toEqual([
      '0 progress Agent started',
      '1 progress Step 1: Creating file',
      '2 tool_call create_file started',
      '3 tool_call create_file success',
      '4 progress Step 2: Reading file back',
      '5 tool_call read_file started',
      '6 tool_call read_file success',
      '99 progress Agent completed',
    ]);
  });

  it('reports an unknown operation with an error event and status failed', () => {
    const response = handle('Sing a song');
    expect(response).toEqual({
      version: '1.0',
      task_id: 't-1',
      status: 'failed',
      artifacts: [],
      metrics: { total_steps: 1, tool_calls: 0 },
      error: 'Operation unknown failed',
    });
    expect(events.map((e) => [e.sequence, e.event_type])).toEqual([
      [0, 'progress'],
      [1, 'error'],
      [99, 'progress'],
    ]);
    expect(events[1]!.payload).toEqual({ error_type: 'UnknownOperation', message: 'Unknown operation: unknown', recoverable: false });
  });

  it('refuses paths that leave the workspace', () => {
    const response = handle("Create file '../escape.txt' with content 'x'");
    expect(response).toMatchObject({ status: 'failed', artifacts: [], error: 'Operation create_file failed' });
    expect(events.find((e) => e.payload.status === 'error')!.payload.output).toEqual({ success: false, path: '../escape.txt', error: 'Path outside the workspace: ../escape.txt' });
  });

  it('keeps event sequence numbers strictly increasing', () => {
    handle("Create file 'test_data.txt' with content 'Test content 123' and read it back");
    const seqs = events.map((e) => e.sequence);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
  });
});

describe('handleRequestText', () => {
  it('answers input that is not JSON with a failed response', () => {
    const result = handleRequestText('not json', { emit: () => undefined });
    expect(result.ok).toBe(false);
    expect(result.response).toMatchObject({ version: '1.0', task_id: 'unknown', status: 'failed', artifacts: [] });
    expect(result.response.error).toMatch(/^Invalid JSON input: /);
  });

  it('answers JSON that is not an object with a failed response', () => {
    expect(handleRequestText('[1, 2]', { emit: () => undefined })).toMatchObject({ ok: false, response: { status: 'failed' } });
  });

  it('uses task_id "unknown" when the request has none', () => {
    const ws = mkdtempSync(join(tmpdir(), 'atp-demo-agent-test-'));
    try {
      const { response } = handleRequestText(JSON.stringify({ task: { description: 'List files' }, context: { workspace_path: ws } }), { emit: () => undefined });
      expect(response.task_id).toBe('unknown');
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });
});
