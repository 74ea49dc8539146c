import { afterAll, describe, expect, it } from 'vitest';
import { readJsonReport, removeTempDirs, runAtp, tempProject } from '@atp/testkit/e2e';

// A subprocess agent that reports three LLM calls as events (on stderr, as the cli adapter expects)
// after a delay given by the test, and token metrics in its response.
const AGENT = `
let s = '';
process.stdin.on('data', (d) => (s += d)).on('end', () => {
  const r = JSON.parse(s);
  const { delay, durations } = r.task.input_data;
  setTimeout(() => {
    durations.forEach((ms, i) => process.stderr.write(JSON.stringify({ task_id: r.task_id, sequence: i, event_type: 'llm_request', payload: { model: 'demo', duration_ms: ms, input_tokens: 200, output_tokens: 50 } }) + '\\n'));
    process.stdout.write(JSON.stringify({ task_id: r.task_id, status: 'completed', artifacts: [], metrics: { total_tokens: 750, output_tokens: 150, wall_time_seconds: 1.5 } }));
  }, delay);
});
`;

const SUITE = `test_suite: perf
agents:
  - name: llm
    type: cli
    config: { command: node, args: [agent.mjs] }
tests:
  - id: fast
    name: within limits
    task: { description: answer, input_data: { delay: 0, durations: [120, 200, 160] } }
    assertions:
      - type: performance
        config:
          thresholds: { max_latency_p95_ms: 250, max_time_to_first_token_ms: 150, min_tokens_per_second: 400, min_token_efficiency: 0.2, max_time_to_first_event_ms: 5000 }
          baseline_file: baselines/perf.json
  - id: slow
    name: slower than its baseline
    task: { description: answer, input_data: { delay: 300, durations: [900, 1000, 1100] } }
    assertions:
      - type: performance
        config:
          thresholds: { max_latency_p95_ms: 250, max_time_to_first_event_ms: 100 }
          baseline_file: baselines/perf.json
          fail_on_regression: true
`;

const BASELINE = JSON.stringify({
  tests: {
    fast: { n_samples: 20, latency_p50_ms_mean: 165, latency_p50_ms_std: 20 },
    slow: { n_samples: 20, latency_p50_ms_mean: 170, latency_p50_ms_std: 25 },
  },
});

afterAll(removeTempDirs);

describe('performance assertions through atp test', { timeout: 60_000 }, () => {
  it('checks thresholds on the run’s events and metrics, times the first event, and compares with a baseline file', async () => {
    const dir = tempProject({
      'atp.config.mjs': "export default { plugins: ['@atp/preset-default', '@atp/evaluator-filesystem', '@atp/evaluator-code-exec', '@atp/evaluator-performance'] };\n",
      'agent.mjs': AGENT,
      'suite.yaml': SUITE,
      'baselines/perf.json': BASELINE,
    }, { prefix: 'perf-e2e-' });
    const r = await runAtp(['test', 'suite.yaml', '--output', 'json', '--output-file', 'report.json'], dir);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const report = readJsonReport(dir);
    const [fast, slow] = report.tests;
    expect(fast!.success, JSON.stringify(fast)).toBe(true);
    expect(fast!.evaluations![0]!.checks.map((c) => [c.name, c.passed, c.message])).toEqual([
      ['threshold_latency_p95_ms', true, 'latency_p95_ms 196ms ≤ max 250ms'],
      ['threshold_time_to_first_token_ms', true, 'time_to_first_token_ms 120ms ≤ max 150ms'],
      ['threshold_time_to_first_event_ms', true, expect.stringMatching(/^time_to_first_event_ms [\d.]+ms ≤ max 5000ms$/)],
      ['threshold_tokens_per_second', true, 'tokens_per_second 500 tokens/s ≥ min 400 tokens/s'],
      ['threshold_token_efficiency', true, 'token_efficiency 0.2 ≥ min 0.2'],
      ['regression_check', true, 'no regression against the baseline (1 metric, n=20)'],
      ['performance_summary', true, '5/5 thresholds met, 0 regressions'],
    ]);
    expect(slow!.success).toBe(false);
    const checks = slow!.evaluations![0]!.checks;
    expect(checks.map((c) => [c.name, c.passed])).toEqual([
      ['threshold_latency_p95_ms', false],
      ['threshold_time_to_first_event_ms', false],
      ['regression_check', false],
      ['performance_summary', false],
    ]);
    const ttfe = Number(/time_to_first_event_ms ([\d.]+)ms/.exec(checks[1]!.message!)![1]);
    expect(ttfe).toBeGreaterThanOrEqual(300);
    expect(checks[2]!.message).toMatch(/^1 regression: latency_p50_ms \+488\.24% \(p<0\.000001\)$/);
    expect(checks[3]).toMatchObject({ score: 0.255, message: '0/2 thresholds met, 1 regression' });
  });
});
