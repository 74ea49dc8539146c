/** `atp baseline save|compare SUITE`: record per-test score statistics, then detect regressions against them. */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { CommandContext, CommandModule } from '@atp/kernel';
import { buildBaseline } from '../baseline-format.js';
import { readBaseline, writeBaseline } from '../baseline-file.js';
import { compareWithBaseline } from '../baseline-compare.js';
import { renderBaseline, renderComparison } from '../render-comparison.js';
import { prepareHtmlPage } from '../html-page.js';
import { RUN_OPTIONS, intOption, nonNegativeOption, probabilityOption, runSuite, str, usageError } from '../run-suite.js';

const SAVE_ONLY = ['output'];
const COMPARE_ONLY = ['baseline', 'fail-on-regression', 'json', 'output-file', 'html', 'alpha', 'min-delta'];

function checkOptions(ctx: CommandContext, sub: 'save' | 'compare'): void {
  const wrong = (sub === 'save' ? COMPARE_ONLY : SAVE_ONLY).filter((k) => ctx.options[k] !== undefined && ctx.options[k] !== false);
  if (wrong.length) throw usageError(`atp baseline ${sub} does not take ${wrong.map((k) => `--${k}`).join(', ')}`, 'run atp baseline --help');
}

function suiteArg(ctx: CommandContext, sub: string): string {
  const [suite, ...extra] = ctx.args.slice(1);
  if (!suite) throw usageError(`atp baseline ${sub} needs a suite file`, sub === 'save' ? 'atp baseline save suite.yaml -o baseline.json --runs 10' : 'atp baseline compare suite.yaml -b baseline.json');
  if (extra.length) throw usageError(`atp baseline ${sub} takes one suite, got ${ctx.args.length - 1} arguments`);
  return suite;
}

async function save(ctx: CommandContext): Promise<number> {
  checkOptions(ctx, 'save');
  const suite = suiteArg(ctx, 'save');
  const out = str(ctx.options.output);
  if (!out) throw usageError('atp baseline save needs the output file', 'add -o baseline.json');
  const runs = intOption('runs', ctx.options.runs);
  if ((runs ?? 0) === 1) ctx.stderr('warning: --runs 1: with one run per test the variance is unknown and no later change can be significant; use --runs 10 or more\n');
  const result = await runSuite(ctx, suite, runs, (line) => ctx.stderr(`  ${line}\n`));
  if (typeof result === 'number') return result;
  if (result.report.summary.interrupted) {
    ctx.stderr('Interrupted: no baseline written (a partial baseline would bias every later comparison)\n');
    return 130;
  }
  if (runs === undefined && result.report.runsPerTest < 2) ctx.stderr('warning: 1 run per test: the variance is unknown and no later change can be significant; use --runs 10 or more\n');
  const baseline = buildBaseline(result.report, result.jobs, new Date());
  const path = resolve(ctx.cwd, out);
  writeBaseline(path, baseline);
  ctx.stdout(renderBaseline(baseline, relative(ctx.cwd, path) || path, { color: ctx.color }));
  return 0;
}

async function compare(ctx: CommandContext): Promise<number> {
  checkOptions(ctx, 'compare');
  const suite = suiteArg(ctx, 'compare');
  const file = str(ctx.options.baseline);
  if (!file) throw usageError('atp baseline compare needs the baseline file', 'add -b baseline.json');
  const alpha = probabilityOption('alpha', ctx.options.alpha);
  const minDelta = nonNegativeOption('min-delta', ctx.options['min-delta']);
  // Read the baseline before running anything: a bad file must not cost a whole run.
  const baseline = readBaseline(resolve(ctx.cwd, file), ctx.cwd);
  // Likewise a missing html reporter, bad reporter options or an unwritable page.
  const htmlFile = str(ctx.options.html);
  if (ctx.options.html !== undefined && !htmlFile) throw usageError('--html needs a file name', 'atp baseline compare SUITE -b baseline.json --html comparison.html');
  const page = htmlFile ? await prepareHtmlPage(ctx, htmlFile) : undefined;
  const runs = intOption('runs', ctx.options.runs) ?? baseline.runs_per_test;
  const result = await runSuite(ctx, suite, runs, (line) => ctx.stderr(`  ${line}\n`), page ? [page.attached] : []);
  if (typeof result === 'number') return result;
  if (result.report.summary.interrupted) {
    ctx.stderr('Interrupted: no comparison (the current sample is incomplete)\n');
    return 130;
  }
  const comparison = compareWithBaseline(baseline, result.report, { ...(alpha !== undefined ? { alpha } : {}), ...(minDelta !== undefined ? { minDelta } : {}) });
  if (comparison.agent_name !== baseline.agent_name) ctx.stderr(`warning: the baseline was recorded with agent "${baseline.agent_name}", this run used "${comparison.agent_name}"\n`);
  if (comparison.suite_name !== baseline.suite_name) ctx.stderr(`warning: the baseline was recorded for suite "${baseline.suite_name}", this run is suite "${comparison.suite_name}"\n`);
  const json = `${JSON.stringify(comparison, null, 2)}\n`;
  const outputFile = str(ctx.options['output-file']);
  if (outputFile) {
    const path = resolve(ctx.cwd, outputFile);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, json);
  }
  if (page && htmlFile) {
    await page.write(result.report, comparison);
    ctx.stderr(`HTML page written to ${relative(ctx.cwd, resolve(ctx.cwd, htmlFile)) || htmlFile}\n`);
  }
  ctx.stdout(ctx.options.json ? json : renderComparison(comparison, { color: ctx.color }));
  return ctx.options['fail-on-regression'] && comparison.summary.has_regressions ? 1 : 0;
}

/** The `baseline` command. */
const command: CommandModule = {
  usage: 'save|compare SUITE [options]',
  options: {
    output: { type: 'string', short: 'o', value: 'FILE', description: 'save: the baseline file to write' },
    baseline: { type: 'string', short: 'b', value: 'FILE', description: 'compare: the baseline file to compare with' },
    'fail-on-regression': { type: 'boolean', description: 'compare: exit 1 when a test regressed significantly' },
    json: { type: 'boolean', description: 'compare: print the comparison as JSON' },
    'output-file': { type: 'string', value: 'FILE', description: 'compare: also write the comparison JSON to FILE' },
    html: { type: 'string', value: 'FILE', description: 'compare: also write an HTML page with charts to FILE (needs the html reporter, @atp/reporter-html)' },
    alpha: { type: 'string', value: 'P', description: 'compare: significance level (default 0.05)' },
    'min-delta': { type: 'string', value: 'POINTS', description: 'compare: ignore significant changes smaller than this (default 0)' },
    ...RUN_OPTIONS,
  },
  async run(ctx) {
    const sub = ctx.args[0];
    if (sub === 'save') return save(ctx);
    if (sub === 'compare') return compare(ctx);
    throw usageError(sub ? `unknown baseline command "${sub}": expected save or compare` : 'atp baseline needs save or compare', 'atp baseline save SUITE -o baseline.json --runs 10, then atp baseline compare SUITE -b baseline.json');
  },
};
export default command;
