/** The generated page in a real headless Chromium: offline, no errors, the expected elements, working interactions. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '@atp/kernel';
import type { EventSample } from '../src/event-sampler.js';
import { renderHtml } from '../src/render-html.js';
import { hasChromium, launchBrowser, SKIP_REASON, type PageProblems, type TestBrowser } from '@atp/testkit/browser';
import { runReport, smokeReport, stableMultiRun, flaky, threeAgentReport, XSS, xssReport } from '@atp/testkit/reports';
import { baselineReport, xssComparison } from './baseline-fixtures.js';

if (!hasChromium) console.warn(`@atp/reporter-html browser tests ${SKIP_REASON}`);

const sample: EventSample = {
  run: 1,
  total: 2,
  events: [
    { sequence: 0, type: 'tool_call', timestamp: '2026-01-05T10:00:00Z', offsetMs: 5, summary: 'read_file · success', payload: '{\n  "tool": "read_file"\n}', payloadTruncated: false },
    { sequence: 1, type: 'progress', timestamp: '2026-01-05T10:00:01Z', offsetMs: 640, summary: 'writing the answer', payload: '{\n  "message": "writing the answer"\n}', payloadTruncated: false },
  ],
};

let dir: string;
let browser: TestBrowser;

function write(name: string, report: RunReport, withTimeline = true): string {
  const file = join(dir, name);
  const html = renderHtml(report, {
    title: 'ATP Test Results',
    expand: 'failed',
    maxPayloadChars: 2000,
    generatedAt: new Date('2026-01-05T10:00:05Z'),
    ...(withTimeline ? { sample: () => sample } : {}),
  });
  writeFileSync(file, html);
  return file;
}

function expectClean(problems: PageProblems): void {
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], blockedRequests: [] });
}

describe.skipIf(!hasChromium)(`HTML report in headless Chromium${hasChromium ? '' : ` (${SKIP_REASON})`}`, { timeout: 60_000 }, () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'atp-html-report-'));
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads offline without errors and shows cards, the chart, the expanded failure and its timeline', async () => {
    const report = runReport([...smokeReport.tests, stableMultiRun, flaky]);
    const { page, problems } = await browser.open(write('smoke.html', report));
    await expect(page.title()).resolves.toBe('ATP Test Results — file_agent_smoke');
    const cards = page.locator('.cards .card');
    await expect(cards.count()).resolves.toBe(8);
    expect(await cards.first().isVisible()).toBe(true);
    await expect(cards.allInnerTexts()).resolves.toEqual(expect.arrayContaining([expect.stringMatching(/^FAILED\s+4$/), expect.stringMatching(/^SUCCESS RATE\s+33\.3%$/)]));
    const chart = page.locator('svg.chart-scores');
    expect(await chart.isVisible()).toBe(true);
    await expect(chart.locator('rect.bar').count()).resolves.toBe(4);
    const box = await chart.boundingBox();
    expect(box!.width).toBeGreaterThan(300);

    const failed = page.locator('details#t-2');
    await expect(failed.getAttribute('open')).resolves.toBe('');
    const failingCheck = failed.locator('.check.failed');
    expect(await failingCheck.isVisible()).toBe(true);
    await expect(failingCheck.innerText()).resolves.toContain("expected 'Hello, ATP!' in greet.txt, got 'Hi'");
    expect(await failed.locator('svg.timeline-chart').isVisible()).toBe(true);
    await expect(failed.locator('svg.timeline-chart circle').count()).resolves.toBe(2);
    await expect(failed.locator('table.events tbody tr').allInnerTexts()).resolves.toEqual([
      expect.stringContaining('read_file · success'),
      expect.stringContaining('writing the answer'),
    ]);
    const timeout = page.locator('details#t-3');
    expect(await timeout.locator('.run-error').isVisible()).toBe(true);
    await expect(timeout.locator('.run-error').innerText()).resolves.toBe('timeout Test execution timed out after 1.0s');
    const flakyTest = page.locator('details#t-6');
    expect(await flakyTest.locator('summary .badge.flaky').isVisible()).toBe(true);
    expect(await flakyTest.locator('.statistics').isVisible()).toBe(true);
    expectClean(problems);
    await page.close();
  });

  it('expands a collapsed test on click, and the inline script filters tests', async () => {
    const { page, problems } = await browser.open(write('click.html', smokeReport));
    const passing = page.locator('details#t-1');
    await expect(passing.getAttribute('open')).resolves.toBeNull();
    expect(await passing.locator('.assertions').isVisible()).toBe(false);
    await passing.locator(':scope > summary').click();
    await expect(passing.getAttribute('open')).resolves.toBe('');
    expect(await passing.locator('.assertions').isVisible()).toBe(true);
    await expect(passing.locator('.check.passed').count()).resolves.toBe(2);

    // The script ran (its CSP hash matched): filters hide and show tests.
    await page.locator('button[data-filter="failed"]').click();
    expect(await passing.isVisible()).toBe(false);
    await expect(page.locator('#filter-count').innerText()).resolves.toBe('3 of 4 shown');
    await page.locator('button[data-filter="all"]').click();
    await page.locator('#filter-text').fill('slow');
    await expect(page.locator('#filter-count').innerText()).resolves.toBe('1 of 4 shown');
    expect(await page.locator('details#t-3').isVisible()).toBe(true);
    await page.locator('#filter-text').fill('');
    await page.locator('#collapse-all').click();
    await expect(page.locator('details.test[open]').count()).resolves.toBe(0);
    await page.locator('#expand-all').click();
    await expect(page.locator('details.test[open]').count()).resolves.toBe(4);
    expectClean(problems);
    await page.close();
  });

  it('shows markup from the agent as text and never runs it', async () => {
    const { page, problems } = await browser.open(write('xss.html', xssReport));
    await expect(page.evaluate('typeof window.__xss')).resolves.toBe('undefined');
    const failed = page.locator('details#t-1');
    await expect(failed.locator('.test-name').innerText()).resolves.toBe(`Name ${XSS}`);
    await expect(failed.locator('.check.failed .message').innerText()).resolves.toBe(`message ${XSS}`);
    await expect(page.locator('.banner.fail').innerText()).resolves.toBe(`Run error: run error ${XSS}`);
    await expect(page.locator('img').count()).resolves.toBe(0);
    await expect(page.locator('script').count()).resolves.toBe(1);
    expectClean(problems);
    await page.close();
  });

  it('shows the comparison of three agents: ranking with intervals and the charts', async () => {
    const { page, problems } = await browser.open(write('compare.html', threeAgentReport, false));
    const comparison = page.locator('#comparison');
    expect(await comparison.isVisible()).toBe(true);
    const rows = comparison.locator('table.ranking tbody tr');
    await expect(rows.allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^1\s+gamma\s+88\.2\s+87\.2–89\.2\s/),
      expect.stringMatching(/^2\s+alpha\s+78\.9\s+61\.8–96\.0\s/),
      expect.stringMatching(/^3\s+beta\s+69\.0\s+65\.8–72\.2\s/),
    ]);
    for (const name of ['chart-agents', 'chart-success', 'chart-per-test']) expect(await comparison.locator(`svg.${name}`).isVisible()).toBe(true);
    await expect(comparison.locator('svg.chart-agents path.whisker').count()).resolves.toBe(3);
    await expect(comparison.locator('svg.chart-per-test rect.bar').count()).resolves.toBe(6);
    await expect(comparison.locator('ul.legend li').allInnerTexts()).resolves.toEqual(['alpha', 'beta', 'gamma']);
    await expect(page.locator('details.test').count()).resolves.toBe(6);
    expectClean(problems);
    await page.close();
  });
  it('shows a baseline comparison: cards, both charts with every baseline and current value, a table that sorts', async () => {
    const { page, problems } = await browser.open(write('baseline.html', baselineReport(), false));
    const section = page.locator('#baseline');
    expect(await section.isVisible()).toBe(true);
    await expect(section.locator('h2').innerText()).resolves.toBe('Baseline comparison');
    const cards = section.locator('.cards .card');
    await expect(cards.count()).resolves.toBe(9);
    await expect(cards.allInnerTexts()).resolves.toEqual(
      expect.arrayContaining([expect.stringMatching(/^REGRESSIONS\s+2$/), expect.stringMatching(/^IMPROVEMENTS\s+1$/), expect.stringMatching(/^BASELINE\s+scripted\s+recorded 2026-01-04T09:00:00\.000Z$/)]),
    );
    const scores = section.locator('svg.chart-baseline-scores');
    const delta = section.locator('svg.chart-baseline-delta');
    for (const chart of [scores, delta]) {
      expect(await chart.isVisible()).toBe(true);
      expect((await chart.boundingBox())!.width).toBeGreaterThan(300);
    }
    // Each test shows its baseline and its current value, in table order.
    await expect(scores.locator('text.value').allTextContents()).resolves.toEqual([
      '90.1 [87.9–92.3]', '69.5 [63.1–75.9]', '86.5 [84.1–88.9]', '80.2 [77.9–82.5]', '88.0 [85.2–90.8]', '95.8 [93.9–97.7]',
      '86.4 [83.0–89.8]', '85.1 [81.2–89.0]', 'no score', 'no score', 'not in baseline', '72.4 [66.0–78.8]', '91.0 [89.2–92.8]', 'not run',
    ]);
    await expect(scores.locator('circle.dot').count()).resolves.toBe(10);
    await expect(delta.locator('circle.dot').count()).resolves.toBe(4);
    // The stylesheet applied (its CSP hash matched): dashed zero line, regressions red, the baseline grey.
    const style = (selector: string, property: string) => page.evaluate(`getComputedStyle(document.querySelector(${JSON.stringify(selector)})).${property}`);
    await expect(style('svg.chart-baseline-delta line.reference', 'strokeDasharray')).resolves.toMatch(/^4(px)?,? 3(px)?$/);
    await expect(style('svg.chart-baseline-scores circle.dot.chg-regression', 'fill')).resolves.toBe('rgb(198, 40, 40)');
    await expect(style('svg.chart-baseline-scores circle.dot.side-baseline', 'fill')).resolves.toBe('rgb(102, 112, 133)');

    const table = section.locator('table.baseline-tests');
    const ids = () => table.locator('tbody tr .test-id').allInnerTexts();
    await expect(ids()).resolves.toEqual(['t-big', 't-small', 't-up', 't-same', 't-none']);
    await expect(table.locator('tbody tr').first().innerText()).resolves.toMatch(/^t-big Big regression\s+regression\s+90\.1 \[87\.9–92\.3\]\s+69\.5 \[63\.1–75\.9\]\s+-20\.6 \(-22\.9%\)\s+\[-27\.3, -13\.9\]\s+< 0\.001\s+-2\.87\s+10 → 10\s+100\.0% → 60\.0%$/);
    // The script ran (its CSP hash matched): headings sort the rows; a row without a value stays last.
    const deltaHead = table.locator('thead th', { hasText: 'Δ (Δ%)' });
    await deltaHead.locator('button').click();
    await expect(deltaHead.getAttribute('aria-sort')).resolves.toBe('ascending');
    await expect(table.locator('thead th[aria-sort]').count()).resolves.toBe(1);
    await expect(ids()).resolves.toEqual(['t-big', 't-small', 't-same', 't-up', 't-none']);
    await deltaHead.locator('button').click();
    await expect(deltaHead.getAttribute('aria-sort')).resolves.toBe('descending');
    await expect(ids()).resolves.toEqual(['t-up', 't-same', 't-small', 't-big', 't-none']);
    await table.locator('thead th', { hasText: 'Test' }).locator('button').click();
    await expect(ids()).resolves.toEqual(['t-big', 't-none', 't-same', 't-small', 't-up']);
    await expect(section.locator('table.baseline-other tbody tr').allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^t-new Brand new task\s+new: not in the baseline\s+72\.4 \[66\.0–78\.8\]\s+10\s+70\.0%$/),
      expect.stringMatching(/^t-gone Retired task\s+removed: in the baseline, not run\s+91\.0 \[89\.2–92\.8\]\s+10\s+100\.0%$/),
    ]);
    // The run itself follows on the same page.
    expect(await page.locator('details.test').first().isVisible()).toBe(true);
    expectClean(problems);
    await page.close();
  });

  it('shows hostile names in a baseline comparison as text and never runs them', async () => {
    const { page, problems } = await browser.open(write('baseline-xss.html', baselineReport(xssComparison), false));
    await expect(page.evaluate('typeof window.__xss')).resolves.toBe('undefined');
    const section = page.locator('#baseline');
    await expect(section.locator('table.baseline-tests tbody tr .test-name').first().innerText()).resolves.toBe(`Name ${XSS}`);
    await expect(section.locator('.banner').innerText()).resolves.toBe(`Different agents: the baseline was recorded with agent "base ${XSS}", this run used "agent ${XSS}".`);
    await expect(page.locator('img').count()).resolves.toBe(0);
    await expect(page.locator('script').count()).resolves.toBe(1);
    expectClean(problems);
    await page.close();
  });
});
