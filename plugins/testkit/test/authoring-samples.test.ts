import { describe, expect, it } from 'vitest';
import { ATPEventSchema, ATPRequestSchema, ATPResponseSchema } from '@atp/kernel';
import { SAMPLE_TIME, sampleEvent, sampleEvents, sampleRequest, sampleResponse, sampleRunReport, sampleTestResult } from '../src/authoring/index.js';

describe('sample builders', () => {
  it('build valid protocol messages with defaults applied', () => {
    const request = sampleRequest({ description: 'Write a haiku', input_data: { topic: 'rain' } });
    expect(request).toEqual({
      version: '1.0',
      task_id: 'sample-task',
      task: { description: 'Write a haiku', input_data: { topic: 'rain' }, expected_artifacts: null },
      constraints: {},
      context: null,
      metadata: null,
    });
    expect(ATPRequestSchema.parse(request)).toEqual(request);

    const response = sampleResponse({ text: 'drops on the roof', metrics: { total_tokens: 12 } });
    expect(response).toEqual({
      version: '1.0',
      task_id: 'sample-task',
      status: 'completed',
      artifacts: [{ type: 'file', path: 'output.txt', content_type: 'text/plain', content: 'drops on the roof' }],
      metrics: { total_tokens: 12 },
      error: null,
      trace_id: null,
    });
    expect(ATPResponseSchema.parse(response)).toEqual(response);

    expect(sampleEvents(['tool_call', { tool: 'search' }], ['progress'])).toEqual([
      { version: '1.0', task_id: 'sample-task', timestamp: SAMPLE_TIME, sequence: 0, event_type: 'tool_call', payload: { tool: 'search' } },
      { version: '1.0', task_id: 'sample-task', timestamp: SAMPLE_TIME, sequence: 1, event_type: 'progress', payload: {} },
    ]);
    expect(ATPEventSchema.parse(sampleEvent('reasoning', { thought: 'hm' }, { sequence: 4 })).sequence).toBe(4);
  });

  it('refuse to build an invalid message, saying why', () => {
    expect(() => sampleRequest({ task_id: 'has spaces' })).toThrow('invalid sample request: task_id: task_id must contain only letters, digits, underscores and hyphens, received "has spaces"');
    expect(() => sampleResponse({ artifacts: [{ type: 'file', path: '../escape.txt' }] })).toThrow("invalid sample response: artifacts.0.path: artifact path must not contain a '..' segment");
  });

  it('build run reports whose summary matches their tests', () => {
    const report = sampleRunReport({ tests: [{ id: 'a' }, { id: 'b', passed: false }, sampleTestResult({ id: 'c', score: 75 })] });
    expect(report.summary).toEqual({ total: 3, passed: 2, failed: 1, successRate: 2 / 3, success: false, interrupted: false });
    expect(report.tests.map((t) => [t.testId, t.passed, t.score])).toEqual([
      ['a', true, 100],
      ['b', false, 40],
      ['c', true, 75],
    ]);
    expect(report.durationMs).toBe(3000);
    expect(report.finishedAt).toBe('2026-01-05T09:00:03.000Z');
    expect(sampleRunReport({ tests: [{ id: 'a' }], interrupted: true }).summary.success).toBe(false);
  });
});
