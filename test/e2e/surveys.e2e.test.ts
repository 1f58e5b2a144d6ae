import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, createUser, launchBrowser, newPage, screenshot, startServer, type E2EServer, type E2EUser } from './support/index.js';

let server: E2EServer;
let browser: Browser;
let host: E2EUser;
let project: { id: string; slug: string };
let survey: { id: string; questions: { id: string; kind: string }[] };

const QUESTIONS = [
  { kind: 'single', prompt: 'Would you back the solar kettle?', options: ['Yes', 'Maybe', 'No'], required: true, intent: true },
  { kind: 'multiple', prompt: 'Which colours would you buy?', options: ['Red', 'Green', 'Blue'] },
  { kind: 'scale', prompt: 'How useful would it be?', scale: 5, options: ['Useless', 'Essential'] },
  { kind: 'nps', prompt: 'Would you recommend it to a friend?' },
  { kind: 'number', prompt: 'How many cups of tea a day?', min: 0, max: 30 },
  { kind: 'ranking', prompt: 'Rank what matters', options: ['Speed', 'Price', 'Looks'] },
  { kind: 'price', prompt: 'What would you pay?', currency: 'EUR' },
  { kind: 'text', prompt: 'Anything else?' },
];

/** Answers of the seeded crowd: varied enough for every chart. */
function crowdAnswer(i: number) {
  const q = (kind: string) => survey.questions.find((x) => x.kind === kind)!.id;
  const base = 1500 + (i % 5) * 500;
  return [
    { questionId: q('single'), value: ['Yes', 'Yes', 'Maybe', 'No', 'Yes', 'Maybe'][i % 6] },
    { questionId: q('multiple'), value: [['Red'], ['Blue', 'Green'], ['Blue'], ['Red', 'Blue']][i % 4] },
    { questionId: q('scale'), value: [5, 4, 4, 3, 2, 5, 4][i % 7] },
    { questionId: q('nps'), value: [10, 9, 8, 6, 9, 7, 3, 10][i % 8] },
    { questionId: q('number'), value: [1, 2, 3, 4, 2, 6, 0, 3][i % 8] },
    {
      questionId: q('ranking'),
      value: [
        ['Speed', 'Price', 'Looks'],
        ['Price', 'Speed', 'Looks'],
        ['Looks', 'Price', 'Speed'],
      ][i % 3],
    },
    { questionId: q('price'), value: { tooCheap: base - 1000, cheap: base, expensive: base + 2000, tooExpensive: base + 4000 } },
    { questionId: q('text'), value: i % 3 === 0 ? `Idea number ${i}: a bigger handle` : null },
  ];
}

async function heading(page: Page, text: string | RegExp) {
  await page.getByRole('heading', { level: 1, name: text }).waitFor();
}

beforeAll(async () => {
  server = await startServer({ env: { FOULE_SCHEDULER: 'off' } });
  browser = await launchBrowser();
  host = await createUser(server, { name: 'Hana Host' });
  project = await apiCall(server, host, 'POST', '/projects', {
    title: 'Solar kettle',
    summary: 'A kettle that boils water with sunlight.',
    category: 'technology',
  });
  survey = await apiCall(server, host, 'POST', `/projects/${project.id}/surveys`, {
    title: 'Would you back the solar kettle?',
    description: 'Five minutes, **eight questions**.',
    questions: QUESTIONS,
  });
  await apiCall(server, host, 'POST', `/surveys/${survey.id}/open`);
  await apiCall(server, host, 'POST', `/projects/${project.id}/campaigns`, {
    goal: { amount: 300_000, currency: 'EUR' },
    model: 'all_or_nothing',
    deadline: new Date(Date.now() + 40 * 86_400_000).toISOString(),
    tiers: [
      { title: 'Early bird', price: 2500 },
      { title: 'One kettle', price: 3500 },
      { title: 'Two kettles', price: 6500 },
    ],
    stretchGoals: [],
  });
  for (let i = 0; i < 14; i++) {
    const person = await createUser(server, { name: `Crowd ${i}` });
    await apiCall(server, person, 'POST', `/surveys/${survey.id}/responses`, { answers: crowdAnswer(i) });
    if (i % 2 === 0) await apiCall(server, person, 'POST', `/projects/${project.id}/follow`);
    await apiCall(server, null, 'POST', `/projects/${project.id}/signups`, { email: `crowd${i}@example.test` });
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('surveys (browser)', () => {
  it('a person answers the survey with the keyboard, one question per card, then changes an answer', async () => {
    const person = await createUser(server, { name: 'Paul Person' });
    const { page, errors } = await newPage(browser, server, { as: person });
    await page.goto(`/p/${project.slug}/surveys`);
    await page.getByRole('link', { name: 'Answer' }).click();
    await heading(page, 'Would you back the solar kettle?');
    await page.getByText('Question 1 of 8').waitFor();
    await screenshot(page, 'surveys-answer-start-en');

    // Next without an answer to a required question: the page says so.
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('alert').getByText('This question needs an answer.').waitFor();
    await page.getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByText('Question 2 of 8').waitFor();
    await page.getByRole('checkbox', { name: 'Blue' }).check();
    await page.keyboard.press('Enter'); // Enter sends the card's form: next question
    await page.getByText('Question 3 of 8').waitFor();
    await page.getByRole('radio', { name: '4' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Question 4 of 8').waitFor();
    await page.getByRole('radio', { name: '9' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Question 5 of 8').waitFor();
    const cups = page.getByRole('textbox', { name: 'How many cups of tea a day?' });
    await cups.fill('40');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Enter at most 30.').waitFor();
    await cups.fill('3');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Question 6 of 8').waitFor();
    await page.getByRole('button', { name: 'Move Price up' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Question 7 of 8').waitFor();
    await page.getByLabel('So cheap you would doubt its quality').fill('15');
    await page.getByLabel('A bargain: a great buy for the money').fill('25');
    await page.getByLabel('Getting expensive, but you would still consider it').fill('45');
    await page.getByLabel('So expensive you would not consider it').fill('40');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('The prices must go up').waitFor();
    await page.getByLabel('So expensive you would not consider it').fill('60');
    await screenshot(page, 'surveys-answer-price-en');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Question 8 of 8').waitFor();
    await page.getByRole('textbox', { name: 'Anything else?' }).fill('Please make a blue one.');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByText('Thank you, your answers are saved.').waitFor();
    await screenshot(page, 'surveys-answer-thanks-en');

    const saved = await apiCall<{ myResponse: { answers: { questionId: string; value: unknown }[] } }>(
      server,
      person,
      'GET',
      `/surveys/${survey.id}`,
    );
    const byKind = Object.fromEntries(
      saved.myResponse.answers.map((a) => [survey.questions.find((q) => q.id === a.questionId)!.kind, a.value]),
    );
    expect(byKind).toEqual({
      single: 'Yes',
      multiple: ['Blue'],
      scale: 4,
      nps: 9,
      number: 3,
      ranking: ['Price', 'Speed', 'Looks'],
      price: { tooCheap: 1500, cheap: 2500, expensive: 4500, tooExpensive: 6000 },
      text: 'Please make a blue one.',
    });

    // Change an answer: the form comes back filled in.
    await page.getByRole('button', { name: 'Change my answers' }).click();
    expect(await page.getByRole('radio', { name: 'Yes' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: 'Maybe' }).check();
    for (let i = 0; i < 7; i++) await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Update my answers' }).click();
    await page.getByText('Thank you, your answers are saved.').waitFor();
    const after = await apiCall<{ responses: number; myResponse: { answers: { questionId: string; value: unknown }[] } }>(
      server,
      person,
      'GET',
      `/surveys/${survey.id}`,
    );
    expect(after.myResponse.answers[0]!.value).toBe('Maybe');
    expect(after.responses).toBe(15); // still one response for this person
    expect(errors).toEqual([]);
  });

  it('the host sees the results as charts in English, by segment, and in French', async () => {
    const { page, errors } = await newPage(browser, server, { as: host });
    await page.goto(`/surveys/${survey.id}/results`);
    await heading(page, 'Results');
    await page
      .getByTestId('responses-count')
      .getByText(/\d+ responses/)
      .waitFor();
    expect(await page.locator('canvas').count()).toBeGreaterThanOrEqual(8);
    await page.getByRole('heading', { name: /Would you back the solar kettle\?/ }).waitFor();
    await page.getByText('Acceptable price range').waitFor();
    await page.getByText('Optimal price point').first().waitFor();
    await screenshot(page, 'surveys-results-en');
    await page.getByRole('button', { name: 'Followers' }).click();
    await page.getByTestId('responses-count').getByText('7 responses').waitFor();
    await screenshot(page, 'surveys-results-followers-en', { fullPage: false });
    expect(errors).toEqual([]);

    // The host switches to French in the top bar (saved to the account), then back to English at the end.
    const fr = await newPage(browser, server, { as: host, locale: 'fr-FR' });
    await fr.page.goto(`/surveys/${survey.id}/results`);
    await heading(fr.page, 'Results');
    await fr.page.locator('#language-select').selectOption('fr');
    await heading(fr.page, 'Résultats');
    await fr.page.getByText('Fourchette de prix acceptable').waitFor();
    await fr.page.getByText('Promoteurs (9–10)').first().waitFor();
    // Shares in French: a comma and a space before the percent sign.
    expect(await fr.page.locator('.sv-table').first().textContent()).toMatch(/\d+,\d\s%/);
    expect(await fr.page.locator('canvas').count()).toBeGreaterThanOrEqual(8);
    await screenshot(fr.page, 'surveys-results-fr');
    await fr.page.getByRole('button', { name: 'Contributeurs' }).click();
    await fr.page.getByTestId('responses-count').getByText('0 réponse').waitFor();
    await fr.page.getByText('Pas encore de réponse dans ce segment.').first().waitFor();
    expect(fr.errors).toEqual([]);
    await apiCall(server, host, 'PATCH', '/me', { locale: 'en' });
  });

  it('the host reads "should I launch?" on the validation panel, in English and in French', async () => {
    const { page, errors } = await newPage(browser, server, { as: host });
    await page.goto(`/p/${project.slug}/surveys`);
    await page.getByRole('link', { name: 'Would you back the solar kettle?' }).waitFor();
    await screenshot(page, 'surveys-tab-host-en');
    await page.getByRole('link', { name: 'Should I launch?' }).click();
    await heading(page, 'Should I launch?');
    await page.getByText(/Your goal of €3,000.00 needs \d+ backers at the median tier price of €35.00/).waitFor();
    await page.getByText(/14 people signed up to be told at launch/).waitFor();
    await page.getByRole('img', { name: 'Followers and sign-ups over time' }).waitFor();
    await screenshot(page, 'surveys-validation-en');
    expect(errors).toEqual([]);

    await apiCall(server, host, 'PATCH', '/me', { locale: 'fr' });
    const fr = await newPage(browser, server, { as: host, locale: 'fr-FR' });
    await fr.page.goto(`/p/${project.slug}/validation`);
    await heading(fr.page, 'Faut-il lancer ?');
    await fr.page.getByText(/Votre objectif de 3\s000,00\s€ demande \d+ contributeurs/).waitFor();
    await fr.page.getByText(/14 personnes ont demandé à être prévenues du lancement/).waitFor();
    await screenshot(fr.page, 'surveys-validation-fr');
    expect(fr.errors).toEqual([]);
    await apiCall(server, host, 'PATCH', '/me', { locale: 'en' });
  });

  it('the host builds a survey with the builder, reorders it, opens it, and a stranger cannot see results', async () => {
    const { page, errors } = await newPage(browser, server, { as: host });
    await page.goto(`/p/${project.slug}/surveys`);
    await page.getByRole('link', { name: 'New survey' }).click();
    await heading(page, 'New survey');
    await page.getByLabel('Title').fill('Which lid?');
    const first = page.getByRole('listitem', { name: 'Question 1' });
    await first.getByRole('textbox', { name: 'Question', exact: true }).fill('Pick a lid');
    await first.getByLabel('Option 1', { exact: true }).fill('Glass');
    await first.getByLabel('Option 2', { exact: true }).fill('Steel');
    await first.getByRole('button', { name: 'Add an option' }).click();
    await first.getByLabel('Option 3', { exact: true }).fill('Bamboo');
    await page.getByLabel('Add a question:').selectOption('nps');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('listitem', { name: 'Question 2' }).getByRole('textbox', { name: 'Question', exact: true }).fill('Recommend it?');
    await page.getByRole('button', { name: 'Move question 2 up' }).click();
    await screenshot(page, 'surveys-builder-en');
    await page.getByRole('button', { name: 'Save and open' }).click();
    await heading(page, 'Which lid?');
    await page.getByText('Question 1 of 2').waitFor();
    await page.getByRole('heading', { name: 'Recommend it?' }).waitFor();
    expect(errors).toEqual([]);

    const stranger = await createUser(server, { name: 'Stranger' });
    const s = await newPage(browser, server, { as: stranger });
    await s.page.goto(page.url() + '/results');
    await s.page.getByText('The results of this survey are visible to its hosts only.').waitFor();
  });

  it('an anonymous browser answers a survey that allows it, once: a reload shows its answer', async () => {
    const poll = await apiCall<{ id: string }>(server, host, 'POST', `/projects/${project.id}/surveys`, {
      title: 'Quick poll',
      anonymous: true,
      questions: [{ kind: 'single', prompt: 'Tea or coffee?', options: ['Tea', 'Coffee'], required: true }],
    });
    await apiCall(server, host, 'POST', `/surveys/${poll.id}/open`);
    const { page, errors } = await newPage(browser, server);
    await page.goto(`/surveys/${poll.id}`);
    await heading(page, 'Quick poll');
    await page.getByRole('radio', { name: 'Tea' }).check();
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByText('Thank you, your answers are saved.').waitFor();
    await page.getByText('Your answers are remembered in this browser only.').waitFor();
    await page.reload();
    await page.getByText('You have already answered this survey.').waitFor();
    await page.getByRole('button', { name: 'Change my answers' }).click();
    await page.getByRole('radio', { name: 'Coffee' }).check();
    await page.getByRole('button', { name: 'Update my answers' }).click();
    await page.getByText('Thank you, your answers are saved.').waitFor();
    const results = await apiCall<{ responses: number; questions: { options: { label: string; count: number }[] }[] }>(
      server,
      host,
      'GET',
      `/surveys/${poll.id}/results`,
    );
    expect(results.responses).toBe(1);
    expect(results.questions[0]!.options.map((o) => o.count)).toEqual([0, 1]);
    expect(errors).toEqual([]);
  });
});
