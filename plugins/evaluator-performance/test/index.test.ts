import { ATPEventSchema, ATPRequestSchema, createHooks, silentLogger, tapOnlyHooks, validatePlugin, type JobInfo, type ResolvedConfig } from '@atp/kernel';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { timingOf } from '../src/timing.js';

describe('@atp/evaluator-performance plugin', () => {
  it('is a valid plugin with the performance assertion', () => {
    expect(validatePlugin(plugin, '@atp/evaluator-performance')).toBe(plugin);
    expect(plugin.evaluators.map((e) => [e.name, e.evaluator])).toEqual([['performance', 'performance']]);
  });

  it('loads a module with createEvaluator', async () => {
    const mod = await plugin.evaluators[0]!.load();
    expect(typeof mod.createEvaluator).toBe('function');
  });

  it('times each run from jobStart to its first event and forgets it once evaluated', async () => {
    const hooks = createHooks();
    await plugin.setup!({ hooks: tapOnlyHooks(hooks, plugin.name), config: {} as ResolvedConfig, options: {}, logger: silentLogger });
    const request = ATPRequestSchema.parse({ task_id: 'perf-task-7', task: { description: 'x' } });
    const info = { runId: 'run-7', job: { id: 't::a::1', testId: 't', agent: 'a', run: 1 }, test: {} as JobInfo['test'], request } satisfies JobInfo;
    await hooks.jobStart.promise(info);
    const started = timingOf('perf-task-7');
    expect(started).toEqual({ runId: 'run-7', startedAt: expect.any(Number) });
    await new Promise((r) => setTimeout(r, 20));
    hooks.event.call(ATPEventSchema.parse({ task_id: 'perf-task-7', sequence: 0, event_type: 'progress', payload: {} }), info);
    hooks.event.call(ATPEventSchema.parse({ task_id: 'perf-task-7', sequence: 1, event_type: 'progress', payload: {} }), info);
    await hooks.jobEnd.promise({ ...info, response: { version: '1.0', task_id: 'perf-task-7', status: 'completed', artifacts: [], metrics: null, error: null, trace_id: null } as never, events: [], durationMs: 123 });
    const timing = timingOf('perf-task-7')!;
    expect(timing.firstEventAt! - timing.startedAt).toBeGreaterThanOrEqual(15);
    expect(timing.durationMs).toBe(123);
    await hooks.evaluated.promise({ taskId: 'perf-task-7' } as never);
    expect(timingOf('perf-task-7')).toBeUndefined();
  });
});
