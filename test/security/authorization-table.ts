// Who may do what: the written authorization table the matrix test (authorization-matrix.test.ts) checks every
// operation of the OpenAPI document against, for five callers on a world built once through the API.
//
// The rules, from the README and from what a careful platform answers:
// - 401 to an anonymous caller on every route that needs a person, whatever body it sends (authentication is
//   checked before the body is validated).
// - 404, never 403, to anyone who may not see the thing: drafts (campaign, survey, challenge and its ideas, task
//   batch) are seen by the project's hosts only; a project hidden by moderation, and everything on it, by its hosts
//   and operators only; a pledge by its backer (and through the campaign's host views); an assignment by its
//   worker (and through the batch's host views); a person's API tokens by that person.
// - 403 only when the caller can see the thing but may not act on it (a published survey whose results are
//   private, a live campaign a stranger may not edit), or on routes gated by role alone (operators' routes answer
//   403 to everyone else for any id, so the answer tells nothing about the id).
// - Hosts of a project: its owner, the owners and admins of its organization, and operators. A plain member of
//   the organization is not a host: for a project of the organization they get what a stranger gets.
// - Organizations are public (GET /orgs/{id}): a stranger who may not act on one gets 403; managing one (edit,
//   members, balance) is for its owners and admins; operators moderate but do not manage organizations, except
//   that they may see and pay out a host balance (payouts.ts).
// - Audit (routes being added): operators read all of it (GET /audit); an organization's owners and admins read
//   their organization's (GET /orgs/{id}/audit); plain members get 403. Strangers get 403 too, not 404: the
//   organization itself is public, only its audit is not.

export const CALLERS = ['anonymous', 'stranger', 'member', 'host', 'operator'] as const;
export type Caller = (typeof CALLERS)[number];

/** An expected status, or the set of statuses the API may legitimately answer (state-dependent actions). */
export type Expect = number | readonly number[];

/**
 * The object an operation's path parameters (and, for a few, its body or query) are filled from.
 * `fresh…` targets are made anew for every call, so destructive calls (delete, close, cancel, settle, hide,
 * merge, review) never spoil a later row.
 */
export type Target =
  | 'none'
  | 'org'
  | 'user'
  | 'project'
  | 'hiddenProject'
  | 'comment'
  | 'hiddenComment'
  | 'draftComment'
  | 'update'
  | 'hiddenUpdate'
  | 'projectSubject'
  | 'hiddenSubject'
  | 'draftSubject'
  | 'draftCampaign'
  | 'liveCampaign'
  | 'hiddenCampaign'
  | 'liveTier'
  | 'draftTier'
  | 'pledge'
  | 'draftSurvey'
  | 'openSurvey'
  | 'hiddenSurvey'
  | 'draftChallenge'
  | 'votingChallenge'
  | 'hiddenChallenge'
  | 'idea'
  | 'draftIdea'
  | 'hiddenIdea'
  | 'question'
  | 'answer'
  | 'hiddenQuestion'
  | 'hiddenAnswer'
  | 'draftBatch'
  | 'publishedBatch'
  | 'hiddenBatch'
  | 'freshHostToken'
  | 'freshOrgMember'
  | 'freshProject'
  | 'freshHiddenProject'
  | 'freshComment'
  | 'freshHiddenComment'
  | 'freshReport'
  | 'freshDraftCampaign'
  | 'freshLiveCampaign'
  | 'freshLiveTier'
  | 'freshDraftTier'
  | 'freshCollectedPledge'
  | 'freshDraftSurvey'
  | 'freshOpenSurvey'
  | 'freshIdeaPair'
  | 'freshDraftBatch'
  | 'freshPublishedBatch'
  | 'freshLease'
  | 'freshSubmission';

/** Targets nobody but the project's hosts (and operators) may see: non-hosts must get 404 there, never 403. */
export const UNSEEN_TARGETS: ReadonlySet<Target> = new Set<Target>([
  'hiddenProject',
  'hiddenComment',
  'draftComment',
  'hiddenUpdate',
  'hiddenSubject',
  'draftSubject',
  'draftCampaign',
  'hiddenCampaign',
  'draftTier',
  'pledge',
  'draftSurvey',
  'hiddenSurvey',
  'draftChallenge',
  'hiddenChallenge',
  'draftIdea',
  'hiddenIdea',
  'hiddenQuestion',
  'hiddenAnswer',
  'draftBatch',
  'hiddenBatch',
  'freshHostToken',
  'freshDraftCampaign',
  'freshDraftTier',
  'freshCollectedPledge',
  'freshDraftSurvey',
  'freshDraftBatch',
  'freshLease',
  'freshSubmission',
]);

export type Expectations = Record<Caller, Expect>;
export interface Case extends Expectations {
  on: Target;
  note?: string;
}
export interface Row {
  cases: Case[];
  /** Each caller is a fresh person of their kind (sign-out, password change, account deletion). */
  freshCallers?: boolean;
  /** The route takes anonymous callers for some targets (anonymous surveys): no 401-whatever-the-body check. */
  anonymousByTarget?: boolean;
  /** Gated by role alone (operators): 403 to non-operators for any id, which reveals nothing about the id. */
  operatorOnly?: boolean;
  note?: string;
}

/** Operations the table describes that other engineers are adding: skipped (as todo) until the document has them. */
export const PENDING = new Set(['GET /me/export', 'DELETE /me', 'POST /me/password', 'GET /audit', 'GET /orgs/{id}/audit']);

// ---- shorthands: each names who may act and what the others get ----

/** Everyone, signed in or not. */
const everyone = (s: Expect): Expectations => ({ anonymous: s, stranger: s, member: s, host: s, operator: s });
/** Anyone signed in; 401 to anonymous. */
const person = (s: Expect): Expectations => ({ anonymous: 401, stranger: s, member: s, host: s, operator: s });
/** The project's hosts (and operators) act on a thing others can see: 403 to them, 401 to anonymous. */
const hosts = (s: Expect): Expectations => ({ anonymous: 401, stranger: 403, member: 403, host: s, operator: s });
/** The hosts act on a thing only they can see (draft, hidden): 404 to others, 401 to anonymous. */
const hostsUnseen = (s: Expect): Expectations => ({ anonymous: 401, stranger: 404, member: 404, host: s, operator: s });
/** A read of a thing only the hosts can see: 404 to everyone else, anonymous included. */
const readUnseen = (s: Expect): Expectations => ({ anonymous: 404, stranger: 404, member: 404, host: s, operator: s });
/** A person acting on a thing only the hosts can see: 404 to non-hosts, `h` to hosts. */
const personUnseen = (h: Expect): Expectations => ({ anonymous: 401, stranger: 404, member: 404, host: h, operator: h });
/** Operators only. */
const operators = (s: Expect): Expectations => ({ anonymous: 401, stranger: 403, member: 403, host: 403, operator: s });
/** The organization's owners and admins only (operators do not manage organizations). */
const orgManagers = (s: Expect): Expectations => ({ anonymous: 401, stranger: 403, member: 403, host: s, operator: 403 });
/** Someone else's own thing (a pledge, an assignment, a token): 404 to every caller here. */
const nobodyElse: Expectations = { anonymous: 401, stranger: 404, member: 404, host: 404, operator: 404 };

const on = (target: Target, e: Expectations, note?: string): Case => ({ on: target, ...e, ...(note ? { note } : {}) });
const row = (...cases: Case[]): Row => ({ cases });

export const TABLE: Record<string, Row> = {
  // ---- accounts ----
  'POST /auth/signup': row(on('none', everyone(201), 'a fresh e-mail each call')),
  'POST /auth/login': row(on('none', everyone(200), 'with a known account')),
  'POST /auth/logout': { freshCallers: true, cases: [on('none', everyone(204))] },
  'GET /auth/csrf': row(on('none', everyone(200))),
  'POST /auth/password-reset': row(on('none', everyone(202))),
  'POST /auth/password-reset/confirm': row(on('none', everyone(400), 'an unknown reset token: invalid_reset_token')),
  'GET /me': row(on('none', person(200))),
  'PATCH /me': row(on('none', person(200))),
  'POST /tokens': row(on('none', person(201))),
  'GET /tokens': row(on('none', person(200))),
  'DELETE /tokens/{id}': row(
    on('freshHostToken', { anonymous: 401, stranger: 404, member: 404, host: 204, operator: 404 }, "the host's token"),
  ),
  'GET /users/{id}': row(on('user', everyone(200))),
  'GET /notifications': row(on('none', person(200))),
  'POST /notifications/read': row(on('none', person(200))),
  'GET /me/export': row(on('none', person(200))),
  'DELETE /me': {
    freshCallers: true,
    cases: [
      on(
        'none',
        { anonymous: 401, stranger: 200, member: 200, host: [200, 409], operator: 200 },
        "with the caller's password; the fresh host is a second owner of the organization, whose projects run live campaigns: erased, or 409 hosts_live_campaign",
      ),
    ],
  },
  'POST /me/password': { freshCallers: true, cases: [on('none', person(200))] },
  'GET /audit': { operatorOnly: true, cases: [on('none', operators(200))] },
  'GET /orgs/{id}/audit': row(
    on(
      'org',
      { anonymous: 401, stranger: 403, member: 403, host: 200, operator: 200 },
      'the org is public, its audit is not: 403, not 404',
    ),
  ),

  // ---- projects ----
  'GET /projects': row(on('none', everyone(200))),
  'POST /projects': row(
    on('none', person(201), 'a personal project'),
    on('org', orgManagers(201), "a project of the organization: its owners and admins host the organization's projects"),
  ),
  'GET /projects/{id}': row(on('project', everyone(200)), on('hiddenProject', readUnseen(200))),
  'PATCH /projects/{id}': row(on('project', hosts(200)), on('hiddenProject', hostsUnseen(200))),
  'GET /me/projects': row(on('none', person(200))),
  'GET /me/follows': row(on('none', person(200))),

  // ---- organizations ----
  'POST /orgs': row(on('none', person(201))),
  'GET /orgs/{id}': row(on('org', everyone(200))),
  'PATCH /orgs/{id}': row(on('org', orgManagers(200))),
  'POST /orgs/{id}/members': row(on('org', orgManagers(201), 'adds a fresh person as a plain member')),
  'PATCH /orgs/{id}/members/{userId}': row(
    on('freshOrgMember', { anonymous: 401, stranger: 403, member: 403, host: 200, operator: 403 }, 'only owners change roles'),
  ),
  'DELETE /orgs/{id}/members/{userId}': row(
    on(
      'freshOrgMember',
      { anonymous: 401, stranger: 403, member: 403, host: 204, operator: 403 },
      'owners and admins remove plain members',
    ),
  ),
  'GET /me/orgs': row(on('none', person(200))),

  // ---- community ----
  'POST /projects/{id}/follow': row(on('project', person(200)), on('hiddenProject', personUnseen(200))),
  'DELETE /projects/{id}/follow': row(on('project', person(200)), on('hiddenProject', personUnseen(200))),
  'POST /projects/{id}/signups': row(
    on('project', everyone(201), 'anonymous with an e-mail; signed in with the account e-mail'),
    on('hiddenProject', { anonymous: 404, stranger: 404, member: 404, host: [200, 201], operator: [200, 201] }),
  ),
  'GET /projects/{id}/signups': row(on('project', hosts(200)), on('hiddenProject', hostsUnseen(200))),
  'GET /comments': row(
    on('projectSubject', everyone(200)),
    on('hiddenSubject', readUnseen(200), 'comments on a hidden project'),
    on('draftSubject', readUnseen(200), 'comments on a draft survey'),
  ),
  'POST /comments': row(on('projectSubject', person(201)), on('hiddenSubject', personUnseen(201)), on('draftSubject', personUnseen(201))),
  'GET /comments/{id}': row(on('comment', everyone(200)), on('hiddenComment', readUnseen(200)), on('draftComment', readUnseen(200))),
  'GET /projects/{id}/activity': row(on('project', everyone(200)), on('hiddenProject', readUnseen(200))),
  'POST /projects/{id}/updates': row(on('project', hosts(201)), on('hiddenProject', hostsUnseen(201))),
  'GET /projects/{id}/updates': row(on('project', everyone(200)), on('hiddenProject', readUnseen(200))),
  'GET /updates/{id}': row(on('update', everyone(200)), on('hiddenUpdate', readUnseen(200))),
  'PATCH /updates/{id}': row(on('update', hosts(200)), on('hiddenUpdate', hostsUnseen(200))),
  'POST /comments/{id}/report': row(on('comment', person(201)), on('hiddenComment', personUnseen(201))),
  'POST /projects/{id}/report': row(on('project', person(201)), on('hiddenProject', personUnseen(201))),
  'GET /moderation/reports': { operatorOnly: true, cases: [on('none', operators(200))] },
  'POST /moderation/reports/{id}/resolve': { operatorOnly: true, cases: [on('freshReport', operators(200))] },
  'POST /comments/{id}/hide': { operatorOnly: true, cases: [on('freshComment', operators(200))] },
  'POST /projects/{id}/hide': { operatorOnly: true, cases: [on('freshProject', operators(200))] },
  'POST /comments/{id}/unhide': { operatorOnly: true, cases: [on('freshHiddenComment', operators(200))] },
  'POST /projects/{id}/unhide': { operatorOnly: true, cases: [on('freshHiddenProject', operators(200))] },

  // ---- funding ----
  'POST /projects/{id}/campaigns': row(on('project', hosts(201)), on('hiddenProject', hostsUnseen(201))),
  'GET /projects/{id}/campaigns': row(on('project', everyone(200)), on('hiddenProject', readUnseen(200))),
  'GET /campaigns/{id}': row(
    on('liveCampaign', everyone(200)),
    on('draftCampaign', readUnseen(200)),
    on('hiddenCampaign', readUnseen(200)),
  ),
  'PATCH /campaigns/{id}': row(on('liveCampaign', hosts(200)), on('draftCampaign', hostsUnseen(200))),
  'POST /campaigns/{id}/launch': row(
    on('freshDraftCampaign', hostsUnseen(200)),
    on('liveCampaign', { anonymous: 401, stranger: 403, member: 403, host: 409, operator: 409 }, 'already live'),
  ),
  'POST /campaigns/{id}/cancel': row(on('freshLiveCampaign', hosts(200)), on('freshDraftCampaign', hostsUnseen(200))),
  'POST /campaigns/{id}/tiers': row(on('liveCampaign', hosts(201)), on('draftCampaign', hostsUnseen(201))),
  'PATCH /campaigns/{id}/tiers/{tierId}': row(on('liveTier', hosts(200)), on('draftTier', hostsUnseen(200))),
  'DELETE /campaigns/{id}/tiers/{tierId}': row(on('freshLiveTier', hosts(204)), on('freshDraftTier', hostsUnseen(204))),
  'POST /campaigns/{id}/pledges': row(
    on('freshLiveCampaign', person(201)),
    on('draftCampaign', personUnseen([404, 409]), 'not live: hosts may get 404 (no live campaign) or 409'),
    on('hiddenCampaign', personUnseen([404, 409]), 'a hidden project takes no money, not even from its hosts'),
  ),
  'GET /campaigns/{id}/pledges': row(on('liveCampaign', hosts(200)), on('draftCampaign', hostsUnseen(200))),
  'GET /campaigns/{id}/backers.csv': row(on('liveCampaign', hosts(200)), on('draftCampaign', hostsUnseen(200))),
  'GET /campaigns/{id}/stats': row(on('liveCampaign', hosts(200)), on('draftCampaign', hostsUnseen(200))),
  'GET /me/pledges': row(on('none', person(200))),
  'GET /pledges/{id}': row(on('pledge', nobodyElse, "another person's pledge: hosts see it through the campaign's views, not here")),
  'PATCH /pledges/{id}': row(on('pledge', nobodyElse)),
  'DELETE /pledges/{id}': row(on('pledge', nobodyElse)),
  'POST /pledges/{id}/fix': row(on('pledge', nobodyElse)),
  'POST /campaigns/{id}/settle': { operatorOnly: true, cases: [on('freshLiveCampaign', operators(200), '{endNow: true}')] },
  'GET /campaigns/{id}/ledger': row(
    on('liveCampaign', everyone(200)),
    on('draftCampaign', readUnseen(200)),
    on('hiddenCampaign', readUnseen(200)),
  ),
  'POST /pledges/{id}/refund': row(on('freshCollectedPledge', hostsUnseen(200), 'a pledge is not visible to strangers: 404, not 403')),
  'POST /payouts': row(
    on(
      'org',
      { anonymous: 401, stranger: 403, member: 403, host: [201, 409], operator: [201, 409] },
      "the organization's balance; 409 when there is nothing to pay out",
    ),
  ),
  'GET /orgs/{id}/balance': row(on('org', { anonymous: 401, stranger: 403, member: 403, host: 200, operator: 200 })),
  'GET /me/balance': row(on('none', person(200))),

  // ---- micro-tasks ----
  'POST /projects/{id}/task-batches': row(on('project', hosts(201)), on('hiddenProject', hostsUnseen(201))),
  'GET /projects/{id}/task-batches': row(on('project', everyone(200)), on('hiddenProject', readUnseen(200))),
  'GET /task-batches/{id}': row(on('publishedBatch', everyone(200)), on('draftBatch', readUnseen(200)), on('hiddenBatch', readUnseen(200))),
  'POST /task-batches/{id}/items': row(
    on('draftBatch', hostsUnseen(201)),
    on('publishedBatch', { anonymous: 401, stranger: 403, member: 403, host: 409, operator: 409 }, 'items go to a draft only'),
  ),
  'POST /task-batches/{id}/publish': row(on('freshDraftBatch', hostsUnseen(200))),
  'POST /task-batches/{id}/pause': row(on('freshPublishedBatch', hosts(200))),
  'POST /task-batches/{id}/close': row(on('freshPublishedBatch', hosts(200))),
  'POST /task-batches/{id}/assignments': row(
    on('publishedBatch', person(201)),
    on('draftBatch', personUnseen(409), 'hosts see the draft but it is not open to work'),
    on('hiddenBatch', personUnseen([404, 409]), 'a hidden project takes no work, not even from its hosts'),
  ),
  'POST /assignments/{id}/submit': row(on('freshLease', nobodyElse, "the worker's lease")),
  'POST /assignments/{id}/skip': row(on('freshLease', nobodyElse, "the worker's lease")),
  'POST /task-batches/{id}/imported-answers': row(on('draftBatch', hostsUnseen([201, 409])), on('publishedBatch', hosts([201, 409]))),
  'POST /assignments/{id}/review': row(
    on('freshSubmission', hostsUnseen(200), 'an answer is between its worker and the hosts: 404 to others'),
  ),
  'POST /task-batches/{id}/bonuses': row(on('publishedBatch', hosts(201))),
  'GET /task-batches/{id}/results': row(on('publishedBatch', hosts(200)), on('draftBatch', hostsUnseen(200))),
  'GET /task-batches/{id}/results.csv': row(on('publishedBatch', hosts(200)), on('draftBatch', hostsUnseen(200))),
  'GET /task-batches/{id}/results.json': row(on('publishedBatch', hosts(200)), on('draftBatch', hostsUnseen(200))),
  'GET /task-batches/{id}/workers': row(on('publishedBatch', hosts(200)), on('draftBatch', hostsUnseen(200))),
  'GET /task-batches/{id}/submissions': row(on('publishedBatch', hosts(200)), on('draftBatch', hostsUnseen(200))),
  'GET /me/assignments': row(on('none', person(200))),
  'GET /me/task-earnings': row(on('none', person(200))),

  // ---- surveys ----
  'POST /projects/{id}/surveys': row(on('project', hosts(201)), on('hiddenProject', hostsUnseen(201))),
  'GET /projects/{id}/surveys': row(on('project', everyone(200)), on('hiddenProject', readUnseen(200))),
  'GET /surveys/{id}': row(on('openSurvey', everyone(200)), on('draftSurvey', readUnseen(200)), on('hiddenSurvey', readUnseen(200))),
  'PATCH /surveys/{id}': row(on('openSurvey', hosts(200)), on('draftSurvey', hostsUnseen(200))),
  'DELETE /surveys/{id}': row(
    on('freshDraftSurvey', hostsUnseen(204)),
    on('freshOpenSurvey', { anonymous: 401, stranger: 403, member: 403, host: 409, operator: 409 }, 'only a draft can be deleted'),
  ),
  'POST /surveys/{id}/open': row(
    on('freshDraftSurvey', hostsUnseen(200)),
    on('openSurvey', { anonymous: 401, stranger: 403, member: 403, host: 409, operator: 409 }, 'already open'),
  ),
  'POST /surveys/{id}/close': row(
    on('freshOpenSurvey', hosts(200)),
    on('freshDraftSurvey', personUnseen(409), 'only an open survey can be closed'),
  ),
  'POST /surveys/{id}/responses': {
    anonymousByTarget: true,
    note: 'anonymous surveys take answers without an account, so whether a person is needed depends on the survey, found after the body is read',
    cases: [
      on('openSurvey', person(201), 'not an anonymous survey: anonymous callers must sign in'),
      on('draftSurvey', readUnseen(409), 'a draft does not exist for non-hosts, whoever asks; hosts: not open'),
      on('hiddenSurvey', { anonymous: 404, stranger: 404, member: 404, host: [201, 409], operator: [201, 409] }),
    ],
  },
  'GET /surveys/{id}/results': row(
    on(
      'openSurvey',
      { anonymous: 403, stranger: 403, member: 403, host: 200, operator: 200 },
      'open, results private: seen but not readable',
    ),
    on('draftSurvey', readUnseen(200)),
    on('hiddenSurvey', readUnseen(200), 'results public, but the project is hidden'),
  ),
  'GET /surveys/{id}/results.csv': row(on('openSurvey', hosts(200)), on('draftSurvey', hostsUnseen(200))),

  // ---- idea challenges ----
  'POST /projects/{id}/challenges': row(on('project', hosts(201)), on('hiddenProject', hostsUnseen(201))),
  'GET /projects/{id}/challenges': row(on('project', everyone(200)), on('hiddenProject', readUnseen(200))),
  'GET /challenges/{id}': row(
    on('votingChallenge', everyone(200)),
    on('draftChallenge', readUnseen(200)),
    on('hiddenChallenge', readUnseen(200)),
  ),
  'PATCH /challenges/{id}': row(on('votingChallenge', hosts(200)), on('draftChallenge', hostsUnseen(200))),
  'POST /challenges/{id}/ideas': row(
    on('votingChallenge', person(201), 'submissions during voting are allowed by its rules'),
    on('draftChallenge', personUnseen(201), 'hosts add seed ideas in any phase but closed'),
    on('hiddenChallenge', personUnseen(201)),
  ),
  'GET /challenges/{id}/ideas': row(
    on('votingChallenge', everyone(200)),
    on('draftChallenge', readUnseen(200)),
    on('hiddenChallenge', readUnseen(200)),
  ),
  'GET /ideas/{id}': row(on('idea', everyone(200)), on('draftIdea', readUnseen(200)), on('hiddenIdea', readUnseen(200))),
  'PATCH /ideas/{id}': row(on('idea', hosts(200), 'a stage-gate status'), on('draftIdea', hostsUnseen(200))),
  'POST /ideas/{id}/votes': row(
    on('idea', person(201)),
    on('draftIdea', personUnseen(409), 'a draft takes no votes'),
    on('hiddenIdea', personUnseen(201)),
  ),
  'DELETE /ideas/{id}/votes': row(on('idea', person(200)), on('draftIdea', personUnseen([200, 409])), on('hiddenIdea', personUnseen(200))),
  'POST /ideas/{id}/merge': row(on('freshIdeaPair', hosts(200))),
  'GET /challenges/{id}/pair': row(
    on('votingChallenge', everyone(200)),
    on('draftChallenge', readUnseen(409), 'hosts: no pairs before voting opens'),
    on('hiddenChallenge', readUnseen([200, 409])),
  ),
  'POST /challenges/{id}/comparisons': row(
    on('votingChallenge', person(201)),
    on('draftChallenge', personUnseen(409), 'a draft takes no comparisons'),
    on('hiddenChallenge', personUnseen([201, 409])),
  ),

  // ---- questions and answers ----
  'POST /projects/{id}/questions': row(on('project', person(201)), on('hiddenProject', personUnseen(201))),
  'GET /projects/{id}/questions': row(on('project', everyone(200)), on('hiddenProject', readUnseen(200))),
  'POST /questions': row(on('none', person(201))),
  'GET /questions': row(on('none', everyone(200))),
  'GET /questions/{id}': row(on('question', everyone(200)), on('hiddenQuestion', readUnseen(200))),
  'PATCH /questions/{id}': row(on('question', hosts(200), 'its author or the project hosts'), on('hiddenQuestion', hostsUnseen(200))),
  'POST /questions/{id}/votes': row(on('question', person(200)), on('hiddenQuestion', personUnseen(200))),
  'DELETE /questions/{id}/votes': row(on('question', person(200)), on('hiddenQuestion', personUnseen(200))),
  'POST /questions/{id}/answers': row(on('question', person(201)), on('hiddenQuestion', personUnseen(201))),
  'PATCH /answers/{id}': row(on('answer', hosts(200), 'its author or the project hosts'), on('hiddenAnswer', hostsUnseen(200))),
  'POST /answers/{id}/votes': row(on('answer', person(200)), on('hiddenAnswer', personUnseen(200))),
  'DELETE /answers/{id}/votes': row(on('answer', person(200)), on('hiddenAnswer', personUnseen(200))),
  'POST /answers/{id}/accept': row(
    on(
      'answer',
      { anonymous: 401, stranger: 403, member: 403, host: 403, operator: 403 },
      'the person who asked only (not one of the callers)',
    ),
    on('hiddenAnswer', personUnseen(403)),
  ),
  'DELETE /answers/{id}/accept': row(
    on('answer', { anonymous: 401, stranger: 403, member: 403, host: 403, operator: 403 }, 'the person who asked only'),
    on('hiddenAnswer', personUnseen(403)),
  ),

  // ---- validation panel ----
  'GET /projects/{id}/validation': row(on('project', hosts(200)), on('hiddenProject', hostsUnseen(200))),
};
