// Shared setup for the privacy tests (not a test file): a person who did a bit of everything, through the API.
import { expect } from 'vitest';
import type { TestApp, TestUser } from '../../../test/support/test-app.js';
import { campaignFixture, pledge } from '../funding/test-fixtures.js';
import { makeChallenge, makeIdea, setPhase, vote } from '../ideas/ideas.test-helpers.js';
import { answer, makeSurvey } from '../surveys/surveys.test-helpers.js';

export interface BusyWorld {
  person: TestUser;
  host: TestUser;
  token: string;
  orgId: string;
  projectId: string;
  commentId: string;
  challengeId: string;
  ideaId: string;
  questionId: string;
  answerId: string;
  surveyId: string;
  pendingCampaignId: string;
  pendingPledgeId: string;
  collectedCampaignId: string;
  collectedPledgeId: string;
}

async function ok(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as Record<string, unknown> & { id: string };
}

/**
 * A host with an organization and a project; a person (named `name`, a unique string) who joined the organization,
 * followed the project, asked to be told at launch, commented, submitted an idea, voted and compared ideas, asked
 * and answered questions and voted on them, answered a survey, pledged on an all-or-nothing campaign (pending) and on
 * a keep-it-all one (collected), and made an API token.
 */
export async function busyWorld(t: TestApp, name: string): Promise<BusyWorld> {
  const host = await t.signup('Hosting Hélène');
  const person = await t.signup(name);
  const org = await ok(t.request(host, 'POST', '/api/v1/orgs', { name: `Atelier ${Math.random().toString(36).slice(2, 8)}` }), 201);
  await ok(t.request(host, 'POST', `/api/v1/orgs/${org.id}/members`, { email: person.email, role: 'admin' }), 201);
  const project = await ok(t.request(host, 'POST', '/api/v1/projects', { title: 'Community bakery', summary: 'Bread for the street', category: 'food', orgId: org.id }), 201);
  const projectId = project.id;

  await ok(t.request(person, 'POST', `/api/v1/projects/${projectId}/follow`));
  await ok(t.request(person, 'POST', `/api/v1/projects/${projectId}/signups`, {}), 201);
  const comment = await ok(t.request(person, 'POST', `/api/v1/comments?subject=project:${projectId}`, { body: 'I would buy a loaf every morning.' }), 201);
  await ok(t.request(host, 'POST', `/api/v1/comments?subject=project:${projectId}`, { body: 'Thanks!', parentId: comment.id }), 201);

  const challenge = await makeChallenge(t, host, projectId, { phase: 'submission' });
  const idea = await makeIdea(t, person, challenge.id, 'Sourdough on Sundays');
  const seedA = await makeIdea(t, host, challenge.id, 'Rye bread');
  const seedB = await makeIdea(t, host, challenge.id, 'Croissants');
  await setPhase(t, host, challenge.id, 'voting');
  expect((await vote(t, person, seedA.id, 1)).statusCode).toBe(201);
  await ok(t.request(person, 'POST', `/api/v1/challenges/${challenge.id}/comparisons`, { winnerId: seedA.id, loserId: seedB.id }), 201);

  const question = await ok(t.request(person, 'POST', `/api/v1/projects/${projectId}/questions`, { title: 'When does the oven open?', body: 'Early, I hope.' }), 201);
  const hostQuestion = await ok(t.request(host, 'POST', `/api/v1/projects/${projectId}/questions`, { title: 'Which flour should we use?' }), 201);
  const answered = await ok(t.request(person, 'POST', `/api/v1/questions/${hostQuestion.id}/answers`, { body: 'Stone-ground spelt.' }), 201);
  await ok(t.request(person, 'POST', `/api/v1/questions/${hostQuestion.id}/votes`, { value: 1 }));

  const survey = await makeSurvey(t, host, projectId, { questions: [{ kind: 'single', prompt: 'Favourite bread?', options: ['Rye', 'Spelt'] }] });
  expect((await answer(t, person, survey.id, [{ questionId: survey.questions[0]!.id, value: 'Spelt' }])).statusCode).toBe(201);

  const pending = await campaignFixture(t, { host, model: 'all_or_nothing' });
  const pendingPledge = await ok(pledge(t, person, pending.campaignId, { amount: 1500, tierId: pending.tierIds[0] }), 201);
  const collected = await campaignFixture(t, { host, model: 'keep_it_all' });
  const collectedPledge = await ok(pledge(t, person, collected.campaignId, { amount: 2000, tierId: collected.tierIds[0] }), 201);
  expect(collectedPledge.status).toBe('collected');

  const token = (await ok(t.request(person, 'POST', '/api/v1/tokens', { name: 'my script' }), 201)).token as string;
  return {
    person,
    host,
    token,
    orgId: org.id,
    projectId,
    commentId: comment.id,
    challengeId: challenge.id,
    ideaId: idea.id,
    questionId: question.id,
    answerId: answered.id,
    surveyId: survey.id,
    pendingCampaignId: pending.campaignId,
    pendingPledgeId: pendingPledge.id,
    collectedCampaignId: collected.campaignId,
    collectedPledgeId: collectedPledge.id,
  };
}
