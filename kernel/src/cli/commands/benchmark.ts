import { resolve } from 'node:path';
import type { CommandModule } from '../../contracts.js';
import { AtpError, diagnostic } from '../../diagnostics.js';
import { ErrorCodes } from '../../codes.js';
import { parseAdapterConfig } from '../../runner/agents.js';
import { runPlan } from '../../runner/run-plan.js';
import { createLogger } from '../../logger.js';
import { createReporters } from './reporters.js';
import { entryOptions, listOption } from './entry-options.js';

/** `atp benchmark NAME [--option k=v]... [--agent A | --adapter X --adapter-config k=v]`: load a benchmark's plan and run it. */
const command: CommandModule = {
  usage: 'NAME [--option k=v]... [--agent NAME | --adapter X --adapter-config k=v]',
  options: {
    option: { type: 'string', multiple: true, value: 'K=V', description: "benchmark loader option (validated by the loader's schema)" },
    agent: { type: 'string', multiple: true, value: 'NAME', description: 'run against this agent (from atp.config agents)' },
    adapter: { type: 'string', value: 'NAME', description: 'adapter for the agent (http, cli, …)' },
    'adapter-config': { type: 'string', multiple: true, value: 'K=V', description: 'adapter config entry' },
    output: { type: 'string', short: 'o', multiple: true, value: 'FORMAT', description: 'reporter: console, json, junit, …' },
    'output-file': { type: 'string', value: 'PATH', description: 'write the (single) non-console report to this file' },
    'output-dir': { type: 'string', value: 'DIR', description: 'write one file per report format into DIR' },
    parallel: { type: 'string', short: 'p', value: 'N', description: 'jobs in flight at once' },
    verbose: { type: 'boolean', short: 'v', description: 'show passing checks too' },
  },
  async run(ctx) {
    const { kernel } = ctx;
    const name = ctx.args[0];
    if (!name) throw new AtpError(diagnostic(ErrorCodes.ATP_USAGE, 'atp benchmark needs a benchmark name', { hint: 'atp plugins list --type benchmark' }), { exitCode: 2 });
    const entry = kernel.registries.benchmarks.get(name);
    if (!entry) {
      const { message, hint } = kernel.registries.benchmarks.unknownMessage(name);
      throw new AtpError(diagnostic(ErrorCodes.ATP_USAGE, message, { hint }), { exitCode: 2 });
    }
    const options = entryOptions(entry, listOption(ctx.options.option), `benchmark "${name}"`);
    const plan = await (await kernel.registries.benchmarks.load(name)).load(options);
    const parallel = ctx.options.parallel === undefined ? kernel.config.defaults.parallel : Number(ctx.options.parallel);
    if (!Number.isInteger(parallel) || parallel < 1) throw new AtpError(diagnostic(ErrorCodes.ATP_USAGE, '--parallel expects a whole number ≥ 1'), { exitCode: 2 });
    const adapterConfig = listOption(ctx.options['adapter-config']);
    const { reporters, finishFiles } = await createReporters(ctx, plan.suite.name);
    const report = await runPlan(kernel, plan, {
      parallel,
      agents: listOption(ctx.options.agent),
      ...(typeof ctx.options.adapter === 'string' ? { adapter: ctx.options.adapter } : {}),
      ...(adapterConfig.length ? { adapterConfig: parseAdapterConfig(adapterConfig) } : {}),
      signal: ctx.signal,
      reporters,
      baseDir: resolve(ctx.cwd),
      logger: createLogger({ debug: ctx.debug }),
    });
    finishFiles();
    if (report.summary.interrupted) return 130;
    return report.summary.success ? 0 : 1;
  },
};
export default command;
