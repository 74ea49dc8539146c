import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtpError } from '@atp/kernel';
import { computeTrend, type TrendReport } from '../src/index.js';
import { readReports } from '../src/trend.js';

/** A JSON report (the @atp/reporter-json shape, only the keys the trend reads plus some it ignores). */
function jsonReport(generatedAt: string, successRate: number, tests: TrendReport['tests'], suite = 'nightly'): TrendReport & { version: string; run_id: string } {
  return {
    version: '1.0',
    run_id: `run-${generatedAt}`,
    generated_at: generatedAt,
    summary: { suite_name: suite, agent_name: 'bot', total_tests: 20, passed_tests: Math.round(successRate * 20), success_rate: successRate },
    tests,
  };
}

const test = (id: string, success: boolean, score: number | null, extra: Partial<TrendReport['tests'][number]> = {}): TrendReport['tests'][number] => ({ test_id: id, test_name: `Test ${id}`, agent: 'bot', success, score, ...extra });

// Success rates 0.9, 0.85, 0.9, 0.7, 0.65, 0.6 by date; given out of order.
const RATES = [0.9, 0.85, 0.9, 0.7, 0.65, 0.6];
const inputs = RATES.map((rate, i) => ({ file: `r${i}.json`, report: jsonReport(`2026-01-0${i + 1}T00:00:00.000Z`, rate, [test('a', true, 90 - i), test('b', i % 2 === 0, 80)]) })).reverse();

describe('computeTrend', () => {
  it('sorts by generated_at and fits a slope per report (scipy linregress reference)', () => {
    const t = computeTrend(inputs);
    expect(t.reports.map((r) => r.file)).toEqual(['r0.json', 'r1.json', 'r2.json', 'r3.json', 'r4.json', 'r5.json']);
    expect(t.reports[0]).toEqual({ file: 'r0.json', generated_at: '2026-01-01T00:00:00.000Z', suite_name: 'nightly', total_tests: 20, passed_tests: 18, success_rate: 0.9, mean_score: 85 });
    // linregress(range(6), [90, 85, 90, 70, 65, 60]): slope −6.571428…, SE 1.350233, p 0.0082382, r² 0.855526.
    expect(t.success_rate).toEqual({ slope: -6.5714, intercept: 93.0952, slope_std_error: 1.3502, t: -4.8669, df: 4, p_value: 0.0082382, r_squared: 0.8555, regression: true });
    // Mean scores 85, 84.5, …, 82.5: slope −0.5 exactly on a line.
    expect(t.mean_score).toMatchObject({ slope: -0.5, p_value: 0, regression: true });
    expect(t.regression).toBe(true);
    expect(t.warnings).toEqual([]);
  });

  it('a threshold larger than the decline clears the flag', () => {
    const t = computeTrend(inputs, { threshold: 10 });
    expect(t.success_rate.regression).toBe(false);
    expect(t.mean_score!.regression).toBe(false);
    expect(t.regression).toBe(false);
  });

  it('a rising trend is no regression', () => {
    const rising = RATES.map((rate, i) => ({ file: `u${i}`, report: jsonReport(`2026-02-0${i + 1}T00:00:00Z`, 1 - rate, [test('a', true, 50 + i)]) }));
    const t = computeTrend(rising);
    expect(t.success_rate.slope).toBe(6.5714);
    expect(t.regression).toBe(false);
  });

  it('--window keeps the last N reports; fewer than 3 cannot be tested', () => {
    const t = computeTrend(inputs, { window: 2 });
    expect(t.reports.map((r) => r.file)).toEqual(['r4.json', 'r5.json']);
    expect(t.success_rate).toMatchObject({ slope: -5, p_value: 1, regression: false, slope_std_error: null });
    expect(t.warnings).toEqual(['2 reports: a slope needs at least 3 reports to be tested']);
  });

  it('flags tests flaky within a report or across reports, with their pass rate over the window', () => {
    const t = computeTrend([
      { file: 'x', report: jsonReport('2026-03-01T00:00:00Z', 1, [test('steady', true, 90, { runs: { total: 5, passed: 5 } }), test('wobbly', false, 70, { flaky: true, runs: { total: 5, passed: 3 } })]) },
      { file: 'y', report: jsonReport('2026-03-02T00:00:00Z', 1, [test('steady', true, 90, { runs: { total: 5, passed: 5 } }), test('wobbly', true, 95, { runs: { total: 5, passed: 5 } }), test('flip', false, null)]) },
      { file: 'z', report: jsonReport('2026-03-03T00:00:00Z', 1, [test('flip', true, null)]) },
    ]);
    expect(t.flaky_tests).toEqual([
      { test_id: 'wobbly', test_name: 'Test wobbly', agent: 'bot', passed_runs: 8, total_runs: 10, pass_rate: 0.8, pass_rate_ci95: [0.490162, 0.943318] },
      { test_id: 'flip', test_name: 'Test flip', agent: 'bot', passed_runs: 1, total_runs: 2, pass_rate: 0.5, pass_rate_ci95: [0.094531, 0.905469] },
    ]);
  });

  it('warns about mixed suites and reports without scores', () => {
    const t = computeTrend([
      { file: 'a', report: jsonReport('2026-01-01T00:00:00Z', 1, [test('a', true, 90)], 'one') },
      { file: 'b', report: jsonReport('2026-01-02T00:00:00Z', 1, [test('a', true, null)], 'two') },
      { file: 'c', report: jsonReport('2026-01-03T00:00:00Z', 1, [test('a', true, 80)], 'one') },
    ]);
    expect(t.warnings).toEqual(['the reports come from 2 suites (one, two): the trend mixes them', '1 report(s) have no test scores: the score trend uses the other 2']);
    expect(t.success_rate).toMatchObject({ slope: 0, t: 0, p_value: 1, regression: false });
    expect(t.mean_score).toMatchObject({ slope: -10, p_value: 1 });
  });
});

describe('readReports', () => {
  it('reads reports and reports every problem of every file at once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atp-trend-'));
    writeFileSync(join(dir, 'good.json'), JSON.stringify(jsonReport('2026-01-01T00:00:00Z', 1, [test('a', true, 90)])));
    writeFileSync(join(dir, 'broken.json'), '{"summary": ');
    writeFileSync(join(dir, 'shape.json'), JSON.stringify({ generated_at: 'yesterday', summary: { suite_name: 's' }, tests: [] }));
    expect(readReports([join(dir, 'good.json')], dir)).toMatchObject([{ file: 'good.json', report: { summary: { suite_name: 'nightly' } } }]);
    let error: unknown;
    try {
      readReports(['good.json', 'broken.json', 'missing.json', 'shape.json'].map((f) => join(dir, f)), dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AtpError);
    expect(new Set((error as AtpError).diagnostics.map((d) => d.code))).toEqual(new Set(['ATP_DATA_FILE']));
    const diagnostics = (error as AtpError).diagnostics.map((d) => [d.file, d.message]);
    expect(diagnostics).toEqual([
      ['broken.json', 'cannot read report: not valid JSON: Unexpected end of JSON input'],
      ['missing.json', 'cannot read report: file not found'],
      ['shape.json', 'not an ATP JSON report: generated_at: expected an ISO 8601 date'],
      ['shape.json', 'not an ATP JSON report: summary.total_tests: Invalid input: expected number, received undefined'],
      ['shape.json', 'not an ATP JSON report: summary.passed_tests: Invalid input: expected number, received undefined'],
      ['shape.json', 'not an ATP JSON report: summary.success_rate: Invalid input: expected number, received undefined'],
    ]);
    expect((error as AtpError).exitCode).toBe(2);
  });
});
