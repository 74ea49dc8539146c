import { AtpError, ErrorCodes, diagnostic, didYouMean, hasErrors, type CommandContext, type CommandModule } from '@atp/kernel';
import { estimatePlan, type SuiteEstimate } from './estimate.js';
import { loadPricing } from './load-pricing.js';
import type { CostPluginState } from './state.js';
import { displayUsd, parseUsd, type Usd } from './usd.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function usage(message: string, hint?: string): AtpError {
  return new AtpError(diagnostic(ErrorCodes.ATP_USAGE, message, hint ? { hint } : {}), { exitCode: 2 });
}

function positiveInt(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw usage(`--${name} expects a whole number ≥ 1, got "${v}"`);
  return n;
}

function amount(name: string, v: string | undefined): Usd | undefined {
  if (v === undefined) return undefined;
  try {
    const value = parseUsd(v.replace(/^\$/, ''));
    if (value > 0n) return value;
  } catch {
    // reported below
  }
  throw usage(`--${name} expects an amount in USD greater than 0, got "${v}"`, `e.g. --${name} 5 or --${name} 0.25`);
}

const num = (v: number): string => v.toLocaleString('en-US');
const money = (v: number): string => displayUsd(parseUsd(v.toFixed(12)), 2);

function render(e: SuiteEstimate): string {
  const lines = [
    `Estimate for suite "${e.suite}" with model ${e.model} (${e.provider ? `${e.provider}; ` : ''}$${e.pricing.input_per_1k} input / $${e.pricing.output_per_1k} output per 1K tokens; price: ${e.pricing.match}${e.pricing.key && e.pricing.key !== e.model ? ` as ${e.pricing.key}` : ''})`,
    '',
  ];
  const header = ['test', 'runs', 'input tok', 'output tok (min–max)', 'cost min', 'cost max'];
  const rows = e.tests.map((t) => [`${t.test_id}${t.max_steps_assumed ? ' *' : ''}`, num(t.runs), num(t.input_tokens), `${num(t.output_tokens_min)}–${num(t.output_tokens_max)}`, money(t.cost_min_usd), money(t.cost_max_usd)]);
  const total = ['total', num(e.total.runs), num(e.total.input_tokens), `${num(e.total.output_tokens_min)}–${num(e.total.output_tokens_max)}`, money(e.total.cost_min_usd), money(e.total.cost_max_usd)];
  const widths = header.map((h, i) => Math.max(h.length, ...[...rows, total].map((r) => r[i]!.length)));
  const fmt = (cells: string[]): string => `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`;
  lines.push(fmt(header), ...rows.map(fmt), fmt(widths.map((w) => '-'.repeat(w))), fmt(total), '');
  if (e.tests.some((t) => t.max_steps_assumed)) lines.push(`* no constraints.max_steps: ${e.tests.find((t) => t.max_steps_assumed)!.max_steps} steps assumed`);
  lines.push('Input ≈ characters of the task / 4 + 200; output from max_steps (30–150 tokens a step), capped by max_tokens. Agent calls only: LLM-judge calls are not included.');
  if (e.budget) {
    lines.push(
      e.budget.exceeded
        ? `Budget check: the maximum ${money(e.total.cost_max_usd)} exceeds the budget of ${money(e.budget.limit_usd)}`
        : `Budget check: the maximum ${money(e.total.cost_max_usd)} is within the budget of ${money(e.budget.limit_usd)}`,
    );
  }
  return lines.join('\n') + '\n';
}

/** `atp estimate SUITE --model M`: the cost estimate of §7.5, per test and in total. */
export function createEstimateCommand(state: CostPluginState): CommandModule {
  return {
    usage: 'SUITE --model MODEL [options]',
    options: {
      model: { type: 'string', short: 'm', value: 'MODEL', description: 'the model the agent uses (priced from the table)' },
      provider: { type: 'string', value: 'NAME', description: 'its provider, when the model id does not tell (openai, anthropic, azure, …)' },
      runs: { type: 'string', value: 'N', description: 'runs per test (overrides the suite)' },
      tags: { type: 'string', value: 'TAGS', description: 'tag filter, e.g. smoke,!slow' },
      pricing: { type: 'string', value: 'FILE', description: 'a JSON or YAML pricing file merged over the table' },
      'budget-check': { type: 'string', value: 'USD', description: 'exit 1 when the maximum estimate exceeds this amount' },
      json: { type: 'boolean', description: 'print the estimate as JSON' },
    },
    async run(ctx: CommandContext): Promise<number> {
      const { kernel, options } = ctx;
      const file = ctx.args[0];
      if (!file) throw usage('atp estimate needs a suite file', 'atp estimate suite.yaml --model gpt-4o');
      if (ctx.args.length > 1) throw usage(`atp estimate takes one suite file, got ${ctx.args.length}`);
      const model = str(options.model)?.trim();
      if (!model) throw usage('atp estimate needs --model MODEL', 'e.g. --model gpt-4o-mini or --model claude-sonnet-4');
      const runs = positiveInt('runs', str(options.runs));
      const budget = amount('budget-check', str(options['budget-check']));
      const pricingFile = str(options.pricing);
      const table = await loadPricing(state.options, state.baseDir, pricingFile ? { path: pricingFile, baseDir: ctx.cwd } : undefined);
      const price = table.lookup(model, str(options.provider));
      if (price.match === 'unknown') {
        throw new AtpError(
          diagnostic(ErrorCodes.ATP_USAGE, `no price for model "${model}"${price.provider ? ` (provider ${price.provider})` : ''}${didYouMean(model, table.modelIds())}`, {
            hint: 'give its provider with --provider (for the provider default price) or its price in a --pricing FILE: {"models": {"<id>": {"input_per_1k": 0.001, "output_per_1k": 0.002}}}',
          }),
          { exitCode: 2 },
        );
      }
      const out = await kernel.compileSuite(file, { tags: str(options.tags), ...(runs ? { runs } : {}) });
      if (!out.plan || hasErrors(out.diagnostics)) {
        ctx.report(out.diagnostics);
        return 2;
      }
      if (out.diagnostics.length) ctx.report(out.diagnostics);
      const estimate = estimatePlan(out.plan, price, budget);
      ctx.stdout(options.json ? JSON.stringify(estimate, null, 2) + '\n' : render(estimate));
      return estimate.budget?.exceeded ? 1 : 0;
    },
  };
}
