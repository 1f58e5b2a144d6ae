import { describe, expect, it } from 'vitest';
import { openTestApp, type TestUser } from '../../../test/support/test-app.js';
import { expectInvalidField, fieldsOf, makeProject } from '../../../test/support/fixtures.js';

const t = await openTestApp();

/** Reads every page of a list, checking that pages neither repeat nor skip. */
async function allPages(as: TestUser | null, url: string, limit: number) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const res = await t.request(as, 'GET', `${url}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.length).toBeLessThanOrEqual(limit);
    ids.push(...body.items.map((p: { id: string }) => p.id));
    cursor = body.nextCursor;
    pages++;
  } while (cursor && pages < 50);
  return { ids, pages };
}

describe('ProjectsService', () => {
  describe('createProject', () => {
    it('opens a project with a slug from its title and renders its description safely', async () => {
      const owner = await t.signup('Ada');
      const p = await makeProject(t, owner, 'Éco-quartier à Lyon !', {
        description: '## Plan\n**bold** <script>alert(1)</script> [click](javascript:alert(1)) <img src=x onerror=alert(1)>',
        coverImageUrl: 'https://img.example/cover.jpg',
      });
      expect(p.slug).toMatch(/^eco-quartier-a-lyon/);
      expect(p.descriptionHtml).toContain('<strong>bold</strong>');
      expect(p.descriptionHtml).not.toMatch(/script|javascript|onerror/);
      expect(p).toMatchObject({
        owner: { id: owner.id, name: 'Ada' },
        org: null,
        followers: 0,
        viewer: { isHost: true, following: false, signedUp: false },
      });
      const again = await makeProject(t, owner, 'Éco-quartier à Lyon !');
      expect(again.slug).not.toBe(p.slug);
      expect((await t.request(null, 'GET', `/api/v1/projects/${p.slug}`)).json()).toMatchObject({ id: p.id, viewer: { isHost: false } });
    });

    it('opens a project in an organization only for its owners and admins', async () => {
      const owner = await t.signup('Org Owner');
      const member = await t.signup('Org Member');
      const org = (await t.request(owner, 'POST', '/api/v1/orgs', { name: 'Makers' })).json();
      await t.request(owner, 'POST', `/api/v1/orgs/${org.id}/members`, { userId: member.id });
      expect((await makeProject(t, owner, undefined, { orgId: org.id })).org).toMatchObject({ id: org.id, name: 'Makers' });
      expect(
        (await t.request(member, 'POST', '/api/v1/projects', { title: 'Mine', summary: 's', category: 'arts', orgId: org.id })).statusCode,
      ).toBe(403);
      const unknown = await t.request(owner, 'POST', '/api/v1/projects', {
        title: 'Mine',
        summary: 's',
        category: 'arts',
        orgId: 'org_nope',
      });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.details.field).toBe('body.orgId');
    });

    it.each([
      [{ summary: 's', category: 'arts' }, 'body.title'],
      [{ title: 'ab', summary: 's', category: 'arts' }, 'body.title'],
      [{ title: 't'.repeat(121), summary: 's', category: 'arts' }, 'body.title'],
      [{ title: 123, summary: 's', category: 'arts' }, 'body.title'],
      [{ title: 'Title', category: 'arts' }, 'body.summary'],
      [{ title: 'Title', summary: 's'.repeat(301), category: 'arts' }, 'body.summary'],
      [{ title: 'Title', summary: 's', category: 'cooking' }, 'body.category'],
      [{ title: 'Title', summary: 's', category: 'arts', description: 'd'.repeat(50_001) }, 'body.description'],
      [{ title: 'Title', summary: 's', category: 'arts', coverImageUrl: 'javascript:alert(1)' }, 'body.coverImageUrl'],
      [{ title: 'Title', summary: 's', category: 'arts', orgId: 'o'.repeat(101) }, 'body.orgId'],
    ])('answers 400 naming the field for %j', async (body, field) => {
      const u = await t.signup('Bad');
      const res = await t.request(u, 'POST', '/api/v1/projects', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(fieldsOf(res)).toContain(field);
    });

    it('needs a signed-in person', async () => {
      expect((await t.request(null, 'POST', '/api/v1/projects', { title: 'Title', summary: 's', category: 'arts' })).statusCode).toBe(401);
    });
  });

  describe('updateProject', () => {
    it('lets hosts edit, including the slug, and refuses everyone else', async () => {
      const owner = await t.signup('Bea');
      const other = await t.signup('Mallory');
      const p = await makeProject(t, owner);
      const slug = `renamed-${Date.now()}`;
      const ok = await t.request(owner, 'PATCH', `/api/v1/projects/${p.id}`, { summary: 'Better', slug, coverImageUrl: null });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ summary: 'Better', slug, coverImageUrl: null });
      expect((await t.request(null, 'GET', `/api/v1/projects/${slug}`)).json().id).toBe(p.id);
      const denied = await t.request(other, 'PATCH', `/api/v1/projects/${p.id}`, { title: 'Pwned' });
      expect(denied.statusCode).toBe(403);
      expect(denied.json().error.code).toBe('forbidden');
      expect((await t.request(null, 'PATCH', `/api/v1/projects/${p.id}`, { title: 'Pwned' })).statusCode).toBe(401);
      expect((await t.request(null, 'GET', `/api/v1/projects/${p.id}`)).json().title).toBe('A project for the crowd');
    });

    it('answers 409 for a slug another project uses, 404 for an unknown project', async () => {
      const owner = await t.signup('Cal');
      const a = await makeProject(t, owner);
      const b = await makeProject(t, owner);
      const taken = await t.request(owner, 'PATCH', `/api/v1/projects/${b.id}`, { slug: a.slug });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error).toMatchObject({ code: 'slug_taken', details: { field: 'body.slug' } });
      expect((await t.request(owner, 'PATCH', '/api/v1/projects/prj_nope', { title: 'Whatever' })).statusCode).toBe(404);
    });

    it.each([
      [{ slug: 'Bad Slug' }, 'body.slug'],
      [{ slug: 'ab' }, 'body.slug'],
      [{ slug: 'prj_abc' }, 'body.slug'],
      [{ title: 'x'.repeat(121) }, 'body.title'],
      [{ category: 42 }, 'body.category'],
      [{ coverImageUrl: 'ftp://x.example/a.png' }, 'body.coverImageUrl'],
    ])('answers 400 naming the field for %j', async (body, field) => {
      const owner = await t.signup('Dee');
      const p = await makeProject(t, owner);
      const res = await t.request(owner, 'PATCH', `/api/v1/projects/${p.id}`, body);
      expectInvalidField(res, field);
    });
  });

  describe('getProject', () => {
    it('answers 404 for an unknown project id or slug', async () => {
      const res = await t.request(null, 'GET', '/api/v1/projects/prj_nope');
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('project_not_found');
      expect((await t.request(null, 'GET', `/api/v1/projects/${'x'.repeat(100)}`)).statusCode).toBe(404);
    });
  });

  describe('exploreProjects', () => {
    it('finds a project by an English word and by a French word, plurals and accents included', async () => {
      const owner = await t.signup('Search');
      const fr = await makeProject(t, owner, 'Atelier de réparation de vélo', {
        summary: 'Les cyclistes du quartier réparent ensemble',
        category: 'community',
      });
      const en = await makeProject(t, owner, 'Community bike repair', {
        summary: 'Neighbours fix their bike together',
        category: 'community',
      });
      const find = async (q: string) =>
        (await t.request(null, 'GET', `/api/v1/projects?q=${encodeURIComponent(q)}&ownerId=${owner.id}`))
          .json()
          .items.map((p: { id: string }) => p.id);
      expect(await find('vélos')).toEqual([fr.id]);
      expect(await find('velo')).toEqual([fr.id]);
      expect(await find('réparations')).toEqual([fr.id]);
      expect(await find('bikes')).toEqual([en.id]);
      expect(await find('repairing')).toEqual([en.id]);
      expect(await find('quartiers')).toEqual([fr.id]);
      expect(await find('"bike repair" -atelier')).toEqual([en.id]);
      expect(await find('nothingmatchesthis')).toEqual([]);
      for (const odd of ["(&|!':*", 'the', '"', '-', 'é'.repeat(200)]) {
        const res = await t.request(null, 'GET', `/api/v1/projects?q=${encodeURIComponent(odd)}`);
        expect(res.statusCode).toBe(200);
      }
    });

    it('ranks title matches above description matches', async () => {
      const owner = await t.signup('Ranker');
      const inBody = await makeProject(t, owner, 'Neighbourhood garden', { summary: 'Plants', description: 'We also compost.' });
      const inTitle = await makeProject(t, owner, 'Compost for everyone', { summary: 'Compost' });
      const items = (await t.request(null, 'GET', `/api/v1/projects?q=compost&ownerId=${owner.id}`)).json().items;
      expect(items.map((p: { id: string }) => p.id)).toEqual([inTitle.id, inBody.id]);
    });

    it('filters by category and organization, newest first by default', async () => {
      const owner = await t.signup('Filter');
      const a = await makeProject(t, owner, undefined, { category: 'arts' });
      const b = await makeProject(t, owner, undefined, { category: 'science' });
      const c = await makeProject(t, owner, undefined, { category: 'arts' });
      const arts = (await t.request(null, 'GET', `/api/v1/projects?category=arts&ownerId=${owner.id}`)).json();
      expect(arts.items.map((p: { id: string }) => p.id)).toEqual([c.id, a.id]);
      expect(arts.items[0]).toMatchObject({ owner: { id: owner.id, name: 'Filter' }, category: 'arts', hidden: false });
      expect(arts.items.map((p: { id: string }) => p.id)).not.toContain(b.id);
    });

    it('pages through every sort with cursors, without repeats or gaps', async () => {
      const owner = await t.signup('Pager');
      const fans = await Promise.all([t.signup('Fan1'), t.signup('Fan2')]);
      const made: string[] = [];
      for (let i = 0; i < 7; i++)
        made.push((await makeProject(t, owner, `Pagination zebra ${i}`, { summary: i % 2 ? 'zebra zebra' : 'plain' })).id);
      for (const [i, id] of made.entries()) {
        for (const fan of fans.slice(0, i % 3)) await t.request(fan, 'POST', `/api/v1/projects/${id}/follow`);
      }
      const newest = await allPages(null, `/api/v1/projects?ownerId=${owner.id}`, 3);
      expect(newest.ids).toEqual([...made].reverse());
      expect(newest.pages).toBe(3);
      const popular = await allPages(null, `/api/v1/projects?ownerId=${owner.id}&sort=popular`, 2);
      expect([...popular.ids].sort()).toEqual([...made].sort());
      const counts = await Promise.all(
        popular.ids.map(async (id) => (await t.request(null, 'GET', `/api/v1/projects/${id}`)).json().followers),
      );
      expect(counts).toEqual([...counts].sort((x, y) => y - x));
      const relevant = await allPages(null, `/api/v1/projects?ownerId=${owner.id}&q=zebra`, 2);
      expect([...relevant.ids].sort()).toEqual([...made].sort());
      expect(made.filter((_, i) => i % 2)).toEqual(expect.arrayContaining(relevant.ids.slice(0, 3)));
    });

    it.each([
      ['sort=bogus', 'querystring.sort'],
      ['limit=0', 'querystring.limit'],
      ['limit=101', 'querystring.limit'],
      ['limit=abc', 'querystring.limit'],
      ['category=cooking', 'querystring.category'],
      [`q=${'q'.repeat(201)}`, 'querystring.q'],
      ['sort=relevance', 'querystring.sort'],
      ['cursor=garbage', 'querystring.cursor'],
    ])('answers 400 naming the field for ?%s', async (query, field) => {
      const res = await t.request(null, 'GET', `/api/v1/projects?${query}`);
      expectInvalidField(res, field);
    });

    it('refuses a cursor made for another sort instead of failing', async () => {
      const owner = await t.signup('Cursor');
      for (let i = 0; i < 3; i++) await makeProject(t, owner, `Cursor mix ${i}`);
      const first = (await t.request(null, 'GET', `/api/v1/projects?ownerId=${owner.id}&limit=1`)).json();
      const res = await t.request(null, 'GET', `/api/v1/projects?ownerId=${owner.id}&limit=1&sort=popular&cursor=${first.nextCursor}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('invalid_cursor');
      const rel = await t.request(null, 'GET', `/api/v1/projects?ownerId=${owner.id}&limit=1&q=cursor&cursor=${first.nextCursor}`);
      expect(rel.statusCode).toBe(400);
    });
  });

  describe('hostedProjects and followedProjects', () => {
    it('lists the projects I host (through my organizations too) and the ones I follow', async () => {
      const me = await t.signup('Host');
      const friend = await t.signup('Friend');
      const org = (await t.request(friend, 'POST', '/api/v1/orgs', { name: 'Friends' })).json();
      await t.request(friend, 'POST', `/api/v1/orgs/${org.id}/members`, { userId: me.id, role: 'admin' });
      const mine = await makeProject(t, me);
      const orgs = await makeProject(t, friend, undefined, { orgId: org.id });
      const theirs = await makeProject(t, friend);
      const hosted = (await t.request(me, 'GET', '/api/v1/me/projects')).json();
      expect(hosted.items.map((p: { id: string }) => p.id)).toEqual([orgs.id, mine.id]);
      await t.request(me, 'POST', `/api/v1/projects/${theirs.id}/follow`);
      await t.request(me, 'POST', `/api/v1/projects/${orgs.id}/follow`);
      const follows = await allPages(me, '/api/v1/me/follows', 1);
      expect(follows.ids).toEqual([orgs.id, theirs.id]);
      expect((await t.request(null, 'GET', '/api/v1/me/projects')).statusCode).toBe(401);
      expect((await t.request(me, 'GET', '/api/v1/me/follows?cursor=nope')).statusCode).toBe(400);
      expect((await t.request(me, 'GET', '/api/v1/me/projects?limit=-1')).statusCode).toBe(400);
    });
  });

  describe('OpenAPI document', () => {
    it('documents every route of organizations, projects, community and moderation', async () => {
      const doc = (await t.request(null, 'GET', '/api/openapi.json')).json();
      const expected: [string, string][] = [
        ['/api/v1/orgs', 'post'],
        ['/api/v1/orgs/{id}', 'get'],
        ['/api/v1/orgs/{id}', 'patch'],
        ['/api/v1/orgs/{id}/members', 'post'],
        ['/api/v1/orgs/{id}/members/{userId}', 'patch'],
        ['/api/v1/orgs/{id}/members/{userId}', 'delete'],
        ['/api/v1/me/orgs', 'get'],
        ['/api/v1/projects', 'get'],
        ['/api/v1/projects', 'post'],
        ['/api/v1/projects/{id}', 'get'],
        ['/api/v1/projects/{id}', 'patch'],
        ['/api/v1/me/projects', 'get'],
        ['/api/v1/me/follows', 'get'],
        ['/api/v1/projects/{id}/follow', 'post'],
        ['/api/v1/projects/{id}/follow', 'delete'],
        ['/api/v1/projects/{id}/signups', 'post'],
        ['/api/v1/projects/{id}/signups', 'get'],
        ['/api/v1/comments', 'get'],
        ['/api/v1/comments', 'post'],
        ['/api/v1/comments/{id}', 'get'],
        ['/api/v1/projects/{id}/activity', 'get'],
        ['/api/v1/projects/{id}/updates', 'post'],
        ['/api/v1/projects/{id}/updates', 'get'],
        ['/api/v1/updates/{id}', 'get'],
        ['/api/v1/updates/{id}', 'patch'],
        ['/api/v1/comments/{id}/report', 'post'],
        ['/api/v1/projects/{id}/report', 'post'],
        ['/api/v1/moderation/reports', 'get'],
        ['/api/v1/moderation/reports/{id}/resolve', 'post'],
        ['/api/v1/comments/{id}/hide', 'post'],
        ['/api/v1/comments/{id}/unhide', 'post'],
        ['/api/v1/projects/{id}/hide', 'post'],
        ['/api/v1/projects/{id}/unhide', 'post'],
      ];
      for (const [path, method] of expected) {
        expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
        expect(
          doc.paths[path][method].responses['400'] ?? doc.paths[path][method].responses['401'],
          `${method} ${path} errors`,
        ).toBeDefined();
      }
      expect(doc.paths['/api/v1/projects'].get.responses['200'].content['application/json'].schema.properties).toHaveProperty('nextCursor');
    });
  });
});
