import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  apiCall,
  createUser,
  E2EApiError,
  launchBrowser,
  login,
  newPage,
  screenshot,
  startServer,
  type E2EServer,
} from './support/index.js';

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

describe('privacy (browser)', () => {
  it('downloads my data, then deletes the account behind a confirmation that explains, refuses and finally erases', async () => {
    const person = await createUser(server, { name: 'Margaux Privée' });
    const org = await apiCall<{ id: string; name: string }>(server, person, 'POST', '/orgs', { name: 'Jardin partagé' });
    const { page, errors } = await newPage(browser, server, { as: person });

    await page.goto('/settings/privacy');
    await page.getByRole('heading', { name: 'Download my data' }).waitFor();
    await screenshot(page, 'privacy-settings-en', { fullPage: true });

    // The export arrives as a file named after today, holding the account.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download my data' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^foule-export-\d{4}-\d{2}-\d{2}\.json$/);
    const archive = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
    expect(archive.account).toMatchObject({ id: person.id, email: person.email, name: 'Margaux Privée' });
    expect(archive.organizations).toEqual([expect.objectContaining({ id: org.id, role: 'owner' })]);

    // The confirmation says what goes and what stays, and asks for the password.
    await page.getByRole('button', { name: 'Delete my account…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
    await dialog.waitFor();
    await dialog.getByText('Removed', { exact: true }).waitFor();
    await dialog.getByText('Kept, without your name').waitFor();
    const confirm = dialog.getByRole('button', { name: 'Delete my account for good' });
    expect(await confirm.isDisabled()).toBe(true);

    await dialog.getByLabel('Your password').fill('not the password at all');
    await confirm.click();
    await dialog.getByText('This is not your current password.').waitFor();

    // Last owner of an organization: refused, with the reason in words.
    await dialog.getByLabel('Your password').fill(person.password);
    await confirm.click();
    await dialog.getByText('You are the last owner of Jardin partagé.', { exact: false }).waitFor();
    await screenshot(page, 'privacy-delete-refused-en');
    expect(await apiCall<{ name: string }>(server, person, 'GET', '/me')).toMatchObject({ name: 'Margaux Privée' });

    // Cancel closes it; with a second owner, the deletion goes through.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const partner = await createUser(server, { name: 'Partner Pierre' });
    await apiCall(server, person, 'POST', `/orgs/${org.id}/members`, { userId: partner.id, role: 'owner' });
    await page.getByRole('button', { name: 'Delete my account…' }).click();
    await dialog.getByLabel('Your password').fill(person.password);
    await confirm.click();
    const done = page.getByRole('dialog', { name: 'Account deleted' });
    await done.waitFor();
    await screenshot(page, 'privacy-deleted-en');
    await done.getByRole('button', { name: 'Back to the home page' }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await page.getByRole('banner').textContent()).not.toContain('Margaux');

    // The old credentials are worth nothing now, and the organization no longer names the person.
    const failed = await login(server, { email: person.email, password: person.password }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(E2EApiError);
    expect((failed as E2EApiError).status).toBe(401);
    expect(JSON.stringify(await apiCall(server, null, 'GET', `/orgs/${org.id}`))).not.toContain('Margaux');
    expect(errors.filter((e) => !/status of (401|403|409)/.test(e))).toEqual([]);
  });

  it('shows the section and the confirmation in French', async () => {
    const person = await createUser(server, { name: 'Léon Lambert', locale: 'fr' });
    const { page, errors } = await newPage(browser, server, { as: person, locale: 'fr' });
    await page.goto('/settings/privacy');
    await page.getByRole('heading', { name: 'Télécharger mes données' }).waitFor();
    await page.getByRole('heading', { name: 'Changer de mot de passe' }).waitFor();
    await page.getByLabel('Mot de passe actuel').fill('mauvais mot de passe');
    await page.getByLabel('Nouveau mot de passe').fill('un nouveau mot de passe');
    await page.getByRole('button', { name: 'Changer de mot de passe' }).click();
    await page.getByText('Ce n’est pas votre mot de passe actuel.').waitFor();
    await page.getByRole('button', { name: 'Supprimer mon compte…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Supprimer votre compte ?' });
    await dialog.getByText('Conservé, sans votre nom').waitFor();
    await screenshot(page, 'privacy-delete-dialog-fr');
    expect(errors.filter((e) => !/status of 403/.test(e))).toEqual([]);
  });
});
