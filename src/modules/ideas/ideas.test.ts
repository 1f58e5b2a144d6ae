import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../../test/support/test-app.js';
import { type MadeProject, makeChallenge, makeIdea, makeProject, phasesFor, setPhase, vote } from '../../../test/support/fixtures.js';
import { signupEach } from './test-helpers.js';

let t: TestApp;
/** The project's host, and three people of the crowd. */
let host: TestUser, alice: TestUser, bob: TestUser, carol: TestUser;
let project: MadeProject;

beforeAll(async () => {
  t = await createTestApp();
  [host, alice, bob, carol] = await signupEach(t, ['Host', 'Alice', 'Bob', 'Carol']);
  project = await makeProject(t, host);
});
afterAll(() => t.close());

const get = (as: TestUser | null, url: string) => t.request(as, 'GET', `/api/v1${url}`);

describe('ideas', () => {
  describe('createChallenge', () => {
    it('opens a draft that only the hosts see, then publishes it and tells the followers', async () => {
      expect((await t.request(carol, 'POST', `/api/v1/projects/${project.id}/follow`)).statusCode).toBe(200);
      const draft = await makeChallenge(t, host, project.slug, { status: 'draft', title: 'A draft challenge' });
      expect(draft).toMatchObject({
        status: 'draft',
        phase: 'submission',
        rules: { votesPerPerson: 10, submissionsDuringVoting: false, publicRanking: true },
      });
      expect((await get(host, `/challenges/${draft.id}`)).statusCode).toBe(200);
      expect((await get(alice, `/challenges/${draft.id}`)).json().error.code).toBe('challenge_not_found');
      expect((await get(null, `/challenges/${draft.id}`)).statusCode).toBe(404);
      const ids = async (as: TestUser | null) =>
        (await get(as, `/projects/${project.id}/challenges?limit=100`)).json().items.map((c: { id: string }) => c.id);
      expect(await ids(host)).toContain(draft.id);
      expect(await ids(alice)).not.toContain(draft.id);
      // The crowd cannot submit to a draft (it does not exist for them); the host may seed ideas.
      expect((await t.request(alice, 'POST', `/api/v1/challenges/${draft.id}/ideas`, { title: 'Too early' })).statusCode).toBe(404);
      await makeIdea(t, host, draft.id, 'A seed idea');

      const published = await t.request(host, 'PATCH', `/api/v1/challenges/${draft.id}`, { status: 'published' });
      expect(published.statusCode, published.body).toBe(200);
      expect(published.json()).toMatchObject({ status: 'published', ideas: 1 });
      expect(published.json().publishedAt).toBeTruthy();
      expect(await ids(alice)).toContain(draft.id);
      const notes = (await get(carol, '/notifications')).json().items;
      expect(
        notes.some((n: { kind: string; subject: string }) => n.kind === 'challenge_opened' && n.subject === `challenge:${draft.id}`),
      ).toBe(true);
      // With ideas in it, it cannot go back to draft.
      const back = await t.request(host, 'PATCH', `/api/v1/challenges/${draft.id}`, { status: 'draft' });
      expect(back.statusCode).toBe(409);
      expect(back.json().error.code).toBe('challenge_has_ideas');
    });

    it('is for the hosts of the project only', async () => {
      const body = { title: 'Mine now', phases: phasesFor(t, 'submission') };
      expect((await t.request(alice, 'POST', `/api/v1/projects/${project.id}/challenges`, body)).statusCode).toBe(403);
      expect((await t.request(null, 'POST', `/api/v1/projects/${project.id}/challenges`, body)).statusCode).toBe(401);
      const c = await makeChallenge(t, host, project.id);
      expect((await t.request(alice, 'PATCH', `/api/v1/challenges/${c.id}`, { title: 'Taken over' })).statusCode).toBe(403);
    });

    it.each([
      [
        {
          phases: {
            submission: '2026-01-03T00:00:00Z',
            voting: '2026-01-02T00:00:00Z',
            review: '2026-01-04T00:00:00Z',
            closed: '2026-01-05T00:00:00Z',
          },
        },
        'body.phases.voting',
      ],
      [
        {
          phases: {
            submission: 'tomorrow',
            voting: '2026-01-02T00:00:00Z',
            review: '2026-01-04T00:00:00Z',
            closed: '2026-01-05T00:00:00Z',
          },
        },
        'body.phases.submission',
      ],
      [{ title: 'x' }, 'body.title'],
      [{ rules: { votesPerPerson: -1 } }, 'body.rules.votesPerPerson'],
      [{ rules: { submissionsDuringVoting: 'yes' } }, 'body.rules.submissionsDuringVoting'],
      [{ status: 'open' }, 'body.status'],
    ])('answers 400 naming the field for %j', async (patch, field) => {
      const body = { title: 'Valid title', phases: phasesFor(t, 'submission'), ...patch };
      const res = await t.request(host, 'POST', `/api/v1/projects/${project.id}/challenges`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('answers 404 for an unknown project or challenge', async () => {
      expect(
        (await t.request(host, 'POST', '/api/v1/projects/prj_nope/challenges', { title: 'Nope', phases: phasesFor(t, 'submission') }))
          .statusCode,
      ).toBe(404);
      expect((await get(host, '/challenges/chl_nope')).json().error.code).toBe('challenge_not_found');
    });
  });

  describe('submitIdea', () => {
    it('accepts an idea in the submission phase, with Markdown rendered safely and tags normalised', async () => {
      const c = await makeChallenge(t, host, project.id);
      const res = await t.request(alice, 'POST', `/api/v1/challenges/${c.id}/ideas`, {
        title: 'Plant fruit trees',
        body: '**Apples** <script>alert(1)</script>',
        tags: ['Trees', 'trees', 'food'],
      });
      expect(res.statusCode, res.body).toBe(201);
      const idea = res.json();
      expect(idea).toMatchObject({
        title: 'Plant fruit trees',
        tags: ['trees', 'food'],
        status: 'submitted',
        author: { id: alice.id, name: 'Alice' },
        votes: { up: 0, down: 0, net: 0 },
        mergedIntoId: null,
      });
      expect(idea.bodyHtml).toContain('<strong>Apples</strong>');
      expect(idea.bodyHtml).not.toContain('<script');
      expect(idea.id).toMatch(/^ide_/);
      const byTag = (await get(bob, `/challenges/${c.id}/ideas?tag=food`)).json().items;
      expect(byTag.map((i: { id: string }) => i.id)).toEqual([idea.id]);
      expect((await get(bob, `/challenges/${c.id}/ideas?tag=other`)).json().items).toEqual([]);
    });

    it('refuses ideas outside the phases that accept them, with 409 challenge_phase_closed saying why', async () => {
      const c = await makeChallenge(t, host, project.id, { phase: 'upcoming' });
      const submit = () => t.request(alice, 'POST', `/api/v1/challenges/${c.id}/ideas`, { title: 'An idea' });
      let res = await submit();
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'challenge_phase_closed', details: { phase: 'upcoming', action: 'submit' } });
      expect(res.json().error.message).toMatch(/not opened yet/);

      await setPhase(t, host, c.id, 'voting');
      res = await submit();
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toMatch(/voting phase/);
      // The rule that accepts ideas while voting.
      expect((await t.request(host, 'PATCH', `/api/v1/challenges/${c.id}`, { rules: { submissionsDuringVoting: true } })).statusCode).toBe(
        200,
      );
      expect((await submit()).statusCode).toBe(201);

      await setPhase(t, host, c.id, 'review');
      res = await submit();
      expect(res.statusCode).toBe(409);
      expect(res.json().error.details.phase).toBe('review');
      // Hosts may still add an idea in review, but nobody once closed.
      expect((await t.request(host, 'POST', `/api/v1/challenges/${c.id}/ideas`, { title: 'Host idea' })).statusCode).toBe(201);
      await setPhase(t, host, c.id, 'closed');
      expect((await t.request(host, 'POST', `/api/v1/challenges/${c.id}/ideas`, { title: 'Too late' })).json().error.code).toBe(
        'challenge_phase_closed',
      );
    });

    it('moves through the phases with the clock', async () => {
      const c = await makeChallenge(t, host, project.id, { phase: 'upcoming' });
      t.clock.advance(1.5 * 3600_000);
      try {
        expect((await get(alice, `/challenges/${c.id}`)).json().phase).toBe('submission');
        expect((await t.request(alice, 'POST', `/api/v1/challenges/${c.id}/ideas`, { title: 'Just in time' })).statusCode).toBe(201);
      } finally {
        t.clock.advance(-1.5 * 3600_000);
      }
    });

    it.each([
      [{ title: 'ab' }, 'body.title'],
      [{ title: 'Fine', tags: ['no spaces allowed'] }, 'body.tags.0'],
      [{ title: 'Fine', tags: Array.from({ length: 11 }, (_, k) => `t${k}`) }, 'body.tags'],
      [{ title: 'Fine', body: 42 }, 'body.body'],
    ])('answers 400 naming the field for %j', async (body, field) => {
      const c = await makeChallenge(t, host, project.id);
      const res = await t.request(alice, 'POST', `/api/v1/challenges/${c.id}/ideas`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('lets the author edit while ideas are accepted, and nobody else', async () => {
      const c = await makeChallenge(t, host, project.id);
      const idea = await makeIdea(t, alice, c.id, 'Rain gardens');
      const edit = await t.request(alice, 'PATCH', `/api/v1/ideas/${idea.id}`, { title: 'Rain gardens everywhere', tags: ['water'] });
      expect(edit.statusCode, edit.body).toBe(200);
      expect(edit.json()).toMatchObject({ title: 'Rain gardens everywhere', tags: ['water'] });
      expect((await t.request(bob, 'PATCH', `/api/v1/ideas/${idea.id}`, { title: 'Bob was here' })).statusCode).toBe(403);
      expect((await t.request(alice, 'PATCH', `/api/v1/ideas/${idea.id}`, {})).statusCode).toBe(400);
      await setPhase(t, host, c.id, 'review');
      expect((await t.request(alice, 'PATCH', `/api/v1/ideas/${idea.id}`, { title: 'Too late now' })).json().error.code).toBe(
        'challenge_phase_closed',
      );
    });
  });

  describe('votes', () => {
    it('keeps each person within the vote budget; changing a vote is free and taking one back returns it', async () => {
      const c = await makeChallenge(t, host, project.id, { phase: 'voting', rules: { votesPerPerson: 2 } });
      const [a, b, d] = [
        await makeIdea(t, host, c.id, 'Idea A'),
        await makeIdea(t, host, c.id, 'Idea B'),
        await makeIdea(t, host, c.id, 'Idea D'),
      ];
      let res = await vote(t, alice, a.id, 1);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        ideaId: a.id,
        value: 1,
        votes: { up: 1, down: 0, net: 1 },
        budget: { limit: 2, used: 1, remaining: 1 },
      });
      res = await vote(t, alice, b.id, -1);
      expect(res.json()).toMatchObject({ value: -1, votes: { up: 0, down: 1, net: -1 }, budget: { used: 2, remaining: 0 } });
      res = await vote(t, alice, d.id, 1);
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'vote_budget_exhausted', details: { limit: 2, used: 2, remaining: 0 } });
      // Changing a vote costs nothing.
      res = await vote(t, alice, b.id, 1);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ value: 1, votes: { up: 1, down: 0 }, budget: { used: 2 } });
      // Taking one back frees a vote.
      res = await t.request(alice, 'DELETE', `/api/v1/ideas/${a.id}/votes`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ value: null, votes: { up: 0 }, budget: { used: 1, remaining: 1 } });
      expect((await vote(t, alice, d.id, 1)).statusCode).toBe(201);
      const shown = (await get(alice, `/challenges/${c.id}`)).json();
      expect(shown.viewer).toMatchObject({ canVote: true, budget: { limit: 2, used: 2, remaining: 0 } });
      expect((await get(alice, `/ideas/${d.id}`)).json().viewer).toEqual({ vote: 1, isAuthor: false });
      // Another person has their own budget.
      expect((await vote(t, bob, d.id, 1)).json().votes).toEqual({ up: 2, down: 0, net: 2 });
    });

    it('never lets concurrent votes overspend the budget', async () => {
      const c = await makeChallenge(t, host, project.id, { phase: 'voting', rules: { votesPerPerson: 3 } });
      const ideas = [];
      for (let k = 0; k < 6; k++) ideas.push(await makeIdea(t, host, c.id, `Parallel ${k}`));
      const results = await Promise.all(ideas.map((i) => vote(t, carol, i.id, 1)));
      expect(results.filter((r) => r.statusCode === 201)).toHaveLength(3);
      expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === 'vote_budget_exhausted')).toBe(true);
      expect((await get(carol, `/challenges/${c.id}`)).json().viewer.budget).toEqual({ limit: 3, used: 3, remaining: 0 });
    });

    it('has no limit when votesPerPerson is null', async () => {
      const c = await makeChallenge(t, host, project.id, { phase: 'voting', rules: { votesPerPerson: null } });
      for (let k = 0; k < 12; k++) {
        const i = await makeIdea(t, host, c.id, `Unlimited ${k}`);
        expect((await vote(t, alice, i.id, 1)).statusCode).toBe(201);
      }
      expect((await get(alice, `/challenges/${c.id}`)).json().viewer.budget).toEqual({ limit: null, used: 12, remaining: null });
    });

    it('accepts votes in the voting phase only, never on one’s own idea, and only 1 or -1', async () => {
      const c = await makeChallenge(t, host, project.id, { phase: 'submission' });
      const idea = await makeIdea(t, alice, c.id, 'Car-free Sundays');
      let res = await vote(t, bob, idea.id, 1);
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'challenge_phase_closed', details: { phase: 'submission', action: 'vote' } });
      expect(res.json().error.message).toMatch(/Voting runs from/);
      await setPhase(t, host, c.id, 'voting');
      expect((await vote(t, bob, idea.id, 1)).statusCode).toBe(201);
      expect((await vote(t, alice, idea.id, 1)).json().error.code).toBe('own_idea');
      res = await t.request(bob, 'POST', `/api/v1/ideas/${idea.id}/votes`, { value: 2 });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('body.value');
      expect((await t.request(null, 'POST', `/api/v1/ideas/${idea.id}/votes`, { value: 1 })).statusCode).toBe(401);
      await setPhase(t, host, c.id, 'review');
      expect((await t.request(bob, 'DELETE', `/api/v1/ideas/${idea.id}/votes`)).json().error.code).toBe('challenge_phase_closed');
      expect((await vote(t, carol, idea.id, 1)).json().error.details.phase).toBe('review');
    });

    it('sorts by net votes (top) or newest (new), page by page', async () => {
      const c = await makeChallenge(t, host, project.id, { phase: 'voting' });
      const ideas = [];
      for (const title of ['Zero', 'Two', 'Minus', 'One']) ideas.push(await makeIdea(t, host, c.id, title));
      const [zero, two, minus, one] = ideas as unknown as [{ id: string }, { id: string }, { id: string }, { id: string }];
      await vote(t, alice, two.id, 1);
      await vote(t, bob, two.id, 1);
      await vote(t, alice, one.id, 1);
      await vote(t, alice, minus.id, -1);
      const pages = async (sort: string) => {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const res = await get(alice, `/challenges/${c.id}/ideas?sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
          expect(res.statusCode, res.body).toBe(200);
          seen.push(...res.json().items.map((i: { id: string }) => i.id));
          cursor = res.json().nextCursor;
        } while (cursor);
        return seen;
      };
      expect(await pages('top')).toEqual([two.id, one.id, zero.id, minus.id]);
      expect(await pages('new')).toEqual([one.id, minus.id, two.id, zero.id]);
      expect((await get(alice, `/challenges/${c.id}/ideas?cursor=garbage`)).json().error.code).toBe('invalid_cursor');
      expect((await get(alice, `/challenges/${c.id}/ideas?sort=best`)).json().error.details[0].field).toBe('querystring.sort');
    });
  });

  describe('status', () => {
    it('lets the host set a stage-gate status with a note that only the author and the hosts see', async () => {
      const c = await makeChallenge(t, host, project.id);
      const idea = await makeIdea(t, alice, c.id, 'Solar benches');
      const res = await t.request(host, 'PATCH', `/api/v1/ideas/${idea.id}`, { status: 'shortlisted', note: 'We will cost it in May.' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'shortlisted', statusNote: 'We will cost it in May.' });
      expect(res.json().statusChangedAt).toBeTruthy();
      expect((await get(alice, `/ideas/${idea.id}`)).json().statusNote).toBe('We will cost it in May.');
      expect((await get(bob, `/ideas/${idea.id}`)).json()).toMatchObject({ status: 'shortlisted', statusNote: null });
      expect(
        (await get(null, `/challenges/${c.id}/ideas`)).json().items.find((i: { id: string }) => i.id === idea.id).statusNote,
      ).toBeNull();
      const notes = (await get(alice, '/notifications')).json().items;
      expect(
        notes.find((n: { kind: string; subject: string }) => n.kind === 'idea_status_changed' && n.subject === `idea:${idea.id}`)?.data,
      ).toMatchObject({
        status: 'shortlisted',
        note: 'We will cost it in May.',
      });
      // A new status without a note clears the old note; the list filters by status.
      await t.request(host, 'PATCH', `/api/v1/ideas/${idea.id}`, { status: 'selected' });
      expect((await get(alice, `/ideas/${idea.id}`)).json()).toMatchObject({ status: 'selected', statusNote: null });
      expect((await get(bob, `/challenges/${c.id}/ideas?status=selected`)).json().items.map((i: { id: string }) => i.id)).toEqual([
        idea.id,
      ]);
    });

    it('is for the hosts only, and only the listed statuses', async () => {
      const c = await makeChallenge(t, host, project.id);
      const idea = await makeIdea(t, alice, c.id, 'Compost bins');
      const own = await t.request(alice, 'PATCH', `/api/v1/ideas/${idea.id}`, { status: 'selected' });
      expect(own.statusCode).toBe(403);
      expect(own.json().error.details.field).toBe('body.status');
      const bad = await t.request(host, 'PATCH', `/api/v1/ideas/${idea.id}`, { status: 'approved' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].field).toBe('body.status');
    });
  });

  describe('mergeIdea', () => {
    it('moves the duplicate’s votes without counting a person twice, and refunds the dropped vote', async () => {
      const c = await makeChallenge(t, host, project.id, { phase: 'voting', rules: { votesPerPerson: 5, submissionsDuringVoting: true } });
      const dup = await makeIdea(t, carol, c.id, 'More trees', { tags: ['trees'] });
      const kept = await makeIdea(t, host, c.id, 'Plant trees', { tags: ['green'] });
      await vote(t, alice, dup.id, 1);
      await vote(t, bob, dup.id, 1);
      await vote(t, bob, kept.id, -1);
      const dave = await t.signup('Dave');
      await vote(t, dave, kept.id, 1);
      expect((await get(bob, `/challenges/${c.id}`)).json().viewer.budget.used).toBe(2);

      expect((await t.request(alice, 'POST', `/api/v1/ideas/${dup.id}/merge`, { intoId: kept.id })).statusCode).toBe(403);
      const res = await t.request(host, 'POST', `/api/v1/ideas/${dup.id}/merge`, { intoId: kept.id });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().merged).toMatchObject({ id: dup.id, votesMoved: 1, votesDropped: 1 });
      // Alice's up vote moved; Bob keeps his vote on the kept idea (down), once; Dave's stays.
      expect(res.json().idea).toMatchObject({ id: kept.id, votes: { up: 2, down: 1, net: 1 }, tags: ['green', 'trees'] });
      expect((await get(bob, `/challenges/${c.id}`)).json().viewer.budget.used).toBe(1);
      expect((await get(alice, `/ideas/${kept.id}`)).json().viewer.vote).toBe(1);

      const merged = (await get(alice, `/ideas/${dup.id}`)).json();
      expect(merged.mergedIntoId).toBe(kept.id);
      const listed = (await get(alice, `/challenges/${c.id}/ideas`)).json().items.map((i: { id: string }) => i.id);
      expect(listed).toContain(kept.id);
      expect(listed).not.toContain(dup.id);
      expect((await get(alice, `/challenges/${c.id}`)).json().ideas).toBe(1);
      expect((await vote(t, dave, dup.id, 1)).json().error).toMatchObject({ code: 'idea_merged', details: { mergedIntoId: kept.id } });
      const notes = (await get(carol, '/notifications')).json().items;
      expect(notes.some((n: { kind: string; subject: string }) => n.kind === 'idea_merged' && n.subject === `idea:${dup.id}`)).toBe(true);
    });

    it('follows chains: ideas merged into a duplicate move on with it', async () => {
      const c = await makeChallenge(t, host, project.id, { phase: 'voting', rules: { submissionsDuringVoting: true } });
      const [x, y, z] = [
        await makeIdea(t, alice, c.id, 'Chain X'),
        await makeIdea(t, bob, c.id, 'Chain Y'),
        await makeIdea(t, carol, c.id, 'Chain Z'),
      ];
      await vote(t, host, x.id, 1);
      expect((await t.request(host, 'POST', `/api/v1/ideas/${x.id}/merge`, { intoId: y.id })).statusCode).toBe(200);
      expect((await t.request(host, 'POST', `/api/v1/ideas/${y.id}/merge`, { intoId: z.id })).json().idea.votes.up).toBe(1);
      expect((await get(host, `/ideas/${x.id}`)).json().mergedIntoId).toBe(z.id);
    });

    it('refuses a merge into itself, into another challenge, or of an already merged idea', async () => {
      const c = await makeChallenge(t, host, project.id);
      const other = await makeChallenge(t, host, project.id);
      const [a, b] = [await makeIdea(t, alice, c.id, 'Merge A'), await makeIdea(t, alice, c.id, 'Merge B')];
      const elsewhere = await makeIdea(t, alice, other.id, 'Elsewhere');
      expect((await t.request(host, 'POST', `/api/v1/ideas/${a.id}/merge`, { intoId: a.id })).json().error).toMatchObject({
        code: 'merge_into_self',
        details: { field: 'body.intoId' },
      });
      expect((await t.request(host, 'POST', `/api/v1/ideas/${a.id}/merge`, { intoId: elsewhere.id })).json().error).toMatchObject({
        code: 'idea_not_found',
        details: { field: 'body.intoId' },
      });
      expect((await t.request(host, 'POST', `/api/v1/ideas/${a.id}/merge`, {})).json().error.details[0].field).toBe('body.intoId');
      expect((await t.request(host, 'POST', `/api/v1/ideas/${a.id}/merge`, { intoId: b.id })).statusCode).toBe(200);
      expect((await t.request(host, 'POST', `/api/v1/ideas/${a.id}/merge`, { intoId: b.id })).json().error.code).toBe('idea_merged');
      expect((await t.request(host, 'POST', `/api/v1/ideas/${b.id}/merge`, { intoId: a.id })).json().error.code).toBe('idea_merged');
      expect((await t.request(host, 'PATCH', `/api/v1/ideas/${a.id}`, { status: 'selected' })).json().error.code).toBe('idea_merged');
    });
  });

  describe('privacy', () => {
    it('keeps a draft challenge and its ideas from everyone but the hosts', async () => {
      const c = await makeChallenge(t, host, project.id, { status: 'draft' });
      const idea = await makeIdea(t, host, c.id, 'Secret seed');
      for (const url of [`/challenges/${c.id}`, `/challenges/${c.id}/ideas`, `/ideas/${idea.id}`, `/challenges/${c.id}/pair`]) {
        expect((await get(alice, url)).statusCode, url).toBe(404);
        expect((await get(null, url)).statusCode, url).toBe(404);
      }
      expect((await vote(t, alice, idea.id, 1)).statusCode).toBe(404);
      expect(
        (await t.request(alice, 'POST', `/api/v1/challenges/${c.id}/comparisons`, { winnerId: idea.id, loserId: `${idea.id}x` }))
          .statusCode,
      ).toBe(404);
      // Even for the host, a draft takes no votes.
      expect((await get(host, `/challenges/${c.id}/ideas`)).statusCode).toBe(200);
    });

    it('hides the challenges of a project hidden by moderation', async () => {
      const p = await makeProject(t, host, 'To be hidden');
      const c = await makeChallenge(t, host, p.id);
      const idea = await makeIdea(t, alice, c.id, 'Visible for now');
      const operator = await t.operator();
      expect((await t.request(operator, 'POST', `/api/v1/projects/${p.id}/hide`, { reason: 'test' })).statusCode).toBe(200);
      expect((await get(alice, `/challenges/${c.id}`)).statusCode).toBe(404);
      expect((await get(alice, `/ideas/${idea.id}`)).statusCode).toBe(404);
      expect((await get(bob, `/projects/${p.id}/challenges`)).statusCode).toBe(404);
      expect((await get(host, `/challenges/${c.id}`)).statusCode).toBe(200);
    });

    it('keeps the ranking to the hosts when publicRanking is false', async () => {
      const c = await makeChallenge(t, host, project.id, { phase: 'voting', rules: { publicRanking: false } });
      await makeIdea(t, host, c.id, 'Ranked 1');
      await makeIdea(t, host, c.id, 'Ranked 2');
      const res = await get(alice, `/challenges/${c.id}/ideas?sort=ranked`);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('ranking_private');
      expect((await get(alice, `/challenges/${c.id}`)).json().viewer.canSeeRanking).toBe(false);
      expect((await get(host, `/challenges/${c.id}/ideas?sort=ranked`)).statusCode).toBe(200);
      // Votes in pairs are still taken.
      expect((await get(alice, `/challenges/${c.id}/pair`)).statusCode).toBe(200);
    });
  });
});
