import { definePlugin } from '@atp/kernel';
import { compareReporterConfigSchema } from './config.js';

export { compareReporterConfigSchema, type CompareReporterConfig } from './config.js';
export { compareAgents, type AgentComparison, type AgentPair, type AgentSummary, type AgentTestStats, type TestAgentComparison, type CompareAgentsOptions } from './compare-agents.js';
export { buildBaseline, BaselineFileSchema, BaselineTestSchema, BASELINE_FORMAT_VERSION, type BaselineFile, type BaselineTest } from './baseline-format.js';
export { compareWithBaseline, type BaselineComparison, type TestComparison, type ChangeType, type ComparisonStatistics, type ScoreSummary, type CompareOptions } from './baseline-compare.js';
export { computeTrend, TrendReportSchema, type Trend, type TrendFit, type TrendPoint, type TrendReport, type TrendOptions } from './trend.js';
export { flakyTests, type FlakyTest } from './flaky.js';
export { runScores } from './run-scores.js';
export { BASELINE_COMPARISON_EXTENSION } from './extension.js';

/** Statistics over runs: `atp baseline save|compare`, `atp trend`, and the `compare` reporter for multi-agent runs. */
export default definePlugin({
  name: '@atp/command-baseline',
  apiVersion: 1,
  version: '0.1.0',
  description: 'Baselines with Welch regression detection, trends over saved reports, agent comparison',
  commands: [
    {
      name: 'baseline',
      usage: 'baseline save|compare SUITE',
      description: 'save per-test score statistics, or compare a new run with them (Welch t-test)',
      load: () => import('./commands/baseline.js'),
    },
    {
      name: 'trend',
      usage: 'trend REPORT.json...',
      description: 'success rate and score over saved JSON reports, with a slope and a regression flag',
      load: () => import('./commands/trend.js'),
    },
  ],
  reporters: [
    {
      name: 'compare',
      extension: 'txt',
      description: 'Agent comparison: scores with CIs, pass rates with Wilson intervals, pairwise significance, ranking, flaky tests',
      configSchema: compareReporterConfigSchema,
      load: () => import('./compare-reporter.js'),
    },
  ],
});
