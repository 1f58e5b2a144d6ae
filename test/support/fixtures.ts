// Building a world through the API for tests: people's projects, batches of micro-tasks, idea challenges, surveys,
// campaigns and pledges, and one busy person who did a bit of everything. Everything goes through the HTTP API, as a
// person would; reading the database straight is in sql.ts.
import { expect } from 'vitest';
import { sql } from 'drizzle-orm';
import { TEST_CARDS } from '../../src/modules/payments/service.js';
import { rowsOf, scalar } from './sql.js';
import { DAY, type TestApp, type TestUser } from './test-app.js';

// ---------------------------------------------------------------------------------------------------------------
// Answers

/** The fields an error names: validation details are a list, other errors name one field. */
export const fieldsOf = (res: { json(): { error: { details?: { field: string }[] | { field: string } } } }) => {
  const details = res.json().error.details ?? [];
  return (Array.isArray(details) ? details : [details]).map((d) => d.field);
};

/** Checks that a request was refused as invalid (400), naming `field` among its errors. */
export function expectInvalidField(res: { statusCode: number } & Parameters<typeof fieldsOf>[0], field: string): void {
  expect(res.statusCode).toBe(400);
  expect(fieldsOf(res)).toContain(field);
}

async function ok(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as Record<string, unknown> & { id: string };
}

// ---------------------------------------------------------------------------------------------------------------
// Projects

export interface MadeProject {
  id: string;
  slug: string;
  orgId: string | null;
  ownerId: string;
}

/**
 * A project hosted by `host` (in an organization with `extra.orgId`), through the API, as it answers (`slug`,
 * `org`, `descriptionHtml`…).
 * @example const project = await makeProject(t, host, 'Greener town')
 */
export async function makeProject(
  t: TestApp,
  host: TestUser,
  title = 'A project for the crowd',
  extra: Record<string, unknown> = {},
): Promise<MadeProject & Record<string, unknown>> {
  const res = await t.request(host, 'POST', '/api/v1/projects', {
    title,
    summary: 'Things to do with the crowd',
    category: 'community',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

// ---------------------------------------------------------------------------------------------------------------
// Micro-tasks

export const LABELS = ['cat', 'dog', 'bird'];

/** A two-label batch with two answers an item: pass it as `body` to makeBatch. */
export const CATS_OR_DOGS = {
  title: 'Cats or dogs',
  instructions: 'Is it a **cat** or a dog?',
  answer: { kind: 'label', labels: ['cat', 'dog'] },
  overlap: 2,
};

/**
 * Creates a batch (default: label cat/dog/bird, overlap 3) on `projectId` or a new project, uploads `items` as JSON
 * Lines, publishes when asked; answers the batch as created, with its projectId.
 * @example const { id } = await makeBatch(t, host, { items: items(3), publish: true })
 */
export async function makeBatch(
  t: TestApp,
  host: TestUser,
  opts: { body?: Record<string, unknown>; items?: Record<string, unknown>[]; publish?: boolean; projectId?: string } = {},
): Promise<{ id: string; status: string; projectId: string }> {
  const projectId = opts.projectId ?? (await makeProject(t, host, 'Label the birds')).id;
  const res = await t.request(host, 'POST', `/api/v1/projects/${projectId}/task-batches`, {
    title: 'Which animal?',
    instructions: 'Pick the **animal** in the picture.',
    answer: { kind: 'label', labels: LABELS },
    overlap: 3,
    ...opts.body,
  });
  expect(res.statusCode, res.body).toBe(201);
  const batch = res.json() as { id: string; status: string };
  if (opts.items) {
    const up = await upload(t, host, batch.id, opts.items.map((i) => JSON.stringify(i)).join('\n'), 'application/x-ndjson');
    expect(up.statusCode, up.body).toBe(201);
  }
  if (opts.publish) {
    await publish(t, host, batch.id);
    batch.status = 'published';
  }
  return { ...batch, projectId };
}

/** Uploads items (or, with `path`, imported answers) to a batch. */
export function upload(t: TestApp, as: TestUser, batchId: string, body: string, type = 'text/csv', path = 'items') {
  return t.request(as, 'POST', `/api/v1/task-batches/${batchId}/${path}`, body, { 'content-type': type });
}

export async function publish(t: TestApp, host: TestUser, batchId: string) {
  const res = await t.request(host, 'POST', `/api/v1/task-batches/${batchId}/publish`, {});
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** n items with ids it-0 … as JSON objects (each with a picture url), plus what `extra` adds. */
export const items = (n: number, extra: (i: number) => Record<string, unknown> = () => ({})) =>
  Array.from({ length: n }, (_, i) => ({ externalId: `it-${i}`, url: `https://img.example/${i}.jpg`, ...extra(i) }));

/** A CSV of n items with ids i1 … in and a text column. */
export const itemsCsv = (n: number, gold: Record<number, string> = {}) =>
  ['externalId,text,gold', ...Array.from({ length: n }, (_, k) => `i${k + 1},Picture ${k + 1},${gold[k + 1] ?? ''}`)].join('\n');

export async function lease(t: TestApp, worker: TestUser, batchId: string) {
  return t.request(worker, 'POST', `/api/v1/task-batches/${batchId}/assignments`);
}

export async function submit(t: TestApp, worker: TestUser, assignmentId: string, answer: unknown) {
  return t.request(worker, 'POST', `/api/v1/assignments/${assignmentId}/submit`, { answer });
}

/** Leases and answers one item; returns the submit response's JSON, or null when nothing was left. */
export async function work(t: TestApp, worker: TestUser, batchId: string, answer: unknown | ((data: Record<string, unknown>) => unknown)) {
  const l = await lease(t, worker, batchId);
  if (l.statusCode === 204) return null;
  expect(l.statusCode, l.body).toBe(201);
  const { id, item } = l.json();
  const value = typeof answer === 'function' ? (answer as (d: Record<string, unknown>) => unknown)(item.data) : answer;
  const s = await t.request(worker, 'POST', `/api/v1/assignments/${id}/submit`, { answer: value });
  expect(s.statusCode, s.body).toBe(200);
  return { assignmentId: id as string, itemId: item.id as string, ...s.json() };
}

// ---------------------------------------------------------------------------------------------------------------
// Idea challenges

export const HOUR = 3600_000;
export type PhaseName = 'upcoming' | 'submission' | 'voting' | 'review' | 'closed';

/** Phase start dates that put the test clock's "now" in the given phase. */
export function phasesFor(t: TestApp, phase: PhaseName) {
  const now = t.clock.now().getTime();
  const at = (hours: number) => new Date(now + hours * HOUR).toISOString();
  const offsets: Record<PhaseName, number[]> = {
    upcoming: [1, 2, 3, 4],
    submission: [-1, 1, 2, 3],
    voting: [-2, -1, 1, 2],
    review: [-3, -2, -1, 1],
    closed: [-4, -3, -2, -1],
  };
  const [submission, voting, review, closed] = offsets[phase].map(at) as [string, string, string, string];
  return { submission, voting, review, closed };
}

export async function makeChallenge(
  t: TestApp,
  host: TestUser,
  projectId: string,
  opts: { phase?: PhaseName; rules?: Record<string, unknown>; status?: 'draft' | 'published'; title?: string } = {},
) {
  const res = await t.request(host, 'POST', `/api/v1/projects/${projectId}/challenges`, {
    title: opts.title ?? 'How can the town get greener?',
    prompt: 'Share **one** idea at a time.',
    phases: phasesFor(t, opts.phase ?? 'submission'),
    rules: opts.rules ?? {},
    status: opts.status ?? 'published',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as {
    id: string;
    phase: string;
    viewer: { budget: { limit: number | null; used: number; remaining: number | null } | null };
  };
}

export async function setPhase(t: TestApp, host: TestUser, challengeId: string, phase: PhaseName) {
  const res = await t.request(host, 'PATCH', `/api/v1/challenges/${challengeId}`, { phases: phasesFor(t, phase) });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().phase).toBe(phase);
}

export async function makeIdea(t: TestApp, author: TestUser, challengeId: string, title: string, extra: Record<string, unknown> = {}) {
  const res = await t.request(author, 'POST', `/api/v1/challenges/${challengeId}/ideas`, { title, body: `About ${title}`, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; title: string };
}

export async function vote(t: TestApp, user: TestUser, ideaId: string, value: 1 | -1) {
  return t.request(user, 'POST', `/api/v1/ideas/${ideaId}/votes`, { value });
}

// ---------------------------------------------------------------------------------------------------------------
// Surveys, followers and backers

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
  const res = await t.request(
    backer,
    'POST',
    `/api/v1/campaigns/${campaignId}/pledges`,
    { amount, payment: { type: 'test_card', number: TEST_CARDS.ok } },
    { 'idempotency-key': `k-${Math.random()}` },
  );
  expect(res.statusCode, res.body).toBe(201);
}

export const answer = (
  t: TestApp,
  who: TestUser | null,
  surveyId: string,
  answers: { questionId: string; value: unknown }[],
  headers?: Record<string, string>,
) => t.request(who, 'POST', `/api/v1/surveys/${surveyId}/responses`, { answers }, headers);

// ---------------------------------------------------------------------------------------------------------------
// Campaigns and pledges

export const CARD = { type: 'test_card' as const, number: TEST_CARDS.ok };
export const DECLINED = { type: 'test_card' as const, number: TEST_CARDS.declined };
export const NO_FUNDS = { type: 'test_card' as const, number: TEST_CARDS.insufficientFunds };
export const FAILS_ON_CHARGE = { type: 'test_card' as const, number: TEST_CARDS.failsOnCharge };

export interface Fixture {
  host: TestUser;
  projectId: string;
  campaignId: string;
  tierIds: string[];
  campaign: Record<string, unknown> & { tiers: { id: string }[] };
}

let counter = 0;

/** A fresh host, project and campaign (launched unless `draft`), through the API. */
export async function campaignFixture(
  t: TestApp,
  opts: {
    model?: 'all_or_nothing' | 'keep_it_all' | 'donation';
    goal?: number;
    currency?: string;
    tiers?: unknown[];
    draft?: boolean;
    days?: number;
    host?: TestUser;
    orgId?: string;
  } = {},
): Promise<Fixture> {
  const host = opts.host ?? (await t.signup('Host'));
  const project = await t.request(host, 'POST', '/api/v1/projects', {
    title: `Campaign project ${++counter}`,
    summary: 'A thing to fund',
    category: 'design',
    ...(opts.orgId ? { orgId: opts.orgId } : {}),
  });
  expect(project.statusCode, project.body).toBe(201);
  const model = opts.model ?? 'all_or_nothing';
  const created = await t.request(host, 'POST', `/api/v1/projects/${project.json().id}/campaigns`, {
    goal: { amount: opts.goal ?? 10_000, currency: opts.currency ?? 'EUR' },
    model,
    deadline: new Date(t.clock.now().getTime() + (opts.days ?? 30) * DAY).toISOString(),
    tiers: opts.tiers ?? (model === 'donation' ? [] : [{ title: 'Thanks', price: 1000 }]),
    stretchGoals: [],
  });
  expect(created.statusCode, created.body).toBe(201);
  const campaign = created.json();
  if (!opts.draft) {
    const launched = await t.request(host, 'POST', `/api/v1/campaigns/${campaign.id}/launch`);
    expect(launched.statusCode, launched.body).toBe(200);
  }
  return {
    host,
    projectId: project.json().id,
    campaignId: campaign.id,
    tierIds: campaign.tiers.map((x: { id: string }) => x.id),
    campaign,
  };
}

/** Pledges through the API with a fresh Idempotency-Key (or the given one). */
export function pledge(
  t: TestApp,
  who: TestUser,
  campaignId: string,
  body: Record<string, unknown>,
  key: string | null = `k-${Math.random()}`,
) {
  return t.request(
    who,
    'POST',
    `/api/v1/campaigns/${campaignId}/pledges`,
    { payment: CARD, ...body },
    key ? { 'idempotency-key': key } : {},
  );
}

/** The sum of every ledger entry per currency: all zero when the books add up. */
export async function trialBalanceIsZero(t: TestApp): Promise<boolean> {
  const rows = rowsOf<{ total: string }>(
    await t.ctx.db.execute(sql`SELECT currency, sum(amount) AS total FROM ledger_entries GROUP BY currency`),
  );
  return rows.every((r) => Number(r.total) === 0);
}

/** Ledger entries of a campaign's transactions. */
export function campaignEntries(t: TestApp, campaignId: string) {
  return scalar(
    t,
    sql`SELECT count(*)::int FROM ledger_entries e JOIN ledger_transactions x ON x.id = e.transaction_id WHERE x.ref_type = 'campaign' AND x.ref_id = ${campaignId}`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// A busy person (privacy: export and erasure)

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
  const project = await ok(
    t.request(host, 'POST', '/api/v1/projects', {
      title: 'Community bakery',
      summary: 'Bread for the street',
      category: 'food',
      orgId: org.id,
    }),
    201,
  );
  const projectId = project.id;

  await ok(t.request(person, 'POST', `/api/v1/projects/${projectId}/follow`));
  await ok(t.request(person, 'POST', `/api/v1/projects/${projectId}/signups`, {}), 201);
  const comment = await ok(
    t.request(person, 'POST', `/api/v1/comments?subject=project:${projectId}`, { body: 'I would buy a loaf every morning.' }),
    201,
  );
  await ok(t.request(host, 'POST', `/api/v1/comments?subject=project:${projectId}`, { body: 'Thanks!', parentId: comment.id }), 201);

  const challenge = await makeChallenge(t, host, projectId, { phase: 'submission' });
  const idea = await makeIdea(t, person, challenge.id, 'Sourdough on Sundays');
  const seedA = await makeIdea(t, host, challenge.id, 'Rye bread');
  const seedB = await makeIdea(t, host, challenge.id, 'Croissants');
  await setPhase(t, host, challenge.id, 'voting');
  expect((await vote(t, person, seedA.id, 1)).statusCode).toBe(201);
  await ok(t.request(person, 'POST', `/api/v1/challenges/${challenge.id}/comparisons`, { winnerId: seedA.id, loserId: seedB.id }), 201);

  const question = await ok(
    t.request(person, 'POST', `/api/v1/projects/${projectId}/questions`, { title: 'When does the oven open?', body: 'Early, I hope.' }),
    201,
  );
  const hostQuestion = await ok(
    t.request(host, 'POST', `/api/v1/projects/${projectId}/questions`, { title: 'Which flour should we use?' }),
    201,
  );
  const answered = await ok(
    t.request(person, 'POST', `/api/v1/questions/${hostQuestion.id}/answers`, { body: 'Stone-ground spelt.' }),
    201,
  );
  await ok(t.request(person, 'POST', `/api/v1/questions/${hostQuestion.id}/votes`, { value: 1 }));

  const survey = await makeSurvey(t, host, projectId, {
    questions: [{ kind: 'single', prompt: 'Favourite bread?', options: ['Rye', 'Spelt'] }],
  });
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
