import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiCall, createUser, launchBrowser, newPage, screenshot, startServer, type E2EServer } from './support/index.js';

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

describe('micro-tasks', () => {
  it('a host creates a batch and uploads items, a worker answers with the keyboard, the host downloads the results', async () => {
    const host = await createUser(server, { name: 'Hana Host' });
    const project = await apiCall<{ id: string; slug: string }>(server, host, 'POST', '/projects', {
      title: 'Pet pictures',
      summary: 'Which animal is it?',
      category: 'science',
    });

    // The host creates a batch from the project's Tasks tab.
    const { page, errors } = await newPage(browser, server, { as: host });
    await page.goto(`/p/${project.slug}/tasks`);
    await page.getByRole('link', { name: 'New batch' }).click();
    await page.getByLabel('Title').fill('Cat or dog?');
    await page.getByLabel('Instructions for workers').fill('Look at the **caption** and pick the animal.');
    await page.getByLabel('Labels').fill('cat, dog');
    await page.getByLabel('Answers per item').fill('1');
    await screenshot(page, 'tasks-new-batch');
    await page.getByRole('button', { name: 'Create the batch' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cat or dog?' }).waitFor();
    const batchId = page.url().split('/task-batches/')[1]!.split(/[/?#]/)[0]!;

    // Upload a CSV with one gold item and watch the progress end in a confirmation.
    const csv = 'externalId,caption,gold\np1,A cat on a sofa,\np2,A dog in the park,\np3,A kitten asleep,cat\n';
    await page.getByLabel('Upload items').setInputFiles({ name: 'items.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('3 items added').waitFor();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Open', { exact: true }).waitFor();
    await screenshot(page, 'tasks-batch-host', { fullPage: true });

    // A worker answers every item with the keyboard: 1 = cat, 2 = dog, Enter submits.
    const worker = await createUser(server, { name: 'Will Worker' });
    const w = await newPage(browser, server, { as: worker });
    await w.page.goto(`/task-batches/${batchId}/work`);
    const expected: Record<string, string> = { 'A cat on a sofa': '1', 'A dog in the park': '2', 'A kitten asleep': '2' };
    for (let k = 0; k < 3; k++) {
      const caption = w.page.locator('.task-data dd').first();
      await caption.waitFor();
      const text = (await caption.textContent())!.trim();
      if (k === 0) await screenshot(w.page, 'tasks-work');
      await w.page.keyboard.press(expected[text]!);
      await expect.poll(() => w.page.getByRole('radio', { checked: true }).count()).toBe(1);
      await w.page.keyboard.press('Enter');
      await expect
        .poll(
          async () =>
            (
              await w.page
                .locator('.task-data dd')
                .first()
                .textContent()
                .catch(() => null)
            )?.trim() !== text || (await w.page.getByText('Nothing left for you here').count()) > 0,
        )
        .toBe(true);
      if (text === 'A kitten asleep') {
        // The kitten was a gold item answered wrong: the worker is told the expected answer.
        await w.page.getByText('the expected answer to that control item was “cat”').waitFor();
        await screenshot(w.page, 'tasks-work-feedback');
      }
    }
    await w.page.getByText('Nothing left for you here').waitFor();
    expect(w.errors).toEqual([]);

    // The host reads the results and downloads them as CSV.
    await page.goto(`/task-batches/${batchId}/results`);
    await page.getByRole('heading', { level: 1, name: 'Results' }).waitFor();
    await page.getByRole('cell', { name: 'p2' }).waitFor();
    await page.getByRole('heading', { name: 'Methods compared' }).waitFor();
    await screenshot(page, 'tasks-results', { fullPage: true });
    // One worker who got the gold item wrong: Dawid–Skene reads their answers as inverted. Majority vote takes them as given.
    await page.getByLabel('Method', { exact: true }).selectOption('mv');
    await page.getByText('Each item takes the answer most workers gave').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
    const file = await download.path();
    const lines = fs.readFileSync(file!, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('externalId,answer,confidence,answers');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['p1,cat', 'p2,dog', 'p3,cat']);
    expect(errors).toEqual([]);

    // The worker's history shows the three answers; the pages exist in French too.
    await w.page.goto('/me/tasks');
    await w.page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
    await expect.poll(() => w.page.getByRole('link', { name: 'Cat or dog?' }).count()).toBe(3);
    await screenshot(w.page, 'tasks-my-work');
    await apiCall(server, host, 'PATCH', '/me', { locale: 'fr' });
    const fr = await newPage(browser, server, { as: host });
    await fr.page.goto(`/task-batches/${batchId}/results`);
    await fr.page.getByRole('heading', { level: 1, name: 'Résultats' }).waitFor();
    await fr.page.getByRole('heading', { name: 'Méthodes comparées' }).waitFor();
    await screenshot(fr.page, 'tasks-results-fr', { fullPage: true });
    expect(fr.errors).toEqual([]);
  });
});
