import { mkdirSync, writeFileSync, appendFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CommandContext, CommandModule } from '../../contracts.js';
import { AtpError, diagnostic, hasErrors, type Diagnostic } from '../../diagnostics.js';
import { ErrorCodes } from '../../codes.js';
import { parseAdapterConfig } from '../../runner/agents.js';
import { runPlan, type AttachedReporter } from '../../runner/run-plan.js';
import { createLogger } from '../../logger.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : []);

function positiveInt(name: string, v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new AtpError(diagnostic(ErrorCodes.ATP_USAGE, `--${name} expects a whole number ≥ 1, got "${String(v)}"`), { exitCode: 2 });
  return n;
}

/** Create the reporters of `--output`, each writing to stdout or its file. */
async function createReporters(ctx: CommandContext, suiteName: string): Promise<AttachedReporter[]> {
  const { kernel } = ctx;
  const formats = list(ctx.options.output).flatMap((f) => f.split(',')).map((f) => f.trim()).filter(Boolean);
  const chosen = formats.length ? formats : (kernel.config.defaults.output ?? ['console']);
  const problems: Diagnostic[] = [];
  for (const f of chosen) {
    if (!kernel.registries.reporters.has(f)) {
      const { message, hint } = kernel.registries.reporters.unknownMessage(f);
      problems.push(diagnostic(ErrorCodes.ATP_REPORTER, `--output: ${message}`, { hint }));
    }
  }
  if (problems.length) throw new AtpError(problems, { exitCode: 2 });
  const outputFile = str(ctx.options['output-file']);
  const outputDir = str(ctx.options['output-dir']);
  const fileFormats = chosen.filter((f) => f !== 'console');
  if (outputFile && fileFormats.length > 1) {
    throw new AtpError(diagnostic(ErrorCodes.ATP_USAGE, `--output-file takes one format but ${fileFormats.length} were given (${fileFormats.join(', ')})`, { hint: 'use --output-dir DIR to write one file per format' }), { exitCode: 2 });
  }
  const reporters: AttachedReporter[] = [];
  for (const f of chosen) {
    const entry = kernel.registries.reporters.get(f)!;
    let file: string | undefined;
    if (f !== 'console') {
      if (outputDir) file = join(resolve(ctx.cwd, outputDir), `${suiteName.replace(/[^\w.-]+/g, '_')}.${entry.extension ?? f}`);
      else if (outputFile) file = resolve(ctx.cwd, outputFile);
    }
    if (file) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, '');
    }
    const rawConfig = kernel.config.reporters[f] ?? {};
    const parsed = entry.configSchema ? entry.configSchema.safeParse(rawConfig) : { success: true as const, data: rawConfig };
    if (!parsed.success) {
      throw new AtpError(parsed.error.issues.map((i) => diagnostic(ErrorCodes.ATP_CONFIG_INVALID, `reporters.${[f, ...i.path].join('.')}: ${i.message}`, kernel.config.configFile ? { file: kernel.config.configFile } : {})));
    }
    const mod = await kernel.registries.reporters.load(f);
    const target = file;
    const reporter = mod.createReporter(parsed.data as Record<string, unknown>, {
      ...(target ? { outputFile: target } : {}),
      write: (text) => (target ? appendFileSync(target, text) : process.stdout.write(text)),
      isTTY: Boolean(process.stdout.isTTY) && !target && f === 'console',
      color: ctx.color && !target,
      verbose: Boolean(ctx.options.verbose),
      logger: kernel.logger,
    });
    reporters.push({ name: f, plugin: entry.plugin, reporter });
  }
  return reporters;
}

/** `atp test SUITE...`: compile, run, evaluate, report. */
const command: CommandModule = {
  usage: 'SUITE... [options]',
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
    resume: { type: 'string', value: 'RUN_ID', description: 'resume an interrupted run: only missing jobs run' },
    sandbox: { type: 'boolean', description: 'give each job its own workspace directory' },
    retries: { type: 'string', value: 'N', description: 'retries of retryable adapter errors' },
    'runs-dir': { type: 'string', value: 'DIR', description: 'where run journals are written (default .atp/runs)' },
    'no-journal': { type: 'boolean', description: 'do not write a run journal' },
    'list-only': { type: 'boolean', description: 'list the tests that would run and exit' },
    verbose: { type: 'boolean', short: 'v', description: 'show passing checks too' },
  },
  async run(ctx) {
    const { kernel, options } = ctx;
    if (!ctx.args.length) throw new AtpError(diagnostic(ErrorCodes.ATP_USAGE, 'atp test needs a suite file', { hint: 'atp test suite.yaml' }), { exitCode: 2 });
    const runs = positiveInt('runs', options.runs) ?? kernel.config.defaults.runs_per_test;
    const parallel = positiveInt('parallel', options.parallel) ?? kernel.config.defaults.parallel;
    const retriesRaw = options.retries;
    const retries = retriesRaw === undefined ? undefined : Number(retriesRaw);
    if (retries !== undefined && (!Number.isInteger(retries) || retries < 0)) throw new AtpError(diagnostic(ErrorCodes.ATP_USAGE, `--retries expects a whole number ≥ 0`), { exitCode: 2 });
    const budgetRaw = str(options.budget);
    const budgetUsd = budgetRaw === undefined ? undefined : Number(budgetRaw);
    if (budgetUsd !== undefined && !(budgetUsd > 0)) throw new AtpError(diagnostic(ErrorCodes.ATP_USAGE, `--budget expects an amount in dollars > 0, got "${budgetRaw}"`), { exitCode: 2 });
    const adapterConfig = list(options['adapter-config']).length ? parseAdapterConfig(list(options['adapter-config'])) : undefined;
    const logger = createLogger({ debug: ctx.debug });
    let exit = 0;
    for (const file of ctx.args) {
      const out = await kernel.compileSuite(file, { tags: str(options.tags), runs });
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
      const reporters = await createReporters(ctx, plan.suite.name);
      const report = await runPlan(kernel, plan, {
        parallel,
        failFast: Boolean(options['fail-fast']) || kernel.config.defaults.fail_fast,
        ...(retries !== undefined ? { retries } : kernel.config.defaults.retries ? { retries: kernel.config.defaults.retries } : {}),
        sandbox: Boolean(options.sandbox) || kernel.config.defaults.sandbox,
        agents: list(options.agent),
        ...(str(options.adapter) ? { adapter: str(options.adapter) } : {}),
        ...(adapterConfig ? { adapterConfig } : {}),
        ...(str(options.resume) ? { resume: str(options.resume) } : {}),
        ...(str(options['runs-dir']) ? { runsDir: str(options['runs-dir']) } : {}),
        journal: !options['no-journal'],
        ...(budgetUsd !== undefined ? { budgetUsd } : {}),
        signal: ctx.signal,
        reporters,
        baseDir: dirname(resolve(ctx.cwd, file)),
        logger,
      });
      if (report.summary.interrupted) {
        ctx.stderr(`Run ${report.runId} interrupted; resume it with: atp test ${file} --resume ${report.runId}\n`);
        return 130;
      }
      if (!report.summary.success) exit = Math.max(exit, 1);
    }
    return exit;
  },
};
export default command;
