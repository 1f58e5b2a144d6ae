import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestApp } from '../../../test/support/test-app.js';
import { MAX_DEPTH } from './comments.js';
import { SUBJECT_TYPES } from './subjects.js';
import { registerSubject, subjectRowOf } from '../subjects/registry.js';
import { expectInvalidField, fieldsOf, makeProject } from '../../../test/support/fixtures.js';
import { comment, notificationsOf } from './test-helpers.js';

const t = await openTestApp();

describe('Comments', () => {
  describe('createComment and listComments', () => {
    it('threads replies under their comment, in reading order, with Markdown rendered safely', async () => {
      const owner = await t.signup('Owner');
      const [ann, ben] = [await t.signup('Ann'), await t.signup('Ben')];
      const p = await makeProject(t, owner);
      const subject = `project:${p.id}`;
      const top = await comment(t, ann, subject, 'Love **this** <script>alert(1)</script>');
      expect(top).toMatchObject({
        subject,
        parentId: null,
        rootId: top.id,
        depth: 0,
        author: { id: ann.id, name: 'Ann' },
        hidden: false,
        replies: [],
        replyCount: 0,
      });
      expect(top.bodyHtml).toContain('<strong>this</strong>');
      expect(top.bodyHtml).not.toContain('script');
      const r1 = await comment(t, ben, subject, 'Why?', top.id);
      const r2 = await comment(t, ann, subject, 'Because.', r1.id);
      const r3 = await comment(t, owner, subject, 'Thanks both', top.id);
      expect(r2).toMatchObject({ parentId: r1.id, rootId: top.id, depth: 2 });
      const list = (await t.request(null, 'GET', `/api/v1/comments?subject=${subject}`)).json();
      expect(list).toMatchObject({ subject, total: 4, nextCursor: null });
      expect(list.items).toHaveLength(1);
      expect(list.items[0]).toMatchObject({ id: top.id, replyCount: 3, moreReplies: false });
      expect(list.items[0].replies.map((c: { id: string; depth: number }) => [c.id, c.depth])).toEqual([
        [r1.id, 1],
        [r2.id, 2],
        [r3.id, 1],
      ]);
      expect((await t.request(null, 'GET', `/api/v1/comments/${r2.id}`)).json()).toMatchObject({ id: r2.id, body: 'Because.' });
    });

    it('accepts a project slug and the subject in the body, storing the project id', async () => {
      const owner = await t.signup('Owner');
      const p = await makeProject(t, owner);
      const res = await t.request(owner, 'POST', '/api/v1/comments', { body: 'By body', subject: `project:${p.slug}` });
      expect(res.statusCode).toBe(201);
      expect(res.json().subject).toBe(`project:${p.id}`);
    });

    it('tells the project owner of a comment and the parent author of a reply, never oneself, never twice', async () => {
      const owner = await t.signup('Owner');
      const [cat, dan] = [await t.signup('Cat'), await t.signup('Dan')];
      const p = await makeProject(t, owner, 'Notified project');
      const subject = `project:${p.id}`;
      const top = await comment(t, cat, subject, 'First!');
      let ownerNotes = await notificationsOf(t, owner);
      expect(ownerNotes[0]).toMatchObject({
        kind: 'project_comment',
        subject: `comment:${top.id}`,
        data: { projectId: p.id, projectTitle: 'Notified project', authorName: 'Cat', excerpt: 'First!' },
      });
      const reply = await comment(t, dan, subject, 'Second, and *more*', top.id);
      const catNotes = await notificationsOf(t, cat);
      expect(catNotes[0]).toMatchObject({
        kind: 'comment_reply',
        subject: `comment:${reply.id}`,
        data: { parentId: top.id, authorName: 'Dan', excerpt: 'Second, and more' },
      });
      const before = (await notificationsOf(t, owner)).length;
      const ownTop = await comment(t, owner, subject, 'Hosts speaking');
      await comment(t, owner, subject, 'Talking to myself', ownTop.id);
      expect((await notificationsOf(t, owner)).length).toBe(before);
      await comment(t, cat, subject, 'Answering the host', ownTop.id);
      ownerNotes = await notificationsOf(t, owner);
      expect(ownerNotes.length).toBe(before + 1);
      expect(ownerNotes[0].kind).toBe('comment_reply');
      expect(catNotes.filter((n) => n.kind === 'project_comment')).toEqual([]);
    });

    it('pages through threads newest or oldest first with cursors', async () => {
      const owner = await t.signup('Owner');
      const p = await makeProject(t, owner);
      const subject = `project:${p.id}`;
      const made: string[] = [];
      for (let i = 0; i < 5; i++) made.push((await comment(t, owner, subject, `Comment ${i}`)).id);
      for (const [sort, expected] of [
        ['new', [...made].reverse()],
        ['old', made],
      ] as const) {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const res = await t.request(
            null,
            'GET',
            `/api/v1/comments?subject=${subject}&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          );
          expect(res.statusCode).toBe(200);
          seen.push(...res.json().items.map((c: { id: string }) => c.id));
          cursor = res.json().nextCursor;
        } while (cursor);
        expect(seen).toEqual(expected);
      }
    });

    it(`refuses replies deeper than ${MAX_DEPTH}`, async () => {
      const owner = await t.signup('Owner');
      const p = await makeProject(t, owner);
      let parent = await comment(t, owner, `project:${p.id}`, 'depth 0');
      for (let d = 1; d <= MAX_DEPTH; d++) parent = await comment(t, owner, `project:${p.id}`, `depth ${d}`, parent.id);
      const res = await t.request(owner, 'POST', `/api/v1/comments?subject=project:${p.id}`, { body: 'too deep', parentId: parent.id });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'thread_too_deep', details: { field: 'body.parentId' } });
    });

    it('refuses a parent from another subject or unknown, 404', async () => {
      const owner = await t.signup('Owner');
      const [a, b] = [await makeProject(t, owner), await makeProject(t, owner)];
      const onA = await comment(t, owner, `project:${a.id}`, 'on A');
      for (const parentId of [onA.id, 'cmt_nope']) {
        const res = await t.request(owner, 'POST', `/api/v1/comments?subject=project:${b.id}`, { body: 'x', parentId });
        expect(res.statusCode).toBe(404);
        expect(fieldsOf(res)).toContain('body.parentId');
      }
    });

    it.each([
      ['', { body: 'x' }, 'querystring.subject'],
      ['?subject=project', { body: 'x' }, 'querystring.subject'],
      ['?subject=planet:prj_1', { body: 'x' }, 'querystring.subject'],
      ['?subject=project:has%20space', { body: 'x' }, 'querystring.subject'],
      [`?subject=project:${'x'.repeat(101)}`, { body: 'x' }, 'querystring.subject'],
      ['?subject=project:PRJ', {}, 'body.body'],
      ['?subject=project:PRJ', { body: '   ' }, 'body.body'],
      ['?subject=project:PRJ', { body: 42 }, 'body.body'],
      ['?subject=project:PRJ', { body: 'b'.repeat(10_001) }, 'body.body'],
      ['?subject=project:PRJ', { body: 'x', parentId: 'p'.repeat(101) }, 'body.parentId'],
      ['?subject=project:PRJ', { body: 'x', subject: 'project:other' }, 'body.subject'],
    ])('answers 400 naming the field for POST /comments%s %j', async (query, body, field) => {
      const owner = await t.signup('Owner');
      const p = await makeProject(t, owner);
      const res = await t.request(owner, 'POST', `/api/v1/comments${query.replace('PRJ', p.id)}`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(fieldsOf(res)).toContain(field);
    });

    it.each([
      ['', 'querystring.subject'],
      ['?subject=nope', 'querystring.subject'],
      ['?subject=project:PRJ&sort=top', 'querystring.sort'],
      ['?subject=project:PRJ&limit=1000', 'querystring.limit'],
      ['?subject=project:PRJ&cursor=xyz', 'querystring.cursor'],
    ])('answers 400 naming the field for GET /comments%s', async (query, field) => {
      const owner = await t.signup('Owner');
      const p = await makeProject(t, owner);
      const res = await t.request(null, 'GET', `/api/v1/comments${query.replace('PRJ', p.id)}`);
      expectInvalidField(res, field);
    });

    it('needs a signed-in person to comment', async () => {
      const owner = await t.signup('Owner');
      const p = await makeProject(t, owner);
      expect((await t.request(null, 'POST', `/api/v1/comments?subject=project:${p.id}`, { body: 'anon' })).statusCode).toBe(401);
    });
  });

  describe('resolveSubject', () => {
    it.each(SUBJECT_TYPES)('answers 404 subject_not_found for an unknown %s, whether or not its table exists yet', async (type) => {
      const u = await t.signup('Prober');
      const post = await t.request(u, 'POST', `/api/v1/comments?subject=${type}:nope_123`, { body: 'hello' });
      expect(post.statusCode).toBe(404);
      expect(post.json().error).toMatchObject({ code: 'subject_not_found', details: { field: 'subject' } });
      const get = await t.request(null, 'GET', `/api/v1/comments?subject=${type}:nope_123`);
      expect(get.statusCode).toBe(404);
    });

    it("answers 404, never 500, when a subject type's table is missing", async () => {
      const owner = registerSubject('survey', undefined)!;
      const saved = registerSubject('survey', {
        find: (db, id) => subjectRowOf(db, sql`SELECT id, project_id FROM no_such_table_here WHERE id = ${id}`),
        visibleSql: owner.visibleSql,
      });
      try {
        const u = await t.signup('Prober');
        const res = await t.request(u, 'POST', '/api/v1/comments?subject=survey:srv_1', { body: 'hello' });
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe('subject_not_found');
      } finally {
        registerSubject('survey', saved);
      }
    });

    it('still finds a subject whose table names its project column differently', async () => {
      const table = `subject_probe_${Date.now()}`;
      await t.ctx.db.execute(sql.raw(`CREATE TABLE ${table} (id text PRIMARY KEY, owning_project text)`));
      await t.ctx.db.execute(sql.raw(`INSERT INTO ${table} (id) VALUES ('thing_1')`));
      // The owner's lookup knows its own columns (this table has no project_id).
      const saved = registerSubject('batch', {
        find: (db, id) => subjectRowOf(db, sql`SELECT id FROM ${sql.identifier(table)} WHERE id = ${id}`),
        visibleSql: (id) => sql`SELECT owning_project AS project_id, false AS draft FROM ${sql.identifier(table)} WHERE id = ${id}`,
      });
      try {
        const u = await t.signup('Prober');
        const res = await t.request(u, 'POST', '/api/v1/comments?subject=batch:thing_1', { body: 'on a batch' });
        expect(res.statusCode).toBe(201);
        expect(res.json().subject).toBe('batch:thing_1');
        expect((await t.request(u, 'POST', '/api/v1/comments?subject=batch:thing_2', { body: 'x' })).statusCode).toBe(404);
        expect((await t.request(null, 'GET', '/api/v1/comments?subject=batch:thing_1')).json().total).toBe(1);
      } finally {
        registerSubject('batch', saved);
        await t.ctx.db.execute(sql.raw(`DROP TABLE ${table}`));
      }
    });
  });

  it('lets only the hosts comment on, or read comments of, a draft', async () => {
    const table = `draft_probe_${Date.now()}`;
    const owner = await t.signup('Owner');
    const stranger = await t.signup('Stranger');
    const p = await makeProject(t, owner);
    await t.ctx.db.execute(sql.raw(`CREATE TABLE ${table} (id text PRIMARY KEY, project_id text, status text)`));
    await t.ctx.db.execute(sql.raw(`INSERT INTO ${table} VALUES ('d_1', '${p.id}', 'draft'), ('o_1', '${p.id}', 'open')`));
    const saved = registerSubject('campaign', {
      find: (db, id) =>
        subjectRowOf(db, sql`SELECT id, project_id, status = 'draft' AS draft FROM ${sql.identifier(table)} WHERE id = ${id}`),
      visibleSql: (id) => sql`SELECT project_id, status = 'draft' AS draft FROM ${sql.identifier(table)} WHERE id = ${id}`,
    });
    try {
      expect((await t.request(owner, 'POST', '/api/v1/comments?subject=campaign:d_1', { body: 'note to self' })).statusCode).toBe(201);
      expect((await t.request(stranger, 'POST', '/api/v1/comments?subject=campaign:d_1', { body: 'peek' })).statusCode).toBe(404);
      expect((await t.request(null, 'GET', '/api/v1/comments?subject=campaign:d_1')).statusCode).toBe(404);
      expect((await t.request(stranger, 'POST', '/api/v1/comments?subject=campaign:o_1', { body: 'open one' })).statusCode).toBe(201);
    } finally {
      registerSubject('campaign', saved);
      await t.ctx.db.execute(sql.raw(`DROP TABLE ${table}`));
    }
  });

  describe('getComment', () => {
    it('answers 404 for an unknown comment', async () => {
      const res = await t.request(null, 'GET', '/api/v1/comments/cmt_nope');
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('comment_not_found');
    });
  });
});

describe('Activity', () => {
  describe('listActivity', () => {
    it('shows the project opening, follows (once a person) and comments, newest first, a page at a time', async () => {
      const owner = await t.signup('Owner');
      const fan = await t.signup('Fan');
      const p = await makeProject(t, owner);
      await t.request(fan, 'POST', `/api/v1/projects/${p.id}/follow`);
      await t.request(fan, 'DELETE', `/api/v1/projects/${p.id}/follow`);
      await t.request(fan, 'POST', `/api/v1/projects/${p.id}/follow`);
      const c = await comment(t, fan, `project:${p.id}`, 'Count me **in**');
      const first = (await t.request(null, 'GET', `/api/v1/projects/${p.id}/activity?limit=2`)).json();
      expect(first.items.map((a: { kind: string }) => a.kind)).toEqual(['comment', 'follow']);
      expect(first.items[0]).toMatchObject({
        actor: { id: fan.id, name: 'Fan' },
        subject: `comment:${c.id}`,
        data: { on: `project:${p.id}`, excerpt: 'Count me in', reply: false },
        hidden: false,
      });
      const second = (await t.request(null, 'GET', `/api/v1/projects/${p.slug}/activity?limit=2&cursor=${first.nextCursor}`)).json();
      expect(second.items.map((a: { kind: string }) => a.kind)).toEqual(['project_created']);
      expect(second.nextCursor).toBeNull();
      const onlyFollows = (await t.request(null, 'GET', `/api/v1/projects/${p.id}/activity?kind=follow`)).json();
      expect(onlyFollows.items).toHaveLength(1);
    });

    it('answers 404 for an unknown project and 400 for bad queries', async () => {
      expect((await t.request(null, 'GET', '/api/v1/projects/prj_nope/activity')).statusCode).toBe(404);
      const owner = await t.signup('Owner');
      const p = await makeProject(t, owner);
      for (const [q, field] of [
        ['cursor=bad', 'querystring.cursor'],
        ['limit=0', 'querystring.limit'],
        [`kind=${'k'.repeat(51)}`, 'querystring.kind'],
      ]) {
        const res = await t.request(null, 'GET', `/api/v1/projects/${p.id}/activity?${q}`);
        expectInvalidField(res, field);
      }
    });
  });
});
