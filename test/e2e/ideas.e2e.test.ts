import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, createUser, launchBrowser, newPage, screenshot, startServer, type E2EServer, type E2EUser } from './support/index.js';

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

const HOUR = 3600_000;
const votingPhases = () => {
  const now = Date.now();
  return {
    submission: new Date(now - 2 * HOUR).toISOString(),
    voting: new Date(now - HOUR).toISOString(),
    review: new Date(now + 48 * HOUR).toISOString(),
    closed: new Date(now + 96 * HOUR).toISOString(),
  };
};

async function heading(page: Page, text: string | RegExp) {
  await page.getByRole('heading', { level: 1, name: text }).waitFor();
}

/** A project with a published challenge in its voting phase and a few seeded ideas. */
async function challengeWithIdeas(host: E2EUser, titles: string[], projectTitle: string) {
  const project = await apiCall<{ id: string; slug: string }>(server, host, 'POST', '/projects', {
    title: projectTitle,
    summary: 'Ideas for the neighbourhood',
    category: 'civic',
  });
  const challenge = await apiCall<{ id: string }>(server, host, 'POST', `/projects/${project.id}/challenges`, {
    title: 'How should we use the empty lot?',
    prompt: 'One idea per card, please.',
    phases: votingPhases(),
    rules: { votesPerPerson: 3, submissionsDuringVoting: true },
    status: 'published',
  });
  const ideas: { id: string; title: string }[] = [];
  for (const title of titles)
    ideas.push(
      await apiCall(server, host, 'POST', `/challenges/${challenge.id}/ideas`, {
        title,
        body: `Why: ${title.toLowerCase()} for everyone.`,
        tags: ['lot'],
      }),
    );
  return { project, challenge, ideas };
}

describe('ideas (browser)', () => {
  it('a person votes on ideas and in pairs; the host sees the ranking (English)', async () => {
    const host = await createUser(server, { name: 'Hana Host' });
    const voter = await createUser(server, { name: 'Victor Voter' });
    const { project, challenge, ideas } = await challengeWithIdeas(
      host,
      ['Community garden', 'Skate park', 'Outdoor cinema', 'Farmers market', 'Dog park'],
      'Empty lot',
    );

    const { page, errors } = await newPage(browser, server, { as: voter });
    // From the project's Ideas tab to the challenge.
    await page.goto(`/p/${project.slug}/ideas`);
    await page.getByRole('link', { name: 'How should we use the empty lot?' }).click();
    await heading(page, 'How should we use the empty lot?');
    await page.getByText('You have 3 of 3 votes left.').waitFor();

    // Up and down votes, within the budget.
    await page.getByRole('button', { name: 'Vote up “Community garden”' }).click();
    await page.getByText('You have 2 of 3 votes left.').waitFor();
    await page.getByRole('button', { name: 'Vote down “Dog park”' }).click();
    await page.getByText('You have 1 of 3 votes left.').waitFor();
    expect(await page.getByRole('button', { name: 'Vote up “Community garden”' }).getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'ideas-challenge-en');

    // Pairwise voting with the keyboard and the mouse.
    await page.getByRole('link', { name: 'Vote in pairs' }).first().click();
    await heading(page, 'Which is better?');
    const count = page.getByText(/You compared \d+ pairs?\./);
    await page
      .getByRole('button', { name: /^Choose “/ })
      .first()
      .waitFor();
    await screenshot(page, 'ideas-pairwise-en');
    await page.keyboard.press('ArrowLeft');
    await page.getByText('You compared 1 pair.').waitFor();
    await page.keyboard.press('ArrowRight');
    await page.getByText('You compared 2 pairs.').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.getByText('You compared 3 pairs.').waitFor();
    await page.getByText("Saved: can't decide.").waitFor();
    await page.keyboard.press('t');
    await page.getByText('You compared 4 pairs.').waitFor();
    await page
      .getByRole('button', { name: /^Choose “/ })
      .first()
      .click();
    await page.getByText('You compared 5 pairs.').waitFor();
    expect(await count.textContent()).toContain('5 pairs');

    const seen = await apiCall<{ comparisons: number }>(server, host, 'GET', `/challenges/${challenge.id}`);
    expect(seen.comparisons).toBe(5);

    // The host reads the ranking: a chart and a table of every idea with its score and interval.
    const hostPage = await newPage(browser, server, { as: host });
    await hostPage.page.goto(`/challenges/${challenge.id}`);
    await heading(hostPage.page, 'How should we use the empty lot?');
    await hostPage.page.getByRole('region', { name: 'Host controls' }).getByText('5 pairwise comparisons').waitFor();
    await hostPage.page.getByRole('link', { name: 'See the ranking' }).click();
    await heading(hostPage.page, 'Ranking');
    const table = hostPage.page.getByRole('table', { name: 'Ranking' });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(ideas.length);
    await hostPage.page.locator('.ide-chart canvas').waitFor();
    expect(await table.locator('tbody tr').first().locator('td').first().textContent()).toBe('1');
    await screenshot(hostPage.page, 'ideas-ranking-en');

    // The host shortlists an idea with a note; its author is the host here, so the note shows on the page.
    await hostPage.page.getByRole('link', { name: 'Community garden' }).click();
    await heading(hostPage.page, 'Community garden');
    await hostPage.page.getByLabel('Stage').selectOption('shortlisted');
    await hostPage.page.getByLabel('Note to the author').fill('We will cost it this spring.');
    await hostPage.page.getByRole('button', { name: 'Save the status' }).click();
    await hostPage.page.getByText('Status saved: the author was told.').waitFor();
    await hostPage.page.locator('.ide-note').getByText('We will cost it this spring.').waitFor();
    await screenshot(hostPage.page, 'ideas-idea-host-en');

    expect(errors).toEqual([]);
    expect(hostPage.errors).toEqual([]);
    await hostPage.context.close();
  });

  it('a person votes in pairs and the host sees the ranking (French)', async () => {
    const host = await createUser(server, { name: 'Hélène Hôte', locale: 'fr' });
    const voter = await createUser(server, { name: 'Valérie Votante', locale: 'fr' });
    const { challenge } = await challengeWithIdeas(host, ['Jardin partagé', 'Piste de skate', 'Cinéma en plein air'], 'Terrain vague');

    const { page, errors } = await newPage(browser, server, { as: voter, locale: 'fr-FR' });
    await page.goto(`/challenges/${challenge.id}`);
    await heading(page, 'How should we use the empty lot?');
    await page.getByText('Il vous reste 3 votes sur 3.').waitFor();
    await page.getByRole('button', { name: 'Voter pour « Jardin partagé »' }).click();
    await page.getByText('Il vous reste 2 votes sur 3.').waitFor();
    await page.getByRole('link', { name: 'Voter par paires' }).first().click();
    await heading(page, 'Laquelle est la meilleure ?');
    await page
      .getByRole('button', { name: /^Choisir « / })
      .first()
      .waitFor();
    await screenshot(page, 'ideas-pairwise-fr');
    await page.keyboard.press('ArrowLeft');
    await page.getByText('Vous avez comparé 1 paire.').waitFor();
    await page.keyboard.press('ArrowRight');
    await page.getByText('Vous avez comparé 2 paires.').waitFor();
    await page.keyboard.press('ArrowDown');
    // Three ideas make three pairs: then every pair is done.
    await page.getByText('Vous avez comparé toutes les paires').waitFor();
    await screenshot(page, 'ideas-pairwise-done-fr');

    const hostPage = await newPage(browser, server, { as: host, locale: 'fr-FR' });
    await hostPage.page.goto(`/challenges/${challenge.id}/ranking`);
    await heading(hostPage.page, 'Classement');
    const table = hostPage.page.getByRole('table', { name: 'Classement' });
    await table.getByRole('columnheader', { name: 'Rang' }).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(3);
    await hostPage.page.getByText('D’après 3 comparaisons par paires, la meilleure en tête.').waitFor();
    await screenshot(hostPage.page, 'ideas-ranking-fr');
    expect(errors).toEqual([]);
    expect(hostPage.errors).toEqual([]);
    await hostPage.context.close();
  });

  it('asks, answers, votes and accepts in the Questions tab', async () => {
    const host = await createUser(server, { name: 'Quentin Host' });
    const asker = await createUser(server, { name: 'Ada Asker' });
    const expert = await createUser(server, { name: 'Eli Expert' });
    const project = await apiCall<{ id: string; slug: string }>(server, host, 'POST', '/projects', {
      title: 'Solar kettle',
      summary: 'Boil water with sunlight',
      category: 'technology',
    });

    const { page, errors } = await newPage(browser, server, { as: asker });
    await page.goto(`/p/${project.slug}/questions`);
    await page.getByRole('link', { name: 'Ask a question' }).click();
    await heading(page, 'Ask a question');
    await page.getByLabel('Your question').fill('Short?');
    await page.getByRole('button', { name: 'Post the question' }).click();
    await page.getByText('must be at least 10 characters', { exact: false }).first().waitFor();
    await page.getByLabel('Your question').fill('Does the kettle work in winter?');
    await page.getByLabel('Details').fill('I live in **Lyon**, where winters are grey.');
    await page.getByLabel('Tags').fill('winter, solar');
    await page.getByRole('button', { name: 'Post the question' }).click();
    await heading(page, 'Does the kettle work in winter?');
    const questionUrl = new URL(page.url()).pathname;

    const expertPage = await newPage(browser, server, { as: expert });
    await expertPage.page.goto(questionUrl);
    await expertPage.page.getByRole('button', { name: 'Vote up the question' }).click();
    await expertPage.page.getByLabel('Answer', { exact: true }).fill('Yes: it still reaches **90 °C** on a clear winter day.');
    await expertPage.page.getByRole('button', { name: 'Post the answer' }).click();
    await expertPage.page.getByRole('heading', { name: '1 answer' }).waitFor();

    await page.reload();
    await page.getByRole('article', { name: 'Answer by Eli Expert' }).waitFor();
    await page.getByRole('button', { name: 'Vote up the answer by Eli Expert' }).click();
    await page.getByRole('button', { name: 'Accept this answer' }).click();
    await page.getByText('Accepted answer').waitFor();
    await screenshot(page, 'knowledge-question-en');
    const profile = await apiCall<{ reputation: number }>(server, null, 'GET', `/users/${expert.id}`);
    expect(profile.reputation).toBe(10 + 15);

    // The project's list shows it answered, and search finds it.
    await page.goto(`/p/${project.slug}/questions`);
    await page.getByLabel('Search questions').fill('winter');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('link', { name: 'Does the kettle work in winter?' }).waitFor();
    await screenshot(page, 'knowledge-list-en');
    expect(errors).toEqual([]);
    expect(expertPage.errors).toEqual([]);
    await expertPage.context.close();
  });
});
