/**
 * `atp baseline compare --html FILE`: the comparison as an HTML page, drawn by whichever plugin registers
 * the `html` reporter (@atp/reporter-html). No import crosses: the comparison travels as data in the run
 * report's `extensions`, under BASELINE_COMPARISON_EXTENSION, in the same JSON shape `--json` prints.
 */
import { appendFileSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AtpError, ErrorCodes, diagnostic, reporterConfigOf, type AttachedReporter, type CommandContext, type Reporter, type RunReport } from '@atp/kernel';
import type { BaselineComparison } from './baseline-compare.js';
import { BASELINE_COMPARISON_EXTENSION } from './extension.js';
import { usageError } from './run-suite.js';

const REPORTER = 'html';

/** The HTML page of a comparison, ready before the suite runs. */
export interface HtmlPage {
  /** Attach to the run: the reporter taps the hooks it needs (the event timeline); its own finish is not called. */
  attached: AttachedReporter;
  /** Write the page for the finished run and its comparison. */
  write(report: RunReport, comparison: BaselineComparison): Promise<void>;
}

/**
 * Check everything `--html FILE` needs before anything runs (a bad invocation must cost no run): the
 * `html` reporter is registered, its options in the config are valid, its module loads, and FILE can be
 * written. Then create the reporter, writing to FILE.
 */
export async function prepareHtmlPage(ctx: CommandContext, file: string): Promise<HtmlPage> {
  const { kernel } = ctx;
  const reporters = kernel.registries.reporters;
  const entry = reporters.get(REPORTER);
  if (!entry) {
    throw new AtpError(
      diagnostic(ErrorCodes.ATP_REPORTER, `--html needs the "${REPORTER}" reporter, but no plugin in this project registers it`, {
        hint: "add '@atp/reporter-html' to plugins in your ATP config (it is part of '@atp/preset-default'); install it with npm install -D @atp/reporter-html",
      }),
      { exitCode: 2 },
    );
  }
  const config = reporterConfigOf(kernel, REPORTER);
  const path = resolve(ctx.cwd, file);
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw usageError(`--html: cannot create the folder of ${file}: ${(error as Error).message}`);
  }
  if (existsSync(path) && statSync(path).isDirectory()) throw usageError(`--html: ${file} is a directory`, 'give a file name, e.g. --html comparison.html');
  const mod = await reporters.load(REPORTER);
  const reporter: Reporter = mod.createReporter(config, {
    outputFile: path,
    write: (text) => appendFileSync(path, text),
    isTTY: false,
    color: false,
    verbose: false,
    logger: kernel.logger,
  });
  return {
    attached: {
      name: REPORTER,
      plugin: entry.plugin,
      reporter: { ...(reporter.apply ? { apply: reporter.apply.bind(reporter) } : {}), finish: () => undefined },
    },
    async write(report, comparison) {
      writeFileSync(path, '');
      await reporter.finish({ ...report, extensions: { ...report.extensions, [BASELINE_COMPARISON_EXTENSION]: comparison } });
    },
  };
}
