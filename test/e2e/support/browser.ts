import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { findBrowser, howToGetBrowser } from './find-browser.js';
import { ROOT, type E2EServer } from './server.js';
import type { E2EUser } from './api.js';

export const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'screenshots');

/**
 * Launches the browser the suite found (support/find-browser.ts: CHROMIUM_PATH, a system Chromium or Chrome, or
 * Playwright's cache) headless through playwright-core. Never downloads a browser.
 * @example const browser = await launchBrowser(); … await browser.close();
 */
export async function launchBrowser(): Promise<Browser> {
  const found = process.env.FOULE_E2E_BROWSER ?? findBrowser()?.executablePath;
  if (!found) throw new Error(`No browser for the browser tests: ${howToGetBrowser()}`);
  return chromium.launch({
    executablePath: found,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface NewPageOptions {
  /** Signs the page in as this person (their session cookie is set on the context). */
  as?: E2EUser;
  /** The browser's language (navigator.language): 'en-GB', 'fr-FR'… Defaults to 'en-GB'. */
  locale?: string;
  /** Defaults to 1280×800. Use { width: 390, height: 844 } for a phone. */
  viewport?: { width: number; height: number };
}

export interface E2EPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors seen so far: assert it stays empty. */
  errors: string[];
}

/**
 * A fresh context and page on the server (relative URLs work: page.goto('/explore')), optionally signed in,
 * collecting page errors.
 * @example const { page, errors } = await newPage(browser, server, { as: alice }); await page.goto('/p/my-project');
 */
export async function newPage(browser: Browser, server: E2EServer, opts: NewPageOptions = {}): Promise<E2EPage> {
  const context = await browser.newContext({
    baseURL: server.url,
    locale: opts.locale ?? 'en-GB',
    viewport: opts.viewport ?? { width: 1280, height: 800 },
  });
  if (opts.as) await signInContext(context, server, opts.as);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // A 4xx answer the page handles (and shows) is logged by Chromium as a failed resource: not a page error.
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return { context, page, errors };
}

/**
 * Puts a person's session cookie on a browser context, so its pages are signed in.
 * @example await signInContext(context, server, alice)
 */
export async function signInContext(context: BrowserContext, server: E2EServer, user: E2EUser): Promise<void> {
  const [name, value] = user.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: server.url }]);
}

/**
 * Saves a full-page screenshot to test-results/screenshots/<name>.png and returns its path.
 * @example await screenshot(page, 'explore-en')
 */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // From the top, so a sticky top bar stays at the top of a full-page picture.
  await page.evaluate(() => window.scrollTo(0, 0));
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: opts.fullPage ?? true, animations: 'disabled' });
  return file;
}
