import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runAtp, tempProject } from '@atp/testkit/e2e';

// The same two tests as estimate.test.ts: a = 65 chars, max_steps 5, max_tokens 600; b = 2 chars, no max_steps.
const SUITE = `test_suite: estimates
tests:
  - id: a
    name: test a
    tags: [core]
    task:
      description: Summarize the report
      input_data: { file: report.txt, pages: 3 }
      expected_artifacts: [summary.md]
    constraints: { max_steps: 5, max_tokens: 600, allowed_tools: [read_file, search] }
  - id: b
    name: test b
    tags: [extra]
    task: { description: Hi }
`;

const project = (files: Record<string, string> = {}): string =>
  tempProject({ 'suite.yaml': SUITE, ...files }, { prefix: 'cost-', plugins: ['@atp/preset-default', '@atp/cost'] });

afterAll(removeTempDirs);

describe('atp estimate', { timeout: 60_000 }, () => {
  it('prints per-test and total min/max with --json (hand-computed numbers)', async () => {
    const dir = project();
    const r = await runAtp(['estimate', 'suite.yaml', '--model', 'gpt-4o', '--runs', '2', '--json'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const e = JSON.parse(r.stdout) as { tests: Array<Record<string, unknown>>; total: Record<string, unknown>; pricing: unknown };
    // a: min (216×0.0025 + 150×0.01)/1000 = 0.00204, max (216×0.0025 + 600×0.01)/1000 = 0.00654, × 2 runs
    // b: min (200×0.0025 + 300×0.01)/1000 = 0.0035, max (200×0.0025 + 1500×0.01)/1000 = 0.0155, × 2 runs
    expect(e.tests.map((t) => [t.test_id, t.runs, t.input_tokens, t.output_tokens_min, t.output_tokens_max, t.cost_min_usd, t.cost_max_usd])).toEqual([
      ['a', 2, 216, 150, 600, 0.00408, 0.01308],
      ['b', 2, 200, 300, 1500, 0.007, 0.031],
    ]);
    expect(e.total).toEqual({ runs: 4, input_tokens: 832, output_tokens_min: 900, output_tokens_max: 4200, cost_min_usd: 0.01108, cost_max_usd: 0.04408 });
    expect(e.pricing).toEqual({ match: 'exact', key: 'gpt-4o', input_per_1k: '0.0025', output_per_1k: '0.01' });
  });

  it('prints a table, and exits 1 when the maximum exceeds --budget-check', async () => {
    const dir = project();
    const over = await runAtp(['estimate', 'suite.yaml', '--model', 'gpt-4o', '--budget-check', '0.02'], dir);
    expect(over.code).toBe(1);
    expect(over.stdout).toContain('Estimate for suite "estimates" with model gpt-4o (openai; $0.0025 input / $0.01 output per 1K tokens; price: exact)');
    expect(over.stdout).toMatch(/\n {2}a {4}\s+1\s+216\s+150–600\s+\$0\.00204\s+\$0\.00654\n/);
    expect(over.stdout).toMatch(/\n {2}b \*\s+1\s+200\s+300–1,500\s+\$0\.0035\s+\$0\.0155\n/);
    expect(over.stdout).toMatch(/\n {2}total\s+2\s+416\s+450–2,100\s+\$0\.00554\s+\$0\.02204\n/);
    expect(over.stdout).toContain('* no constraints.max_steps: 10 steps assumed');
    expect(over.stdout).toContain('Budget check: the maximum $0.02204 exceeds the budget of $0.02');
    const within = await runAtp(['estimate', 'suite.yaml', '--model', 'gpt-4o', '--budget-check', '0.03'], dir);
    expect(within.code).toBe(0);
    expect(within.stdout).toContain('Budget check: the maximum $0.02204 is within the budget of $0.03');
  });

  it('filters by --tags and prices with a --pricing file (JSON or YAML)', async () => {
    const dir = project({
      'prices.json': JSON.stringify({ models: { 'house-model': { input_per_1k: 0.001, output_per_1k: 0.002 } } }),
      'prices.yaml': 'models:\n  house-model: { input_per_1k: "0.002", output_per_1k: "0.004" }\n',
    });
    const json = await runAtp(['estimate', 'suite.yaml', '--model', 'house-model', '--tags', 'core', '--pricing', 'prices.json', '--json'], dir);
    expect(json.code).toBe(0);
    // a only: min (216×0.001 + 150×0.002)/1000 = 0.000516, max (216×0.001 + 600×0.002)/1000 = 0.001416
    expect((JSON.parse(json.stdout) as { total: unknown }).total).toEqual({ runs: 1, input_tokens: 216, output_tokens_min: 150, output_tokens_max: 600, cost_min_usd: 0.000516, cost_max_usd: 0.001416 });
    const yaml = await runAtp(['estimate', 'suite.yaml', '--model', 'house-model', '--tags', 'core', '--pricing', 'prices.yaml', '--json'], dir);
    expect((JSON.parse(yaml.stdout) as { total: { cost_max_usd: number } }).total.cost_max_usd).toBe(0.002832);
  });

  it('uses provider defaults for unlisted ids and refuses a model it cannot price', async () => {
    const dir = project();
    const fallback = await runAtp(['estimate', 'suite.yaml', '--model', 'claude-opus-4-1', '--json'], dir);
    expect(JSON.parse(fallback.stdout)).toMatchObject({ provider: 'anthropic', pricing: { match: 'provider_default', input_per_1k: '0.003', output_per_1k: '0.015' } });
    const unknown = await runAtp(['estimate', 'suite.yaml', '--model', 'claud-3-haiku'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no price for model "claud-3-haiku" — did you mean "claude-3-haiku"? [ATP_USAGE]');
    expect(unknown.stderr).toContain('hint: give its provider with --provider');
  });

  it('reports usage errors and suite errors with exit 2', async () => {
    const dir = project({ 'bad.yaml': 'test_suite: bad\ntests:\n  - id: x\n    name: x\n    task: { description: 1 }\n' });
    const noModel = await runAtp(['estimate', 'suite.yaml'], dir);
    expect(noModel.code).toBe(2);
    expect(noModel.stderr).toContain('atp estimate needs --model MODEL');
    const badBudget = await runAtp(['estimate', 'suite.yaml', '--model', 'gpt-4o', '--budget-check', 'lots'], dir);
    expect(badBudget.code).toBe(2);
    expect(badBudget.stderr).toContain('--budget-check expects an amount in USD greater than 0, got "lots"');
    const badSuite = await runAtp(['estimate', 'bad.yaml', '--model', 'gpt-4o'], dir);
    expect(badSuite.code).toBe(2);
    expect(badSuite.stderr).toMatch(/bad\.yaml:5:\d+: error/);
    const missingPricing = await runAtp(['estimate', 'suite.yaml', '--model', 'gpt-4o', '--pricing', 'nope.json'], dir);
    expect(missingPricing.code).toBe(2);
    expect(missingPricing.stderr).toContain('nope.json: error cannot read pricing file: file not found');
  });
});
