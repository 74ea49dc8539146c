/**
 * `atp baseline compare --html` with the real binary: the page is drawn by @atp/reporter-html, found
 * through the kernel's reporter registry (the default preset registers it), then opened in Chromium.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runAtp } from '@atp/testkit/e2e';
import { shiftingSuite, stateDir, tempProject } from './helpers.js';
import { hasChromium, launchBrowser, SKIP_REASON } from '@atp/testkit/browser';

if (!hasChromium) console.warn(`@atp/command-baseline browser tests ${SKIP_REASON}`);

afterAll(removeTempDirs);

const noStack = (text: string): void => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

interface Side {
  mean: number;
  ci_95: [number, number];
  n_runs: number;
}
interface ComparisonJson {
  comparisons: Array<{ test_id: string; change_type: string; delta: number; current: Side; baseline: Side }>;
}

/** How the page prints a mean with its interval (one decimal). */
const shown = (s: Side): string => `${s.mean.toFixed(1)} [${s.ci_95[0].toFixed(1)}–${s.ci_95[1].toFixed(1)}]`;

let page: { file: string; comparison: ComparisonJson } | undefined;

describe('atp baseline compare --html (real binary, scripted agent)', { timeout: 300_000 }, () => {
  it('writes a self-contained page with the regression, through the html reporter of the default preset', async () => {
    const dir = tempProject({ 'suite.yaml': shiftingSuite({ scripted: undefined }), 'atp.config.mjs': "export default { plugins: ['@atp/preset-default'] };\n" });
    const save = await runAtp(['baseline', 'save', 'suite.yaml', '-o', 'baseline.json', '--runs', '10'], dir, { SEED: 'baseline', AGENT_STATE_DIR: stateDir(dir, 'save') });
    expect(save.code, save.stderr).toBe(0);

    // SHIFT = 0.3 lowers the expected score by 21 points: both tests regress (see cli.e2e.test.ts).
    const compare = await runAtp(['baseline', 'compare', 'suite.yaml', '-b', 'baseline.json', '--html', 'reports/compare.html', '--output-file', 'comparison.json', '--fail-on-regression'], dir, {
      SEED: 'current',
      SHIFT: '0.3',
      AGENT_STATE_DIR: stateDir(dir, 'compare'),
    });
    expect(compare.code, compare.stderr).toBe(1);
    expect(compare.stderr).toContain('HTML page written to reports/compare.html\n');
    expect(compare.stdout).toContain('Summary: 2 regressions, 0 improvements, 0 unchanged, 0 new, 0 removed');
    const file = join(dir, 'reports/compare.html');
    expect(existsSync(file)).toBe(true);
    const html = readFileSync(file, 'utf8');
    const comparison = JSON.parse(readFileSync(join(dir, 'comparison.json'), 'utf8')) as ComparisonJson;
    expect(comparison.comparisons.map((c) => c.change_type)).toEqual(['regression', 'regression']);

    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<h2 id="baseline-heading">Baseline comparison</h2>');
    expect(html).toContain('<div class="card fail"><div class="label">Regressions</div><div class="value">2</div></div>');
    for (const c of comparison.comparisons) {
      expect(html).toContain(`<tr data-change="regression"><td data-value="${c.test_id}"><span class="test-id">${c.test_id}</span>`);
      expect(html).toContain(`>${shown(c.baseline)}</text>`);
      expect(html).toContain(`>${shown(c.current)}</text>`);
    }
    // The run is on the page too, with the event the agent streamed (the reporter was attached to the run).
    expect(html.match(/<details class="test /g)).toHaveLength(2);
    expect(html).toContain('Run 1: 1 event.');
    expect(html).not.toMatch(/\b(?:src|href)\s*=/i);
    page = { file, comparison };
  });

  it.skipIf(!hasChromium)(`the page opens in headless Chromium without errors and shows both sides of every test${hasChromium ? '' : ` (${SKIP_REASON})`}`, async () => {
    expect(page, 'the page of the previous test').toBeDefined();
    const { file, comparison } = page!;
    const browser = await launchBrowser();
    try {
      const { page: tab, problems } = await browser.open(file);
      const section = tab.locator('#baseline');
      expect(await section.isVisible()).toBe(true);
      await expect(section.locator('.cards .card').first().innerText()).resolves.toMatch(/^REGRESSIONS\s+2$/);
      const chart = section.locator('svg.chart-baseline-scores');
      expect(await chart.isVisible()).toBe(true);
      // Rows are ordered worst drop first; each test shows its baseline and its current mean with the interval.
      const ordered = [...comparison.comparisons].sort((a, b) => a.delta - b.delta);
      await expect(chart.locator('text.value').allTextContents()).resolves.toEqual(ordered.flatMap((c) => [shown(c.baseline), shown(c.current)]));
      expect(await section.locator('svg.chart-baseline-delta').isVisible()).toBe(true);
      await expect(section.locator('table.baseline-tests tbody tr .test-id').allInnerTexts()).resolves.toEqual(ordered.map((c) => c.test_id));
      await expect(section.locator('table.baseline-tests tbody tr .badge').allInnerTexts()).resolves.toEqual(['regression', 'regression']);
      expect(problems).toEqual({ consoleErrors: [], pageErrors: [], blockedRequests: [] });
      await tab.close();
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('without the html reporter, or with bad options for it: a clear error, exit 2, nothing run', async () => {
    const dir = tempProject({
      'suite.yaml': shiftingSuite({ scripted: undefined }),
      // Everything the suite needs, but no reporter-html.
      'atp.config.mjs': "export default { plugins: ['@atp/dsl', '@atp/adapter-cli', '@atp/evaluator-artifact', '@atp/command-baseline'] };\n",
    });
    // The project runs the suite fine without --html.
    const save = await runAtp(['baseline', 'save', 'suite.yaml', '-o', 'baseline.json', '--runs', '2'], dir, { AGENT_STATE_DIR: stateDir(dir, 'save') });
    expect(save.code, save.stderr).toBe(0);

    const env = { AGENT_STATE_DIR: stateDir(dir, 'compare') };
    const missing = await runAtp(['baseline', 'compare', 'suite.yaml', '-b', 'baseline.json', '--html', 'compare.html'], dir, env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'error --html needs the "html" reporter, but no plugin in this project registers it [ATP_REPORTER]\n' +
        "  hint: add '@atp/reporter-html' to plugins in your ATP config (it is part of '@atp/preset-default'); install it with npm install -D @atp/reporter-html\n",
    );
    expect(missing.stdout).toBe('');

    writeFileSync(join(dir, 'atp.config.mjs'), "export default { plugins: ['@atp/preset-default'], reporters: { html: { max_events: 5 } } };\n");
    const badOptions = await runAtp(['baseline', 'compare', 'suite.yaml', '-b', 'baseline.json', '--html', 'compare.html'], dir, env);
    expect(badOptions.code).toBe(2);
    expect(badOptions.stderr).toContain('atp.config.mjs: error reporters.html: Unrecognized key: "max_events" [ATP_CONFIG_INVALID]');

    writeFileSync(join(dir, 'atp.config.mjs'), "export default { plugins: ['@atp/preset-default'] };\n");
    const usage = [
      [['--html', 'state'], 'error --html: state is a directory [ATP_USAGE]'],
      [['--html', 'baseline.json/page.html'], 'error --html: cannot create the folder of baseline.json/page.html: EEXIST'],
      [['--html'], "Option '--html <value>' argument missing"],
    ] as const;
    for (const [args, message] of usage) {
      const r = await runAtp(['baseline', 'compare', 'suite.yaml', '-b', 'baseline.json', ...args], dir, env);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      noStack(r.stderr);
    }
    const onSave = await runAtp(['baseline', 'save', 'suite.yaml', '-o', 'again.json', '--html', 'compare.html'], dir, env);
    expect(onSave.code).toBe(2);
    expect(onSave.stderr).toContain('atp baseline save does not take --html');

    for (const r of [missing, badOptions, onSave]) noStack(r.stderr);
    // Every check came before the run: the agent never started, and no page was written.
    expect(readdirSync(env.AGENT_STATE_DIR)).toEqual([]);
    expect(existsSync(join(dir, 'compare.html'))).toBe(false);
  });
});
