import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { atpConfig, removeTempDirs, runAtp, tempProject as makeProject } from '@atp/testkit/e2e';

// A cli agent: streams one llm_request event per input_data.calls entry on stderr, reports input_data.metrics.
const AGENT = `let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const r=JSON.parse(s);const d=r.task.input_data??{};
for(const c of d.calls??[])process.stderr.write(JSON.stringify({event_type:'llm_request',payload:c})+'\\n');
process.stdout.write(JSON.stringify({task_id:r.task_id,status:'completed',artifacts:[{path:'out.txt',content:'ok'}],metrics:d.metrics??null}))});`;

const SUITE = `test_suite: costs
agents:
  - name: bot
    type: cli
    config: { command: node, args: [agent.mjs] }
tests:
  - id: evented
    name: agent streaming llm_request events
    task:
      description: events
      input_data:
        calls:
          - { model: gpt-4o-mini, input_tokens: 1000, output_tokens: 500 }
          - { model: claude-3-5-haiku-20241022, input_tokens: 2000, output_tokens: 100 }
        metrics: { cost_usd: 0.00245, input_tokens: 3000, output_tokens: 600 }
    assertions: [{ type: artifact_exists, config: { path: out.txt } }]
  - id: reported
    name: agent reporting cost_usd only
    task: { description: metrics, input_data: { metrics: { cost_usd: 0.25 } } }
    assertions: [{ type: artifact_exists, config: { path: out.txt } }]
`;

const config = (options?: Record<string, unknown>): string => atpConfig(['@atp/preset-default', options ? ['@atp/cost', options] : '@atp/cost']);
const tempProject = (files: Record<string, string>): string => makeProject(files, { prefix: 'cost-' });
afterAll(removeTempDirs);

const costJson = (dir: string): Record<string, unknown> => {
  const runs = join(dir, '.atp/runs');
  const [runId] = readdirSync(runs);
  return JSON.parse(readFileSync(join(runs, runId!, 'cost.json'), 'utf8')) as Record<string, unknown>;
};

describe('cost tracking through the real atp test', { timeout: 60_000 }, () => {
  it('prices agent events and reported costs, prints the total and writes cost.json next to the journal', async () => {
    const dir = tempProject({ 'atp.config.mjs': config(), 'agent.mjs': AGENT, 'suite.yaml': SUITE });
    const r = await runAtp(['test', 'suite.yaml', '--output', 'console,cost'], dir);
    expect(r.code).toBe(0);
    const summary = costJson(dir);
    expect(r.stderr).toMatch(/cost: \$0\.25245 \(agent \$0\.25245, judge \$0\.00; 3,000 input \/ 600 output tokens, 2 jobs\) — details: \.atp\/runs\/[^/]+\/cost\.json/);
    expect(summary).toMatchObject({ version: 1, currency: 'USD', total_usd: 0.25245, agent_usd: 0.25245, judge_usd: 0, jobs: 2, warnings: [] });
    expect(summary.by_test).toEqual([
      { test_id: 'reported', cost_usd: 0.25, input_tokens: 0, output_tokens: 0, calls: 0 },
      { test_id: 'evented', cost_usd: 0.00245, input_tokens: 3000, output_tokens: 600, calls: 2 },
    ]);
    expect(summary.by_model).toEqual([
      { model: '(unattributed)', source: 'agent', pricing: 'reported', cost_usd: 0.25, input_tokens: 0, output_tokens: 0, calls: 0 },
      { model: 'claude-3-5-haiku-20241022', provider: 'anthropic', source: 'agent', pricing: 'versioned', cost_usd: 0.002, input_tokens: 2000, output_tokens: 100, calls: 1 },
      { model: 'gpt-4o-mini', provider: 'openai', source: 'agent', pricing: 'exact', cost_usd: 0.00045, input_tokens: 1000, output_tokens: 500, calls: 1 },
    ]);
    expect(summary.job_costs).toEqual([
      { job_id: 'evented::bot::1', test_id: 'evented', agent: 'bot', run: 1, agent_usd: 0.00245, judge_usd: 0, input_tokens: 3000, output_tokens: 600, agent_basis: 'events', reported_cost_usd: 0.00245 },
      { job_id: 'reported::bot::1', test_id: 'reported', agent: 'bot', run: 1, agent_usd: 0.25, judge_usd: 0, input_tokens: 0, output_tokens: 0, agent_basis: 'metrics', reported_cost_usd: 0.25 },
    ]);
    // the cost reporter prints the full table on stdout
    expect(r.stdout).toContain('By model:');
    expect(r.stdout).toMatch(/anthropic\/claude-3-5-haiku-20241022\s+agent\s+1\s+2,000\s+100\s+\$0\.002\s+versioned/);
    expect(r.stdout).toMatch(/reported\s+0\s+0\s+\$0\.25/);
  });

  it('applies pricing overrides from the plugin options and warns about unknown models', async () => {
    const suite = SUITE.replace('model: gpt-4o-mini', 'model: my-local-model').replace('model: claude-3-5-haiku-20241022', 'model: mystery');
    const dir = tempProject({ 'atp.config.mjs': config({ pricing: { models: { 'my-local-model': { input_per_1k: 0.001, output_per_1k: '0.002' } } } }), 'agent.mjs': AGENT, 'suite.yaml': suite });
    const r = await runAtp(['test', 'suite.yaml'], dir);
    expect(r.code).toBe(0);
    // my-local-model: 1000 × 0.001/1K + 500 × 0.002/1K = 0.002; mystery: $0
    expect(costJson(dir)).toMatchObject({ total_usd: 0.252, warnings: ['no price for model "mystery": its calls are counted at $0 — add it to the pricing table (pricing.models in the @atp/cost options)'] });
    expect(r.stderr).toContain('warning: no price for model "mystery"');
  });

  it('stops starting jobs once the run budget (judge and agent calls) is spent, reports what ran, exits 1', async () => {
    const dir = tempProject({ 'atp.config.mjs': config({ budget_usd: 0.001 }), 'agent.mjs': AGENT, 'suite.yaml': SUITE });
    const r = await runAtp(['test', 'suite.yaml', '--output', 'console,json', '--output-dir', 'reports'], dir);
    expect(r.code).toBe(1);
    const reason = 'run budget of $0.001 exhausted after job evented::bot::1 (spent $0.00245): no new jobs were started';
    expect(r.stdout + r.stderr).toContain(reason);
    const report = JSON.parse(readFileSync(join(dir, 'reports/costs.json'), 'utf8')) as { summary: { total_tests: number } };
    expect(report.summary.total_tests).toBe(1);
    expect(costJson(dir)).toMatchObject({ jobs: 1, total_usd: 0.00245, budget: { limit_usd: 0.001, spent_usd: 0.00245, exceeded: true, exhausted_after_job: 'evented::bot::1', jobs_after_exhaustion: 0 } });
  });

  it('atp test --budget (kernel) stops on agent-reported costs; the tracker records what ran', async () => {
    const [head, rest] = [SUITE.slice(0, SUITE.indexOf('  - id: evented')), SUITE.slice(SUITE.indexOf('  - id: evented'))];
    const reportedFirst = head + rest.slice(rest.indexOf('  - id: reported')) + rest.slice(0, rest.indexOf('  - id: reported'));
    const dir = tempProject({ 'atp.config.mjs': config(), 'agent.mjs': AGENT, 'suite.yaml': reportedFirst });
    const r = await runAtp(['test', 'suite.yaml', '--budget', '0.1'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('budget of $0.1 reached ($0.25 spent): no new jobs were started');
    expect(costJson(dir)).toMatchObject({ jobs: 1, total_usd: 0.25, by_test: [{ test_id: 'reported' }] });
  });

  it('an over-budget test (constraints.budget_usd) fails the run with exit 1', async () => {
    const suite = SUITE.replace("task: { description: metrics, input_data: { metrics: { cost_usd: 0.25 } } }", "task: { description: metrics, input_data: { metrics: { cost_usd: 0.25 } } }\n    constraints: { budget_usd: 0.1 }");
    const dir = tempProject({ 'atp.config.mjs': config(), 'agent.mjs': AGENT, 'suite.yaml': suite });
    const r = await runAtp(['test', 'suite.yaml', '--output', 'json', '--output-file', 'report.json'], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { tests: Array<{ test_id?: string; success?: boolean; error?: string | null }> };
    const over = JSON.stringify(report);
    expect(over).toContain("cost $0.25 exceeds the test's budget of $0.1");
  });

  it('rejects invalid options with a clear error before running', async () => {
    const dir = tempProject({ 'atp.config.mjs': config({ budget_usd: -1, pricng: {} }), 'agent.mjs': AGENT, 'suite.yaml': SUITE });
    const r = await runAtp(['test', 'suite.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('@atp/cost options: budget_usd: Too small: expected number to be >0');
    expect(r.stderr).toContain('@atp/cost options: unknown key "pricng" — did you mean "pricing"?');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
