import { describe, expect, it } from 'vitest';
import type { ReporterEntry, ReporterModule } from '@atp/kernel';
import plugin from '../src/index.js';
import { BASELINE_COMPARISON_EXTENSION, baselineComparisonSchema, readBaselineComparison, type TestComparisonView } from '../src/baseline-comparison.js';
import { niceBound, orderComparisons, renderBaseline } from '../src/render-baseline.js';
import { renderHtml, type HtmlRenderOptions } from '../src/render-html.js';
import { baselineReport, comparisonJson, xssComparison } from './baseline-fixtures.js';
import { captureInit, XSS } from '@atp/testkit/reports';

const options: HtmlRenderOptions = { title: 'ATP Test Results', expand: 'failed', maxPayloadChars: 2000, generatedAt: new Date('2026-01-05T10:00:05.000Z') };
const count = (haystack: string, needle: string): number => haystack.split(needle).length - 1;
function between(html: string, open: string, close: string): string {
  const start = html.indexOf(open);
  expect(start, `${open} not found`).toBeGreaterThanOrEqual(0);
  return html.slice(start + open.length, html.indexOf(close, start + open.length));
}
const view = baselineComparisonSchema.parse(comparisonJson);
/** The value column texts of a chart, in order. */
const valueTexts = (svg: string): string[] => [...svg.matchAll(/<text class="value(?: muted)?"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);

describe('the baseline comparison extension', () => {
  it('is read from extensions.baseline_comparison, the key command-baseline writes', () => {
    expect(BASELINE_COMPARISON_EXTENSION).toBe('baseline_comparison');
    const warnings: string[] = [];
    const read = readBaselineComparison({ baseline_comparison: comparisonJson }, (m) => warnings.push(m));
    expect(read?.comparisons.map((c) => c.test_id)).toEqual(['t-same', 't-small', 't-big', 't-up', 't-none', 't-new', 't-gone']);
    expect(readBaselineComparison(undefined, (m) => warnings.push(m))).toBeUndefined();
    expect(readBaselineComparison({ cost: {} }, (m) => warnings.push(m))).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('says why a malformed comparison is left out, and never throws', () => {
    const cases: Array<[unknown, string]> = [
      [null, 'extensions.baseline_comparison is not a baseline comparison ((root): Invalid input: expected object, received null); the "Baseline comparison" section is left out'],
      [
        { ...comparisonJson, comparisons: [{ ...comparisonJson.comparisons[0]!, change_type: 'worse' }] },
        'extensions.baseline_comparison is not a baseline comparison (comparisons.0.change_type: Invalid option: expected one of "regression"|"improvement"|"no_change"|"new_test"|"removed_test"); the "Baseline comparison" section is left out',
      ],
      [
        { ...comparisonJson, alpha: 5, comparisons: 'none', agent_name: 1, suite_name: undefined },
        'extensions.baseline_comparison is not a baseline comparison (suite_name: Invalid input: expected string, received undefined; agent_name: Invalid input: expected string, received number; alpha: Too big: expected number to be <1; and 1 more); the "Baseline comparison" section is left out',
      ],
      [
        { ...comparisonJson, comparisons: [{ ...comparisonJson.comparisons[1]!, current: { mean: Infinity, n_runs: 1, ci_95: null, success_rate: 1 } }] },
        'extensions.baseline_comparison is not a baseline comparison (comparisons.0.current.mean: Invalid input: expected number, received Infinity); the "Baseline comparison" section is left out',
      ],
      [
        Object.defineProperty({}, 'suite_name', {
          enumerable: true,
          get() {
            throw new Error('boom');
          },
        }),
        'extensions.baseline_comparison could not be read (boom); the "Baseline comparison" section is left out',
      ],
    ];
    for (const [value, message] of cases) {
      const warnings: string[] = [];
      expect(readBaselineComparison({ baseline_comparison: value }, (m) => warnings.push(m))).toBeUndefined();
      expect(warnings).toEqual([message]);
    }
  });
});

describe('orderComparisons', () => {
  it('puts regressions first (largest drop first), then improvements (largest gain first), unchanged, new, removed', () => {
    expect(orderComparisons(view.comparisons).map((c) => c.test_id)).toEqual(['t-big', 't-small', 't-up', 't-same', 't-none', 't-new', 't-gone']);
    const up = (id: string, delta: number): TestComparisonView => ({ ...view.comparisons[3]!, test_id: id, delta });
    expect(orderComparisons([up('a', 2), up('b', 9), up('c', 5)]).map((c) => c.test_id)).toEqual(['b', 'c', 'a']);
  });
});

describe('niceBound', () => {
  it('rounds the half-width of the Δ axis up to 1, 2 or 5 × 10^k', () => {
    expect([0.3, 1, 1.2, 4.9, 5, 7.2, 20.6, 27.33, 60, 140].map(niceBound)).toEqual([0.5, 1, 2, 5, 5, 10, 50, 50, 100, 200]);
    expect([0, -1, NaN, Infinity].map(niceBound)).toEqual([10, 10, 10, 10]);
  });
});

describe('renderBaseline', () => {
  const html = renderBaseline(view);

  it('summarises the comparison in cards', () => {
    expect(between(html, '<div class="cards" role="group" aria-label="Baseline comparison summary">', '</div><figure>')).toBe(
      '<div class="card fail"><div class="label">Regressions</div><div class="value">2</div>' +
        '</div><div class="card pass"><div class="label">Improvements</div><div class="value">1</div>' +
        '</div><div class="card "><div class="label">Unchanged</div><div class="value">2</div>' +
        '</div><div class="card "><div class="label">New</div><div class="value">1</div><div class="sub">not in the baseline</div>' +
        '</div><div class="card "><div class="label">Removed</div><div class="value">1</div><div class="sub">in the baseline, not run</div>' +
        '</div><div class="card "><div class="label">Baseline</div><div class="value">scripted</div><div class="sub">recorded 2026-01-04T09:00:00.000Z</div>' +
        "</div><div class=\"card \"><div class=\"label\">Significance</div><div class=\"value\">α = 0.05</div><div class=\"sub\">Welch&#39;s t-test</div>" +
        '</div><div class="card "><div class="label">Runs per test</div><div class="value">10</div><div class="sub">this run</div>' +
        '</div><div class="card flaky"><div class="label">Flaky now</div><div class="value">1</div><div class="sub">runs disagreed</div></div>',
    );
    const quiet = renderBaseline({ ...view, min_delta: 5, comparisons: view.comparisons.filter((c) => c.change_type === 'no_change'), flaky_tests: [] });
    expect(quiet).toContain('<div class="card "><div class="label">Regressions</div><div class="value">0</div></div>');
    expect(quiet).toContain('<div class="sub">Welch&#39;s t-test, changes under 5 points ignored</div>');
    expect(quiet).not.toContain('Flaky now');
  });

  it('charts every test: baseline and current mean with their 95% CI, coloured by change type', () => {
    const chart = between(html, '<svg class="chart chart-baseline-scores"', '</svg>');
    expect(chart).toMatch(/^ role="img" aria-label="Mean score per test, baseline and this run, with 95% confidence intervals"/);
    expect([...chart.matchAll(/<text class="label"[^>]*><title>([^<]*)<\/title>/g)].map((m) => m[1])).toEqual([
      't-big Big regression',
      't-small Small regression',
      't-up Improved task',
      't-same Unchanged task',
      't-none No assertions',
      't-new Brand new task',
      't-gone Retired task',
    ]);
    expect(valueTexts(chart)).toEqual([
      '90.1 [87.9–92.3]',
      '69.5 [63.1–75.9]',
      '86.5 [84.1–88.9]',
      '80.2 [77.9–82.5]',
      '88.0 [85.2–90.8]',
      '95.8 [93.9–97.7]',
      '86.4 [83.0–89.8]',
      '85.1 [81.2–89.0]',
      'no score',
      'no score',
      'not in baseline',
      '72.4 [66.0–78.8]',
      '91.0 [89.2–92.8]',
      'not run',
    ]);
    expect([...chart.matchAll(/<circle class="dot ([\w-]+)"/g)].map((m) => m[1])).toEqual([
      'side-baseline',
      'chg-regression',
      'side-baseline',
      'chg-regression',
      'side-baseline',
      'chg-improvement',
      'side-baseline',
      'chg-no_change',
      'chg-new_test',
      'side-baseline',
    ]);
    expect(count(chart, '<path class="ci ')).toBe(10);
    // Scale 0–100 over x 262…610: the big regression's baseline 90.1 [87.9–92.3] and current 69.5.
    expect(chart).toContain('<path class="ci side-baseline" d="M567.9 28H583.2M567.9 24V32M583.2 24V32"/><circle class="dot side-baseline" cx="575.5" cy="28" r="4.5"/>');
    expect(chart).toContain('<circle class="dot chg-regression" cx="503.9" cy="46" r="4.5"/>');
    expect(chart).toContain('<title>t-big Big regression — this run: mean 69.5, 95% CI 63.1–75.9, n=10, success 60.0%</title>');
    expect(chart).toContain('<title>t-new Brand new task — baseline: not in the baseline</title>');
    expect(html).toContain(
      '<ul class="legend" aria-label="Chart colours"><li><span class="swatch side-baseline"></span>baseline</li><li><span class="swatch chg-regression"></span>this run: regression</li>' +
        '<li><span class="swatch chg-improvement"></span>this run: improvement</li><li><span class="swatch chg-no_change"></span>this run: no change</li><li><span class="swatch chg-new_test"></span>this run: new</li></ul>',
    );
  });

  it('plots each change with its 95% CI around a zero line on a symmetric axis', () => {
    const chart = between(html, '<svg class="chart chart-baseline-delta"', '</svg>');
    expect([...chart.matchAll(/<text class="tick" [^>]*>([^<]*)<\/text>/g)].map((m) => m[1])).toEqual(['-50', '-25', '0', '+25', '+50']);
    expect(chart).toContain('<line class="reference" x1="405" y1="16" x2="405" y2="119"/>');
    expect(valueTexts(chart)).toEqual(['-20.6 [-27.3, -13.9]', '-6.3 [-9.5, -3.1]', '+7.8 [+4.5, +11.1]', '-1.3 [-6.2, +3.6]']);
    expect([...chart.matchAll(/<circle class="dot ([\w-]+)"/g)].map((m) => m[1])).toEqual(['chg-regression', 'chg-regression', 'chg-improvement', 'chg-no_change']);
    expect(chart).toContain('<title>t-big Big regression — Δ -20.6, 95% CI [-27.3, -13.9], p &lt; 0.001: regression</title>');
    // Nothing scored on both sides: no chart, a sentence instead.
    const none = renderBaseline({ ...view, comparisons: view.comparisons.filter((c) => c.delta === undefined) });
    expect(none).not.toContain('chart-baseline-delta');
    expect(none).toContain('<p class="muted">No test was scored on both sides, so there is no change to chart.</p>');
  });

  it('tables the compared tests, regressions first, with Δ, p, effect size, runs and success rates', () => {
    const table = between(html, '<table class="baseline-tests sortable"', '</table>');
    const rows = [...table.matchAll(/<tr data-change="(\w+)">(.*?)<\/tr>/g)];
    expect(rows.map((r) => r[1])).toEqual(['regression', 'regression', 'improvement', 'no_change', 'no_change']);
    expect(rows[0]![2]).toBe(
      '<td data-value="t-big"><span class="test-id">t-big</span> <span class="test-name">Big regression</span></td>' +
        '<td data-value="0"><span class="badge fail">regression</span></td>' +
        '<td class="num" data-value="90.1">90.1 <span class="muted">[87.9–92.3]</span></td>' +
        '<td class="num" data-value="69.5">69.5 <span class="muted">[63.1–75.9]</span></td>' +
        '<td class="num" data-value="-20.6">-20.6 <span class="muted">(-22.9%)</span></td>' +
        '<td class="num">[-27.3, -13.9]</td>' +
        '<td class="num significant" data-value="0.0000302">&lt; 0.001</td>' +
        '<td class="num" data-value="-2.8703">-2.87</td>' +
        '<td class="num" data-value="10">10 → 10</td>' +
        '<td class="num" data-value="0.6">100.0% → 60.0%</td>',
    );
    expect(rows[3]![2]).toContain('<td class="num" data-value="0.582371">0.582</td>');
    expect(rows[4]![2]).toBe(
      '<td data-value="t-none"><span class="test-id">t-none</span> <span class="test-name">No assertions</span><div class="muted note">no scored runs on one side (a test without assertions): nothing to compare</div></td>' +
        '<td data-value="2"><span class="badge neutral">no change</span></td>' +
        '<td class="num muted">no score</td><td class="num muted">no score</td><td class="num muted">—</td><td class="num muted">—</td><td class="num muted">—</td><td class="num muted">—</td>' +
        '<td class="num" data-value="0">0 → 0</td><td class="num" data-value="1">100.0% → 100.0%</td>',
    );
    // Every heading but the CI of Δ sorts; the table starts ordered by change.
    expect([...table.matchAll(/<th scope="col"[^>]*?(?: data-sort="(\w+)")?(?: aria-sort="(\w+)")?>/g)].map((m) => [m[1] ?? null, m[2] ?? null])).toEqual([
      ['text', null],
      ['number', 'ascending'],
      ['number', null],
      ['number', null],
      ['number', null],
      [null, null],
      ['number', null],
      ['number', null],
      ['number', null],
      ['number', null],
    ]);
  });

  it('lists new and removed tests with the side they have', () => {
    const table = between(html, '<table class="baseline-other"', '</table>');
    expect(between(table, '<tbody>', '</tbody>')).toBe(
      '<tr data-change="new_test"><td><span class="test-id">t-new</span> <span class="test-name">Brand new task</span></td><td><span class="badge flaky">new: not in the baseline</span></td>' +
        '<td class="num" data-value="72.4">72.4 <span class="muted">[66.0–78.8]</span></td><td class="num" data-value="10">10</td><td class="num" data-value="0.7">70.0%</td></tr>' +
        '<tr data-change="removed_test"><td><span class="test-id">t-gone</span> <span class="test-name">Retired task</span></td><td><span class="badge error">removed: in the baseline, not run</span></td>' +
        '<td class="num" data-value="91">91.0 <span class="muted">[89.2–92.8]</span></td><td class="num" data-value="10">10</td><td class="num" data-value="1">100.0%</td></tr>',
    );
    expect(renderBaseline({ ...view, comparisons: view.comparisons.slice(0, 2) })).not.toContain('New and removed tests');
  });

  it('warns in the page when the agents differ, and says so when the comparison is empty', () => {
    expect(html).not.toContain('Different agents');
    const other = renderBaseline({ ...view, agent_name: 'candidate', comparisons: [] });
    expect(other).toContain('<div class="banner error" role="note"><strong>Different agents:</strong> the baseline was recorded with agent &quot;scripted&quot;, this run used &quot;candidate&quot;.</div>');
    expect(other).toContain('<p class="muted">The comparison holds no test.</p>');
    expect(other).not.toContain('<svg');
  });
});

describe('renderHtml with a baseline comparison', () => {
  it('leads with the comparison section, then the run, on the same self-contained page', () => {
    const html = renderHtml(baselineReport(), options);
    expect(count(html, '<section id="baseline" class="comparison baseline" aria-labelledby="baseline-heading"><h2 id="baseline-heading">Baseline comparison</h2>')).toBe(1);
    const order = ['id="baseline"', '<h2 class="run-heading" id="run">This run</h2>', '<section class="cards" aria-label="Summary">', '<section class="panel scores">', '<section class="tests"'].map((s) => html.indexOf(s));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(html).not.toMatch(/\b(?:src|href)\s*=/i);
    expect(count(html, '<script')).toBe(1);
    expect(renderHtml({ ...baselineReport(), extensions: { cost: {} } }, options)).not.toContain('id="baseline"');
  });

  it('escapes hostile names, agents, dates and notes everywhere, SVG included', () => {
    const html = renderHtml(baselineReport(xssComparison), { ...options, warn: (m) => expect.fail(m) });
    expect(html).toContain('id="baseline"');
    expect(count(html, '<script')).toBe(1);
    expect(html).not.toContain('<img');
    expect(html).not.toContain(XSS);
    const escaped = '&lt;script&gt;window.__xss = 1&lt;/script&gt;&lt;img src=x onerror=&quot;window.__xss = 2&quot;&gt;&quot;&#39;&amp;';
    for (const text of [`suite ${escaped}`, `agent ${escaped}`, `base ${escaped}`, `date ${escaped}`, `at ${escaped}`, `id${escaped}`, `Name ${escaped}`, `note ${escaped}`, `New ${escaped}`]) {
      expect(html).toContain(text);
    }
    // SVG titles carry the full label; the visible label is cut but still escaped.
    expect(html).toContain(`<title>id${escaped} Name ${escaped}</title>`);
    expect(html).toContain(`data-value="id${escaped.toLowerCase()}"`);
  });

  it('leaves a malformed comparison out, warns through the reporter logger, and still writes the page', async () => {
    const warnings: string[] = [];
    const init = captureInit({ logger: { debug() {}, info() {}, error() {}, warn: (m: string) => void warnings.push(m) } });
    const entry: ReporterEntry = plugin.reporters[0]!;
    const loaded = await entry.load();
    const mod: ReporterModule = 'default' in loaded ? loaded.default : loaded;
    const bad = { ...comparisonJson, comparisons: [{ test_id: 't', change_type: 'regression' }] };
    await mod.createReporter({}, init).finish(baselineReport(bad));
    expect(warnings).toEqual([
      'html reporter: extensions.baseline_comparison is not a baseline comparison (comparisons.0.test_name: Invalid input: expected string, received undefined); the "Baseline comparison" section is left out',
    ]);
    expect(init.output).toHaveLength(1);
    expect(init.output[0]).not.toContain('id="baseline"');
    expect(init.output[0]).toContain('<section class="cards" aria-label="Summary">');
    expect(init.output[0]).toContain('t-big');
  });
});
