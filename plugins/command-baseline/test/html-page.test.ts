/**
 * How `--html` finds and drives the `html` reporter: through the kernel registry only. A recording
 * reporter stands in for @atp/reporter-html here (the end-to-end test uses the real one).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AtpError, createKernel, createHooks, definePlugin, silentLogger, tapOnlyHooks, type CommandContext, type Kernel, type ReporterInit, type RunReport, type TapOnlyHooks } from '@atp/kernel';
import { BASELINE_COMPARISON_EXTENSION, buildBaseline, compareWithBaseline } from '../src/index.js';
import { prepareHtmlPage } from '../src/html-page.js';
import { reportOf, testOf } from './reports.js';

const dir = mkdtempSync(join(tmpdir(), 'atp-baseline-html-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Recorded {
  config?: Record<string, unknown>;
  init?: ReporterInit;
  applied: number;
  finished: RunReport[];
}

/** A kernel whose `html` reporter records how it is created and called, and writes its title and the test ids. */
async function kernelWithHtml(recorded: Recorded, config: Record<string, unknown> = {}): Promise<Kernel> {
  const kernel = createKernel({ logger: silentLogger });
  kernel.config.reporters.html = config;
  await kernel.use(
    definePlugin({
      name: 'recording-html',
      apiVersion: 1,
      reporters: [
        {
          name: 'html',
          description: 'records',
          configSchema: z.strictObject({ title: z.string().default('T') }),
          load: async () => ({
            createReporter(options: Record<string, unknown>, init: ReporterInit) {
              recorded.config = options;
              recorded.init = init;
              return {
                apply(hooks: TapOnlyHooks) {
                  recorded.applied += 1;
                  expect(hooks.event).toBeDefined();
                },
                finish(report: RunReport) {
                  recorded.finished.push(report);
                  init.write(`<h1>${String(options.title)}</h1>`);
                  init.write(report.tests.map((t) => t.testId).join(','));
                },
              };
            },
          }),
        },
      ],
    }),
  );
  return kernel;
}

const context = (kernel: Kernel): CommandContext =>
  ({ args: [], options: {}, cwd: dir, kernel, stdout: () => undefined, stderr: () => undefined, report: () => undefined, signal: new AbortController().signal, color: false, debug: false }) as CommandContext;

const before = reportOf([testOf('t-1', [95, 96, 94, 95]), testOf('t-2', [90, 91, 92, 90])]);
const now = reportOf([testOf('t-1', [70, 72, 71, 69]), testOf('t-2', [90, 92, 91, 90])], { extensions: { cost: { total_usd: 0.5 } } });
const comparison = compareWithBaseline(buildBaseline(before, [], new Date('2026-01-01T00:00:00.000Z')), now, { comparedAt: new Date('2026-01-02T00:00:00.000Z') });

describe('--html: the page through the registered html reporter', () => {
  it('creates the reporter with the validated config, attaches its taps to the run, and writes the page once with the comparison', async () => {
    const recorded: Recorded = { applied: 0, finished: [] };
    const kernel = await kernelWithHtml(recorded, { title: 'Nightly' });
    const file = join(dir, 'pages/compare.html');
    const page = await prepareHtmlPage(context(kernel), 'pages/compare.html');
    expect(recorded.config).toEqual({ title: 'Nightly' });
    expect(recorded.init).toMatchObject({ outputFile: file, isTTY: false, color: false, verbose: false });
    expect(recorded.init!.logger).toBe(kernel.logger);
    expect(page.attached).toMatchObject({ name: 'html', plugin: 'recording-html' });
    // runPlan applies the attached reporter and calls its finish: the taps go on, the finish is left to write().
    page.attached.reporter.apply!(tapOnlyHooks(createHooks(), 'recording-html'));
    await page.attached.reporter.finish(now);
    expect(recorded.applied).toBe(1);
    expect(recorded.finished).toEqual([]);

    writeFileSync(file, 'stale content');
    await page.write(now, comparison);
    expect(recorded.finished).toHaveLength(1);
    expect(recorded.finished[0]!.extensions).toEqual({ cost: { total_usd: 0.5 }, [BASELINE_COMPARISON_EXTENSION]: comparison });
    expect(recorded.finished[0]!.tests).toBe(now.tests);
    expect(readFileSync(file, 'utf8')).toBe('<h1>Nightly</h1>t-1,t-2');
    // The comparison rides along as the JSON --json prints.
    expect(JSON.parse(JSON.stringify(recorded.finished[0]!.extensions![BASELINE_COMPARISON_EXTENSION]))).toEqual(JSON.parse(JSON.stringify(comparison)));
    expect(comparison.comparisons.map((c) => [c.test_id, c.change_type])).toEqual([
      ['t-1', 'regression'],
      ['t-2', 'no_change'],
    ]);
  });

  it('the extension key is part of the public surface', () => {
    expect(BASELINE_COMPARISON_EXTENSION).toBe('baseline_comparison');
  });

  it('without an html reporter: ATP_REPORTER, exit 2, with the plugin to add', async () => {
    const kernel = createKernel({ logger: silentLogger });
    const error = await prepareHtmlPage(context(kernel), 'x.html').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtpError);
    expect((error as AtpError).exitCode).toBe(2);
    expect((error as AtpError).diagnostics).toEqual([
      {
        code: 'ATP_REPORTER',
        severity: 'error',
        message: '--html needs the "html" reporter, but no plugin in this project registers it',
        hint: "add '@atp/reporter-html' to plugins in your ATP config (it is part of '@atp/preset-default'); install it with npm install -D @atp/reporter-html",
      },
    ]);
  });

  it('invalid reporter options are config errors naming the key; a directory is not a page', async () => {
    const recorded: Recorded = { applied: 0, finished: [] };
    const kernel = await kernelWithHtml(recorded, { titel: 'x' });
    const error = (await prepareHtmlPage(context(kernel), 'x.html').catch((e: unknown) => e)) as AtpError;
    expect(error.exitCode).toBe(2);
    expect(error.diagnostics).toEqual([{ code: 'ATP_CONFIG_INVALID', severity: 'error', message: 'reporters.html: Unrecognized key: "titel"' }]);
    expect(recorded.init).toBeUndefined();

    mkdirSync(join(dir, 'folder'), { recursive: true });
    const folder = (await prepareHtmlPage(context(await kernelWithHtml(recorded)), 'folder').catch((e: unknown) => e)) as AtpError;
    expect(folder.diagnostics[0]).toMatchObject({ code: 'ATP_USAGE', message: '--html: folder is a directory' });
  });
});
