import { describe, expect, it } from 'vitest';
import { openTestApp } from '../../../test/support/test-app.js';
import { expectInvalidField, makeProject } from '../../../test/support/fixtures.js';
import { comment, notificationsOf } from './test-helpers.js';

const t = await openTestApp();
const operator = await t.operator('Oper');

describe('Moderation', () => {
  describe('setCommentHidden', () => {
    it('hides a comment from everyone but operators, keeping a placeholder in its thread', async () => {
      const owner = await t.signup('Owner');
      const troll = await t.signup('Troll');
      const fan = await t.signup('Fan');
      const p = await makeProject(t, owner);
      const subject = `project:${p.id}`;
      const bad = await comment(t, troll, subject, 'Insulting words here');
      const reply = await comment(t, fan, subject, 'Please be nice', bad.id);
      expect((await notificationsOf(t, owner)).find((n) => n.subject === `comment:${bad.id}`)!.data.excerpt).toBe('Insulting words here');

      const hidden = await t.request(operator, 'POST', `/api/v1/comments/${bad.id}/hide`, { reason: 'insults' });
      expect(hidden.statusCode).toBe(200);
      expect(hidden.json()).toMatchObject({ id: bad.id, hidden: true, body: 'Insulting words here' });

      for (const viewer of [null, owner, troll, fan]) {
        const thread = (await t.request(viewer, 'GET', `/api/v1/comments?subject=${subject}`)).json().items[0];
        expect(thread).toMatchObject({ id: bad.id, hidden: true, body: null, bodyHtml: null, author: null, replyCount: 1 });
        expect(thread.replies[0]).toMatchObject({ id: reply.id, body: 'Please be nice' });
        expect(JSON.stringify(thread)).not.toContain('Insulting');
        expect((await t.request(viewer, 'GET', `/api/v1/comments/${bad.id}`)).json()).toMatchObject({
          body: null,
          author: null,
          hidden: true,
        });
        const feed = JSON.stringify((await t.request(viewer, 'GET', `/api/v1/projects/${p.id}/activity`)).json());
        expect(feed).not.toContain('Insulting');
      }
      const asOperator = (await t.request(operator, 'GET', `/api/v1/comments?subject=${subject}`)).json().items[0];
      expect(asOperator).toMatchObject({ hidden: true, body: 'Insulting words here', author: { id: troll.id } });
      const operatorFeed = (await t.request(operator, 'GET', `/api/v1/projects/${p.id}/activity?kind=comment`)).json().items;
      expect(operatorFeed.find((a: { subject: string }) => a.subject === `comment:${bad.id}`)).toMatchObject({ hidden: true });

      expect(JSON.stringify(await notificationsOf(t, owner))).not.toContain('Insulting');
      expect((await notificationsOf(t, troll)).filter((n) => n.kind === 'comment_hidden')).toEqual([
        expect.objectContaining({ subject: `comment:${bad.id}`, data: { on: subject, reason: 'insults' } }),
      ]);
      const answer = await t.request(fan, 'POST', `/api/v1/comments?subject=${subject}`, { body: 'more', parentId: bad.id });
      expect(answer.statusCode).toBe(409);
      expect(answer.json().error.code).toBe('comment_hidden');

      // Hiding twice changes nothing and tells nobody again.
      await t.request(operator, 'POST', `/api/v1/comments/${bad.id}/hide`);
      expect((await notificationsOf(t, troll)).filter((n) => n.kind === 'comment_hidden')).toHaveLength(1);

      const shown = await t.request(operator, 'POST', `/api/v1/comments/${bad.id}/unhide`);
      expect(shown.json().hidden).toBe(false);
      expect((await t.request(null, 'GET', `/api/v1/comments/${bad.id}`)).json()).toMatchObject({
        body: 'Insulting words here',
        hidden: false,
      });
    });
  });

  describe('setProjectHiddenByOperator', () => {
    it('takes a hidden project out of explore and answers 404 to strangers, not to its hosts or operators', async () => {
      const owner = await t.signup('Owner');
      const admin = await t.signup('OrgAdmin');
      const stranger = await t.signup('Stranger');
      const org = (await t.request(owner, 'POST', '/api/v1/orgs', { name: 'Hidden Org' })).json();
      await t.request(owner, 'POST', `/api/v1/orgs/${org.id}/members`, { userId: admin.id, role: 'admin' });
      const p = await makeProject(t, owner, 'Scam xylophones', { orgId: org.id });
      await t.request(stranger, 'POST', `/api/v1/projects/${p.id}/follow`);
      const search = () => t.request(null, 'GET', `/api/v1/projects?q=xylophones&ownerId=${owner.id}`);
      expect((await search()).json().items).toHaveLength(1);

      const res = await t.request(operator, 'POST', `/api/v1/projects/${p.id}/hide`, { reason: 'scam' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: p.id, hidden: true });
      expect((await search()).json().items).toEqual([]);
      expect((await t.request(null, 'GET', `/api/v1/projects?ownerId=${owner.id}`)).json().items).toEqual([]);
      expect((await t.request(null, 'GET', `/api/v1/orgs/${org.id}`)).json().projects).toEqual([]);
      expect((await t.request(stranger, 'GET', '/api/v1/me/follows')).json().items).toEqual([]);
      for (const viewer of [null, stranger]) {
        expect((await t.request(viewer, 'GET', `/api/v1/projects/${p.id}`)).statusCode).toBe(404);
        expect((await t.request(viewer, 'GET', `/api/v1/projects/${p.slug}`)).statusCode).toBe(404);
        expect((await t.request(viewer, 'GET', `/api/v1/projects/${p.id}/activity`)).statusCode).toBe(404);
        expect((await t.request(viewer, 'GET', `/api/v1/projects/${p.id}/updates`)).statusCode).toBe(404);
        expect((await t.request(viewer, 'GET', `/api/v1/comments?subject=project:${p.id}`)).statusCode).toBe(404);
      }
      expect((await t.request(stranger, 'POST', `/api/v1/projects/${p.id}/follow`)).statusCode).toBe(404);
      expect((await t.request(stranger, 'POST', `/api/v1/comments?subject=project:${p.id}`, { body: 'hi' })).statusCode).toBe(404);
      expect((await t.request(null, 'POST', `/api/v1/projects/${p.id}/signups`, { email: 'x@example.test' })).statusCode).toBe(404);
      expect((await t.request(stranger, 'POST', `/api/v1/projects/${p.id}/report`, { reason: 'still bad' })).statusCode).toBe(404);
      for (const host of [owner, admin, operator]) {
        expect((await t.request(host, 'GET', `/api/v1/projects/${p.id}`)).json()).toMatchObject({ hidden: true });
      }
      expect((await t.request(owner, 'GET', '/api/v1/me/projects')).json().items[0]).toMatchObject({ id: p.id, hidden: true });
      expect((await notificationsOf(t, owner)).find((n) => n.kind === 'project_hidden')).toMatchObject({
        data: { projectId: p.id, reason: 'scam' },
      });
      expect(
        (await t.request(owner, 'POST', `/api/v1/projects/${p.id}/updates`, { title: 'Still here', body: 'Hosts may post' })).statusCode,
      ).toBe(201);
      expect((await notificationsOf(t, stranger)).filter((n) => n.kind === 'project_update')).toEqual([]);

      expect((await t.request(operator, 'POST', `/api/v1/projects/${p.id}/unhide`)).json().hidden).toBe(false);
      expect((await search()).json().items).toHaveLength(1);
      expect((await t.request(null, 'GET', `/api/v1/projects/${p.id}`)).statusCode).toBe(200);
    });
  });

  describe('reports', () => {
    it('queues reports for operators, one open report a person, and resolves every report on a subject at once', async () => {
      const owner = await t.signup('Owner');
      const [r1, r2] = [await t.signup('Reporter1'), await t.signup('Reporter2')];
      const p = await makeProject(t, owner);
      const c = await comment(t, owner, `project:${p.id}`, 'Buy cheap watches at spam.example');
      const first = await t.request(r1, 'POST', `/api/v1/comments/${c.id}/report`, { reason: 'spam link' });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ subject: `comment:${c.id}`, reason: 'spam link', status: 'open' });
      const again = await t.request(r1, 'POST', `/api/v1/comments/${c.id}/report`, { reason: 'spam again' });
      expect(again.statusCode).toBe(200);
      expect(again.json().id).toBe(first.json().id);
      const second = (await t.request(r2, 'POST', `/api/v1/comments/${c.id}/report`, { reason: 'advertising' })).json();

      const queue = (await t.request(operator, 'GET', '/api/v1/moderation/reports?limit=100'))
        .json()
        .items.filter((r: { subject: { id: string } }) => r.subject.id === c.id);
      expect(queue.map((r: { id: string }) => r.id)).toEqual([first.json().id, second.id]);
      expect(queue[0]).toMatchObject({
        subject: {
          type: 'comment',
          id: c.id,
          hidden: false,
          author: { id: owner.id },
          excerpt: 'Buy cheap watches at spam.example',
          on: `project:${p.id}`,
          projectId: p.id,
        },
        reason: 'spam link',
        reporter: { id: r1.id, name: 'Reporter1' },
        openReports: 2,
        status: 'open',
        resolution: null,
      });

      const resolved = await t.request(operator, 'POST', `/api/v1/moderation/reports/${second.id}/resolve`, {
        action: 'hide',
        note: 'spam',
      });
      expect(resolved.statusCode).toBe(200);
      expect(resolved.json()).toMatchObject({
        status: 'resolved',
        resolution: 'hidden',
        note: 'spam',
        resolvedBy: { id: operator.id },
        subject: { hidden: true },
        openReports: 0,
      });
      expect((await t.request(null, 'GET', `/api/v1/comments/${c.id}`)).json().body).toBeNull();
      const open1 = (await t.request(operator, 'GET', '/api/v1/moderation/reports?limit=100'))
        .json()
        .items.map((r: { id: string }) => r.id);
      expect(open1).not.toContain(first.json().id);
      const done = (await t.request(operator, 'GET', '/api/v1/moderation/reports?status=resolved&limit=100'))
        .json()
        .items.map((r: { id: string }) => r.id);
      expect(done).toEqual(expect.arrayContaining([first.json().id, second.id]));
      const twice = await t.request(operator, 'POST', `/api/v1/moderation/reports/${first.json().id}/resolve`, { action: 'dismiss' });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.code).toBe('report_resolved');
    });

    it('dismisses a project report, keeping the project visible', async () => {
      const owner = await t.signup('Owner');
      const critic = await t.signup('Critic');
      const p = await makeProject(t, owner, 'Controversial');
      const rep = (await t.request(critic, 'POST', `/api/v1/projects/${p.slug}/report`, { reason: 'I dislike it' })).json();
      expect(rep.subject).toBe(`project:${p.id}`);
      const res = await t.request(operator, 'POST', `/api/v1/moderation/reports/${rep.id}/resolve`, { action: 'dismiss', note: 'allowed' });
      expect(res.json()).toMatchObject({
        resolution: 'dismissed',
        subject: { type: 'project', title: 'Controversial', slug: p.slug, hidden: false },
      });
      expect((await t.request(null, 'GET', `/api/v1/projects/${p.id}`)).statusCode).toBe(200);
      // A new report after a dismissal opens again.
      expect((await t.request(critic, 'POST', `/api/v1/projects/${p.id}/report`, { reason: 'still dislike' })).statusCode).toBe(201);
    });

    it('pages through the queue with cursors', async () => {
      const owner = await t.signup('Owner');
      const p = await makeProject(t, owner);
      const reporters = await Promise.all([1, 2, 3, 4, 5].map((i) => t.signup(`Pager${i}`)));
      for (const r of reporters) await t.request(r, 'POST', `/api/v1/projects/${p.id}/report`, { reason: 'paging' });
      const seen: string[] = [];
      let cursor: string | null = null;
      let guard = 0;
      do {
        const res = await t.request(operator, 'GET', `/api/v1/moderation/reports?status=all&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.statusCode).toBe(200);
        seen.push(
          ...res
            .json()
            .items.filter((r: { subject: { id: string } }) => r.subject.id === p.id)
            .map((r: { reporter: { id: string } }) => r.reporter.id),
        );
        cursor = res.json().nextCursor;
      } while (cursor && ++guard < 100);
      expect(seen).toEqual(reporters.map((r) => r.id).reverse());
    });
  });

  describe('authorization', () => {
    it('keeps the queue, resolving, hiding and showing for operators', async () => {
      const owner = await t.signup('Owner');
      const member = await t.signup('Member');
      const p = await makeProject(t, owner);
      const c = await comment(t, owner, `project:${p.id}`, 'fine');
      const rep = (await t.request(member, 'POST', `/api/v1/comments/${c.id}/report`, { reason: 'unsure' })).json();
      const calls: [string, string, unknown?][] = [
        ['GET', '/api/v1/moderation/reports'],
        ['POST', `/api/v1/moderation/reports/${rep.id}/resolve`, { action: 'hide' }],
        ['POST', `/api/v1/comments/${c.id}/hide`],
        ['POST', `/api/v1/comments/${c.id}/unhide`],
        ['POST', `/api/v1/projects/${p.id}/hide`],
        ['POST', `/api/v1/projects/${p.id}/unhide`],
      ];
      for (const [method, url, body] of calls) {
        const asMember = await t.request(member, method, url, body);
        expect(asMember.statusCode).toBe(403);
        expect(asMember.json().error.code).toBe('forbidden');
        expect((await t.request(owner, method, url, body)).statusCode).toBe(403);
        expect((await t.request(null, method, url, body)).statusCode).toBe(401);
      }
      expect((await t.request(null, 'GET', `/api/v1/comments/${c.id}`)).json().hidden).toBe(false);
      expect((await t.request(null, 'POST', `/api/v1/comments/${c.id}/report`, { reason: 'anon' })).statusCode).toBe(401);
    });
  });

  describe('bad input', () => {
    it.each([
      [{}, 'body.reason'],
      [{ reason: 'no' }, 'body.reason'],
      [{ reason: 'r'.repeat(1001) }, 'body.reason'],
      [{ reason: 12345 }, 'body.reason'],
    ])('answers 400 naming the field for a report %j', async (body, field) => {
      const owner = await t.signup('Owner');
      const p = await makeProject(t, owner);
      const c = await comment(t, owner, `project:${p.id}`, 'x');
      for (const url of [`/api/v1/comments/${c.id}/report`, `/api/v1/projects/${p.id}/report`]) {
        const res = await t.request(owner, 'POST', url, body);
        expectInvalidField(res, field);
      }
    });

    it('answers 404 for unknown comments, projects and reports', async () => {
      const u = await t.signup('U');
      expect((await t.request(u, 'POST', '/api/v1/comments/cmt_nope/report', { reason: 'bad stuff' })).json().error.code).toBe(
        'comment_not_found',
      );
      expect((await t.request(u, 'POST', '/api/v1/projects/prj_nope/report', { reason: 'bad stuff' })).json().error.code).toBe(
        'project_not_found',
      );
      expect(
        (await t.request(operator, 'POST', '/api/v1/moderation/reports/rpt_nope/resolve', { action: 'dismiss' })).json().error.code,
      ).toBe('report_not_found');
      expect((await t.request(operator, 'POST', '/api/v1/comments/cmt_nope/hide')).statusCode).toBe(404);
      expect((await t.request(operator, 'POST', '/api/v1/comments/cmt_nope/unhide')).statusCode).toBe(404);
      expect((await t.request(operator, 'POST', '/api/v1/projects/prj_nope/hide')).statusCode).toBe(404);
    });

    it.each([
      ['POST', '/moderation/reports/RPT/resolve', {}, 'body.action'],
      ['POST', '/moderation/reports/RPT/resolve', { action: 'delete' }, 'body.action'],
      ['POST', '/moderation/reports/RPT/resolve', { action: 'hide', note: 'n'.repeat(1001) }, 'body.note'],
      ['POST', '/comments/CMT/hide', { reason: 'r'.repeat(1001) }, 'body.reason'],
      ['POST', '/projects/PRJ/hide', { reason: 7 }, 'body.reason'],
      ['GET', '/moderation/reports?status=closed', undefined, 'querystring.status'],
      ['GET', '/moderation/reports?cursor=abc', undefined, 'querystring.cursor'],
      ['GET', '/moderation/reports?limit=0', undefined, 'querystring.limit'],
    ])('answers 400 naming the field for an operator %s %s %j', async (method, path, body, field) => {
      const owner = await t.signup('Owner');
      const p = await makeProject(t, owner);
      const c = await comment(t, owner, `project:${p.id}`, 'x');
      const rep = (await t.request(owner, 'POST', `/api/v1/comments/${c.id}/report`, { reason: 'testing' })).json();
      const url = `/api/v1${path.replace('RPT', rep.id).replace('CMT', c.id).replace('PRJ', p.id)}`;
      const res = await t.request(operator, method, url, body);
      expectInvalidField(res, field);
    });
  });
});
