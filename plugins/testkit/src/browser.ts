/**
 * `@atp/testkit/browser`: opens HTML reports in Debian's Chromium through playwright-core (never a downloaded browser), with
 * every non-file request aborted and recorded, and console/page errors collected.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Where Debian's `chromium` package installs the browser. */
export const CHROMIUM = '/usr/bin/chromium';
/** Whether the browser tests can run here. */
export const hasChromium = existsSync(CHROMIUM);
/** The reason shown when they cannot. */
export const SKIP_REASON = `skipped: ${CHROMIUM} not found (install Debian's chromium: apt-get install -y chromium)`;


const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** What went wrong while a page was open. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  /** Requests for anything but the report file itself (all aborted). */
  blockedRequests: string[];
}

/** A browser with a fresh profile. */
export interface TestBrowser {
  open(file: string): Promise<{ page: Page; problems: PageProblems }>;
  close(): Promise<void>;
}

/** Launch Chromium with a fresh user data dir; the network is cut for every page. */
export async function launchBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'atp-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, offline: true });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    async open(file) {
      const target = pathToFileURL(file).href;
      const problems: PageProblems = { consoleErrors: [], pageErrors: [], blockedRequests: [] };
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') problems.consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => problems.pageErrors.push(error.message));
      page.on('request', (request) => {
        if (request.url() !== target) problems.blockedRequests.push(request.url());
      });
      await page.route('**/*', (route) => (route.request().url() === target ? route.continue() : route.abort('blockedbyclient')));
      await page.goto(target, { waitUntil: 'load' });
      return { page, problems };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
