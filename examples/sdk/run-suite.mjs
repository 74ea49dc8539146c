#!/usr/bin/env node
// Run the quickstart suite from code with the ATP SDK, then score a response without any agent.
//
//   npm run build                      # once, from the repository root
//   node examples/sdk/run-suite.mjs    # exit code 0 when every test passed
import { fileURLToPath } from 'node:url';
import { loadKernel, loadSuite, run, evaluate } from '@atp/kernel';

const suiteFile = fileURLToPath(new URL('../quickstart/suite.yaml', import.meta.url));

// One kernel (config + plugins: @atp/preset-default when there is no atp.config) for all calls.
// Each SDK function would otherwise load its own.
const kernel = await loadKernel();

// 1. Compile the suite into a plan: throws an AtpError listing every problem when the suite is invalid.
const plan = await loadSuite(suiteFile, { kernel });
console.log(`${plan.suite.name}: ${plan.tests.length} tests, ${plan.jobs.length} jobs, agents: ${plan.agents.map((a) => a.name).join(', ')}`);

// 2. Run it. Options are those of `atp test` (parallel, failFast, sandbox, tags via loadSuite…).
const report = await run(plan, { kernel });
for (const test of report.tests) {
  const mark = test.passed ? 'PASS' : 'FAIL';
  const score = test.score === null ? '   -  ' : test.score.toFixed(2).padStart(6);
  const failed = test.evaluations.filter((e) => !e.passed && !e.skipped).map((e) => e.assertion);
  const why = test.error ?? (failed.length ? `failed: ${failed.join(', ')}` : '');
  console.log(`${mark} ${test.testId.padEnd(9)} ${score}  ${String(Math.round(test.durationMs)).padStart(5)} ms  ${test.testName}${why ? `  (${why})` : ''}`);
}
const { passed, total } = report.summary;
console.log(`${passed}/${total} passed in ${report.durationMs} ms`);

// 3. Evaluate a hand-written response: no agent, no suite. Configs are checked by each evaluator's schema.
const response = {
  version: '1.0',
  task_id: 'sdk-example',
  status: 'completed',
  artifacts: [{ type: 'file', path: 'greeting.txt', content: 'Hello from the SDK' }],
  metrics: null,
  error: null,
  trace_id: null,
};
const results = await evaluate(response, [{ type: 'contains', config: { pattern: 'Hello' } }], { kernel });
for (const result of results) {
  console.log(`evaluate: ${result.assertion} ${result.passed ? 'passed' : 'failed'} (score ${result.score})${result.checks[0]?.message ? `: ${result.checks[0].message}` : ''}`);
}

process.exitCode = report.summary.success && results.every((r) => r.passed) ? 0 : 1;
