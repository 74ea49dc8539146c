import { createHash } from 'node:crypto';
import type { RunReport, TestResult } from '@atp/kernel';
import { STYLES, SCRIPT } from './assets.js';
import { renderBarChart, type BarGroup } from './bar-chart.js';
import { readBaselineComparison } from './baseline-comparison.js';
import { buildComparison } from './comparison.js';
import { escapeHtml } from './escape.js';
import type { EventSample } from './event-sampler.js';
import { formatDuration, formatInterval, formatPercent, formatScore } from './format.js';
import { renderBaseline } from './render-baseline.js';
import { renderComparison } from './render-comparison.js';
import { renderTest } from './render-test.js';

/** Options of the page rendering. */
export interface HtmlRenderOptions {
  title: string;
  expand: 'failed' | 'all' | 'none';
  maxPayloadChars: number;
  /** The timeline sample of a test and agent; omit to leave the timeline out. */
  sample?: (testId: string, agent: string) => EventSample | undefined;
  generatedAt: Date;
  /** Told why a malformed extension (`baseline_comparison`) was left out of the page. */
  warn?: (message: string) => void;
}

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * Nothing may load from anywhere (the report works offline and cannot leak data); only the
 * report's own stylesheet and script, identified by hash, may run. An injection that got past the
 * escaping still could not execute a script or fetch anything.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${hash(STYLES)}`,
  `script-src ${hash(SCRIPT)}`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function card(label: string, value: string, tone = '', sub = ''): string {
  return `<div class="card ${tone}"><div class="label">${escapeHtml(label)}</div><div class="value">${escapeHtml(value)}</div>${sub ? `<div class="sub">${escapeHtml(sub)}</div>` : ''}</div>`;
}

function summaryCards(report: RunReport): string {
  const { summary } = report;
  const flaky = report.tests.filter((t) => t.flaky).length;
  const agents = report.agents.length ? report.agents : [...new Set(report.tests.map((t) => t.agent))];
  const cards = [
    card('Tests', String(summary.total), '', report.agents.length > 1 ? 'test × agent' : ''),
    card('Passed', String(summary.passed), 'pass'),
    card('Failed', String(summary.failed), summary.failed > 0 ? 'fail' : ''),
    card('Success rate', formatPercent(summary.successRate), summary.success ? 'pass' : 'fail'),
    card('Duration', formatDuration(report.durationMs)),
    card('Runs per test', String(report.runsPerTest)),
    card('Agents', String(agents.length), '', agents.join(', ')),
  ];
  if (flaky > 0) cards.push(card('Flaky', String(flaky), 'flaky', 'runs disagreed'));
  const notRun = report.notRun?.length ?? 0;
  if (notRun > 0) cards.push(card('Not run', String(notRun), 'flaky', 'the run stopped first'));
  return `<section class="cards" aria-label="Summary">${cards.join('')}</section>`;
}

function scoreChart(tests: readonly TestResult[]): string {
  const groups: BarGroup[] = tests.map((test) => {
    const interval = test.statistics && test.statistics.n > 1 ? test.statistics.ci95 : null;
    const stats = interval ? ` (95% CI ${formatInterval(interval)}, n=${test.statistics?.n ?? 0})` : '';
    return {
      label: `${test.testId} ${test.testName}`,
      bars: [{ series: 0, value: test.score, interval, tone: test.passed ? 'pass' : 'fail', title: `${test.testId} ${test.testName}: ${formatScore(test.score)}${stats} — ${test.passed ? 'passed' : 'failed'}` }],
    };
  });
  return (
    '<section class="panel scores"><h2>Scores</h2>' +
    '<p class="muted">Mean score per test (0–100); whiskers show the 95% confidence interval when the test ran more than once.</p>' +
    renderBarChart(groups, { className: 'chart-scores', ariaLabel: 'Score per test', max: 100 }) +
    '</section>'
  );
}

function toolbar(report: RunReport): string {
  const n = report.tests.length;
  const failed = report.tests.filter((t) => !t.passed).length;
  const flaky = report.tests.filter((t) => t.flaky).length;
  const button = (filter: string, label: string, pressed = false) =>
    `<button type="button" data-filter="${filter}" aria-pressed="${pressed}">${escapeHtml(label)}</button>`;
  return (
    '<div class="toolbar">' +
    button('all', `All (${n})`, true) +
    button('failed', `Failed (${failed})`) +
    button('passed', `Passed (${n - failed})`) +
    button('flaky', `Flaky (${flaky})`) +
    '<input id="filter-text" type="search" placeholder="Filter by id, name, agent or tag" aria-label="Filter tests">' +
    '<button type="button" id="expand-all">Expand all</button><button type="button" id="collapse-all">Collapse all</button>' +
    `<span class="count" id="filter-count">${n} of ${n} shown</span>` +
    '</div>'
  );
}

/** The tests a stopped run never finished, listed so that a partial report says what it is missing. */
function notRunSection(report: RunReport, multiAgent: boolean): string {
  const notRun = report.notRun ?? [];
  if (notRun.length === 0) return '';
  const items = notRun.map(
    (t) => `<li><code>${escapeHtml(t.testId)}</code> ${escapeHtml(t.testName)}${multiAgent ? ` <span class="muted">[${escapeHtml(t.agent)}]</span>` : ''}</li>`,
  );
  return (
    `<section class="panel not-run" id="not-run"><h2>Not run (${notRun.length})</h2>` +
    '<p class="muted">The run stopped before these tests finished a run; they have no result.</p>' +
    `<ul>${items.join('')}</ul></section>`
  );
}

/** Render the whole report as one self-contained HTML page: a pure function of its inputs. */
export function renderHtml(report: RunReport, options: HtmlRenderOptions): string {
  const agents = report.agents.length ? [...report.agents] : [...new Set(report.tests.map((t) => t.agent))];
  const multiAgent = agents.length > 1;
  const meta = [
    `Suite <strong>${escapeHtml(report.suite.name)}</strong>${report.suite.version ? ` v${escapeHtml(report.suite.version)}` : ''}`,
    ...(report.suite.file ? [`<code>${escapeHtml(report.suite.file)}</code>`] : []),
    `Run <code>${escapeHtml(report.runId)}</code>`,
    `Started ${escapeHtml(report.startedAt)}`,
    `Finished ${escapeHtml(report.finishedAt)}`,
  ];
  const banners: string[] = [];
  if (report.summary.interrupted) banners.push('<div class="banner error" role="alert"><strong>Interrupted:</strong> the run was stopped early; results are partial.</div>');
  if (report.error) banners.push(`<div class="banner fail" role="alert"><strong>Run error:</strong> ${escapeHtml(report.error)}</div>`);

  // A run compared with a baseline (`atp baseline compare --html`) leads with that comparison.
  const baseline = readBaselineComparison(report.extensions, options.warn ?? (() => undefined));
  const body: string[] = baseline ? [renderBaseline(baseline), '<h2 class="run-heading" id="run">This run</h2>', summaryCards(report)] : [summaryCards(report)];
  if (report.tests.length === 0) {
    body.push('<section class="panel"><h2>Tests</h2><p class="muted">No test ran.</p></section>');
  } else {
    body.push(multiAgent ? renderComparison(buildComparison(report), agents) : scoreChart(report.tests));
    const tests = report.tests.map((test, i) =>
      renderTest(test, {
        id: `t-${i + 1}`,
        multiAgent,
        open: options.expand === 'all' || (options.expand === 'failed' && !test.passed),
        sample: options.sample ? options.sample(test.testId, test.agent) : null,
        maxPayloadChars: options.maxPayloadChars,
      }),
    );
    body.push(`<section class="tests" id="tests"><h2>Tests</h2>${toolbar(report)}${tests.join('')}</section>`);
  }
  body.push(notRunSection(report, multiAgent));

  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">`,
    '<meta name="generator" content="@atp/reporter-html">',
    `<title>${escapeHtml(options.title)} — ${escapeHtml(report.suite.name)}</title>`,
    `<style>${STYLES}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<header><h1>${escapeHtml(options.title)}</h1><p class="meta">${meta.map((m) => `<span>${m}</span>`).join('')}</p></header>`,
    ...banners,
    ...body,
    `<footer>Generated by ATP (@atp/reporter-html) at ${escapeHtml(options.generatedAt.toISOString())}. This file is self-contained and works offline.</footer>`,
    '</main>',
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
