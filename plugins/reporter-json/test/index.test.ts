import { describe, expect, it } from 'vitest';
import { validatePlugin, type ReporterEntry, type ReporterModule } from '@atp/kernel';
import plugin from '../src/index.js';
import { createJsonReporter } from '../src/json-reporter.js';
import { jsonReporterConfigSchema } from '../src/config.js';
import { captureInit, smokeReport } from '@atp/testkit/reports';

async function loadModule(): Promise<ReporterModule> {
  const entry: ReporterEntry = plugin.reporters[0]!;
  const loaded = await entry.load();
  return 'default' in loaded ? loaded.default : loaded;
}

describe('@atp/reporter-json plugin', () => {
  it('is a valid plugin registering the json reporter with a .json extension', () => {
    expect(validatePlugin(plugin, '@atp/reporter-json')).toBe(plugin);
    expect(plugin.reporters.map((r) => [r.name, r.extension])).toEqual([['json', 'json']]);
  });

  it('has a strict config schema with defaults', () => {
    expect(jsonReporterConfigSchema.parse({})).toEqual({ pretty: true, include_runs: false });
    expect(jsonReporterConfigSchema.safeParse({ pretty: false, include_runs: true }).success).toBe(true);
    expect(jsonReporterConfigSchema.safeParse({ indent: 4 }).success).toBe(false);
    expect(jsonReporterConfigSchema.safeParse({ pretty: 'yes' }).success).toBe(false);
  });

  it('writes the whole report once through init.write when the run finishes', async () => {
    const init = captureInit();
    const reporter = (await loadModule()).createReporter({}, init);
    expect(reporter.apply).toBeUndefined();
    await reporter.finish(smokeReport);
    expect(init.output).toHaveLength(1);
    const json = JSON.parse(init.output[0]!) as { version: string; summary: { total_tests: number } };
    expect(json.version).toBe('1.0');
    expect(json.summary.total_tests).toBe(4);
    expect(init.output[0]).toContain('\n  "summary": {');
  });

  it('stamps generated_at with the clock it is given', () => {
    const init = captureInit();
    createJsonReporter({ pretty: false, include_runs: false }, init, () => new Date('2026-02-03T04:05:06.789Z')).finish(smokeReport);
    expect((JSON.parse(init.output[0]!) as { generated_at: string }).generated_at).toBe('2026-02-03T04:05:06.789Z');
  });
});
