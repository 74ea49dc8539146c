import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validatePlugin, type ReporterEntry, type ReporterModule } from '@atp/kernel';
import plugin from '../src/index.js';
import { markdownReporterConfigSchema } from '../src/config.js';
import { createMarkdownReporter } from '../src/markdown-reporter.js';
import { captureInit, smokeReport } from '@atp/testkit/reports';

async function loadModule(): Promise<ReporterModule> {
  const entry: ReporterEntry = plugin.reporters[0]!;
  const loaded = await entry.load();
  return 'default' in loaded ? loaded.default : loaded;
}

const config = markdownReporterConfigSchema.parse({});

let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'atp-md-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('@atp/reporter-markdown plugin', () => {
  it('is a valid plugin registering the markdown reporter with an .md extension', () => {
    expect(validatePlugin(plugin, '@atp/reporter-markdown')).toBe(plugin);
    expect(plugin.reporters.map((r) => [r.name, r.extension])).toEqual([['markdown', 'md']]);
  });

  it('has a strict config schema with defaults', () => {
    expect(config).toEqual({ title: 'ATP', max_failures: 20, include_passed: false, github_step_summary: false });
    expect(markdownReporterConfigSchema.safeParse({ max_failures: 0, include_passed: true, github_step_summary: true, title: 'Nightly' }).success).toBe(true);
    expect(markdownReporterConfigSchema.safeParse({ max_failures: -1 }).success).toBe(false);
    expect(markdownReporterConfigSchema.safeParse({ max_failures: 2.5 }).success).toBe(false);
    expect(markdownReporterConfigSchema.safeParse({ step_summary: true }).success).toBe(false);
  });

  it('writes the summary once through init.write when the run finishes', async () => {
    const init = captureInit();
    const reporter = (await loadModule()).createReporter({ max_failures: 1 }, init);
    expect(reporter.apply).toBeUndefined();
    await reporter.finish(smokeReport);
    expect(init.output).toHaveLength(1);
    expect(init.output[0]).toMatch(/^## ❌ ATP · file\\_agent\\_smoke: 3 of 4 tests failed\n/);
    expect(init.output[0]).toContain('…and 2 more failed tests (max\\_failures: 1).');
  });
});

describe('GITHUB_STEP_SUMMARY', () => {
  it('appends to the step summary file when asked and the variable is set', () => {
    const summary = join(dir, 'step-summary.md');
    writeFileSync(summary, '# Earlier step\n');
    const init = captureInit();
    createMarkdownReporter({ ...config, github_step_summary: true }, init, { GITHUB_STEP_SUMMARY: summary }).finish(smokeReport);
    expect(readFileSync(summary, 'utf8')).toBe(`# Earlier step\n${init.output[0]}\n`);
  });

  it('leaves the file alone when the option is off, the variable unset, or the report is written there already', () => {
    const summary = join(dir, 'step-summary.md');
    writeFileSync(summary, '');
    createMarkdownReporter(config, captureInit(), { GITHUB_STEP_SUMMARY: summary }).finish(smokeReport);
    createMarkdownReporter({ ...config, github_step_summary: true }, captureInit(), {}).finish(smokeReport);
    createMarkdownReporter({ ...config, github_step_summary: true }, captureInit({ outputFile: summary }), { GITHUB_STEP_SUMMARY: summary }).finish(smokeReport);
    expect(readFileSync(summary, 'utf8')).toBe('');
  });

  it('warns instead of failing the run when the file cannot be written', () => {
    const warnings: string[] = [];
    const init = captureInit({ logger: { debug() {}, info() {}, error() {}, warn: (m: string) => void warnings.push(m) } });
    const missing = join(dir, 'no-such-dir', 'summary.md');
    createMarkdownReporter({ ...config, github_step_summary: true }, init, { GITHUB_STEP_SUMMARY: missing }).finish(smokeReport);
    expect(init.output).toHaveLength(1);
    expect(warnings).toEqual([expect.stringMatching(new RegExp(`^markdown reporter: could not append to GITHUB_STEP_SUMMARY \\(${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\): ENOENT`))]);
  });
});
