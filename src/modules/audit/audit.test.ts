import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openTestApp, type TestUser } from '../../../test/support/test-app.js';
import { pgErrorCode } from '../../db/errors.js';
import { ensureOperator } from '../accounts/service.js';
import { settleCampaign } from '../funding/settle-campaign.js';
import { recordAccountErasure, recordAudit } from './record-audit.js';
import {
  CATS_OR_DOGS,
  campaignFixture,
  CARD,
  FAILS_ON_CHARGE,
  itemsCsv,
  lease,
  makeBatch,
  makeChallenge,
  makeIdea,
  pledge,
  publish,
  submit,
  upload,
} from '../../../test/support/fixtures.js';

const t = await openTestApp();
const ops = await t.operator('Olga Operator');

interface Entry {
  id: string;
  at: string;
  actor: { id: string | null; role: string; name: string | null };
  action: string;
  target: { type: string; id: string };
  orgId: string | null;
  projectId: string | null;
  summary: string;
  data: Record<string, unknown>;
  ip: string | null;
  requestId: string | null;
}

/** The operators' view of the log, filtered. */
async function audit(query: Record<string, string>): Promise<Entry[]> {
  const res = await t.request(ops, 'GET', `/api/v1/audit?${new URLSearchParams({ limit: '200', ...query })}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

/** The one entry of `action` on `targetId`, checked for its actor. */
async function one(action: string, targetId: string, actor: TestUser | null): Promise<Entry> {
  const items = await audit({ action, targetId });
  expect(items, `${action} on ${targetId}`).toHaveLength(1);
  const e = items[0]!;
  expect(e.actor.id).toBe(actor?.id ?? null);
  if (actor) expect(e.actor.name).toBe(actor.name);
  else expect(e.actor.role).toBe('system');
  return e;
}

async function makeOrg(owner: TestUser) {
  const res = await t.request(owner, 'POST', '/api/v1/orgs', { name: `Atelier ${Math.random().toString(36).slice(2, 8)}` });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; slug: string };
}

async function makeProject(owner: TestUser, orgId?: string) {
  const res = await t.request(owner, 'POST', '/api/v1/projects', {
    title: 'Solar street lights',
    summary: 'Light the square',
    category: 'technology',
    ...(orgId ? { orgId } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; slug: string; title: string };
}

describe('audit_log', () => {
  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const id = await t.ctx.db.transaction((tx) =>
      recordAudit(tx, { action: 'test.append', targetType: 'test', targetId: 'x', summary: 'A row to tamper with' }),
    );
    const refusal = (statement: ReturnType<typeof sql>) =>
      t.ctx.db.execute(statement).then(
        () => 'accepted',
        (e: unknown) => `${pgErrorCode(e)} ${String((e as { cause?: { message?: string } }).cause?.message ?? e)}`,
      );
    const refused = '42501 the audit log is append-only';
    expect(await refusal(sql`UPDATE audit_log SET summary = 'rewritten' WHERE id = ${id}`)).toContain(refused);
    expect(await refusal(sql`DELETE FROM audit_log WHERE id = ${id}`)).toContain(refused);
    expect(await refusal(sql`TRUNCATE audit_log`)).toContain(refused);
    const [row] = (
      (await t.ctx.db.execute(sql`SELECT summary FROM audit_log WHERE id = ${id}`)) as unknown as { rows: { summary: string }[] }
    ).rows;
    expect(row?.summary).toBe('A row to tamper with');
  });

  it('writes nothing when the action rolls back', async () => {
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await recordAudit(tx, { action: 'test.rolled_back', targetType: 'test', targetId: 'rb', summary: 'never' });
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    expect(await audit({ action: 'test.rolled_back' })).toEqual([]);
  });
});

describe('GET /audit', () => {
  it('answers 401 to anonymous callers and 403 to members', async () => {
    expect((await t.request(null, 'GET', '/api/v1/audit')).statusCode).toBe(401);
    const member = await t.signup('Mia Member');
    const res = await t.request(member, 'GET', '/api/v1/audit');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });

  it('pages newest first with a cursor, filters by actor, action prefix and dates, and refuses a foreign cursor', async () => {
    const actor = await t.signup('Pia Pager');
    for (let i = 0; i < 5; i++) expect((await t.request(actor, 'POST', '/api/v1/tokens', { name: `token ${i}` })).statusCode).toBe(201);
    const first = await t.request(ops, 'GET', `/api/v1/audit?actorId=${actor.id}&limit=2`);
    expect(first.json().items.map((e: Entry) => e.summary)).toEqual([
      expect.stringContaining('token 4'),
      expect.stringContaining('token 3'),
    ]);
    const seen: string[] = first.json().items.map((e: Entry) => e.id);
    let cursor: string | null = first.json().nextCursor;
    while (cursor) {
      const page = (await t.request(ops, 'GET', `/api/v1/audit?actorId=${actor.id}&limit=2&cursor=${cursor}`)).json();
      seen.push(...page.items.map((e: Entry) => e.id));
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect(await audit({ actorId: actor.id, action: 'api_token.' })).toHaveLength(5);
    expect(await audit({ actorId: actor.id, action: 'api_token' })).toHaveLength(0);
    const today = new Date().toISOString().slice(0, 10);
    expect(await audit({ actorId: actor.id, since: today, until: today })).toHaveLength(5);
    expect(await audit({ actorId: actor.id, until: '2000-01-01' })).toHaveLength(0);
    expect((await t.request(ops, 'GET', '/api/v1/audit?cursor=nonsense')).json().error.code).toBe('invalid_cursor');
    expect((await t.request(ops, 'GET', '/api/v1/audit?since=yesterday')).statusCode).toBe(400);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.request(null, 'GET', '/api/openapi.json')).json();
    expect(doc.paths['/api/v1/audit']?.get).toBeTruthy();
    expect(doc.paths['/api/v1/orgs/{id}/audit']?.get).toBeTruthy();
  });
});

describe('GET /orgs/{id}/audit', () => {
  it("shows an organization's owners and admins its own entries only; members 403, unknown org 404", async () => {
    const owner = await t.signup('Olive Owner');
    const [admin, member, stranger] = [await t.signup('Adam Admin'), await t.signup('Meg Member'), await t.signup('Sam Stranger')];
    const org = await makeOrg(owner);
    const other = await makeOrg(await t.signup('Other Owner'));
    expect((await t.request(owner, 'POST', `/api/v1/orgs/${org.id}/members`, { userId: admin.id, role: 'admin' })).statusCode).toBe(201);
    expect((await t.request(owner, 'POST', `/api/v1/orgs/${org.id}/members`, { userId: member.id })).statusCode).toBe(201);
    const project = await makeProject(owner, org.id);
    expect((await t.request(admin, 'PATCH', `/api/v1/projects/${project.id}`, { summary: 'Edited by an admin' })).statusCode).toBe(200);

    for (const reader of [owner, admin]) {
      const res = await t.request(reader, 'GET', `/api/v1/orgs/${org.slug}/audit`);
      expect(res.statusCode, res.body).toBe(200);
      const items: Entry[] = res.json().items;
      expect(items.map((e) => e.action)).toEqual(['project.update', 'org.member_add', 'org.member_add', 'org.create']);
      expect(items.every((e) => e.orgId === org.id)).toBe(true);
      // Why: IPs and request ids of the organization's members are for operators only.
      expect(items.every((e) => e.ip === null && e.requestId === null)).toBe(true);
    }
    expect((await t.request(member, 'GET', `/api/v1/orgs/${org.id}/audit`)).statusCode).toBe(403);
    expect((await t.request(stranger, 'GET', `/api/v1/orgs/${org.id}/audit`)).statusCode).toBe(403);
    expect((await t.request(null, 'GET', `/api/v1/orgs/${org.id}/audit`)).statusCode).toBe(401);
    expect((await t.request(owner, 'GET', '/api/v1/orgs/org_nope/audit')).statusCode).toBe(404);
    const theirs = await t.request(owner, 'GET', `/api/v1/orgs/${other.id}/audit`);
    expect(theirs.statusCode).toBe(403);
    expect((await t.request(ops, 'GET', `/api/v1/orgs/${other.id}/audit`)).json().items.map((e: Entry) => e.action)).toEqual([
      'org.create',
    ]);
  });
});

describe('recorded actions', () => {
  it('moderation: hide/unhide of projects and comments, report resolution (with IP and request id)', async () => {
    const owner = await t.signup('Pat Project');
    const project = await makeProject(owner);
    const comment = (
      await t.request(owner, 'POST', '/api/v1/comments', { subject: `project:${project.id}`, body: 'Buy cheap pills at example.com' })
    ).json();
    expect(comment.id).toBeTruthy();

    expect(
      (await t.request(ops, 'POST', `/api/v1/projects/${project.id}/hide`, { reason: 'scam' }, { 'x-forwarded-for': '203.0.113.9' }))
        .statusCode,
    ).toBe(200);
    const hide = await one('project.hide', project.id, ops);
    expect(hide).toMatchObject({
      target: { type: 'project', id: project.id },
      projectId: project.id,
      ip: '203.0.113.9',
      data: { reason: 'scam' },
    });
    expect(hide.summary).toBe('Hid project “Solar street lights”: “scam”');
    expect(hide.requestId).toBeTruthy();
    expect((await t.request(ops, 'POST', `/api/v1/projects/${project.id}/unhide`, {})).statusCode).toBe(200);
    expect((await one('project.unhide', project.id, ops)).summary).toBe('Showed again project “Solar street lights”');

    expect((await t.request(ops, 'POST', `/api/v1/comments/${comment.id}/hide`, { reason: 'spam' })).statusCode).toBe(200);
    expect((await one('comment.hide', comment.id, ops)).summary).toBe(`Hid a comment on project:${project.id}: “spam”`);
    expect((await t.request(ops, 'POST', `/api/v1/comments/${comment.id}/unhide`, {})).statusCode).toBe(200);
    await one('comment.unhide', comment.id, ops);

    const reporter = await t.signup('Rita Reporter');
    const report = (await t.request(reporter, 'POST', `/api/v1/comments/${comment.id}/report`, { reason: 'Spam again' })).json();
    expect(
      (await t.request(ops, 'POST', `/api/v1/moderation/reports/${report.id}/resolve`, { action: 'hide', note: 'spam link' })).statusCode,
    ).toBe(200);
    const resolved = await one('report.resolve', report.id, ops);
    expect(resolved).toMatchObject({ projectId: project.id, data: { resolution: 'hidden', subject: `comment:${comment.id}` } });
    expect(await audit({ action: 'comment.hide', targetId: comment.id })).toHaveLength(2);

    const report2 = (await t.request(reporter, 'POST', `/api/v1/projects/${project.id}/report`, { reason: 'Looks fake' })).json();
    expect((await t.request(ops, 'POST', `/api/v1/moderation/reports/${report2.id}/resolve`, { action: 'dismiss' })).statusCode).toBe(200);
    expect((await one('report.resolve', report2.id, ops)).summary).toBe(`Resolved a report on project:${project.id}: dismissed`);
  });

  it('money: settle (operator and scheduler), refund, payout, fix of a pledge, cancel', async () => {
    const host = await t.signup('Hana Host');
    const org = await makeOrg(host);
    const f = await campaignFixture(t, { model: 'keep_it_all', host, orgId: org.id });
    const backer = await t.signup('Ben Backer');
    const p = (await pledge(t, backer, f.campaignId, { amount: 5000 })).json();
    const settled = await t.request(ops, 'POST', `/api/v1/campaigns/${f.campaignId}/settle`, { endNow: true });
    expect(settled.statusCode, settled.body).toBe(200);
    expect((await one('campaign.end', f.campaignId, ops)).data).toMatchObject({ outcome: 'ended', endNow: true });
    const settle = await one('campaign.settle', f.campaignId, ops);
    expect(settle).toMatchObject({ orgId: org.id, projectId: f.projectId, data: { status: 'ended', currency: 'EUR' } });

    const refund = await t.request(host, 'POST', `/api/v1/pledges/${p.id}/refund`, { amount: 1000, reason: 'late' });
    expect(refund.statusCode, refund.body).toBe(200);
    const r = await one('pledge.refund', p.id, host);
    expect(r).toMatchObject({ orgId: org.id, data: { amount: 1000, refundId: refund.json().id, backerId: backer.id } });
    expect(r.summary).toBe(`Refunded 1000 EUR (minor units) of pledge ${p.id}: “late”`);

    const payout = await t.request(host, 'POST', '/api/v1/payouts', { orgId: org.id, currency: 'EUR', amount: 500 });
    expect(payout.statusCode, payout.body).toBe(201);
    expect(await one('payout.create', payout.json().id, host)).toMatchObject({
      orgId: org.id,
      data: { amount: 500, owner: `org:${org.id}` },
    });

    // The scheduler settles a campaign whose deadline passed: no actor.
    const due = await campaignFixture(t, { model: 'keep_it_all', days: 1 });
    await pledge(t, await t.signup('Late Backer'), due.campaignId, { amount: 2000 });
    t.clock.advance(2 * 24 * 3600_000);
    try {
      await settleCampaign(t.ctx, due.campaignId);
    } finally {
      t.clock.advance(-2 * 24 * 3600_000);
    }
    expect(await one('campaign.settle', due.campaignId, null)).toMatchObject({ actor: { id: null, role: 'system', name: null } });
    expect(await audit({ action: 'campaign.end', targetId: due.campaignId })).toEqual([]);

    // A backer fixes an errored pledge with another card.
    const aon = await campaignFixture(t, { goal: 1000 });
    const fixer = await t.signup('Fay Fixer');
    await pledge(t, await t.signup('Okay'), aon.campaignId, { amount: 1000 });
    const broken = (await pledge(t, fixer, aon.campaignId, { amount: 1500, payment: FAILS_ON_CHARGE })).json();
    await settleCampaign(t.ctx, aon.campaignId, { endNow: true });
    expect(await one('campaign.settle', aon.campaignId, null)).toBeTruthy();
    const fixed = await t.request(fixer, 'POST', `/api/v1/pledges/${broken.id}/fix`, { payment: CARD });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(await one('pledge.fix', broken.id, fixer)).toMatchObject({ projectId: aon.projectId, data: { amount: 1500, currency: 'EUR' } });

    // A host calls a live campaign off.
    const off = await campaignFixture(t, {});
    expect((await t.request(off.host, 'POST', `/api/v1/campaigns/${off.campaignId}/cancel`, {})).statusCode).toBe(200);
    await one('campaign.cancel', off.campaignId, off.host);
  });

  it('organizations: add, role change, remove, leave; edits of a project by an org admin, not by its owner', async () => {
    const owner = await t.signup('Oscar Owner');
    const [alice, bob] = [await t.signup('Alice Admin'), await t.signup('Bob Member')];
    const org = await makeOrg(owner);
    await one('org.create', org.id, owner);
    expect((await t.request(owner, 'POST', `/api/v1/orgs/${org.id}/members`, { email: alice.email, role: 'member' })).statusCode).toBe(201);
    expect((await one('org.member_add', alice.id, owner)).summary).toBe(`Added ${alice.id} to ${org.slug} as member`);
    expect((await t.request(owner, 'PATCH', `/api/v1/orgs/${org.id}/members/${alice.id}`, { role: 'admin' })).statusCode).toBe(200);
    const change = await one('org.member_role_change', alice.id, owner);
    expect(change).toMatchObject({ orgId: org.id, data: { from: 'member', to: 'admin' } });
    expect(change.summary).toBe(`Changed the role of ${alice.id} in ${org.slug} from member to admin`);
    expect((await t.request(alice, 'POST', `/api/v1/orgs/${org.id}/members`, { userId: bob.id })).statusCode).toBe(201);
    expect((await t.request(alice, 'DELETE', `/api/v1/orgs/${org.id}/members/${bob.id}`)).statusCode).toBe(204);
    expect((await one('org.member_remove', bob.id, alice)).data).toEqual({ role: 'member' });
    expect((await t.request(owner, 'PATCH', `/api/v1/orgs/${org.id}`, { description: 'We fix bikes' })).statusCode).toBe(200);
    expect((await one('org.update', org.id, owner)).data).toEqual({ fields: ['description'] });

    const project = await makeProject(owner, org.id);
    expect((await t.request(owner, 'PATCH', `/api/v1/projects/${project.id}`, { summary: 'By its owner' })).statusCode).toBe(200);
    expect(await audit({ action: 'project.update', targetId: project.id })).toEqual([]);
    expect((await t.request(alice, 'PATCH', `/api/v1/projects/${project.id}`, { title: 'Solar lights for all' })).statusCode).toBe(200);
    const edit = await one('project.update', project.id, alice);
    expect(edit).toMatchObject({
      orgId: org.id,
      data: { fields: ['title'], title: { from: 'Solar street lights', to: 'Solar lights for all' } },
    });

    expect((await t.request(alice, 'DELETE', `/api/v1/orgs/${org.id}/members/${alice.id}`)).statusCode).toBe(204);
    expect((await one('org.member_leave', alice.id, alice)).summary).toBe(`Left ${org.slug} (was admin)`);
  });

  it('task batches: publish, pause, resume, close; every review by a host; bonuses', async () => {
    const host = await t.signup('Tess Tasks');
    const project = await makeProject(host);
    const b = await makeBatch(t, host, {
      projectId: project.id,
      body: { ...CATS_OR_DOGS, overlap: 1, reward: { amount: 10, currency: 'EUR' } },
    });
    await upload(t, host, b.id, itemsCsv(3));
    await publish(t, host, b.id);
    const published = await one('task_batch.publish', b.id, host);
    expect(published).toMatchObject({ projectId: project.id, data: { from: 'draft', funded: 30, currency: 'EUR' } });
    const worker = await t.signup('Walt Worker');
    const leased = [(await lease(t, worker, b.id)).json()];
    await submit(t, worker, leased[0].id, 'cat');
    const second = (await lease(t, worker, b.id)).json();
    await submit(t, worker, second.id, 'dog');
    expect((await t.request(host, 'POST', `/api/v1/task-batches/${b.id}/pause`, {})).statusCode).toBe(200);
    await one('task_batch.pause', b.id, host);
    expect((await t.request(host, 'POST', `/api/v1/assignments/${leased[0].id}/review`, { decision: 'approve' })).statusCode).toBe(200);
    expect((await one('task_assignment.approve', leased[0].id, host)).data).toMatchObject({ paid: 10, workerId: worker.id });
    expect(
      (await t.request(host, 'POST', `/api/v1/assignments/${second.id}/review`, { decision: 'reject', reason: 'Not a dog' })).statusCode,
    ).toBe(200);
    expect((await one('task_assignment.reject', second.id, host)).summary).toContain('“Not a dog”');
    await publish(t, host, b.id);
    expect((await audit({ action: 'task_batch.publish', targetId: b.id }))[0]!.summary).toBe('Resumed task batch “Cats or dogs”');
    const bonus = await t.request(host, 'POST', `/api/v1/task-batches/${b.id}/bonuses`, {
      workerId: worker.id,
      amount: 50,
      reason: 'Careful work',
    });
    expect(bonus.statusCode, bonus.body).toBe(201);
    expect(await one('task_bonus.pay', bonus.json().id, host)).toMatchObject({ data: { workerId: worker.id, amount: 50 } });
    const closed = await t.request(host, 'POST', `/api/v1/task-batches/${b.id}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await one('task_batch.close', b.id, host)).data).toMatchObject({ returned: closed.json().returned });
  });

  it('ideas: status changes and merges by hosts, not an author editing their own idea', async () => {
    const host = await t.signup('Iris Ideas');
    const project = await makeProject(host);
    const challenge = await makeChallenge(t, host, project.id);
    const author = await t.signup('Abel Author');
    const a = await makeIdea(t, author, challenge.id, 'Bike lanes');
    const dup = await makeIdea(t, author, challenge.id, 'More bike lanes');
    expect((await t.request(author, 'PATCH', `/api/v1/ideas/${a.id}`, { body: 'Wider ones' })).statusCode).toBe(200);
    expect(await audit({ targetId: a.id })).toEqual([]);
    expect((await t.request(host, 'PATCH', `/api/v1/ideas/${a.id}`, { status: 'shortlisted', note: 'Costed next month' })).statusCode).toBe(
      200,
    );
    const status = await one('idea.status_change', a.id, host);
    expect(status).toMatchObject({ projectId: project.id, data: { from: 'submitted', to: 'shortlisted', authorId: author.id } });
    expect(status.summary).toBe('Set idea “Bike lanes” to shortlisted (was submitted): “Costed next month”');
    expect((await t.request(host, 'POST', `/api/v1/ideas/${dup.id}/merge`, { intoId: a.id })).statusCode).toBe(200);
    expect(await one('idea.merge', dup.id, host)).toMatchObject({ data: { intoId: a.id } });
  });

  it('operators: FOULE_ADMIN_EMAIL at start and `foule operator create` (system), a restart with the same settings records nothing', async () => {
    const email = `ops.${Math.random().toString(36).slice(2, 8)}@example.test`;
    const id = await ensureOperator(t.ctx, email, 'ops-password-1');
    expect(await one('operator.create', id, null)).toMatchObject({
      data: { source: 'env' },
      summary: `Created operator account ${id} (FOULE_ADMIN_EMAIL)`,
    });
    await ensureOperator(t.ctx, email, 'ops-password-1');
    expect(await audit({ targetId: id })).toHaveLength(1);
    await ensureOperator(t.ctx, email, 'ops-password-2', 'Operator', 'cli');
    expect(await one('operator.password_set', id, null)).toMatchObject({ data: { source: 'cli' } });
    const member = await t.signup('Promoted Person');
    await ensureOperator(t.ctx, member.email, member.password, 'Operator', 'cli');
    expect((await one('operator.grant', member.id, null)).summary).toBe(`Made ${member.id} an operator (foule operator create)`);
  });

  it('API tokens: creation and revocation by their owner', async () => {
    const person = await t.signup('Toby Tokens');
    const created = await t.request(person, 'POST', '/api/v1/tokens', { name: 'CI' });
    const tokenId = created.json().id;
    const entry = await one('api_token.create', tokenId, person);
    expect(entry.summary).toMatch(/^Created API token “CI” \(foule_.{4}…\) for usr_/);
    expect(JSON.stringify(entry)).not.toContain(created.json().token);
    expect((await t.request(person, 'DELETE', `/api/v1/tokens/${tokenId}`)).statusCode).toBe(204);
    await one('api_token.revoke', tokenId, person);
    expect((await t.request(await t.signup('Not Owner'), 'DELETE', `/api/v1/tokens/${tokenId}`)).statusCode).toBe(404);
    expect(await audit({ targetId: tokenId })).toHaveLength(2);
  });

  it('account erasure: recordAccountErasure, for the DELETE /me use case', async () => {
    const person = await t.signup('Erin Erased');
    await t.ctx.db.transaction((tx) =>
      recordAccountErasure(tx, person.id, { actorId: person.id, actorRole: 'member', ip: '198.51.100.1', requestId: 'req-9' }),
    );
    expect(await one('account.erase', person.id, person)).toMatchObject({
      summary: 'Erased their own account',
      ip: '198.51.100.1',
      requestId: 'req-9',
    });
  });
});
