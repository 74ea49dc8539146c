import { describe, expect, it } from 'vitest';
import { validatePlugin, type CommandModule, type ReporterModule } from '@atp/kernel';
import plugin, { compareReporterConfigSchema } from '../src/index.js';
import { reportOf, testOf } from './reports.js';

describe('@atp/command-baseline plugin', () => {
  it('is a valid plugin registering the baseline and trend commands and the compare reporter', () => {
    expect(validatePlugin(plugin, '@atp/command-baseline')).toBe(plugin);
    expect(plugin.commands.map((c) => c.name)).toEqual(['baseline', 'trend']);
    expect(plugin.reporters.map((r) => [r.name, r.extension])).toEqual([['compare', 'txt']]);
  });

  it('loads the command modules lazily with their options', async () => {
    const baseline = (await plugin.commands[0]!.load()) as { default: CommandModule };
    expect(Object.keys(baseline.default.options ?? {})).toEqual(expect.arrayContaining(['output', 'baseline', 'fail-on-regression', 'json', 'output-file', 'html', 'runs', 'agent', 'adapter', 'adapter-config', 'tags', 'parallel']));
    const trend = (await plugin.commands[1]!.load()) as { default: CommandModule };
    expect(Object.keys(trend.default.options ?? {})).toEqual(['window', 'threshold', 'alpha', 'exit-on-regression', 'json']);
  });

  it('has a strict reporter config with defaults', () => {
    expect(compareReporterConfigSchema.parse({})).toEqual({ alpha: 0.05, format: 'text' });
    expect(compareReporterConfigSchema.safeParse({ alpha: 1 }).success).toBe(false);
    expect(compareReporterConfigSchema.safeParse({ colour: true }).success).toBe(false);
  });

  it('the compare reporter writes the comparison once at the end, as text or JSON', async () => {
    const mod = (await plugin.reporters[0]!.load()) as ReporterModule;
    const report = reportOf([testOf('t', [90, 92], { agent: 'x' }), testOf('t', [70, 71], { agent: 'y' })]);
    const out: string[] = [];
    const init = { write: (t: string) => out.push(t), isTTY: false, color: false, verbose: false, logger: { debug() {}, info() {}, warn() {}, error() {} } };
    const reporter = mod.createReporter({}, init);
    expect(reporter.apply).toBeUndefined();
    await reporter.finish(report);
    expect(out).toHaveLength(1);
    expect(out[0]).toContain('1  x');
    const json: string[] = [];
    await mod.createReporter({ format: 'json', alpha: 0.01 }, { ...init, write: (t: string) => json.push(t) }).finish(report);
    expect(JSON.parse(json[0]!)).toMatchObject({ alpha: 0.01, agents: ['x', 'y'], overall: { ranking: [{ agent: 'x', rank: 1 }, { agent: 'y', rank: 2 }] } });
  });
});
