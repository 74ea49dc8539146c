/**
 * The reporter as users run it: the real `atp` binary on a suite against subprocess agents that
 * stream events, `--output html`, then the written file opened in headless Chromium.
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runAtp, tempProject } from '@atp/testkit/e2e';
import { hasChromium, launchBrowser, SKIP_REASON, type TestBrowser } from '@atp/testkit/browser';

// steady always greets and says done; middling says done every other call (its scores vary: a real interval);
// sloppy says goodbye. All stream events, one of them with markup; \`chatty\` streams 120.
const AGENT = `
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
const mode = process.argv[2];
const counterFile = new URL('./count-' + mode, import.meta.url);
const count = existsSync(counterFile) ? Number(readFileSync(counterFile, 'utf8')) : 0;
writeFileSync(counterFile, String(count + 1));
let input = '';
process.stdin.on('data', (d) => (input += d)).on('end', () => {
  const req = JSON.parse(input);
  const what = req.task.description;
  const event = (sequence, event_type, payload) => process.stderr.write(JSON.stringify({ sequence, event_type, payload }) + '\\n');
  event(0, 'reasoning', { thought: 'planning the ' + what });
  event(1, 'tool_call', { tool: 'write_file', status: 'success', input: { path: 'out.txt' } });
  event(2, 'progress', { message: '<script>window.__xss = 1</script>', percentage: 100 });
  if (what === 'chatty') for (let i = 3; i < 120; i++) event(i, 'progress', { message: 'step ' + i });
  const done = mode === 'steady' || (mode === 'middling' && count % 2 === 0);
  const content = what === 'markup' ? '<img src=x onerror="window.__xss = 2">' : mode === 'sloppy' && what === 'greet' ? 'bye' : done ? 'hello world, done' : 'hello world';
  process.stdout.write(JSON.stringify({ version: '1.0', task_id: req.task_id, status: 'completed', artifacts: [{ type: 'file', path: 'out.txt', content }] }));
});
`;

const SUITE = `test_suite: html-e2e
agents:
  - name: steady
    type: cli
    config: { command: node, args: [agent.mjs, steady] }
  - name: middling
    type: cli
    config: { command: node, args: [agent.mjs, middling] }
  - name: sloppy
    type: cli
    config: { command: node, args: [agent.mjs, sloppy] }
tests:
  - id: greet
    name: Greets the user
    runs_per_test: 3
    task: { description: greet }
    assertions:
      - { type: contains, config: { pattern: hello } }
      - { id: says_done, type: contains, config: { pattern: done } }
  - id: markup
    name: Output with markup
    task: { description: markup }
    assertions:
      - { type: contains, config: { pattern: never-there } }
  - id: chatty
    name: Streams many events
    task: { description: chatty }
    assertions:
      - { type: contains, config: { pattern: hello } }
`;

const CONFIG = `export default {
  plugins: ['@atp/preset-default', '@atp/reporter-html', '@atp/reporter-markdown'],
  reporters: { html: { title: 'E2E report', max_events_per_test: 10 } },
};
`;

let dir: string;

beforeAll(() => {
  ensureBuilt(['reporter-html', 'reporter-markdown'].map((p) => new URL(`../../${p}/`, import.meta.url)));
  dir = tempProject({ 'suite.yaml': SUITE, 'agent.mjs': AGENT, 'atp.config.mjs': CONFIG }, { prefix: 'reporter-html-' });
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('atp test --output html', { timeout: 120_000 }, () => {
  it('writes one self-contained file per format with the right extension', async () => {
    const r = await runAtp(['test', 'suite.yaml', '--agent', 'steady', '--output', 'console,html,markdown', '--output-dir', 'reports', '--no-journal'], dir);
    expect(r.code).toBe(1);
    // The console reporter still prints progress to the terminal.
    expect(r.stderr).toContain('✗ Output with markup');
    expect(readdirSync(join(dir, 'reports')).sort()).toEqual(['html-e2e.html', 'html-e2e.md']);
    const html = readFileSync(join(dir, 'reports/html-e2e.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('Run 1: the first 10 of 120 events.');
    expect(readFileSync(join(dir, 'reports/html-e2e.md'), 'utf8')).toMatch(/^## ❌ ATP · html-e2e: 1 of 3 tests failed\n/);
  });

  it('rejects a bad reporter option with a located config error and no stack trace', async () => {
    const bad = tempProject({ 'suite.yaml': SUITE, 'agent.mjs': AGENT, 'atp.config.mjs': CONFIG.replace('max_events_per_test: 10', 'max_events: 10') }, { prefix: 'reporter-html-' });
    try {
      const r = await runAtp(['test', 'suite.yaml', '--output', 'html', '--output-file', 'report.html', '--no-journal'], bad);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/atp\.config\.mjs: error reporters\.html\b.*Unrecognized key: "max_events" \[ATP_CONFIG_INVALID\]/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });

  describe.skipIf(!hasChromium)(`in headless Chromium${hasChromium ? '' : ` (${SKIP_REASON})`}`, () => {
    let browser: TestBrowser;
    beforeAll(async () => void (browser = await launchBrowser()), 60_000);
    afterAll(async () => browser?.close());

    it('a three-agent run opens offline with each agent\'s score and interval, the failed test expanded and its timeline', async () => {
      // One job at a time so that middling's alternation (and so every score) is deterministic.
      const agents = ['--agent', 'steady', '--agent', 'middling', '--agent', 'sloppy'];
      const r = await runAtp(['test', 'suite.yaml', ...agents, '--runs', '4', '-p', '1', '--output', 'html', '--output-file', 'report.html', '--no-journal'], dir);
      expect(r.code).toBe(1);
      const { page, problems } = await browser.open(join(dir, 'report.html'));
      await expect(page.title()).resolves.toBe('E2E report — html-e2e');
      await expect(page.locator('.cards .card').first().innerText()).resolves.toMatch(/^TESTS\s+9\s+test × agent$/);

      const comparison = page.locator('#comparison');
      expect(await comparison.isVisible()).toBe(true);
      const ranking = await comparison.locator('table.ranking tbody tr').allInnerTexts();
      const parsed = ranking.map((row) => /^(\d)\s+(\w+)\s+([\d.]+)\s+([\d.]+)–([\d.]+)\s/.exec(row)?.slice(1));
      expect(parsed.map((p) => p?.slice(0, 2))).toEqual([
        ['1', 'steady'],
        ['2', 'middling'],
        ['3', 'sloppy'],
      ]);
      for (const [, , mean, lo, hi] of parsed as string[][]) {
        expect(Number(lo)).toBeLessThanOrEqual(Number(mean));
        expect(Number(hi)).toBeGreaterThanOrEqual(Number(mean));
      }
      // middling's greet scores vary from run to run: a real interval around its mean.
      const middling = parsed[1]!;
      expect(Number(middling[3])).toBeLessThan(Number(middling[4]));
      expect(await comparison.locator('svg.chart-agents').isVisible()).toBe(true);
      await expect(comparison.locator('svg.chart-agents path.whisker').count()).resolves.toBe(3);
      await expect(comparison.locator('svg.chart-per-test rect.bar').count()).resolves.toBe(9);
      await expect(comparison.locator('ul.legend li').allInnerTexts()).resolves.toEqual(['steady', 'middling', 'sloppy']);

      // Tests are listed test by test, agent by agent: greet×steady, greet×middling, greet×sloppy, …
      const sloppyGreet = page.locator('details.test', { has: page.locator('summary .agent-tag', { hasText: 'sloppy' }) }).filter({ hasText: 'Greets the user' });
      await expect(sloppyGreet.getAttribute('open')).resolves.toBe('');
      const failedChecks = sloppyGreet.locator('.check.failed');
      await expect(failedChecks.count()).resolves.toBe(2);
      expect(await failedChecks.first().isVisible()).toBe(true);
      await expect(sloppyGreet.locator('.runs-table tbody tr').count()).resolves.toBe(4);
      const timeline = sloppyGreet.locator('section.timeline');
      expect(await timeline.locator('svg.timeline-chart').isVisible()).toBe(true);
      await expect(timeline.locator('td.ev-summary').allInnerTexts()).resolves.toEqual(['planning the greet', 'write_file · success', '<script>window.__xss = 1</script> · 100%']);

      const steadyGreet = page.locator('details.test').first();
      await expect(steadyGreet.getAttribute('open')).resolves.toBeNull();
      await steadyGreet.locator(':scope > summary').click();
      await expect(steadyGreet.getAttribute('open')).resolves.toBe('');
      expect(await steadyGreet.locator('section.timeline').isVisible()).toBe(true);

      const chatty = page.locator('details.test').filter({ hasText: 'Streams many events' }).first();
      await chatty.locator(':scope > summary').click();
      await expect(chatty.locator('section.timeline p.muted').innerText()).resolves.toBe('Run 1: the first 10 of 120 events.');

      await expect(page.evaluate('typeof window.__xss')).resolves.toBe('undefined');
      await expect(page.locator('img').count()).resolves.toBe(0);
      expect(problems).toEqual({ consoleErrors: [], pageErrors: [], blockedRequests: [] });
      await page.close();
    });
  });
});
