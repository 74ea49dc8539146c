import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, silentLogger, type AssertionSpec } from '@atp/kernel';
import { recordingLogger, sampleCallContext, sampleEvaluationInput, sampleEvent, sampleRequest } from '../src/authoring/index.js';

describe('sampleEvaluationInput', () => {
  it('builds the input the runner hands an evaluator, with protocol defaults applied', async () => {
    const input = sampleEvaluationInput({ type: 'contains', config: { pattern: 'hi' }, response: { artifacts: [{ path: 'out.txt', content: 'hi' }] } });
    expect(input).toEqual({
      assertion: { id: 'contains', type: 'contains', config: { pattern: 'hi' }, critical: false },
      test: {
        id: 't1',
        name: 'test one',
        tags: [],
        task: { description: 'Create hello.txt', input_data: null, expected_artifacts: null },
        constraints: {},
        timeoutMs: 60_000,
        assertions: [input.assertion],
        scoring: DEFAULT_WEIGHTS,
        runs: 1,
        agents: [],
      },
      request: { version: '1.0', task_id: 'task-1', task: { description: 'Create hello.txt', input_data: null, expected_artifacts: null }, constraints: {}, context: null, metadata: null },
      response: {
        version: '1.0',
        task_id: 'task-1',
        status: 'completed',
        artifacts: [{ type: 'file', path: 'out.txt', content: 'hi' }],
        metrics: null,
        error: null,
        trace_id: null,
      },
      events: [],
      suiteDir: process.cwd(),
      results: new Map(),
      evaluate: expect.any(Function),
      signal: expect.any(AbortSignal),
      logger: silentLogger,
    });
    expect('workspace' in input).toBe(false);
    expect(input.signal.aborted).toBe(false);
    const inline: AssertionSpec = { id: 'x', type: 'mystery', config: {}, critical: false };
    expect(await input.evaluate(inline)).toEqual({
      assertion: 'x',
      type: 'mystery',
      passed: false,
      score: 0,
      checks: [],
      critical: false,
      skipped: { reason: 'unsupported_assertion_type', message: 'no evaluator for "mystery"' },
    });
  });

  it('numbers events, keys earlier results by assertion, and takes the suite directory from the location', () => {
    const prior = { assertion: 'a1', type: 'contains', passed: true, score: 1, checks: [], critical: false };
    const input = sampleEvaluationInput({
      type: 'composite',
      taskId: 'task-9',
      testId: 'perf-1',
      testName: 'speed',
      events: [{ event_type: 'progress', payload: { message: 'a' } }, { event_type: 'tool_call', payload: { tool: 'search' } }],
      location: { file: join('/suites', 'smoke', 'suite.yaml'), line: 3, column: 7 },
      results: [prior],
      workspace: '/ws',
      constraints: { max_steps: 4 },
    });
    expect(input.events.map((e) => [e.task_id, e.sequence, e.event_type])).toEqual([
      ['task-9', 0, 'progress'],
      ['task-9', 1, 'tool_call'],
    ]);
    expect([input.request.task_id, input.response.task_id, input.test.id, input.test.name]).toEqual(['task-9', 'task-9', 'perf-1', 'speed']);
    expect(input.assertion.location).toEqual({ file: '/suites/smoke/suite.yaml', line: 3, column: 7 });
    expect(input.suiteDir).toBe('/suites/smoke');
    expect(input.results.get('a1')).toBe(prior);
    expect(input.workspace).toBe('/ws');
    expect(input.test.constraints).toEqual({ max_steps: 4 });
    expect(sampleEvaluationInput({ type: 'x', location: { file: '/a/suite.yaml', line: 1, column: 1 }, suiteDir: '/b' }).suiteDir).toBe('/b');
  });

  it('takes a whole request, a signal, a logger and an evaluate function as given', async () => {
    const controller = new AbortController();
    const logger = recordingLogger();
    const request = sampleRequest({ description: 'Summarise', input_data: { quarter: 'Q3' } });
    const evaluate = async (a: AssertionSpec) => ({ assertion: a.id, type: a.type, passed: true, score: 1, checks: [], critical: false });
    const input = sampleEvaluationInput({ type: 'llm_eval', request, signal: controller.signal, logger, evaluate });
    expect(input.request).toEqual(request);
    expect(input.test.task).toEqual(request.task);
    expect(input.signal).toBe(controller.signal);
    expect(input.logger).toBe(logger);
    expect(await input.evaluate({ id: 'i', type: 't', config: {}, critical: false })).toMatchObject({ passed: true });
  });

  it('rejects what the protocol rejects', () => {
    expect(() => sampleEvaluationInput({ type: 'x', response: { status: 'finished' as never } })).toThrow(/status/);
  });
});

describe('sampleCallContext', () => {
  it('collects emitted events in order, with a 30 s budget and a live signal by default', () => {
    const { context, events } = sampleCallContext();
    expect(context.timeoutMs).toBe(30_000);
    expect(context.signal.aborted).toBe(false);
    const first = sampleEvent('progress', { message: 'one' });
    const second = sampleEvent('tool_call', { tool: 'search' }, { sequence: 1 });
    context.emit(first);
    context.emit(second);
    expect(events).toEqual([first, second]);
  });

  it('uses the timeout and signal it is given', () => {
    const controller = new AbortController();
    const { context } = sampleCallContext({ timeoutMs: 500, signal: controller.signal });
    expect(context.timeoutMs).toBe(500);
    expect(context.signal).toBe(controller.signal);
  });
});

describe('recordingLogger', () => {
  it('keeps every message with its level, in order', () => {
    const logger = recordingLogger();
    logger.info('started');
    logger.warn('slow');
    logger.debug('detail');
    logger.error('failed');
    expect(logger.lines).toEqual(['info: started', 'warn: slow', 'debug: detail', 'error: failed']);
  });
});
