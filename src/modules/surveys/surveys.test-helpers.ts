// Shared setup for the surveys tests: projects, surveys, followers and backers, all made through the API.
import { expect } from 'vitest';
import { DAY, type TestApp, type TestUser } from '../../../test/support/test-app.js';
import { TEST_CARDS } from '../payments/service.js';

export async function makeProject(t: TestApp, host: TestUser, title = 'Solar kettle'): Promise<{ id: string; slug: string }> {
  const res = await t.request(host, 'POST', '/api/v1/projects', { title, summary: 'A kettle that boils with sunlight', category: 'technology' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export async function makeSurvey(t: TestApp, host: TestUser, projectId: string, body: Record<string, unknown>, open = true) {
  const res = await t.request(host, 'POST', `/api/v1/projects/${projectId}/surveys`, { title: 'Validation', ...body });
  expect(res.statusCode, res.body).toBe(201);
  const survey = res.json();
  if (open) expect((await t.request(host, 'POST', `/api/v1/surveys/${survey.id}/open`)).statusCode).toBe(200);
  return survey as { id: string; questions: { id: string; kind: string; options: string[] }[] };
}

export async function follow(t: TestApp, user: TestUser, projectId: string) {
  const res = await t.request(user, 'POST', `/api/v1/projects/${projectId}/follow`);
  expect(res.statusCode, res.body).toBe(200);
}

const campaignOf = new Map<string, string>();

/** The project's live keep-it-all campaign, created and launched through the API on first use. */
export async function liveCampaign(t: TestApp, projectId: string, host: TestUser, body: Record<string, unknown> = {}): Promise<string> {
  const known = campaignOf.get(projectId);
  if (known) return known;
  const created = await t.request(host, 'POST', `/api/v1/projects/${projectId}/campaigns`, {
    goal: { amount: 100_000, currency: 'EUR' },
    model: 'keep_it_all',
    deadline: new Date(t.clock.now().getTime() + 30 * DAY).toISOString(),
    tiers: [{ title: 'One kettle', price: 2500 }],
    stretchGoals: [],
    ...body,
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const launched = await t.request(host, 'POST', `/api/v1/campaigns/${id}/launch`);
  expect(launched.statusCode, launched.body).toBe(200);
  campaignOf.set(projectId, id);
  return id;
}

/** Makes the person a backer of the project: a pledge with the test card on its live campaign, through the API. */
export async function back(t: TestApp, projectId: string, host: TestUser, backer: TestUser, amount = 2500) {
  const campaignId = await liveCampaign(t, projectId, host);
  const res = await t.request(backer, 'POST', `/api/v1/campaigns/${campaignId}/pledges`, { amount, payment: { type: 'test_card', number: TEST_CARDS.ok } }, { 'idempotency-key': `k-${Math.random()}` });
  expect(res.statusCode, res.body).toBe(201);
}

export const answer = (t: TestApp, who: TestUser | null, surveyId: string, answers: { questionId: string; value: unknown }[], headers?: Record<string, string>) =>
  t.request(who, 'POST', `/api/v1/surveys/${surveyId}/responses`, { answers }, headers);
