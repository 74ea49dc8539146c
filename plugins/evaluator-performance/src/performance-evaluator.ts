/**
 * The performance evaluator (reference §3.10): one `threshold_<metric>` check per configured
 * threshold, a `regression_check` against a baseline, and a `performance_summary`. It sees one run:
 * percentiles are over that run's llm_request events; statistics over runs come from the kernel.
 */
import { check } from '@atp/kernel';
import type { EvalCheck, EvaluationInput, Evaluator, EvaluatorOutput } from '@atp/kernel';
import { loadBaseline } from './baseline.js';
import type { Baseline, PerformanceConfig } from './config-schema.js';
import { PerformanceConfigSchema } from './config-schema.js';
import { METRICS, METRIC_NAMES, type MetricName } from './metric-names.js';
import { measure, type RunMetrics } from './metrics.js';
import { testObservation } from './regression.js';

const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

function show(name: MetricName, value: number): string {
  const unit = METRICS[name].unit;
  return `${round(value)}${unit === '' ? '' : unit === 'ms' || unit === 's' ? unit : ` ${unit}`}`;
}

function enabled(name: MetricName, config: PerformanceConfig): boolean {
  const group = METRICS[name].group;
  return group === 'latency' ? config.check_latency : group === 'throughput' ? config.check_throughput : config.check_efficiency;
}

function thresholdChecks(config: PerformanceConfig, metrics: RunMetrics): { checks: EvalCheck[]; skipped: string[] } {
  const checks: EvalCheck[] = [];
  const skipped: string[] = [];
  for (const name of METRIC_NAMES) {
    const { threshold: key, worse } = METRICS[name];
    const limit = config.thresholds[key];
    if (limit === undefined || !enabled(name, config)) continue;
    const value = metrics.values[name];
    const checkName = `threshold_${name}`;
    if (value === undefined) {
      if (config.missing_metrics === 'skip') skipped.push(name);
      else checks.push(check(checkName, false, `${name} is not available: ${metrics.unavailable[name]} (${key}: ${limit})`));
      continue;
    }
    const ok = worse === 'higher' ? value <= limit : value >= limit;
    const relation = worse === 'higher' ? (ok ? '≤' : '>') : ok ? '≥' : '<';
    checks.push(check(checkName, ok, `${name} ${show(name, value)} ${relation} ${worse === 'higher' ? 'max' : 'min'} ${show(name, limit)}`, { details: { value: round(value, 6), limit } }));
  }
  return { checks, skipped };
}

interface MetricComparison {
  metric: MetricName;
  current: number;
  baseline_mean: number;
  baseline_std: number;
  change_percent: number | null;
  t: number | null;
  df: number;
  p_value: number;
  significant: boolean;
  status: 'regression' | 'improvement' | 'no_change';
}

function compare(config: PerformanceConfig, baseline: Baseline, metrics: RunMetrics): { comparisons: MetricComparison[]; missing: string[] } {
  const comparisons: MetricComparison[] = [];
  const missing: string[] = [];
  for (const name of METRIC_NAMES) {
    const mean = baseline[`${name}_mean`];
    if (mean === undefined || !enabled(name, config)) continue;
    const current = metrics.values[name];
    if (current === undefined) {
      missing.push(name);
      continue;
    }
    const std = baseline[`${name}_std`] ?? 0;
    const test = testObservation(current, mean, std, baseline.n_samples);
    const change = mean === 0 ? (current === 0 ? 0 : null) : ((current - mean) / Math.abs(mean)) * 100;
    // Positive `worse` is a change in the bad direction (slower, fewer tokens per second…).
    const direction = METRICS[name].worse === 'higher' ? 1 : -1;
    const worse = change === null ? direction * Math.sign(current - mean) * Infinity : direction * change;
    const significant = test.p < config.significance_level;
    const status = significant && worse > config.regression_threshold_percent ? 'regression' : significant && -worse > config.regression_threshold_percent ? 'improvement' : 'no_change';
    comparisons.push({
      metric: name,
      current: round(current, 6),
      baseline_mean: mean,
      baseline_std: std,
      change_percent: change === null ? null : round(change, 2),
      t: Number.isFinite(test.t) ? round(test.t, 4) : null,
      df: test.df,
      p_value: round(test.p, 6),
      significant,
      status,
    });
  }
  return { comparisons, missing };
}

/** 1 − min(0.5, 0.15 · regressions): the regression part of the summary score (§3.10). */
export function regressionFactor(regressions: number): number {
  return 1 - Math.min(0.5, 0.15 * regressions);
}

async function evaluatePerformance(config: PerformanceConfig, input: EvaluationInput): Promise<EvalCheck[]> {
  const metrics = measure(input.response, input.events, input.timing);
  const { checks, skipped } = thresholdChecks(config, metrics);
  let regressions = 0;
  let regressionCheck: EvalCheck | undefined;
  if (config.check_regression) {
    const loaded = await loadBaseline(config, input);
    if (!loaded.ok) regressionCheck = check('regression_check', false, loaded.message);
    else if (loaded.baseline) {
      const { comparisons, missing } = compare(config, loaded.baseline, metrics);
      const found = comparisons.filter((c) => c.status === 'regression');
      regressions = found.length;
      const missingFails = missing.length > 0 && config.missing_metrics === 'fail';
      const passed = !missingFails && (regressions === 0 || !config.fail_on_regression);
      const n = loaded.baseline.n_samples;
      const parts: string[] = [];
      if (found.length) parts.push(`${found.length} regression${found.length > 1 ? 's' : ''}: ${found.map((c) => `${c.metric} ${c.change_percent === null ? 'up from 0' : `${c.change_percent > 0 ? '+' : ''}${c.change_percent}%`} (p${c.p_value < 0.000001 ? '<0.000001' : `=${c.p_value}`})`).join(', ')}`);
      else parts.push(`no regression against the baseline (${comparisons.length} metric${comparisons.length === 1 ? '' : 's'}, n=${n})`);
      const improved = comparisons.filter((c) => c.status === 'improvement');
      if (improved.length) parts.push(`improved: ${improved.map((c) => c.metric).join(', ')}`);
      if (missing.length) parts.push(`not measurable in this run: ${missing.map((m) => `${m} (${metrics.unavailable[m as MetricName]})`).join(', ')}`);
      regressionCheck = {
        name: 'regression_check',
        passed,
        score: missingFails ? 0 : regressionFactor(regressions),
        message: parts.join('; '),
        details: { baseline: loaded.source, n_samples: n, significance_level: config.significance_level, regression_threshold_percent: config.regression_threshold_percent, comparisons, ...(missing.length ? { unavailable: missing } : {}) },
      };
    }
  }
  const all = [...checks];
  if (regressionCheck) all.push(regressionCheck);
  const passedThresholds = checks.filter((c) => c.passed).length;
  const thresholdShare = checks.length ? passedThresholds / checks.length : 1;
  const score = 0.7 * thresholdShare + 0.3 * regressionFactor(regressions);
  const passed = all.every((c) => c.passed);
  const measured = Object.fromEntries(METRIC_NAMES.filter((m) => metrics.values[m] !== undefined).map((m) => [m, round(metrics.values[m]!, 6)]));
  const summary = `${passedThresholds}/${checks.length} thresholds met${regressionCheck ? `, ${regressions} regression${regressions === 1 ? '' : 's'}` : ''}${skipped.length ? `; not measurable, skipped: ${skipped.join(', ')}` : ''}`;
  all.push({
    name: 'performance_summary',
    passed,
    score: round(score, 4),
    message: summary,
    details: {
      metrics: measured,
      sources: metrics.sources,
      llm_requests: metrics.llm_requests,
      tool_calls: metrics.tool_calls,
      ...(metrics.total_tokens !== undefined ? { total_tokens: metrics.total_tokens } : {}),
      ...(metrics.output_tokens !== undefined ? { output_tokens: metrics.output_tokens } : {}),
      ...(skipped.length ? { skipped } : {}),
    },
  });
  return all;
}

/** Create the performance evaluator. */
export function createEvaluator(): Evaluator {
  return {
    async evaluate(input: EvaluationInput): Promise<EvaluatorOutput> {
      if (input.assertion.type !== 'performance') {
        return { checks: [check(`unknown_${input.assertion.type}`, false, `unknown performance assertion type "${input.assertion.type}" (known: performance)`)] };
      }
      const parsed = PerformanceConfigSchema.safeParse(input.assertion.config);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
        return { checks: [check('performance_summary', false, `invalid performance config: ${issues.join('; ')}`)] };
      }
      return { checks: await evaluatePerformance(parsed.data, input) };
    },
  };
}
