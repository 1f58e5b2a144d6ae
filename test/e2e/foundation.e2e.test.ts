import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, createUser, launchBrowser, login, newPage, screenshot, startServer, type E2EServer } from './support/index.js';

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

/** Waits until the main heading reads `text`. */
async function heading(page: Page, text: string | RegExp) {
  await page.getByRole('heading', { level: 1, name: text }).waitFor();
}

describe('foundation (browser)', () => {
  it('signs up, creates a project, finds it by search, comments, and switches to French', async () => {
    const { page, errors } = await newPage(browser, server);
    const email = `camille.${Date.now()}@example.test`;

    // Sign up from the top bar.
    await page.goto('/');
    await heading(page, 'Work with the crowd');
    await page.getByRole('banner').getByRole('link', { name: 'Sign up' }).click();
    await heading(page, 'Create your account');
    await page.getByLabel('Your name').fill('Camille Roux');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    // The API's own message for the wrong field is shown beside it.
    await page.getByText('must be at least 10 characters').first().waitFor();
    await screenshot(page, 'foundation-signup-error');
    await page.getByLabel('Password').fill('a-long-enough-password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('banner').getByText('Camille Roux').waitFor();
    expect(await page.getByRole('banner').textContent()).toContain('Camille Roux');

    // Create a project.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New project' }).click();
    await heading(page, 'Open a project');
    await page.getByLabel('Title').fill('Riverside orchard');
    await page.getByLabel('Summary').fill('Plant forty fruit trees along the river path, tended by the neighbourhood.');
    await page.getByLabel('Category').selectOption('environment');
    await page.getByLabel('Description').fill('## The plan\n\nApples, pears and **plums**, planted in November.');
    await screenshot(page, 'foundation-new-project');
    await page.getByRole('button', { name: 'Open the project' }).click();
    await heading(page, 'Riverside orchard');
    await page.getByRole('heading', { name: 'The plan' }).waitFor(); // the description, rendered from Markdown
    expect(page.url()).toMatch(/\/p\/riverside-orchard/);

    // Its hosts edit it.
    await page.getByRole('link', { name: 'Edit project' }).click();
    await heading(page, 'Edit the project');
    await page.getByLabel('Summary').fill('Plant forty fruit trees along the river path, tended by the whole neighbourhood.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(/\/p\/riverside-orchard$/);
    await page.locator('.project-header').getByText('tended by the whole neighbourhood').waitFor();

    // Find it by search on the explore page.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Explore' }).click();
    await page.getByLabel('Search projects').fill('orchard');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await heading(page, 'Results for “orchard”');
    const card = page.getByRole('link', { name: /Riverside orchard/ });
    await card.waitFor();
    await screenshot(page, 'foundation-search');
    await page.getByLabel('Search projects').fill('submarine');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('No project matches').waitFor();
    await page.getByLabel('Search projects').fill('orchard');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await card.click();
    await heading(page, 'Riverside orchard');

    // Comment on it.
    await page.getByLabel('Write a comment').fill('Count me in for the planting day!');
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    const comment = page.getByRole('article', { name: 'Comment by Camille Roux' });
    await comment.getByText('Count me in for the planting day!').waitFor();
    // And reply to it.
    await comment.getByRole('button', { name: 'Reply' }).click();
    await page.getByLabel('Write a reply').fill('Bring gloves.');
    await page.getByRole('button', { name: 'Reply', exact: true }).last().click();
    await page.getByText('Bring gloves.').first().waitFor();
    await screenshot(page, 'foundation-project-en');

    // Switch to French: the page is in French at once, and stays so after a reload.
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('tab', { name: 'Présentation' }).waitFor();
    await page.getByRole('heading', { name: 'Commentaires' }).waitFor();
    await page.getByRole('heading', { name: 'Actualités' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Principale' }).textContent()).toContain('Explorer');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.evaluate(() => localStorage.getItem('foule.lang'))).toBe('fr');
    await page.reload();
    await page.getByRole('heading', { name: 'Commentaires' }).waitFor();
    await page.getByRole('button', { name: 'Commenter', exact: true }).waitFor();
    await page.getByText('Bring gloves.').first().waitFor();
    await page.getByRole('heading', { name: 'Activité' }).locator('..').getByText('Camille Roux a commenté').first().waitFor();
    await screenshot(page, 'foundation-project-fr');
    expect(errors).toEqual([]);

    // The choice is saved to the account: a fresh English browser signing in gets French.
    const camille = await login(server, { email, password: 'a-long-enough-password' });
    expect((await apiCall<{ locale: string }>(server, camille, 'GET', '/me')).locale).toBe('fr');
    const other = await newPage(browser, server, { locale: 'en-GB' });
    await other.page.goto('/signin');
    await heading(other.page, 'Welcome back');
    await other.page.getByLabel('E-mail').fill(email);
    await other.page.getByLabel('Password').fill('a-long-enough-password');
    await other.page.getByRole('button', { name: 'Sign in' }).last().click();
    await heading(other.page, 'Travailler avec la foule');
    expect(other.errors).toEqual([]);
    await other.context.close();
  });

  it('shows the unread badge, the notifications, API tokens and the moderation queue, in English and in French', async () => {
    const host = await createUser(server, { name: 'Hélène Host' });
    const fan = await createUser(server, { name: 'Farid Fan' });
    const project = await apiCall<{ id: string; slug: string }>(server, host, 'POST', '/projects', {
      title: 'Neighbourhood tool library',
      summary: 'Borrow a drill instead of buying one: a shared shelf of tools for the whole street.',
      description: 'Drills, ladders, saws. **Free** for members.',
      category: 'community',
    });
    await apiCall(server, fan, 'POST', `/projects/${project.id}/follow`);
    const question = await apiCall<{ id: string }>(server, fan, 'POST', '/comments', {
      subject: `project:${project.id}`,
      body: 'Do you have a pressure washer?',
    });
    const spam = await apiCall<{ id: string }>(server, fan, 'POST', '/comments', {
      subject: `project:${project.id}`,
      body: 'Cheap watches at example.invalid',
    });
    await apiCall(server, host, 'POST', `/comments/${spam.id}/report`, { reason: 'Advertising, not about the project.' });
    const operator = await login(server, server.operator);

    for (const lang of ['en', 'fr'] as const) {
      await apiCall(server, host, 'PATCH', '/me', { locale: lang });
      const { page, context, errors } = await newPage(browser, server, { as: host });
      const fr = lang === 'fr';

      await page.goto('/');
      await page.locator('.project-card').first().waitFor();
      await page.getByTestId('unread-badge').waitFor();
      await screenshot(page, `home-${lang}`);

      await page.goto(`/p/${project.slug}`);
      await page.getByText('Do you have a pressure washer?').first().waitFor();
      if (!fr) {
        // The host posts an update from the project page; followers are told.
        await page.getByRole('button', { name: 'Post an update' }).click();
        await page.getByLabel('Title').fill('Opening day is Saturday');
        await page.getByLabel('Message').fill('Come at **10 am**, coffee is on us.');
        await page.getByRole('button', { name: 'Publish the update' }).click();
        await page.getByRole('heading', { name: 'Opening day is Saturday' }).waitFor();
        await page.getByText('Update published: followers are notified.').waitFor();
        const fanNotes = await apiCall<{ items: { kind: string }[] }>(server, fan, 'GET', '/notifications');
        expect(fanNotes.items.map((n) => n.kind)).toContain('project_update');
      }
      await screenshot(page, `project-${lang}`);
      if (!fr) {
        // Tabs are chosen by the URL: /p/:slug/:tab; an unknown tab says so and links back to the overview.
        await page.goto(`/p/${project.slug}/no-such-tab`);
        await page.getByText('This project has no such section.').waitFor();
        expect(await page.getByRole('tab', { selected: true }).textContent()).toBe('Overview');
        await page.goto(`/p/${project.slug}`);
      }

      await page.getByRole('link', { name: fr ? /Notifications, 2 non lues/ : /Notifications, 2 unread/ }).click();
      await heading(page, 'Notifications');
      await page
        .getByText(fr ? 'Farid Fan a commenté Neighbourhood tool library' : 'Farid Fan commented on Neighbourhood tool library')
        .first()
        .waitFor();
      await screenshot(page, `notifications-${lang}`);

      await page.goto('/settings/tokens');
      await page.getByLabel(fr ? 'Nom du jeton' : 'Token name').fill(`script ${lang}`);
      await page.getByRole('button', { name: fr ? 'Créer un jeton' : 'Create a token' }).click();
      const token = (await page.getByTestId('new-token').textContent())!.trim();
      // The token shown once works as a Bearer token.
      const res = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(((await res.json()) as { name: string }).name).toBe('Hélène Host');
      await page.getByRole('cell', { name: `script ${lang}` }).waitFor();
      await screenshot(page, `tokens-${lang}`);
      expect(errors).toEqual([]);
      await context.close();

      await apiCall(server, operator, 'PATCH', '/me', { locale: lang });
      const op = await newPage(browser, server, { as: operator });
      await op.page.goto('/moderation');
      await heading(op.page, fr ? 'File de modération' : 'Moderation queue');
      const report = op.page.getByRole('article', { name: fr ? /Commentaire/ : /Comment/ });
      await report.getByText('Cheap watches at example.invalid').waitFor();
      await report.getByText('Advertising, not about the project.').waitFor();
      await screenshot(op.page, `moderation-${lang}`);
      if (fr) {
        await report.getByRole('button', { name: 'Masquer' }).click();
        await report.getByText('Masqué.').waitFor();
        // The comment keeps its place for everyone else, without its text.
        const thread = await apiCall<{ items: { id: string; body: string | null; hidden: boolean }[] }>(
          server,
          fan,
          'GET',
          `/comments?subject=project:${project.id}`,
        );
        expect(thread.items.find((c) => c.id === spam.id)).toMatchObject({ hidden: true, body: null });
        expect(thread.items.find((c) => c.id === question.id)).toMatchObject({ hidden: false });
      }
      expect(op.errors).toEqual([]);
      await op.context.close();
    }
  });

  it('creates an organization, opens a project in its name and shows the profile', async () => {
    const owner = await createUser(server, { name: 'Olga Owner' });
    const member = await createUser(server, { name: 'Mehdi Member' });
    const { page, errors } = await newPage(browser, server, { as: owner });
    await page.goto('/orgs/new');
    await heading(page, 'Create an organization');
    await page.getByLabel('Name').fill('Green Streets Collective');
    await page.getByLabel('Description').fill('Neighbours who **green** their streets.');
    await page.getByLabel('Website').fill('https://green-streets.example');
    await page.getByRole('button', { name: 'Create the organization' }).click();
    await heading(page, 'Green Streets Collective');
    await page.getByText('Your role: Owner').waitFor();
    await page.getByLabel("Member's e-mail").fill(member.email);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText('Member added.').waitFor();
    await page.getByRole('link', { name: 'Mehdi Member' }).waitFor();
    await screenshot(page, 'org-en');

    await page.getByRole('link', { name: 'New project for this organization' }).click();
    await heading(page, 'Open a project');
    expect(await page.getByLabel('Host').inputValue()).not.toBe('');
    await page.getByLabel('Title').fill('Pavement planters');
    await page.getByLabel('Summary').fill('Planters on every corner of Rue Neuve.');
    await page.getByLabel('Category').selectOption('environment');
    await page.getByRole('button', { name: 'Open the project' }).click();
    await heading(page, 'Pavement planters');
    await page.getByRole('link', { name: 'Green Streets Collective' }).click();
    await page.getByRole('link', { name: /Pavement planters/ }).waitFor();

    await page.goto(`/u/${owner.id}`);
    await heading(page, 'Olga Owner');
    await page.getByText('Reputation').waitFor();
    await screenshot(page, 'profile-en');
    expect(errors).toEqual([]);
  });

  it('is usable on a phone and from the keyboard', async () => {
    const maker = await createUser(server, { name: 'Paula Phone' });
    await apiCall(server, maker, 'POST', '/projects', {
      title: 'Pocket park',
      summary: 'A tiny park on an empty corner lot.',
      category: 'civic',
    });
    const { page, errors } = await newPage(browser, server, { viewport: { width: 390, height: 844 } });
    await page.goto('/explore');
    await page.locator('.project-card').first().waitFor();
    // The first Tab reaches the skip link, which moves focus to the page's content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New project' }).waitFor();
    await screenshot(page, 'explore-phone');
    expect(errors).toEqual([]);
  });

  it('asks for a password reset link and shows the API error for a wrong token', async () => {
    const { page, errors } = await newPage(browser, server);
    await page.goto('/signin');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await heading(page, 'Reset your password');
    await page.getByLabel('E-mail').fill('nobody@example.test');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText('If an account uses this address, a link is on its way.').waitFor();
    await page.goto('/reset-password?token=not-a-real-token-at-all');
    await heading(page, 'Choose a new password');
    await page.getByLabel('New password').fill('another-long-password');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByRole('alert').waitFor();
    const message = await page.getByRole('alert').textContent();
    expect(message).toMatch(/token|link/i);
    await screenshot(page, 'reset-bad-token');
    expect(errors).toEqual([]);
  });
});
