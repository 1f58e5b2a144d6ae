import { describe, expect, it } from 'vitest';
import { openTestApp, type TestUser } from '../../../test/support/test-app.js';
import { expectInvalidField, fieldsOf, makeProject } from '../../../test/support/fixtures.js';
import { notificationsOf } from './test-helpers.js';

const t = await openTestApp();

async function post(as: TestUser, projectId: string, title = 'News', body = 'Something **happened**') {
  const res = await t.request(as, 'POST', `/api/v1/projects/${projectId}/updates`, { title, body });
  expect(res.statusCode).toBe(201);
  return res.json();
}

describe('Updates', () => {
  describe('postUpdate', () => {
    it('posts an update, tells every follower but the author, and adds it to the feed', async () => {
      const owner = await t.signup('Host');
      const [f1, f2, bystander] = [await t.signup('F1'), await t.signup('F2'), await t.signup('Bystander')];
      const p = await makeProject(t, owner, 'Telescope');
      for (const u of [f1, f2, owner]) await t.request(u, 'POST', `/api/v1/projects/${p.id}/follow`);
      const u = await post(owner, p.id, 'First light', 'We saw **Saturn** tonight.');
      expect(u).toMatchObject({
        projectId: p.id,
        title: 'First light',
        author: { id: owner.id, name: 'Host' },
        comments: 0,
        editedAt: null,
      });
      expect(u.bodyHtml).toContain('<strong>Saturn</strong>');
      for (const f of [f1, f2]) {
        const [note] = await notificationsOf(t, f);
        expect(note).toMatchObject({
          kind: 'project_update',
          subject: `update:${u.id}`,
          data: {
            updateId: u.id,
            title: 'First light',
            excerpt: 'We saw Saturn tonight.',
            projectId: p.id,
            projectTitle: 'Telescope',
            projectSlug: p.slug,
          },
        });
      }
      expect((await notificationsOf(t, bystander)).filter((n) => n.kind === 'project_update')).toEqual([]);
      expect((await notificationsOf(t, owner)).filter((n) => n.kind === 'project_update')).toEqual([]);
      const feed = (await t.request(null, 'GET', `/api/v1/projects/${p.id}/activity?kind=update`)).json();
      expect(feed.items[0]).toMatchObject({
        kind: 'update',
        subject: `update:${u.id}`,
        actor: { id: owner.id },
        data: { title: 'First light' },
      });
    });

    it("lets an admin of the project's organization post, and refuses other people", async () => {
      const owner = await t.signup('Owner');
      const admin = await t.signup('Admin');
      const stranger = await t.signup('Stranger');
      const org = (await t.request(owner, 'POST', '/api/v1/orgs', { name: 'Observatory' })).json();
      await t.request(owner, 'POST', `/api/v1/orgs/${org.id}/members`, { userId: admin.id, role: 'admin' });
      const p = await makeProject(t, owner, undefined, { orgId: org.id });
      expect((await t.request(admin, 'POST', `/api/v1/projects/${p.id}/updates`, { title: 'From admin', body: 'Hi' })).statusCode).toBe(
        201,
      );
      const denied = await t.request(stranger, 'POST', `/api/v1/projects/${p.id}/updates`, { title: 'Spam', body: 'Buy' });
      expect(denied.statusCode).toBe(403);
      expect(denied.json().error.code).toBe('forbidden');
      expect((await t.request(null, 'POST', `/api/v1/projects/${p.id}/updates`, { title: 'Spam', body: 'Buy' })).statusCode).toBe(401);
      expect((await t.request(owner, 'POST', '/api/v1/projects/prj_nope/updates', { title: 'x', body: 'y' })).statusCode).toBe(404);
    });

    it.each([
      [{ body: 'b' }, 'body.title'],
      [{ title: '  ', body: 'b' }, 'body.title'],
      [{ title: 't'.repeat(201), body: 'b' }, 'body.title'],
      [{ title: 't' }, 'body.body'],
      [{ title: 't', body: 7 }, 'body.body'],
      [{ title: 't', body: 'b'.repeat(50_001) }, 'body.body'],
    ])('answers 400 naming the field for %j', async (body, field) => {
      const owner = await t.signup('Owner');
      const p = await makeProject(t, owner);
      const res = await t.request(owner, 'POST', `/api/v1/projects/${p.id}/updates`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(fieldsOf(res)).toContain(field);
    });
  });

  describe('listUpdates, getUpdate and editUpdate', () => {
    it('lists newest first with cursors, shows one, counts its comments, and lets hosts edit it', async () => {
      const owner = await t.signup('Owner');
      const other = await t.signup('Other');
      const p = await makeProject(t, owner);
      const made = [];
      for (let i = 0; i < 3; i++) made.push((await post(owner, p.id, `Update ${i}`)).id);
      const page1 = (await t.request(null, 'GET', `/api/v1/projects/${p.slug}/updates?limit=2`)).json();
      const page2 = (await t.request(null, 'GET', `/api/v1/projects/${p.id}/updates?limit=2&cursor=${page1.nextCursor}`)).json();
      expect([...page1.items, ...page2.items].map((u: { id: string }) => u.id)).toEqual([...made].reverse());
      expect(page2.nextCursor).toBeNull();

      const c = await t.request(other, 'POST', `/api/v1/comments?subject=update:${made[0]}`, { body: 'Nice update' });
      expect(c.statusCode).toBe(201);
      await t.request(owner, 'POST', `/api/v1/comments?subject=update:${made[0]}`, { body: 'Thanks', parentId: c.json().id });
      expect((await notificationsOf(t, other))[0]).toMatchObject({
        kind: 'comment_reply',
        data: { subject: `update:${made[0]}`, projectId: p.id },
      });
      expect((await t.request(null, 'GET', `/api/v1/updates/${made[0]}`)).json()).toMatchObject({ id: made[0], comments: 2 });

      const edited = await t.request(owner, 'PATCH', `/api/v1/updates/${made[0]}`, { body: 'Now *better*' });
      expect(edited.statusCode).toBe(200);
      expect(edited.json()).toMatchObject({ title: 'Update 0', body: 'Now *better*', bodyHtml: '<p>Now <em>better</em></p>\n' });
      expect(edited.json().editedAt).not.toBeNull();
      expect((await t.request(other, 'PATCH', `/api/v1/updates/${made[0]}`, { title: 'Hijack' })).statusCode).toBe(403);
      const bad = await t.request(owner, 'PATCH', `/api/v1/updates/${made[0]}`, { title: '' });
      expectInvalidField(bad, 'body.title');
    });

    it('answers 404 for unknown updates and projects and 400 for bad pages', async () => {
      const owner = await t.signup('Owner');
      const p = await makeProject(t, owner);
      expect((await t.request(null, 'GET', '/api/v1/updates/upd_nope')).json().error.code).toBe('update_not_found');
      expect((await t.request(owner, 'PATCH', '/api/v1/updates/upd_nope', { title: 'x' })).statusCode).toBe(404);
      expect((await t.request(null, 'GET', '/api/v1/projects/prj_nope/updates')).statusCode).toBe(404);
      for (const [q, field] of [
        ['cursor=zzz', 'querystring.cursor'],
        ['limit=abc', 'querystring.limit'],
      ]) {
        const res = await t.request(null, 'GET', `/api/v1/projects/${p.id}/updates?${q}`);
        expectInvalidField(res, field);
      }
    });
  });
});
