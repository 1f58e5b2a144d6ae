import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiCall, createUser, launchBrowser, login, newPage, screenshot, startServer, type E2EServer } from './support/index.js';

let server: E2EServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ env: { FOULE_SCHEDULER: 'off' } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('audit log (browser)', () => {
  it("shows operators every action, filters it, stacks on phones; an organization's owner sees its own log in French", async () => {
    const owner = await createUser(server, { name: 'Odile Owner', locale: 'fr' });
    const org = await apiCall<{ id: string; slug: string; name: string }>(server, owner, 'POST', '/orgs', { name: 'Atelier Vélo' });
    const admin = await createUser(server, { name: 'Adam Admin' });
    await apiCall(server, owner, 'POST', `/orgs/${org.id}/members`, { userId: admin.id, role: 'admin' });
    const project = await apiCall<{ id: string }>(server, owner, 'POST', '/projects', {
      title: 'Repair café lights',
      summary: 'Lights',
      category: 'community',
      orgId: org.id,
    });
    const ops = await login(server, server.operator);
    await apiCall(server, ops, 'POST', `/projects/${project.id}/hide`, { reason: 'Checking a report' });

    const { page, errors } = await newPage(browser, server, { as: ops });
    await page.goto('/');
    await page.getByRole('navigation', { name: /main/i }).getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const table = page.getByRole('table', { name: 'Audit log' });
    await table.getByRole('cell', { name: /Hid project “Repair café lights”: “Checking a report”/ }).waitFor();
    await expect(table.getByRole('cell', { name: `Added ${admin.id} to ${org.slug} as admin` }).count()).resolves.toBe(1);
    await screenshot(page, 'audit-operators-en');

    // Filter by an action family; then a filter that matches nothing shows the empty state.
    await page.getByLabel('Action').fill('org.');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await expect.poll(() => table.getByRole('row').count()).toBe(3); // header, member added, organization created
    await page.getByLabel('Action').fill('payout.');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.getByText('No entry matches these filters').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await table.waitFor();

    // On a phone the rows stack: the header row is out of sight and each cell carries its label.
    await page.setViewportSize({ width: 390, height: 844 });
    const firstCell = table.getByRole('row').nth(1).getByRole('cell').first();
    expect(await firstCell.evaluate((td) => getComputedStyle(td).display)).toBe('grid');
    await screenshot(page, 'audit-operators-phone', { fullPage: true });

    // The organization's owner reaches its log from its page, in French, without the network columns.
    const ownerPage = await newPage(browser, server, { as: owner });
    await ownerPage.page.goto(`/orgs/${org.slug}`);
    await ownerPage.page.getByRole('link', { name: 'Journal d’audit' }).click();
    await ownerPage.page.getByRole('heading', { level: 1, name: 'Journal d’audit de Atelier Vélo' }).waitFor();
    await ownerPage.page.getByRole('cell', { name: 'Projet masqué' }).waitFor();
    expect(await ownerPage.page.getByRole('columnheader', { name: 'Depuis' }).count()).toBe(0);
    await screenshot(ownerPage.page, 'audit-org-fr');

    // A plain member is refused.
    const member = await createUser(server, { name: 'Mia Member' });
    await apiCall(server, owner, 'POST', `/orgs/${org.id}/members`, { userId: member.id });
    const memberPage = await newPage(browser, server, { as: member });
    await memberPage.page.goto(`/orgs/${org.slug}/audit`);
    await memberPage.page.getByRole('alert').first().waitFor();
    expect(await memberPage.page.getByRole('table').count()).toBe(0);

    expect(errors).toEqual([]);
    expect(ownerPage.errors).toEqual([]);
  });
});
