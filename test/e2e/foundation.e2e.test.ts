import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, screenshot, startServer, type E2EServer } from './support/index.js';

let server: E2EServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('foundation', () => {
  it('serves the home page', async () => {
    const { page, errors } = await newPage(browser, server);
    await page.goto('/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Work with the crowd');
    await screenshot(page, 'home-en');
    expect(errors).toEqual([]);
  });
});
