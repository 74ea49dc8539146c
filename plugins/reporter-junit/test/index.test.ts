import { describe, expect, it } from 'vitest';
import { validatePlugin, type ReporterEntry, type ReporterModule } from '@atp/kernel';
import plugin from '../src/index.js';
import { junitReporterConfigSchema } from '../src/config.js';
import { captureInit, smokeReport } from '@atp/testkit/reports';
import { parseXml } from './xml-check.js';

async function loadModule(): Promise<ReporterModule> {
  const entry: ReporterEntry = plugin.reporters[0]!;
  const loaded = await entry.load();
  return 'default' in loaded ? loaded.default : loaded;
}

describe('@atp/reporter-junit plugin', () => {
  it('is a valid plugin registering the junit reporter with an .xml extension', () => {
    expect(validatePlugin(plugin, '@atp/reporter-junit')).toBe(plugin);
    expect(plugin.reporters.map((r) => [r.name, r.extension])).toEqual([['junit', 'xml']]);
  });

  it('has a strict config schema with defaults', () => {
    expect(junitReporterConfigSchema.parse({})).toEqual({ include_properties: true, include_system_out: true });
    expect(junitReporterConfigSchema.safeParse({ suite: 'x' }).success).toBe(false);
  });

  it('writes the XML once through init.write when the run finishes', async () => {
    const init = captureInit();
    const reporter = (await loadModule()).createReporter({ include_system_out: false }, init);
    await reporter.finish(smokeReport);
    expect(init.output).toHaveLength(1);
    const root = parseXml(init.output[0]!);
    expect(root.children[0]!.children.filter((c) => c.name === 'testcase').flatMap((c) => c.children.map((x) => x.name))).toEqual(['failure', 'error', 'error']);
  });
});
