import { dirname, resolve } from 'node:path';
import type { CommandModule } from '../../contracts.js';
import { AtpError, diagnostic, hasErrors } from '../../diagnostics.js';
import { ErrorCodes } from '../../codes.js';
import { parseAdapterConfig } from '../../runner/agents.js';
import { runPlan } from '../../runner/run-plan.js';
import { readRunMeta, type ResumableOptions } from '../../runner/journal.js';
import { createReporters } from './reporters.js';
import { createLogger } from '../../logger.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : []);

function positiveInt(name: string, v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new AtpError(diagnostic(ErrorCodes.ATP_USAGE, `--${name} expects a whole number ≥ 1, got "${String(v)}"`), { exitCode: 2 });
  return n;
}

/** `atp test SUITE...`: compile, run, evaluate, report. */
const command: CommandModule = {
  usage: 'SUITE... [options]  |  atp test --resume RUN_ID',
  options: {
    output: { type: 'string', short: 'o', multiple: true, value: 'FORMAT', description: 'reporter: console, json, junit, … (comma-separated or repeated)' },
    'output-file': { type: 'string', value: 'PATH', description: 'write the (single) non-console report to this file' },
    'output-dir': { type: 'string', value: 'DIR', description: 'write one file per report format into DIR' },
    tags: { type: 'string', value: 'TAGS', description: 'tag filter, e.g. smoke,core,!slow' },
    parallel: { type: 'string', short: 'p', value: 'N', description: 'jobs in flight at once' },
    runs: { type: 'string', value: 'N', description: 'runs per test (overrides the suite)' },
    'fail-fast': { type: 'boolean', description: 'stop after the first failed test' },
    agent: { type: 'string', multiple: true, value: 'NAME', description: 'run against this agent (repeat to compare agents)' },
    adapter: { type: 'string', value: 'NAME', description: 'adapter for the agent (http, cli, …)' },
    'adapter-config': { type: 'string', multiple: true, value: 'K=V', description: 'adapter config entry; values parsed as JSON when possible' },
    budget: { type: 'string', value: 'USD', description: 'stop starting jobs once the agents have spent this many dollars' },
    resume: { type: 'string', value: 'RUN_ID', description: 'resume an interrupted run with the options it was started with: only missing jobs run' },
    sandbox: { type: 'boolean', description: 'give each job its own workspace directory' },
    retries: { type: 'string', value: 'N', description: 'retries of retryable adapter errors' },
    'runs-dir': { type: 'string', value: 'DIR', description: 'where run journals are written (default .atp/runs)' },
    'no-journal': { type: 'boolean', description: 'do not write a run journal' },
    'list-only': { type: 'boolean', description: 'list the tests that would run and exit' },
    verbose: { type: 'boolean', short: 'v', description: 'show passing checks too' },
  },
  async run(ctx) {
    const { kernel, options } = ctx;
    const usage = (message: string, hint?: string): AtpError => new AtpError(diagnostic(ErrorCodes.ATP_USAGE, message, hint ? { hint } : {}), { exitCode: 2 });
    const resumeId = options.resume === undefined ? undefined : String(options.resume);
    const runsDir = resolve(kernel.config.cwd, str(options['runs-dir']) ?? kernel.config.defaults.runs_dir);
    // `--resume ID` alone resumes the same jobs: the suite and the options that chose them come from the run's record.
    const resumed = resumeId === undefined ? undefined : readRunMeta(runsDir, resumeId);
    const recorded = resumed?.options ?? {};
    const files = ctx.args.length ? [...ctx.args] : resumed?.suiteFile ? [resumed.suiteFile] : [];
    if (!files.length) throw usage('atp test needs a suite file', 'atp test suite.yaml');
    if (resumed && files.length > 1) throw usage('--resume resumes one run of one suite, but several suites were given', `atp test ${files[0]} --resume ${resumeId}`);
    if (str(options['output-file']) && files.length > 1) {
      throw usage(`--output-file names one file, but ${files.length} suites would each write a report to it`, 'use --output-dir DIR to write one file per suite and format');
    }
    const adapterConfigArgs = list(options['adapter-config']);
    if (recorded.adapterConfigKeys?.length && !adapterConfigArgs.length) {
      throw usage(
        `run "${resumeId}" was started with --adapter-config (${recorded.adapterConfigKeys.join(', ')}); its values are not stored (they may be secrets)`,
        `pass the same --adapter-config again with --resume ${resumeId}`,
      );
    }
    const chosenRuns = positiveInt('runs', options.runs) ?? recorded.runs;
    const runs = chosenRuns ?? kernel.config.defaults.runs_per_test;
    const tags = str(options.tags) ?? recorded.tags;
    const agents = list(options.agent).length ? list(options.agent) : (recorded.agents ?? []);
    const adapter = str(options.adapter) ?? recorded.adapter;
    const parallel = positiveInt('parallel', options.parallel) ?? kernel.config.defaults.parallel;
    const retriesRaw = options.retries;
    const retries = retriesRaw === undefined ? undefined : Number(retriesRaw);
    if (retries !== undefined && (!Number.isInteger(retries) || retries < 0)) throw usage('--retries expects a whole number ≥ 0');
    const budgetRaw = str(options.budget);
    const budgetUsd = budgetRaw === undefined ? undefined : Number(budgetRaw);
    if (budgetUsd !== undefined && !(budgetUsd > 0)) throw usage(`--budget expects an amount in dollars > 0, got "${budgetRaw}"`);
    const adapterConfig = adapterConfigArgs.length ? parseAdapterConfig(adapterConfigArgs) : undefined;
    const resumable: ResumableOptions = {
      ...(chosenRuns !== undefined ? { runs: chosenRuns } : {}),
      ...(tags !== undefined ? { tags } : {}),
      ...(agents.length ? { agents } : {}),
      ...(adapter !== undefined ? { adapter } : {}),
      ...(adapterConfig ? { adapterConfigKeys: Object.keys(adapterConfig) } : {}),
    };
    const logger = createLogger({ debug: ctx.debug });
    let exit = 0;
    const reportNames = new Set<string>();
    for (const file of files) {
      const out = await kernel.compileSuite(file, { tags, runs });
      if (!out.plan || hasErrors(out.diagnostics)) {
        ctx.report(out.diagnostics);
        const onlyNoTests = out.diagnostics.every((d) => d.severity !== 'error' || d.code === ErrorCodes.ATP_NO_TESTS);
        exit = Math.max(exit, onlyNoTests ? 1 : 2);
        continue;
      }
      if (out.diagnostics.length) ctx.report(out.diagnostics);
      const plan = out.plan;
      if (options['list-only']) {
        for (const t of plan.tests) ctx.stdout(`${t.id}  ${t.name}${t.tags.length ? `  [${t.tags.join(', ')}]` : ''}\n`);
        continue;
      }
      const { reporters, finishFiles } = await createReporters(ctx, plan.suite.name, reportNames);
      const report = await runPlan(kernel, plan, {
        parallel,
        failFast: Boolean(options['fail-fast']) || kernel.config.defaults.fail_fast,
        ...(retries !== undefined ? { retries } : kernel.config.defaults.retries ? { retries: kernel.config.defaults.retries } : {}),
        sandbox: Boolean(options.sandbox) || kernel.config.defaults.sandbox,
        agents,
        ...(adapter ? { adapter } : {}),
        ...(adapterConfig ? { adapterConfig } : {}),
        ...(resumeId !== undefined ? { resume: resumeId } : { resumable }),
        runsDir,
        journal: !options['no-journal'],
        ...(budgetUsd !== undefined ? { budgetUsd } : {}),
        signal: ctx.signal,
        reporters,
        baseDir: dirname(resolve(ctx.cwd, file)),
        logger,
      });
      finishFiles();
      if (report.summary.interrupted) {
        const again = adapterConfig ? ' (and the same --adapter-config)' : '';
        const where = str(options['runs-dir']) ? ` --runs-dir ${str(options['runs-dir'])}` : '';
        ctx.stderr(`Run ${report.runId} interrupted; resume it with: atp test ${file} --resume ${report.runId}${where}${again}\n`);
        return 130;
      }
      if (!report.summary.success) exit = Math.max(exit, 1);
    }
    return exit;
  },
};
export default command;
