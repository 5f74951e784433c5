import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { inject } from 'vitest';

/** Where each journey saves one screenshot per page (to look at, not compared). */
export const SHOTS_DIR = '/tmp/dvc06-shots';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium, driven by playwright-core (`npx playwright install` cannot work here). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, uncaught exceptions and CSP violations seen so far. */
  problems: string[];
}

/** Opens a page of the app in a fresh context (own storage) and records what goes wrong in it. */
export async function openPage(browser: Browser, path: string, viewport = { width: 1366, height: 900 }): Promise<OpenedPage> {
  const context = await browser.newContext({ baseURL: inject('baseUrl'), viewport, locale: 'vi-VN' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    // An expected API 404 (e.g. no quality run yet) is logged by the browser as a failed resource.
    if (message.type() === 'error' && !/Failed to load resource: the server responded with a status of 404/.test(message.text())) {
      problems.push(`console: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(path);
  return { page, context, problems };
}

/** Violations an accessibility check must not find. */
export interface AxeSummary {
  blocking: Array<{ id: string; impact: string; help: string; nodes: string[] }>;
  minor: string[];
}

/** Runs axe-core on the page; `blocking` lists the serious and critical violations. */
export async function checkA11y(page: Page): Promise<AxeSummary> {
  const result = await new AxeBuilder({ page }).analyze();
  const blocking = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  const minor = result.violations
    .filter((v) => v.impact !== 'serious' && v.impact !== 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  if (process.env.E2E_AXE_VERBOSE && minor.length) console.warn(`axe on ${page.url()}:\n  ${minor.join('\n  ')}`);
  return { blocking, minor };
}

/** Saves a full-page screenshot as /tmp/dvc06-shots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: `${SHOTS_DIR}/${name}.png`, fullPage: true });
}

/** True when the document is wider than the viewport (the user would have to scroll sideways). */
export function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/** Calls the API from the test process (to pick test data or prepare state). */
export async function api<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${inject('baseUrl')}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
