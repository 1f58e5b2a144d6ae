// Every operation of the OpenAPI document × five callers (anonymous, a stranger, a plain member of the host's
// organization, the host, an operator), checked against the written table in authorization-table.ts.
// The world is built once through the API; destructive calls work on objects made fresh for each call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, DAY, type TestApp, type TestUser } from '../support/test-app.js';
import {
  CALLERS,
  PENDING,
  TABLE,
  UNSEEN_TARGETS,
  type Caller,
  type Case,
  type Expect,
  type Row,
  type Target,
} from './authorization-table.js';

const PREFIX = '/api/v1';
const CARD = { type: 'test_card', number: '4242424242424242' };
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const t: TestApp = await createTestApp();
const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
  paths: Record<string, Record<string, { requestBody?: { required?: boolean } }>>;
};

interface Operation {
  key: string; // 'GET /surveys/{id}/results'
  method: string;
  path: string; // without the /api/v1 prefix
  hasBody: boolean;
}
const operations: Operation[] = Object.entries(doc.paths).flatMap(([p, ops]) =>
  Object.entries(ops).map(([m, op]) => {
    const path = p.startsWith(PREFIX) ? p.slice(PREFIX.length) : p;
    return { key: `${m.toUpperCase()} ${path}`, method: m.toUpperCase(), path, hasBody: Boolean(op.requestBody) };
  }),
);

// ---------------------------------------------------------------- the world

let seq = 0;
const unique = (s: string) => `${s}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;
const later = (days: number) => new Date(t.clock.now().getTime() + days * DAY).toISOString();

async function ok(res: Promise<LightMyRequestResponse> | LightMyRequestResponse, status: number | number[], what: string) {
  const r = await res;
  const want = Array.isArray(status) ? status : [status];
  if (!want.includes(r.statusCode)) throw new Error(`world: ${what} answered ${r.statusCode}: ${r.body.slice(0, 400)}`);
  return r.statusCode === 204 ? {} : (r.json() as Record<string, any>);
}
const req = (as: TestUser | null, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
  t.request(as, method, `${PREFIX}${url}`, body, { ...(WRITES.has(method) ? { 'idempotency-key': unique('key') } : {}), ...headers });

interface World {
  callers: Record<Exclude<Caller, 'anonymous'>, TestUser>;
  backer: TestUser;
  worker: TestUser;
  asker: TestUser;
  answerer: TestUser;
  commenter: TestUser;
  author1: TestUser;
  author2: TestUser;
  reporter: TestUser;
  login: TestUser;
  orgId: string;
  projectId: string;
  hiddenProjectId: string;
  commentId: string;
  hiddenCommentId: string;
  draftCommentId: string;
  updateId: string;
  hiddenUpdateId: string;
  draftCampaignId: string;
  draftTierId: string;
  liveCampaignId: string;
  liveTierId: string;
  hiddenCampaignId: string;
  pledgeId: string;
  draftSurveyId: string;
  openSurveyId: string;
  openQuestionId: string;
  hiddenSurveyId: string;
  hiddenSurveyQuestionId: string;
  draftChallengeId: string;
  draftIdeaId: string;
  votingChallengeId: string;
  ideaId: string;
  idea2Id: string;
  hiddenChallengeId: string;
  hiddenIdeaId: string;
  hiddenIdea2Id: string;
  questionId: string;
  answerId: string;
  hiddenQuestionId: string;
  hiddenAnswerId: string;
  draftBatchId: string;
  publishedBatchId: string;
  hiddenBatchId: string;
}
let w: World;

const projectBody = (title: string, orgId?: string) => ({
  title,
  summary: 'Checked by the authorization matrix',
  category: 'technology',
  ...(orgId ? { orgId } : {}),
});
const campaignBody = () => ({
  goal: { amount: 100_000, currency: 'EUR' },
  model: 'keep_it_all',
  deadline: later(30),
  tiers: [{ title: 'A thank-you', price: 1000 }],
  stretchGoals: [],
});
const surveyBody = (extra: Record<string, unknown> = {}) => ({
  title: 'Would you use it?',
  questions: [{ kind: 'single', prompt: 'Would you?', options: ['yes', 'no'] }],
  ...extra,
});
const challengeBody = (status: 'draft' | 'published') => ({
  title: 'Ideas for the kettle',
  prompt: 'What should it do?',
  phases: { submission: later(-2), voting: later(-1 / 24), review: later(30), closed: later(60) },
  rules: { submissionsDuringVoting: true },
  status,
});
const batchBody = () => ({
  title: 'Which animal?',
  answer: { kind: 'label', labels: ['cat', 'dog'] },
  overlap: 1,
  reward: { amount: 10, currency: 'EUR' },
});
const itemsCsv = (n: number, from = 0) =>
  ['externalId,url', ...Array.from({ length: n }, (_, i) => `it-${from + i},https://img.example/${from + i}.jpg`)].join('\n');

async function makeCampaign(host: TestUser, projectId: string, live: boolean) {
  const c = await ok(req(host, 'POST', `/projects/${projectId}/campaigns`, campaignBody()), 201, 'create campaign');
  if (live) await ok(req(host, 'POST', `/campaigns/${c.id}/launch`), 200, 'launch campaign');
  return { id: c.id as string, tierId: c.tiers[0].id as string };
}
async function makeSurvey(host: TestUser, projectId: string, open: boolean, extra: Record<string, unknown> = {}) {
  const s = await ok(req(host, 'POST', `/projects/${projectId}/surveys`, surveyBody(extra)), 201, 'create survey');
  if (open) await ok(req(host, 'POST', `/surveys/${s.id}/open`), 200, 'open survey');
  return { id: s.id as string, questionId: s.questions[0].id as string };
}
async function makeBatch(host: TestUser, projectId: string, items: number, publish: boolean) {
  const b = await ok(req(host, 'POST', `/projects/${projectId}/task-batches`, batchBody()), 201, 'create batch');
  if (items)
    await ok(req(host, 'POST', `/task-batches/${b.id}/items`, itemsCsv(items), { 'content-type': 'text/csv' }), 201, 'upload items');
  if (publish) await ok(req(host, 'POST', `/task-batches/${b.id}/publish`), 200, 'publish batch');
  return b.id as string;
}
async function makeComment(as: TestUser, subject: string) {
  return (await ok(req(as, 'POST', `/comments?subject=${subject}`, { body: 'A comment for the matrix' }), 201, 'comment')).id as string;
}
async function addToOrg(user: TestUser, role: 'member' | 'admin' | 'owner') {
  await ok(req(w.callers.host, 'POST', `/orgs/${w.orgId}/members`, { userId: user.id, role }), 201, 'add member');
}

async function buildWorld(): Promise<World> {
  const host = await t.signup('Host');
  const member = await t.signup('Member');
  const stranger = await t.signup('Stranger');
  const operator = await t.operator('Operator');
  const [backer, worker, asker, answerer, commenter, author1, author2, reporter, login] = await Promise.all(
    ['Backer', 'Worker', 'Asker', 'Answerer', 'Commenter', 'Author One', 'Author Two', 'Reporter', 'Login'].map((n) => t.signup(n)),
  );
  const org = await ok(req(host, 'POST', '/orgs', { name: 'Matrix Org' }), 201, 'create org');
  await ok(req(host, 'POST', `/orgs/${org.id}/members`, { userId: member.id }), 201, 'add plain member');

  const built: Partial<World> = {
    callers: { stranger, member, host, operator },
    backer,
    worker,
    asker,
    answerer,
    commenter,
    author1,
    author2,
    reporter,
    login,
    orgId: org.id,
  };
  // Two projects of the organization, filled alike; the second is hidden by the operator at the end.
  for (const hidden of [false, true]) {
    const p = await ok(
      req(host, 'POST', '/projects', projectBody(hidden ? 'Hidden kettle' : 'Solar kettle', org.id)),
      201,
      'create project',
    );
    const campaign = await makeCampaign(host, p.id, true);
    const survey = await makeSurvey(host, p.id, true, hidden ? { resultsPublic: true } : {});
    await ok(
      req(backer, 'POST', `/surveys/${survey.id}/responses`, { answers: [{ questionId: survey.questionId, value: 'yes' }] }),
      201,
      'answer survey',
    );
    const challenge = await ok(req(host, 'POST', `/projects/${p.id}/challenges`, challengeBody('published')), 201, 'create challenge');
    const idea = await ok(req(author1, 'POST', `/challenges/${challenge.id}/ideas`, { title: 'Fold it flat' }), 201, 'idea 1');
    const idea2 = await ok(req(author2, 'POST', `/challenges/${challenge.id}/ideas`, { title: 'Add a whistle' }), 201, 'idea 2');
    const question = await ok(
      req(asker, 'POST', `/projects/${p.id}/questions`, { title: 'How long does it take to boil?' }),
      201,
      'question',
    );
    const answer = await ok(req(answerer, 'POST', `/questions/${question.id}/answers`, { body: 'About ten minutes.' }), 201, 'answer');
    const comment = await makeComment(commenter, `project:${p.id}`);
    const update = await ok(req(host, 'POST', `/projects/${p.id}/updates`, { title: 'News', body: 'We started.' }), 201, 'update');
    const batch = await makeBatch(host, p.id, hidden ? 5 : 60, true);
    if (!hidden) {
      built.projectId = p.id;
      built.liveCampaignId = campaign.id;
      built.liveTierId = campaign.tierId;
      const pledge = await ok(req(backer, 'POST', `/campaigns/${campaign.id}/pledges`, { amount: 1500, payment: CARD }), 201, 'pledge');
      built.pledgeId = pledge.id;
      const draftCampaign = await makeCampaign(host, p.id, false);
      built.draftCampaignId = draftCampaign.id;
      built.draftTierId = draftCampaign.tierId;
      built.openSurveyId = survey.id;
      built.openQuestionId = survey.questionId;
      built.draftSurveyId = (await makeSurvey(host, p.id, false)).id;
      built.draftCommentId = await makeComment(host, `survey:${built.draftSurveyId}`);
      built.votingChallengeId = challenge.id;
      built.ideaId = idea.id;
      built.idea2Id = idea2.id;
      const draft = await ok(req(host, 'POST', `/projects/${p.id}/challenges`, challengeBody('draft')), 201, 'draft challenge');
      built.draftChallengeId = draft.id;
      built.draftIdeaId = (await ok(req(host, 'POST', `/challenges/${draft.id}/ideas`, { title: 'Seed idea one' }), 201, 'seed idea')).id;
      await ok(req(host, 'POST', `/challenges/${draft.id}/ideas`, { title: 'Seed idea two' }), 201, 'seed idea 2');
      built.questionId = question.id;
      built.answerId = answer.id;
      built.commentId = comment;
      built.updateId = update.id;
      built.publishedBatchId = batch;
      built.draftBatchId = await makeBatch(host, p.id, 5, false);
      // Answers in the published batch.
      for (let i = 0; i < 2; i++) {
        const lease = await ok(req(worker, 'POST', `/task-batches/${batch}/assignments`), 201, 'lease');
        await ok(req(worker, 'POST', `/assignments/${lease.id}/submit`, { answer: 'cat' }), 200, 'submit');
      }
    } else {
      built.hiddenProjectId = p.id;
      built.hiddenCampaignId = campaign.id;
      built.hiddenSurveyId = survey.id;
      built.hiddenSurveyQuestionId = survey.questionId;
      built.hiddenChallengeId = challenge.id;
      built.hiddenIdeaId = idea.id;
      built.hiddenIdea2Id = idea2.id;
      built.hiddenQuestionId = question.id;
      built.hiddenAnswerId = answer.id;
      built.hiddenCommentId = comment;
      built.hiddenUpdateId = update.id;
      built.hiddenBatchId = batch;
      await ok(req(operator, 'POST', `/projects/${p.id}/hide`, { reason: 'matrix' }), 200, 'hide project');
    }
  }
  return built as World;
}

// ---------------------------------------------------------------- targets

interface Resolved {
  params: Record<string, string>;
  /** Extra ids a request body needs (merge target, subject, …). */
  extra: Record<string, string>;
}
const at = (params: Record<string, string>, extra: Record<string, string> = {}): Resolved => ({ params, extra });

async function resolve(target: Target): Promise<Resolved> {
  const host = w.callers.host;
  switch (target) {
    case 'none':
      return at({});
    case 'org':
      return at({ id: w.orgId });
    case 'user':
      return at({ id: host.id });
    case 'project':
      return at({ id: w.projectId });
    case 'hiddenProject':
      return at({ id: w.hiddenProjectId });
    case 'comment':
      return at({ id: w.commentId });
    case 'hiddenComment':
      return at({ id: w.hiddenCommentId });
    case 'draftComment':
      return at({ id: w.draftCommentId });
    case 'update':
      return at({ id: w.updateId });
    case 'hiddenUpdate':
      return at({ id: w.hiddenUpdateId });
    case 'projectSubject':
      return at({}, { subject: `project:${w.projectId}` });
    case 'hiddenSubject':
      return at({}, { subject: `project:${w.hiddenProjectId}` });
    case 'draftSubject':
      return at({}, { subject: `survey:${w.draftSurveyId}` });
    case 'draftCampaign':
      return at({ id: w.draftCampaignId });
    case 'liveCampaign':
      return at({ id: w.liveCampaignId });
    case 'hiddenCampaign':
      return at({ id: w.hiddenCampaignId });
    case 'liveTier':
      return at({ id: w.liveCampaignId, tierId: w.liveTierId });
    case 'draftTier':
      return at({ id: w.draftCampaignId, tierId: w.draftTierId });
    case 'pledge':
      return at({ id: w.pledgeId });
    case 'draftSurvey':
      return at({ id: w.draftSurveyId });
    case 'openSurvey':
      return at({ id: w.openSurveyId }, { questionId: w.openQuestionId });
    case 'hiddenSurvey':
      return at({ id: w.hiddenSurveyId }, { questionId: w.hiddenSurveyQuestionId });
    case 'draftChallenge':
      return at({ id: w.draftChallengeId });
    case 'votingChallenge':
      return at({ id: w.votingChallengeId }, { a: w.ideaId, b: w.idea2Id });
    case 'hiddenChallenge':
      return at({ id: w.hiddenChallengeId }, { a: w.hiddenIdeaId, b: w.hiddenIdea2Id });
    case 'idea':
      return at({ id: w.ideaId });
    case 'draftIdea':
      return at({ id: w.draftIdeaId });
    case 'hiddenIdea':
      return at({ id: w.hiddenIdeaId });
    case 'question':
      return at({ id: w.questionId });
    case 'answer':
      return at({ id: w.answerId });
    case 'hiddenQuestion':
      return at({ id: w.hiddenQuestionId });
    case 'hiddenAnswer':
      return at({ id: w.hiddenAnswerId });
    case 'draftBatch':
      return at({ id: w.draftBatchId });
    case 'publishedBatch':
      return at({ id: w.publishedBatchId });
    case 'hiddenBatch':
      return at({ id: w.hiddenBatchId });
    case 'freshHostToken':
      return at({ id: (await ok(req(host, 'POST', '/tokens', { name: unique('token') }), 201, 'token')).id });
    case 'freshOrgMember': {
      const person = await t.signup('Fresh Member');
      await addToOrg(person, 'member');
      return at({ id: w.orgId, userId: person.id });
    }
    case 'freshProject':
      return at({ id: (await ok(req(host, 'POST', '/projects', projectBody('Fresh project', w.orgId)), 201, 'project')).id });
    case 'freshHiddenProject': {
      const id = (await ok(req(host, 'POST', '/projects', projectBody('Fresh hidden project', w.orgId)), 201, 'project')).id;
      await ok(req(w.callers.operator, 'POST', `/projects/${id}/hide`, {}), 200, 'hide');
      return at({ id });
    }
    case 'freshComment':
      return at({ id: await makeComment(w.commenter, `project:${w.projectId}`) });
    case 'freshHiddenComment': {
      const id = await makeComment(w.commenter, `project:${w.projectId}`);
      await ok(req(w.callers.operator, 'POST', `/comments/${id}/hide`, {}), 200, 'hide comment');
      return at({ id });
    }
    case 'freshReport': {
      const id = await makeComment(w.commenter, `project:${w.projectId}`);
      return at({ id: (await ok(req(w.reporter, 'POST', `/comments/${id}/report`, { reason: 'Off topic here' }), 201, 'report')).id });
    }
    case 'freshDraftCampaign': {
      // Launching it must be possible: a project runs one live campaign at a time.
      const p = await ok(req(host, 'POST', '/projects', projectBody('Fresh draft campaign project', w.orgId)), 201, 'project');
      return at({ id: (await makeCampaign(host, p.id, false)).id });
    }
    case 'freshLiveCampaign': {
      // A project runs one live campaign at a time: a fresh one needs a fresh project.
      const p = await ok(req(host, 'POST', '/projects', projectBody('Fresh campaign project', w.orgId)), 201, 'project');
      return at({ id: (await makeCampaign(host, p.id, true)).id });
    }
    case 'freshLiveTier': {
      const tier = await ok(req(host, 'POST', `/campaigns/${w.liveCampaignId}/tiers`, { title: unique('tier'), price: 500 }), 201, 'tier');
      return at({ id: w.liveCampaignId, tierId: tier.id });
    }
    case 'freshDraftTier': {
      const tier = await ok(req(host, 'POST', `/campaigns/${w.draftCampaignId}/tiers`, { title: unique('tier'), price: 500 }), 201, 'tier');
      return at({ id: w.draftCampaignId, tierId: tier.id });
    }
    case 'freshCollectedPledge': {
      const backer = await t.signup('Fresh Backer');
      return at({
        id: (await ok(req(backer, 'POST', `/campaigns/${w.liveCampaignId}/pledges`, { amount: 1200, payment: CARD }), 201, 'pledge')).id,
      });
    }
    case 'freshDraftSurvey':
      return at({ id: (await makeSurvey(host, w.projectId, false)).id });
    case 'freshOpenSurvey':
      return at({ id: (await makeSurvey(host, w.projectId, true)).id });
    case 'freshIdeaPair': {
      const a = await ok(
        req(w.author1, 'POST', `/challenges/${w.votingChallengeId}/ideas`, { title: unique('Duplicate idea') }),
        201,
        'idea',
      );
      const b = await ok(req(w.author2, 'POST', `/challenges/${w.votingChallengeId}/ideas`, { title: unique('Kept idea') }), 201, 'idea');
      return at({ id: a.id }, { intoId: b.id });
    }
    case 'freshDraftBatch':
      return at({ id: await makeBatch(host, w.projectId, 3, false) });
    case 'freshPublishedBatch':
      return at({ id: await makeBatch(host, w.projectId, 3, true) });
    case 'freshLease':
      // The worker's open lease (a worker holding one gets it back).
      return at({ id: (await ok(req(w.worker, 'POST', `/task-batches/${w.publishedBatchId}/assignments`), 201, 'lease')).id });
    case 'freshSubmission': {
      const lease = await ok(req(w.worker, 'POST', `/task-batches/${w.publishedBatchId}/assignments`), 201, 'lease');
      await ok(req(w.worker, 'POST', `/assignments/${lease.id}/submit`, { answer: 'dog' }), 200, 'submit');
      return at({ id: lease.id });
    }
  }
}

/** A fresh person of the caller's kind, for calls that end or change their session (logout, password, deletion). */
async function freshCaller(kind: Exclude<Caller, 'anonymous'>): Promise<TestUser> {
  if (kind === 'operator') return t.operator('Fresh Operator');
  const person = await t.signup(`Fresh ${kind}`);
  if (kind === 'member') await addToOrg(person, 'member');
  if (kind === 'host') await addToOrg(person, 'owner');
  return person;
}

// ---------------------------------------------------------------- requests

interface RequestParts {
  body?: unknown;
  query?: Record<string, string>;
  headers?: Record<string, string>;
}
interface RequestContext {
  r: Resolved;
  caller: TestUser | null;
}
type Builder = (x: RequestContext) => RequestParts | Promise<RequestParts>;

const csv = (text: string): RequestParts => ({ body: text, headers: { 'content-type': 'text/csv' } });

/** A minimal valid request per operation (path parameters come from the target); operations absent here send no body. */
const REQUESTS: Record<string, Builder> = {
  'POST /auth/signup': () => ({
    body: { email: `${unique('signup')}@example.test`, password: 'correct horse battery', name: 'New Person' },
  }),
  'POST /auth/login': () => ({ body: { email: w.login.email, password: w.login.password } }),
  'POST /auth/password-reset': () => ({ body: { email: w.login.email } }),
  'POST /auth/password-reset/confirm': () => ({ body: { token: 'not-a-real-reset-token', password: 'another horse battery' } }),
  'PATCH /me': () => ({ body: { bio: 'Edited by the matrix' } }),
  'POST /tokens': () => ({ body: { name: unique('token') } }),
  'POST /notifications/read': () => ({ body: {} }),
  'DELETE /me': ({ caller }) => ({ body: { password: caller?.password ?? 'correct horse battery' } }),
  'POST /me/password': ({ caller }) => ({
    body: { currentPassword: caller?.password ?? 'correct horse battery', newPassword: 'a brand new password 1' },
  }),
  'POST /projects': ({ r }) => ({ body: projectBody('Matrix project', r.params.id) }),
  'PATCH /projects/{id}': () => ({ body: { summary: 'Edited summary' } }),
  'POST /orgs': () => ({ body: { name: unique('Org') } }),
  'PATCH /orgs/{id}': () => ({ body: { description: 'Edited description' } }),
  'POST /orgs/{id}/members': async () => ({ body: { email: (await t.signup('Invitee')).email } }),
  'PATCH /orgs/{id}/members/{userId}': () => ({ body: { role: 'admin' } }),
  'POST /projects/{id}/signups': () => ({ body: { email: `${unique('launch')}@example.test` } }),
  'GET /comments': ({ r }) => ({ query: { subject: r.extra.subject! } }),
  'POST /comments': ({ r }) => ({ query: { subject: r.extra.subject! }, body: { body: 'A word from the matrix' } }),
  'POST /projects/{id}/updates': () => ({ body: { title: 'An update', body: 'Something happened.' } }),
  'PATCH /updates/{id}': () => ({ body: { body: 'Edited update' } }),
  'POST /comments/{id}/report': () => ({ body: { reason: 'Please look at this' } }),
  'POST /projects/{id}/report': () => ({ body: { reason: 'Please look at this' } }),
  'POST /moderation/reports/{id}/resolve': () => ({ body: { action: 'dismiss' } }),
  'POST /comments/{id}/hide': () => ({ body: { reason: 'matrix' } }),
  'POST /projects/{id}/hide': () => ({ body: { reason: 'matrix' } }),
  'POST /comments/{id}/unhide': () => ({ body: {} }),
  'POST /projects/{id}/unhide': () => ({ body: {} }),
  'POST /projects/{id}/campaigns': () => ({ body: campaignBody() }),
  'PATCH /campaigns/{id}': () => ({ body: { description: 'Edited description' } }),
  'POST /campaigns/{id}/tiers': () => ({ body: { title: unique('Tier'), price: 700 } }),
  'PATCH /campaigns/{id}/tiers/{tierId}': () => ({ body: { description: 'Edited tier' } }),
  'POST /campaigns/{id}/pledges': () => ({ body: { amount: 1000, payment: CARD } }),
  'PATCH /pledges/{id}': () => ({ body: { amount: 1600 } }),
  'POST /pledges/{id}/fix': () => ({ body: { payment: CARD } }),
  'POST /campaigns/{id}/settle': () => ({ body: { endNow: true } }),
  'POST /pledges/{id}/refund': () => ({ body: { reason: 'matrix' } }),
  'POST /payouts': ({ r }) => ({ body: { orgId: r.params.id, currency: 'EUR' } }),
  'POST /projects/{id}/task-batches': () => ({ body: batchBody() }),
  'POST /task-batches/{id}/items': () => csv(itemsCsv(2, 1000 + ++seq * 10)),
  'POST /assignments/{id}/submit': () => ({ body: { answer: 'cat' } }),
  'POST /task-batches/{id}/imported-answers': () => csv(`item,worker,answer\nit-0,${unique('ext')},cat`),
  'POST /assignments/{id}/review': () => ({ body: { decision: 'approve' } }),
  'POST /task-batches/{id}/bonuses': () => ({ body: { workerId: w.worker.id, amount: 5, reason: 'Thanks' } }),
  'POST /projects/{id}/surveys': () => ({ body: surveyBody() }),
  'PATCH /surveys/{id}': () => ({ body: { title: 'Edited title' } }),
  'POST /surveys/{id}/responses': ({ r }) => ({
    body: { answers: r.extra.questionId ? [{ questionId: r.extra.questionId, value: 'yes' }] : [] },
  }),
  'POST /projects/{id}/challenges': () => ({ body: challengeBody('draft') }),
  'PATCH /challenges/{id}': () => ({ body: { prompt: 'Edited prompt' } }),
  'POST /challenges/{id}/ideas': () => ({ body: { title: unique('An idea') } }),
  'PATCH /ideas/{id}': () => ({ body: { status: 'shortlisted' } }),
  'POST /ideas/{id}/votes': () => ({ body: { value: 1 } }),
  'POST /ideas/{id}/merge': ({ r }) => ({ body: { intoId: r.extra.intoId ?? 'ide_none' } }),
  'POST /challenges/{id}/comparisons': ({ r }) => ({ body: { winnerId: r.extra.a ?? 'ide_none', loserId: r.extra.b ?? 'ide_none2' } }),
  'POST /projects/{id}/questions': () => ({ body: { title: 'Does it work in the rain?' } }),
  'POST /questions': () => ({ body: { title: 'What makes a good kettle?' } }),
  'PATCH /questions/{id}': () => ({ body: { body: 'Edited question body' } }),
  'POST /questions/{id}/votes': () => ({ body: { value: 1 } }),
  'POST /questions/{id}/answers': () => ({ body: { body: 'An answer from the matrix' } }),
  'PATCH /answers/{id}': () => ({ body: { body: 'Edited answer' } }),
  'POST /answers/{id}/votes': () => ({ body: { value: 1 } }),
};

function fill(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`target gives no {${name}} for ${path}`);
    return encodeURIComponent(v);
  });
}
function withQuery(url: string, query?: Record<string, string>) {
  if (!query || !Object.keys(query).length) return url;
  return `${url}?${new URLSearchParams(query).toString()}`;
}

// ---------------------------------------------------------------- checking

const matches = (status: number, e: Expect) => (Array.isArray(e) ? e.includes(status) : status === e);
const show = (e: Expect) => (Array.isArray(e) ? e.join('|') : String(e));

interface Mismatch {
  op: string;
  on: Target;
  caller: string;
  got: number;
  expected: string;
  code?: string;
}
const mismatches: Mismatch[] = [];

function errorCode(res: LightMyRequestResponse): string | undefined {
  try {
    return (res.json() as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}

async function runCase(op: Operation, c: Case, row: Row): Promise<Mismatch[]> {
  const freshCallers = Boolean(row.freshCallers);
  const found: Mismatch[] = [];
  const build = REQUESTS[op.key];
  for (const caller of CALLERS) {
    const user = caller === 'anonymous' ? null : freshCallers ? await freshCaller(caller) : w.callers[caller];
    const r = await resolve(c.on);
    const parts = build ? await build({ r, caller: user }) : {};
    const url = withQuery(fill(op.path, r.params), parts.query);
    const res = await req(user, op.method, url, parts.body, parts.headers);
    const expected = c[caller];
    const code = errorCode(res);
    if (!matches(res.statusCode, expected)) {
      found.push({ op: op.key, on: c.on, caller, got: res.statusCode, expected: show(expected), code });
    } else if (res.statusCode >= 400 && !(code && typeof (res.json() as { error: { message?: unknown } }).error.message === 'string')) {
      found.push({
        op: op.key,
        on: c.on,
        caller,
        got: res.statusCode,
        expected: `${show(expected)} in the {error:{code,message}} shape`,
        code,
      });
    }
  }
  // Authentication comes before the body: an anonymous caller gets 401 whatever it sends.
  if (c.anonymous === 401 && WRITES.has(op.method) && !row.anonymousByTarget) {
    const r = await resolve(c.on);
    const url = withQuery(fill(op.path, r.params), (build ? await build({ r, caller: null }) : {}).query);
    for (const [label, body] of [
      ['no body', undefined],
      ['body {}', {}],
      ['body {"unexpected":[1]}', { unexpected: [1] }],
    ] as const) {
      const res = await req(null, op.method, url, body);
      if (res.statusCode !== 401)
        found.push({ op: op.key, on: c.on, caller: `anonymous, ${label}`, got: res.statusCode, expected: '401', code: errorCode(res) });
    }
  }
  return found;
}

const describeMismatches = (list: Mismatch[]) =>
  list.map((m) => `  ${m.op} on ${m.on}, ${m.caller}: got ${m.got}${m.code ? ` (${m.code})` : ''}, expected ${m.expected}`).join('\n');

beforeAll(async () => {
  w = await buildWorld();
}, 180_000);

afterAll(async () => {
  if (mismatches.length) {
    console.log(`\nAuthorization matrix: ${mismatches.length} answers differ from the table\n${describeMismatches(mismatches)}\n`);
  }
  await t.close();
});

describe('authorization matrix', () => {
  it('has a row in the table for every operation of the OpenAPI document, and no stale row', () => {
    const served = new Set(operations.map((o) => o.key));
    const missing = operations.filter((o) => !TABLE[o.key]).map((o) => o.key);
    expect(missing, `operations without a row in test/security/authorization-table.ts:\n${missing.join('\n')}`).toEqual([]);
    const stale = Object.keys(TABLE).filter((k) => !served.has(k) && !PENDING.has(k));
    expect(stale, `rows for operations the OpenAPI document does not have (renamed or removed?):\n${stale.join('\n')}`).toEqual([]);
    const noBody = operations.filter((o) => o.hasBody && !REQUESTS[o.key]).map((o) => o.key);
    // Routes whose body is optional may go without a builder; every other body-taking route needs one.
    const needsBody = noBody.filter((k) => {
      const [m, p] = k.split(' ') as [string, string];
      return doc.paths[`${PREFIX}${p}`]?.[m.toLowerCase()]?.requestBody?.required;
    });
    expect(needsBody, `operations with a required body but no minimal request in REQUESTS:\n${needsBody.join('\n')}`).toEqual([]);
  });

  it('follows its own rules: non-hosts get 404, never 403, on drafts and hidden things', () => {
    const broken: string[] = [];
    for (const [key, row] of Object.entries(TABLE)) {
      if (row.operatorOnly) continue;
      for (const c of row.cases) {
        if (!UNSEEN_TARGETS.has(c.on)) continue;
        for (const caller of ['anonymous', 'stranger', 'member'] as const) {
          const e = c[caller];
          if ((Array.isArray(e) ? e : [e]).includes(403)) broken.push(`${key} on ${c.on}: ${caller} ${show(e)}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it("shows non-hosts nothing of drafts in the project's lists, feed and comment threads", async () => {
    const drafts = [w.draftCampaignId, w.draftSurveyId, w.draftChallengeId, w.draftIdeaId, w.draftBatchId, w.draftCommentId];
    const reads = [
      `/projects/${w.projectId}`,
      `/projects/${w.projectId}/activity?limit=100`,
      `/projects/${w.projectId}/campaigns?limit=100`,
      `/projects/${w.projectId}/surveys?limit=100`,
      `/projects/${w.projectId}/challenges?limit=100`,
      `/projects/${w.projectId}/task-batches?limit=100`,
      `/comments?subject=project:${w.projectId}&limit=100`,
      `/projects/${w.projectId}/validation`,
    ];
    const leaks: string[] = [];
    for (const caller of ['anonymous', 'stranger', 'member'] as const) {
      for (const url of reads) {
        const res = await req(caller === 'anonymous' ? null : w.callers[caller], 'GET', url);
        if (res.statusCode >= 500) leaks.push(`${caller} GET ${url} answered ${res.statusCode}`);
        for (const id of drafts) if (res.body.includes(id)) leaks.push(`${caller} GET ${url} shows ${id}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  for (const key of PENDING) {
    if (!operations.some((o) => o.key === key)) it.todo(`${key} (not served yet: its row waits in the table)`);
  }

  for (const op of operations) {
    it(op.key, async () => {
      const row = TABLE[op.key];
      if (!row) throw new Error(`${op.key} has no row in test/security/authorization-table.ts: write who may call it`);
      const found: Mismatch[] = [];
      for (const c of row.cases) found.push(...(await runCase(op, c, row)));
      mismatches.push(...found);
      expect(found.length, `${op.key}: answers differ from the table\n${describeMismatches(found)}`).toBe(0);
    });
  }
});
