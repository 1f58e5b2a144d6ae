// Shared setup for the surveys tests: projects, surveys, followers and backers made through the real API and tables.
import { expect } from 'vitest';
import { eq } from 'drizzle-orm';
import type { TestApp, TestUser } from '../../../test/support/test-app.js';
import { campaigns, pledges } from '../../db/schema/funding.js';
import { newId } from '../../lib/ids.js';

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

/**
 * Makes the person a backer of the project: a collected pledge on a keep-it-all campaign, written in the funding
 * tables (what backerUserIds reads).
 */
export async function back(t: TestApp, projectId: string, host: TestUser, backer: TestUser, amount = 2500) {
  const [existing] = await t.ctx.db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.projectId, projectId)).limit(1);
  const campaignId = existing?.id ?? newId('cmp');
  if (!existing) await t.ctx.db.insert(campaigns).values({
    id: campaignId,
    projectId,
    hostOwner: `user:${host.id}`,
    title: 'Campaign',
    currency: 'EUR',
    goal: 1_000_000,
    model: 'keep_it_all',
    deadline: new Date(Date.now() + 30 * 86_400_000),
    status: 'live',
    createdBy: host.id,
  });
  await t.ctx.db.insert(pledges).values({
    id: newId('plg'),
    campaignId,
    backerId: backer.id,
    amount,
    currency: 'EUR',
    status: 'collected',
    single: true,
    provider: 'test',
    methodToken: 'tok_test',
    methodLabel: 'test card',
  });
}

export const answer = (t: TestApp, who: TestUser | null, surveyId: string, answers: { questionId: string; value: unknown }[], headers?: Record<string, string>) =>
  t.request(who, 'POST', `/api/v1/surveys/${surveyId}/responses`, { answers }, headers);
