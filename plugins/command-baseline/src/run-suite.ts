/** Run a suite for the baseline commands: the `atp test` agent/run options, a job collector, and only the reporters the command attaches. */
import { dirname, resolve } from 'node:path';
import { AtpError, ErrorCodes, diagnostic, hasErrors, parseAdapterConfig, runPlan, type AttachedReporter, type CommandContext, type CommandOption, type JobResult, type RunReport } from '@atp/kernel';
import { oneLine } from './format.js';

const PLUGIN = '@atp/command-baseline';

/** The options shared with `atp test` that choose the agent and how tests run. */
export const RUN_OPTIONS: Record<string, CommandOption> = {
  runs: { type: 'string', value: 'N', description: 'runs per test (overrides the suite)' },
  agent: { type: 'string', multiple: true, value: 'NAME', description: 'run against this agent (one agent per baseline)' },
  adapter: { type: 'string', value: 'NAME', description: 'adapter for the agent (http, cli, …)' },
  'adapter-config': { type: 'string', multiple: true, value: 'K=V', description: 'adapter config entry; values parsed as JSON when possible' },
  tags: { type: 'string', value: 'TAGS', description: 'tag filter, e.g. smoke,core,!slow' },
  parallel: { type: 'string', short: 'p', value: 'N', description: 'jobs in flight at once (default 1)' },
  retries: { type: 'string', value: 'N', description: 'retries of retryable adapter errors' },
  sandbox: { type: 'boolean', description: 'give each job its own workspace directory' },
};

/** A string option, or undefined. */
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** A repeatable option as a list. */
export const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : []);

/** A usage error (exit 2). */
export function usageError(message: string, hint?: string): AtpError {
  return new AtpError(diagnostic(ErrorCodes.ATP_USAGE, message, hint ? { hint } : {}), { exitCode: 2 });
}

/** A whole number ≥ `min` from an option, or undefined when absent. */
export function intOption(name: string, value: unknown, min = 1): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isInteger(n) || n < min) throw usageError(`--${name} expects a whole number ≥ ${min}, got "${String(value)}"`);
  return n;
}

/** A number in (0, 1) from an option, or undefined when absent. */
export function probabilityOption(name: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !(n > 0 && n < 1)) throw usageError(`--${name} expects a number between 0 and 1, got "${String(value)}"`);
  return n;
}

/** A number ≥ 0 from an option, or undefined when absent. */
export function nonNegativeOption(name: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(n) || n < 0) throw usageError(`--${name} expects a number ≥ 0, got "${String(value)}"`);
  return n;
}

/** What a suite run produced. */
export interface SuiteRun {
  report: RunReport;
  jobs: JobResult[];
}

/**
 * Compile and run a suite with the run options (`runs` already resolved). Returns a number (the exit
 * code) when nothing ran: compile errors (2) or no test matched (1), with diagnostics printed.
 * `reporters` are attached to the run besides the job collector (the `--html` page's reporter).
 */
export async function runSuite(ctx: CommandContext, file: string, runs: number | undefined, onTest?: (line: string) => void, reporters: readonly AttachedReporter[] = []): Promise<SuiteRun | number> {
  const { kernel, options } = ctx;
  const agents = list(options.agent);
  if (agents.length > 1) throw usageError(`a baseline holds one agent, but --agent was given ${agents.length} times`, 'compare agents with: atp test SUITE --agent a --agent b --output compare');
  const parallel = intOption('parallel', options.parallel) ?? kernel.config.defaults.parallel;
  const retries = intOption('retries', options.retries, 0);
  const adapterConfig = list(options['adapter-config']).length ? parseAdapterConfig(list(options['adapter-config'])) : undefined;
  const out = await kernel.compileSuite(file, { tags: str(options.tags), ...(runs !== undefined ? { runs } : {}) });
  if (!out.plan || hasErrors(out.diagnostics)) {
    ctx.report(out.diagnostics);
    return out.diagnostics.every((d) => d.severity !== 'error' || d.code === ErrorCodes.ATP_NO_TESTS) ? 1 : 2;
  }
  if (out.diagnostics.length) ctx.report(out.diagnostics);
  const plan = out.plan;
  if (!agents.length && plan.tests.some((t) => t.agents.length > 1)) {
    throw usageError('some tests of this suite run against several agents; a baseline holds one', 'pick the agent with --agent NAME');
  }
  const jobs: JobResult[] = [];
  const report = await runPlan(kernel, plan, {
    parallel,
    ...(retries !== undefined ? { retries } : {}),
    sandbox: Boolean(options.sandbox) || kernel.config.defaults.sandbox,
    agents,
    ...(str(options.adapter) ? { adapter: str(options.adapter) } : {}),
    ...(adapterConfig ? { adapterConfig } : {}),
    journal: false,
    signal: ctx.signal,
    baseDir: dirname(resolve(ctx.cwd, file)),
    reporters: [
      {
        name: 'baseline-collector',
        plugin: PLUGIN,
        reporter: {
          apply(hooks) {
            hooks.evaluated.tap(PLUGIN, (result) => {
              jobs.push(result);
            });
            if (onTest) hooks.testEnd.tap(PLUGIN, (t) => onTest(`${t.passed ? '✓' : '✗'} ${oneLine(t.testId)} (${t.runs.passed}/${t.runs.total} runs passed)`));
          },
          finish: () => undefined,
        },
      },
      ...reporters,
    ],
  });
  if (report.agents.length > 1) throw usageError(`the run used ${report.agents.length} agents (${report.agents.join(', ')}); a baseline holds one`, 'pick the agent with --agent NAME');
  return { report, jobs };
}
