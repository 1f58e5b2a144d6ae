import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  apiCall,
  createUser,
  launchBrowser,
  login,
  newPage,
  screenshot,
  startServer,
  type E2EServer,
  type E2EUser,
} from './support/index.js';

const CARD = { type: 'test_card', number: '4242424242424242' };
const FAILS_LATER = { type: 'test_card', number: '4000000000000341' };
const DAY = 86_400_000;

let server: E2EServer;
let browser: Browser;
let host: E2EUser;
let project: { id: string; slug: string };
let campaign: { id: string; tiers: { id: string }[] };

/** A project with a launched all-or-nothing campaign (2 rewards, a stretch goal) and a few backers. */
async function fundedProject(title: string, goal: number) {
  const p = await apiCall<{ id: string; slug: string }>(server, host, 'POST', '/projects', {
    title,
    summary: 'A lamp that charges in the sun.',
    category: 'design',
  });
  const c = await apiCall<{ id: string; tiers: { id: string }[] }>(server, host, 'POST', `/projects/${p.id}/campaigns`, {
    title: `${title} — first edition`,
    description: 'We build **100 lamps** in our workshop in Lyon.',
    goal: { amount: goal, currency: 'EUR' },
    model: 'all_or_nothing',
    deadline: new Date(Date.now() + 21 * DAY).toISOString(),
    tiers: [
      {
        title: 'Early bird lamp',
        description: 'One lamp, before everyone else.',
        price: 2500,
        limit: 3,
        estimatedDelivery: '2026-11',
        shipping: {
          groups: [
            { name: 'Near', countries: ['FR', 'BE'], cost: 500 },
            { name: 'World', countries: ['*'], cost: 1500 },
          ],
        },
      },
      { title: 'Thank-you card', price: 1000 },
    ],
    stretchGoals: [{ amount: goal * 2, description: 'A second colour' }],
  });
  await apiCall(server, host, 'POST', `/campaigns/${c.id}/launch`);
  return { p, c };
}

beforeAll(async () => {
  server = await startServer({ env: { FOULE_SCHEDULER: 'off' } });
  browser = await launchBrowser();
  host = await createUser(server, { name: 'Hana Host' });
  ({ p: project, c: campaign } = await fundedProject('Sun lamp', 20_000));
  for (let i = 0; i < 4; i++) {
    const b = await createUser(server, { name: `Backer ${i}` });
    await apiCall(
      server,
      b,
      'POST',
      `/campaigns/${campaign.id}/pledges`,
      { amount: 1000 + i * 1500, tierId: campaign.tiers[1]!.id, payment: CARD },
      { 'idempotency-key': `seed-${i}` },
    );
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('funding (browser)', () => {
  it('a backer sees progress, tiers and what is left, is told clearly when a card is declined, then pledges with a test card', async () => {
    const backer = await createUser(server, { name: 'Bea Backer' });
    const { page, errors } = await newPage(browser, server, { as: backer });
    await page.goto(`/p/${project.slug}/campaign`);
    await page.getByRole('heading', { name: 'Sun lamp — first edition' }).waitFor();
    await page.getByText(/€130\.00 of €200\.00/).waitFor();
    await page.getByText('3 of 3 left').waitFor();
    await page.getByText('21 days left').or(page.getByText('20 days left')).waitFor();
    await screenshot(page, 'funding-campaign-en', { fullPage: true });

    await page.getByRole('button', { name: /Choose this reward.*Early bird lamp/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Back this project' });
    await dialog.getByLabel('Ship to').selectOption('FR');
    await dialog.getByText('Shipping: €5.00').waitFor();
    await dialog.getByLabel('Card number').fill('4000 0000 0000 0002');
    await dialog.getByRole('button', { name: 'Pledge €30.00' }).click();
    await dialog.getByText('Your card was declined. Please try another card.').first().waitFor();
    await screenshot(page, 'funding-pledge-declined-en');

    await dialog.getByLabel('Card number').fill('4242 4242 4242 4242');
    await dialog.getByRole('button', { name: 'Pledge €30.00' }).click();
    await dialog.getByText('Thank you!').waitFor();
    await dialog.getByText(/charged €30.00 only if the campaign reaches its goal/).waitFor();
    await screenshot(page, 'funding-pledge-thanks-en');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByText('2 of 3 left').waitFor();
    await page.getByText(/€160\.00 of €200\.00/).waitFor();
    const c = await apiCall<{ backers: number }>(server, null, 'GET', `/campaigns/${campaign.id}`);
    expect(c.backers).toBe(5);
    expect(errors).toEqual([]);
  });

  it('a host creates a campaign with the form (errors named beside their fields), then launches it', async () => {
    const p = await apiCall<{ id: string; slug: string }>(server, host, 'POST', '/projects', {
      title: 'Bike trailer',
      summary: 'Carry anything.',
      category: 'design',
    });
    const { page, errors } = await newPage(browser, server, { as: host });
    await page.goto(`/p/${p.slug}/campaign`);
    await page.getByRole('link', { name: 'New campaign' }).click();
    await page.getByRole('heading', { name: 'New campaign' }).waitFor();
    await page.getByLabel(/^Goal\*?$/).fill('1500');
    await page.getByLabel('Title', { exact: true }).fill('The trailer');
    await page.getByLabel('Price (EUR)').fill('120');
    await page.getByLabel('Quantity', { exact: true }).fill('50');
    await page.getByLabel('This reward is shipped').check();
    await page.getByLabel('Countries', { exact: true }).fill('FR, BE');
    await page.getByLabel('Shipping (EUR)').fill('15');
    await page.getByRole('button', { name: 'Add a stretch goal' }).click();
    await page.getByLabel('Amount (EUR)').fill('1000');
    await page.getByLabel('What it unlocks').fill('A rain cover');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.getByText('A stretch goal must be above the campaign goal.').waitFor();
    await screenshot(page, 'funding-new-campaign-error-en', { fullPage: true });
    await page.getByLabel('Amount (EUR)').fill('3000');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.getByRole('button', { name: 'Launch' }).click();
    await page.getByText('Live', { exact: true }).waitFor();
    await page.getByText(/50 of 50 left/).waitFor();
    expect(errors).toEqual([]);
  });

  it('shows the campaign in French with amounts formatted for the locale', async () => {
    const lea = await createUser(server, { name: 'Léa', locale: 'fr' });
    const { page, errors } = await newPage(browser, server, { as: lea, locale: 'fr-FR' });
    await page.goto(`/p/${project.slug}/campaign`);
    await page
      .getByRole('tab', { name: 'Campagne' })
      .or(page.getByRole('link', { name: 'Campagne' }))
      .first()
      .waitFor();
    await page.getByText(/160,00\s€ sur 200,00\s€/).waitFor();
    await page.getByText('Contreparties').waitFor();
    await screenshot(page, 'funding-campaign-fr', { fullPage: true });
    expect(errors).toEqual([]);
  });

  it('a backer whose card failed at settlement fixes it from "my pledges" within 7 days', async () => {
    const { p, c } = await fundedProject('Fix lamp', 2000);
    const backer = await createUser(server, { name: 'Fiona Fixer' });
    await apiCall(
      server,
      backer,
      'POST',
      `/campaigns/${c.id}/pledges`,
      { amount: 2500, tierId: c.tiers[1]!.id, payment: FAILS_LATER },
      { 'idempotency-key': 'fix-1' },
    );
    const other = await createUser(server, { name: 'Otto' });
    await apiCall(server, other, 'POST', `/campaigns/${c.id}/pledges`, { amount: 3000, payment: CARD }, { 'idempotency-key': 'fix-2' });
    const operator = await login(server, server.operator);
    const report = await apiCall<{ status: string; pledges: Record<string, number> }>(
      server,
      operator,
      'POST',
      `/campaigns/${c.id}/settle`,
      { endNow: true },
    );
    expect(report).toMatchObject({ status: 'succeeded', pledges: { collected: 1, errored: 1 } });

    const { page, errors } = await newPage(browser, server, { as: backer });
    await page.goto('/me/pledges');
    await page.getByRole('heading', { name: 'My pledges' }).waitFor();
    await page.getByText('Payment failed').waitFor();
    await page.getByText(/Use another card before/).waitFor();
    await screenshot(page, 'funding-my-pledges-errored-en');
    await page.getByRole('button', { name: 'Fix with another card' }).click();
    await page.getByLabel('Another card').fill('4242424242424242');
    await page.getByRole('button', { name: 'Pay now' }).click();
    await page.getByText('Collected').waitFor();
    await screenshot(page, 'funding-my-pledges-fixed-en');
    expect(errors).toEqual([]);
    void p;
  });

  it('the host dashboard charts money raised over time, lists backers and exports them as CSV', async () => {
    const { page, errors } = await newPage(browser, server, { as: host });
    await page.goto(`/p/${project.slug}/campaign`);
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Sun lamp — first edition' }).waitFor();
    await page.getByRole('img', { name: /Money pledged over time/ }).waitFor();
    await page.getByRole('cell', { name: /Bea Backer/ }).waitFor();
    await page.getByRole('cell', { name: 'FR' }).waitFor();
    await screenshot(page, 'funding-dashboard-en', { fullPage: true });
    const csv = await page.request.get(`/api/v1/campaigns/${campaign.id}/backers.csv`);
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe('pledge_id,backer_name,backer_email,tier,amount,currency,status,shipping_country,shipping_cost,pledged_at');
    expect(lines).toHaveLength(6);
    expect(lines.some((l) => l.includes('Bea Backer') && l.includes('Early bird lamp') && l.includes(',FR,5.00,'))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('the public ledger shows where the money went, with totals that add up', async () => {
    const { p, c } = await fundedProject('Ledger lamp', 1000);
    const backer = await createUser(server, { name: 'Lia' });
    await apiCall(
      server,
      backer,
      'POST',
      `/campaigns/${c.id}/pledges`,
      { amount: 10_000, payment: CARD },
      { 'idempotency-key': 'ledger-1' },
    );
    const operator = await login(server, server.operator);
    await apiCall(server, operator, 'POST', `/campaigns/${c.id}/settle`, { endNow: true });
    const { page, errors } = await newPage(browser, server);
    await page.goto(`/p/${p.slug}/campaign`);
    await page.getByRole('link', { name: 'Where the money goes' }).click();
    await page.getByRole('heading', { name: 'Ledger lamp — first edition' }).waitFor();
    await page.getByText('The books balance').waitFor();
    await page.getByText('Received from backers').waitFor();
    await page.getByRole('cell', { name: 'Released to the host' }).waitFor();
    await screenshot(page, 'funding-ledger-en', { fullPage: true });
    expect(await page.content()).not.toContain('usr_');
    expect(errors).toEqual([]);
  });
});
