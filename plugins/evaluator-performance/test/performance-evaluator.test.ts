import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EvalCheck } from '@atp/kernel';
import { afterAll, describe, expect, it } from 'vitest';
import { createEvaluator } from '../src/performance-evaluator.js';
import { llmEvents, makeInput, type InputOptions } from './helpers.js';

const evaluator = createEvaluator();
const dir = mkdtempSync(join(tmpdir(), 'atp-perf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function checks(options: InputOptions): Promise<EvalCheck[]> {
  return (await evaluator.evaluate(makeInput(options))).checks;
}

// p50 300, p95 480, p99 496; 1000 tokens (300 out) in 5 s → 200 tokens/s, efficiency 0.3.
const RUN: InputOptions = { events: llmEvents([100, 200, 300, 400, 500]), metrics: { total_tokens: 1000, output_tokens: 300, wall_time_seconds: 5 } };
const METRICS = { latency_p50_ms: 300, latency_p95_ms: 480, latency_p99_ms: 496, time_to_first_token_ms: 100, total_duration_seconds: 5, tokens_per_second: 200, token_efficiency: 0.3 };
const SOURCES = { time_to_first_token_ms: 'duration_ms', total_duration_seconds: 'response.metrics', tokens_per_second: 'response.metrics', token_efficiency: 'response.metrics' };
const summaryDetails = { metrics: METRICS, sources: SOURCES, llm_requests: 5, tool_calls: 0, total_tokens: 1000, output_tokens: 300 };

describe('thresholds', () => {
  it('one check per configured threshold, then the summary', async () => {
    const config = { thresholds: { max_latency_p95_ms: 500, min_tokens_per_second: 100, max_total_duration_seconds: 10, min_token_efficiency: 0.25 } };
    expect(await checks({ ...RUN, config })).toEqual([
      { name: 'threshold_latency_p95_ms', passed: true, score: 1, message: 'latency_p95_ms 480ms ≤ max 500ms', details: { value: 480, limit: 500 } },
      { name: 'threshold_tokens_per_second', passed: true, score: 1, message: 'tokens_per_second 200 tokens/s ≥ min 100 tokens/s', details: { value: 200, limit: 100 } },
      { name: 'threshold_total_duration_seconds', passed: true, score: 1, message: 'total_duration_seconds 5s ≤ max 10s', details: { value: 5, limit: 10 } },
      { name: 'threshold_token_efficiency', passed: true, score: 1, message: 'token_efficiency 0.3 ≥ min 0.25', details: { value: 0.3, limit: 0.25 } },
      { name: 'performance_summary', passed: true, score: 1, message: '4/4 thresholds met', details: summaryDetails },
    ]);
  });

  it('a metric over its limit fails; the summary score is 0.7·share met + 0.3', async () => {
    const config = { thresholds: { max_latency_p50_ms: 250, max_latency_p99_ms: 1000, max_time_to_first_token_ms: 50 } };
    expect(await checks({ ...RUN, config })).toEqual([
      { name: 'threshold_latency_p50_ms', passed: false, score: 0, message: 'latency_p50_ms 300ms > max 250ms', details: { value: 300, limit: 250 } },
      { name: 'threshold_latency_p99_ms', passed: true, score: 1, message: 'latency_p99_ms 496ms ≤ max 1000ms', details: { value: 496, limit: 1000 } },
      { name: 'threshold_time_to_first_token_ms', passed: false, score: 0, message: 'time_to_first_token_ms 100ms > max 50ms', details: { value: 100, limit: 50 } },
      { name: 'performance_summary', passed: false, score: 0.5333, message: '1/3 thresholds met', details: summaryDetails },
    ]);
  });

  it('a threshold on a metric the run cannot measure fails by default, or is skipped with missing_metrics: skip', async () => {
    const config = { thresholds: { max_time_to_first_event_ms: 100, max_memory_usage_mb: 512, max_latency_p95_ms: 500 } };
    const failing = await checks({ ...RUN, config });
    expect(failing.map((c) => [c.name, c.passed, c.message])).toEqual([
      ['threshold_latency_p95_ms', true, 'latency_p95_ms 480ms ≤ max 500ms'],
      ['threshold_time_to_first_event_ms', false, 'time_to_first_event_ms is not available: the run was not timed by the harness (evaluated outside atp test) (max_time_to_first_event_ms: 100)'],
      ['threshold_memory_usage_mb', false, 'memory_usage_mb is not available: no event reported memory_usage_mb (max_memory_usage_mb: 512)'],
      ['performance_summary', false, '1/3 thresholds met'],
    ]);
    const skipping = await checks({ ...RUN, config: { ...config, missing_metrics: 'skip' } });
    expect(skipping.map((c) => [c.name, c.passed, c.score, c.message])).toEqual([
      ['threshold_latency_p95_ms', true, 1, 'latency_p95_ms 480ms ≤ max 500ms'],
      ['performance_summary', true, 1, '1/1 thresholds met; not measurable, skipped: time_to_first_event_ms, memory_usage_mb'],
    ]);
    expect(skipping[1]!.details).toEqual({ ...summaryDetails, skipped: ['time_to_first_event_ms', 'memory_usage_mb'] });
  });

  it('check_latency / check_throughput / check_efficiency switch groups off', async () => {
    const config = { thresholds: { max_latency_p50_ms: 1, min_tokens_per_second: 1000, min_token_efficiency: 0.9 }, check_latency: false, check_throughput: false, check_efficiency: false };
    expect(await checks({ ...RUN, config })).toEqual([{ name: 'performance_summary', passed: true, score: 1, message: '0/0 thresholds met', details: summaryDetails }]);
  });

  it('reads the harness-clock timing the runner gives (time to first event, duration)', async () => {
    const out = await checks({ timing: { durationMs: 2500, firstEventMs: 42 }, events: llmEvents([10]), config: { thresholds: { max_time_to_first_event_ms: 40, max_total_duration_seconds: 3 } } });
    expect(out.map((c) => [c.name, c.passed, c.message])).toEqual([
      ['threshold_time_to_first_event_ms', false, 'time_to_first_event_ms 42ms > max 40ms'],
      ['threshold_total_duration_seconds', true, 'total_duration_seconds 2.5s ≤ max 3s'],
      ['performance_summary', false, '1/2 thresholds met'],
    ]);
    expect(out[2]!.details!.sources).toEqual({ time_to_first_token_ms: 'duration_ms', time_to_first_event_ms: 'harness', total_duration_seconds: 'harness' });
  });

  it('says the agent sent no events when a timed run has no first event', async () => {
    const out = await checks({ timing: { durationMs: 10 }, config: { thresholds: { max_time_to_first_event_ms: 40 } } });
    expect(out[0]!.name).toBe('threshold_time_to_first_event_ms');
    expect(out[0]!.message).toContain('the agent sent no events');
  });
});

describe('regression against a baseline', () => {
  const baseline = { n_samples: 20, latency_p50_ms_mean: 200, latency_p50_ms_std: 20 };
  const comparison = {
    metric: 'latency_p50_ms',
    current: 300,
    baseline_mean: 200,
    baseline_std: 20,
    change_percent: 50,
    t: 4.8795,
    df: 19,
    p_value: 0.000104,
    significant: true,
    status: 'regression',
  };
  const regressionDetails = { baseline: 'inline', n_samples: 20, significance_level: 0.05, regression_threshold_percent: 10, comparisons: [comparison] };

  it('a significant slowdown beyond the threshold is a regression that lowers the score', async () => {
    expect(await checks({ ...RUN, config: { baseline } })).toEqual([
      { name: 'regression_check', passed: true, score: 0.85, message: '1 regression: latency_p50_ms +50% (p=0.000104)', details: regressionDetails },
      { name: 'performance_summary', passed: true, score: 0.955, message: '0/0 thresholds met, 1 regression', details: summaryDetails },
    ]);
  });

  it('fails with fail_on_regression', async () => {
    const out = await checks({ ...RUN, config: { baseline, fail_on_regression: true } });
    expect(out.map((c) => [c.name, c.passed, c.score])).toEqual([
      ['regression_check', false, 0.85],
      ['performance_summary', false, 0.955],
    ]);
  });

  it('tells improvements and changes within the noise apart', async () => {
    const out = await checks({
      ...RUN,
      config: { baseline: { n_samples: 10, tokens_per_second_mean: 100, tokens_per_second_std: 10, latency_p95_ms_mean: 400, latency_p95_ms_std: 100 } },
    });
    expect(out[0]).toEqual({
      name: 'regression_check',
      passed: true,
      score: 1,
      message: 'no regression against the baseline (2 metrics, n=10); improved: tokens_per_second',
      details: {
        baseline: 'inline',
        n_samples: 10,
        significance_level: 0.05,
        regression_threshold_percent: 10,
        comparisons: [
          { metric: 'latency_p95_ms', current: 480, baseline_mean: 400, baseline_std: 100, change_percent: 20, t: 0.7628, df: 9, p_value: 0.465122, significant: false, status: 'no_change' },
          { metric: 'tokens_per_second', current: 200, baseline_mean: 100, baseline_std: 10, change_percent: 100, t: 9.5346, df: 9, p_value: 0.000005, significant: true, status: 'improvement' },
        ],
      },
    });
  });

  it('reads a baseline file next to the suite: flat, or one entry per test', async () => {
    mkdirSync(join(dir, 'suite'), { recursive: true });
    writeFileSync(join(dir, 'suite', 'flat.json'), JSON.stringify(baseline));
    writeFileSync(join(dir, 'suite', 'per-test.json'), JSON.stringify({ tests: { t1: baseline, other: { n_samples: 3, latency_p50_ms_mean: 1 } } }));
    const suiteFile = join(dir, 'suite', 'suite.yaml');
    for (const file of ['flat.json', 'per-test.json']) {
      const out = await checks({ ...RUN, suiteFile, config: { baseline_file: file } });
      expect(out[0]).toEqual({ name: 'regression_check', passed: true, score: 0.85, message: '1 regression: latency_p50_ms +50% (p=0.000104)', details: { ...regressionDetails, baseline: file } });
    }
    const other = await checks({ ...RUN, suiteFile, testId: 'missing-test', config: { baseline_file: 'per-test.json' } });
    expect(other[0]).toEqual({ name: 'regression_check', passed: false, score: 0, message: 'baseline_file "per-test.json" has no baseline for test "missing-test"' });
  });

  it('a missing or invalid baseline file fails the regression check', async () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ n_samples: 0, latency_mean: 3 }));
    writeFileSync(join(dir, 'broken.json'), '{');
    const suiteFile = join(dir, 'suite.yaml');
    const missing = await checks({ ...RUN, suiteFile, config: { baseline_file: 'nope.json' } });
    expect(missing[0]).toEqual({ name: 'regression_check', passed: false, score: 0, message: `cannot read baseline_file "nope.json" (${join(dir, 'nope.json')}): file not found` });
    const bad = await checks({ ...RUN, suiteFile, config: { baseline_file: 'bad.json' } });
    expect(bad[0]!.message).toBe(
      'invalid baseline in "bad.json": n_samples: Too small: expected number to be >=1; Unrecognized key: "latency_mean"; a baseline needs at least one <metric>_mean (metrics: latency_p50_ms, latency_p95_ms, latency_p99_ms, time_to_first_token_ms, time_to_first_event_ms, tokens_per_second, total_duration_seconds, token_efficiency, memory_usage_mb)',
    );
    const broken = await checks({ ...RUN, suiteFile, config: { baseline_file: 'broken.json' } });
    expect(broken[0]!.message).toMatch(/^baseline_file "broken\.json" is not valid JSON: /);
    expect(missing[1]).toMatchObject({ name: 'performance_summary', passed: false });
  });

  it('a baselined metric the run cannot measure fails (missing_metrics: fail)', async () => {
    const out = await checks({ ...RUN, config: { baseline: { n_samples: 5, memory_usage_mb_mean: 100 } } });
    expect(out[0]).toMatchObject({ name: 'regression_check', passed: false, score: 0, message: 'no regression against the baseline (0 metrics, n=5); not measurable in this run: memory_usage_mb (no event reported memory_usage_mb)' });
  });

  it('check_regression: false ignores the baseline', async () => {
    expect((await checks({ ...RUN, config: { baseline, check_regression: false } })).map((c) => c.name)).toEqual(['performance_summary']);
  });
});

describe('dispatch', () => {
  it('an invalid raw config fails the summary with the schema message', async () => {
    expect(await checks({ config: { thresholds: { max_latency_ms: 5 } } })).toEqual([
      { name: 'performance_summary', passed: false, score: 0, message: 'invalid performance config: thresholds: Unrecognized key: "max_latency_ms"' },
    ]);
  });

  it('an unknown type is a failing unknown_<type> check', async () => {
    expect(await checks({ type: 'latency' })).toEqual([{ name: 'unknown_latency', passed: false, score: 0, message: 'unknown performance assertion type "latency" (known: performance)' }]);
  });
});
