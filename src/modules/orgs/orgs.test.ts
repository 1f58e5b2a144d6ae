import { describe, expect, it } from 'vitest';
import { openTestApp, type TestUser } from '../../../test/support/test-app.js';
import { expectInvalidField, fieldsOf } from '../../../test/support/fixtures.js';

const t = await openTestApp();

async function newOrg(owner: TestUser, name = 'Atelier Vélo') {
  const res = await t.request(owner, 'POST', '/api/v1/orgs', {
    name,
    description: 'We **fix** bikes.',
    website: 'https://atelier.example',
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

describe('OrgsService', () => {
  describe('createOrg', () => {
    it('creates an organization whose creator is its owner, with a slug and rendered description', async () => {
      const owner = await t.signup('Olga');
      const org = await newOrg(owner);
      expect(org.id).toMatch(/^org_/);
      expect(org.slug).toMatch(/^atelier-velo/);
      expect(org.descriptionHtml).toContain('<strong>fix</strong>');
      expect(org.members).toEqual([expect.objectContaining({ userId: owner.id, name: 'Olga', role: 'owner' })]);
      expect(org.viewer.role).toBe('owner');
      const again = await newOrg(owner);
      expect(again.slug).not.toBe(org.slug);
    });

    it('needs a signed-in person', async () => {
      const res = await t.request(null, 'POST', '/api/v1/orgs', { name: 'Nobody' });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    });

    it.each([
      [{}, 'body.name'],
      [{ name: 'x' }, 'body.name'],
      [{ name: 'x'.repeat(101) }, 'body.name'],
      [{ name: 42 }, 'body.name'],
      [{ name: 'Good name', description: 'd'.repeat(5001) }, 'body.description'],
      [{ name: 'Good name', website: 'javascript:alert(1)' }, 'body.website'],
      [{ name: 'Good name', website: 'not a url' }, 'body.website'],
    ])('answers 400 naming the field for %j', async (body, field) => {
      const u = await t.signup('Bad');
      const res = await t.request(u, 'POST', '/api/v1/orgs', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(fieldsOf(res)).toContain(field);
    });
  });

  describe('orgView', () => {
    it('shows the organization by id or slug to anyone, with members, roles and its visible projects', async () => {
      const owner = await t.signup('Paula');
      const org = await newOrg(owner, 'Repair Collective');
      const project = (
        await t.request(owner, 'POST', '/api/v1/projects', {
          title: 'Repair café',
          summary: 'Fix things together',
          category: 'community',
          orgId: org.id,
        })
      ).json();
      const bySlug = await t.request(null, 'GET', `/api/v1/orgs/${org.slug}`);
      expect(bySlug.statusCode).toBe(200);
      expect(bySlug.json()).toMatchObject({ id: org.id, name: 'Repair Collective', viewer: { role: null }, moreProjects: false });
      expect(bySlug.json().projects.map((p: { id: string }) => p.id)).toEqual([project.id]);
      expect(bySlug.json().projects[0]).toMatchObject({
        org: { id: org.id, name: 'Repair Collective' },
        owner: { id: owner.id, name: 'Paula' },
      });
      expect(bySlug.body).not.toContain(owner.email);
    });

    it('answers 404 for an unknown organization', async () => {
      const res = await t.request(null, 'GET', '/api/v1/orgs/org_nope');
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('org_not_found');
    });
  });

  describe('updateOrg', () => {
    it('lets owners and admins edit, not members or strangers', async () => {
      const owner = await t.signup('Quinn');
      const member = await t.signup('Member');
      const stranger = await t.signup('Stranger');
      const org = await newOrg(owner);
      await t.request(owner, 'POST', `/api/v1/orgs/${org.id}/members`, { userId: member.id });
      const ok = await t.request(owner, 'PATCH', `/api/v1/orgs/${org.id}`, { description: 'New words', website: null });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ description: 'New words', website: null });
      expect((await t.request(member, 'PATCH', `/api/v1/orgs/${org.id}`, { name: 'Mine now' })).statusCode).toBe(403);
      expect((await t.request(stranger, 'PATCH', `/api/v1/orgs/${org.id}`, { name: 'Mine now' })).statusCode).toBe(403);
      expect((await t.request(owner, 'PATCH', '/api/v1/orgs/org_nope', { name: 'Whatever' })).statusCode).toBe(404);
      for (const [body, field] of [
        [{ name: '' }, 'body.name'],
        [{ name: 5 }, 'body.name'],
        [{ website: 'ftp://files.example' }, 'body.website'],
        [{ description: 'd'.repeat(5001) }, 'body.description'],
      ] as const) {
        const bad = await t.request(owner, 'PATCH', `/api/v1/orgs/${org.id}`, body);
        expectInvalidField(bad, field);
      }
    });
  });

  describe('addMember', () => {
    it('lets an owner add people by e-mail or id, with any role, and notifies them', async () => {
      const owner = await t.signup('Rita');
      const bob = await t.signup('Bob');
      const cleo = await t.signup('Cleo');
      const org = await newOrg(owner);
      const byEmail = await t.request(owner, 'POST', `/api/v1/orgs/${org.id}/members`, { email: bob.email.toUpperCase(), role: 'admin' });
      expect(byEmail.statusCode).toBe(201);
      expect(byEmail.json()).toMatchObject({ userId: bob.id, name: 'Bob', role: 'admin' });
      const byId = await t.request(owner, 'POST', `/api/v1/orgs/${org.id}/members`, { userId: cleo.id });
      expect(byId.json()).toMatchObject({ userId: cleo.id, role: 'member' });
      const view = (await t.request(null, 'GET', `/api/v1/orgs/${org.id}`)).json();
      expect(view.members.map((m: { name: string; role: string }) => `${m.name}:${m.role}`)).toEqual([
        'Rita:owner',
        'Bob:admin',
        'Cleo:member',
      ]);
      const notes = (await t.request(bob, 'GET', '/api/v1/notifications')).json();
      expect(notes.items[0]).toMatchObject({
        kind: 'org_member_added',
        subject: `org:${org.id}`,
        data: { orgName: org.name, role: 'admin', byName: 'Rita' },
      });
    });

    it('lets an admin add members but not owners or admins', async () => {
      const owner = await t.signup('Sam');
      const admin = await t.signup('Admin');
      const x = await t.signup('X');
      const org = await newOrg(owner);
      await t.request(owner, 'POST', `/api/v1/orgs/${org.id}/members`, { userId: admin.id, role: 'admin' });
      expect((await t.request(admin, 'POST', `/api/v1/orgs/${org.id}/members`, { userId: x.id, role: 'admin' })).statusCode).toBe(403);
      expect((await t.request(admin, 'POST', `/api/v1/orgs/${org.id}/members`, { userId: x.id, role: 'owner' })).statusCode).toBe(403);
      expect((await t.request(admin, 'POST', `/api/v1/orgs/${org.id}/members`, { userId: x.id })).statusCode).toBe(201);
    });

    it('refuses members and strangers adding people to an organization they do not administer', async () => {
      const owner = await t.signup('Tess');
      const member = await t.signup('Mem');
      const stranger = await t.signup('Stranger');
      const org = await newOrg(owner);
      await t.request(owner, 'POST', `/api/v1/orgs/${org.id}/members`, { userId: member.id });
      for (const who of [member, stranger]) {
        const res = await t.request(who, 'POST', `/api/v1/orgs/${org.id}/members`, { userId: stranger.id });
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }
      expect((await t.request(null, 'POST', `/api/v1/orgs/${org.id}/members`, { userId: stranger.id })).statusCode).toBe(401);
      expect((await t.request(null, 'GET', `/api/v1/orgs/${org.id}`)).json().members).toHaveLength(2);
    });

    it('answers 409 for a person already in, 404 for an unknown person or organization', async () => {
      const owner = await t.signup('Uma');
      const org = await newOrg(owner);
      const dup = await t.request(owner, 'POST', `/api/v1/orgs/${org.id}/members`, { userId: owner.id });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error.code).toBe('already_member');
      const unknownUser = await t.request(owner, 'POST', `/api/v1/orgs/${org.id}/members`, { email: 'nobody@nowhere.test' });
      expect(unknownUser.statusCode).toBe(404);
      expect(unknownUser.json().error).toMatchObject({ code: 'user_not_found', details: { field: 'body.email' } });
      expect((await t.request(owner, 'POST', `/api/v1/orgs/${org.id}/members`, { userId: 'usr_nope' })).json().error.details.field).toBe(
        'body.userId',
      );
      expect((await t.request(owner, 'POST', '/api/v1/orgs/org_nope/members', { userId: owner.id })).statusCode).toBe(404);
    });

    it.each([
      [{}, 'body.userId'],
      [{ userId: 'usr_a', email: 'a@b.test' }, 'body.userId'],
      [{ email: 'not-an-email' }, 'body.email'],
      [{ userId: 12 }, 'body.userId'],
      [{ userId: 'u'.repeat(101) }, 'body.userId'],
      [{ userId: 'usr_a', role: 'king' }, 'body.role'],
    ])('answers 400 naming the field for %j', async (body, field) => {
      const owner = await t.signup('Val');
      const org = await newOrg(owner);
      const res = await t.request(owner, 'POST', `/api/v1/orgs/${org.id}/members`, body);
      expectInvalidField(res, field);
    });
  });

  describe('changeMemberRole and removeMember', () => {
    it('lets only owners change roles and keeps at least one owner', async () => {
      const owner = await t.signup('Wes');
      const admin = await t.signup('Adm');
      const org = await newOrg(owner);
      await t.request(owner, 'POST', `/api/v1/orgs/${org.id}/members`, { userId: admin.id, role: 'admin' });
      expect((await t.request(admin, 'PATCH', `/api/v1/orgs/${org.id}/members/${admin.id}`, { role: 'owner' })).statusCode).toBe(403);
      const last = await t.request(owner, 'PATCH', `/api/v1/orgs/${org.id}/members/${owner.id}`, { role: 'member' });
      expect(last.statusCode).toBe(409);
      expect(last.json().error.code).toBe('last_owner');
      expect((await t.request(owner, 'PATCH', `/api/v1/orgs/${org.id}/members/${admin.id}`, { role: 'owner' })).json().role).toBe('owner');
      expect((await t.request(owner, 'PATCH', `/api/v1/orgs/${org.id}/members/${owner.id}`, { role: 'member' })).json().role).toBe(
        'member',
      );
      expect((await t.request(admin, 'PATCH', `/api/v1/orgs/${org.id}/members/usr_nope`, { role: 'member' })).statusCode).toBe(404);
      const bad = await t.request(admin, 'PATCH', `/api/v1/orgs/${org.id}/members/${owner.id}`, { role: 'emperor' });
      expectInvalidField(bad, 'body.role');
    });

    it('lets admins remove members but not owners, anyone leave, and never the last owner', async () => {
      const owner = await t.signup('Xena');
      const admin = await t.signup('Adm');
      const member = await t.signup('Mem');
      const org = await newOrg(owner);
      await t.request(owner, 'POST', `/api/v1/orgs/${org.id}/members`, { userId: admin.id, role: 'admin' });
      await t.request(owner, 'POST', `/api/v1/orgs/${org.id}/members`, { userId: member.id });
      expect((await t.request(member, 'DELETE', `/api/v1/orgs/${org.id}/members/${admin.id}`)).statusCode).toBe(403);
      expect((await t.request(admin, 'DELETE', `/api/v1/orgs/${org.id}/members/${owner.id}`)).statusCode).toBe(403);
      expect((await t.request(admin, 'DELETE', `/api/v1/orgs/${org.id}/members/${member.id}`)).statusCode).toBe(204);
      expect((await t.request(owner, 'DELETE', `/api/v1/orgs/${org.id}/members/${owner.id}`)).json().error.code).toBe('last_owner');
      expect((await t.request(admin, 'DELETE', `/api/v1/orgs/${org.id}/members/${admin.id}`)).statusCode).toBe(204);
      expect((await t.request(owner, 'DELETE', `/api/v1/orgs/${org.id}/members/${member.id}`)).statusCode).toBe(404);
      expect((await t.request(null, 'GET', `/api/v1/orgs/${org.id}`)).json().members).toHaveLength(1);
      expect((await t.request(owner, 'DELETE', `/api/v1/orgs/org_nope/members/${owner.id}`)).json().error.code).toBe('org_not_found');
      expect((await t.request(owner, 'PATCH', `/api/v1/orgs/org_nope/members/${owner.id}`, { role: 'admin' })).statusCode).toBe(404);
      expect((await t.request(null, 'DELETE', `/api/v1/orgs/${org.id}/members/${owner.id}`)).statusCode).toBe(401);
      const typed = await t.request(owner, 'PATCH', `/api/v1/orgs/${org.id}/members/${owner.id}`, { role: 1 });
      expectInvalidField(typed, 'body.role');
    });
  });

  describe('myOrgs', () => {
    it('lists my organizations with my role', async () => {
      const owner = await t.signup('Yan');
      const friend = await t.signup('Zed');
      const a = await newOrg(owner, 'Alpha Group');
      const b = await newOrg(friend, 'Beta Group');
      await t.request(friend, 'POST', `/api/v1/orgs/${b.id}/members`, { userId: owner.id });
      const mine = (await t.request(owner, 'GET', '/api/v1/me/orgs')).json();
      expect(mine.items).toEqual([
        { id: a.id, slug: a.slug, name: 'Alpha Group', role: 'owner' },
        { id: b.id, slug: b.slug, name: 'Beta Group', role: 'member' },
      ]);
      expect((await t.request(null, 'GET', '/api/v1/me/orgs')).statusCode).toBe(401);
    });
  });
});
