import { describe, expect, it } from 'vitest';
import { createHooks, tapOnlyHooks, validatePlugin, type ATPEvent, type JobInfo, type ReporterEntry, type ReporterModule } from '@atp/kernel';
import plugin from '../src/index.js';
import { htmlReporterConfigSchema } from '../src/config.js';
import { captureInit, smokeReport } from '@atp/testkit/reports';

async function loadModule(): Promise<ReporterModule> {
  const entry: ReporterEntry = plugin.reporters[0]!;
  const loaded = await entry.load();
  return 'default' in loaded ? loaded.default : loaded;
}

const jobInfo = (testId: string, run: number): JobInfo => ({ runId: 'r', job: { id: `${testId}::demo-agent::${run}`, testId, agent: 'demo-agent', run } }) as unknown as JobInfo;
const event = (sequence: number, tool: string): ATPEvent => ({ version: '1.0', task_id: 't', timestamp: '2026-01-05T10:00:00Z', sequence, event_type: 'tool_call', payload: { tool } });

describe('@atp/reporter-html plugin', () => {
  it('is a valid plugin registering the html reporter with an .html extension', () => {
    expect(validatePlugin(plugin, '@atp/reporter-html')).toBe(plugin);
    expect(plugin.reporters.map((r) => [r.name, r.extension])).toEqual([['html', 'html']]);
  });

  it('has a strict config schema with defaults', () => {
    expect(htmlReporterConfigSchema.parse({})).toEqual({ title: 'ATP Test Results', max_events_per_test: 50, max_payload_chars: 2000, expand: 'failed' });
    expect(htmlReporterConfigSchema.safeParse({ title: 'Nightly', max_events_per_test: 0, expand: 'all' }).success).toBe(true);
    expect(htmlReporterConfigSchema.safeParse({ max_events: 5 }).success).toBe(false);
    expect(htmlReporterConfigSchema.safeParse({ max_events_per_test: -1 }).success).toBe(false);
    expect(htmlReporterConfigSchema.safeParse({ max_events_per_test: 1.5 }).success).toBe(false);
    expect(htmlReporterConfigSchema.safeParse({ expand: 'some' }).success).toBe(false);
    expect(htmlReporterConfigSchema.safeParse({ title: '' }).success).toBe(false);
  });

  it('taps the real kernel hooks for events and writes one page with the bounded timeline', async () => {
    const init = captureInit();
    const reporter = (await loadModule()).createReporter({ max_events_per_test: 2 }, init);
    const hooks = createHooks();
    reporter.apply!(tapOnlyHooks(hooks, '@atp/reporter-html'));
    await hooks.jobStart.promise(jobInfo('fa-002', 1));
    for (let i = 0; i < 5; i++) hooks.event.call(event(i, `tool-${i}`), jobInfo('fa-002', 1));
    await reporter.finish(smokeReport);
    expect(init.output).toHaveLength(1);
    const html = init.output[0]!;
    expect(html).toContain('Run 1: the first 2 of 5 events.');
    expect(html).toContain('<td class="ev-summary">tool-1</td>');
    expect(html).not.toContain('tool-2');
  });

  it('taps nothing for the timeline when max_events_per_test is 0', async () => {
    const init = captureInit();
    const reporter = (await loadModule()).createReporter({ max_events_per_test: 0 }, init);
    const hooks = createHooks();
    reporter.apply!(tapOnlyHooks(hooks, '@atp/reporter-html'));
    expect(hooks.event.taps).toHaveLength(0);
    await reporter.finish(smokeReport);
    expect(init.output[0]).not.toContain('Event timeline');
  });
});
