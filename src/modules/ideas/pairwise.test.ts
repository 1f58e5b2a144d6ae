import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../../test/support/test-app.js';
import { fitBradleyTerry } from '../../lib/ranking/index.js';
import { type MadeProject, makeChallenge, makeIdea, makeProject, setPhase } from '../../../test/support/fixtures.js';
import { signupEach } from './test-helpers.js';

let t: TestApp;
let host: TestUser;
/** Four voters. */
let crowd: TestUser[];
let project: MadeProject;

beforeAll(async () => {
  t = await createTestApp();
  [host, ...crowd] = await signupEach(t, ['Host', 'Voter 0', 'Voter 1', 'Voter 2', 'Voter 3']);
  project = await makeProject(t, host, 'Pairwise town');
});
afterAll(() => t.close());

const get = (as: TestUser | null, url: string) => t.request(as, 'GET', `/api/v1${url}`);
const compare = (as: TestUser | null, challengeId: string, body: Record<string, unknown>) =>
  t.request(as, 'POST', `/api/v1/challenges/${challengeId}/comparisons`, body);
type I = { id: string; title: string };
const pairKey = (a: string, b: string) => [a, b].sort().join(' ');

async function votingChallenge(titles: string[]) {
  const c = await makeChallenge(t, host, project.id, { phase: 'voting' });
  const ideas = [];
  for (const title of titles) ideas.push(await makeIdea(t, host, c.id, title));
  return { c, ideas };
}

describe('pairwise voting', () => {
  describe('nextPair', () => {
    it('offers two different live ideas, never a pair the person already judged, then says none is left', async () => {
      const { c, ideas } = await votingChallenge(['Pair A', 'Pair B', 'Pair C']);
      const voter = crowd[0]!;
      const judged = new Set<string>();
      for (let k = 0; k < 3; k++) {
        const res = await get(voter, `/challenges/${c.id}/pair`);
        expect(res.statusCode, res.body).toBe(200);
        const { left, right } = res.json();
        expect(left.id).not.toBe(right.id);
        expect(ideas.map((i) => i.id)).toEqual(expect.arrayContaining([left.id, right.id]));
        expect(left).toMatchObject({ title: expect.any(String), bodyHtml: expect.any(String), author: { id: host.id } });
        expect(judged.has(pairKey(left.id, right.id))).toBe(false);
        judged.add(pairKey(left.id, right.id));
        const saved = await compare(voter, c.id, { winnerId: left.id, loserId: right.id });
        expect(saved.statusCode, saved.body).toBe(201);
      }
      const done = await get(voter, `/challenges/${c.id}/pair`);
      expect(done.statusCode).toBe(409);
      expect(done.json().error.code).toBe('no_pair_left');
      // Someone else still gets pairs.
      expect((await get(crowd[1]!, `/challenges/${c.id}/pair`)).statusCode).toBe(200);
    });

    it('leaves out rejected and merged ideas, and needs two ideas', async () => {
      const { c, ideas } = await votingChallenge(['Keep 1', 'Keep 2', 'Reject me', 'Merge me']);
      const [k1, k2, rejected, merged] = ideas as [I, I, I, I];
      expect(
        (await t.request(host, 'PATCH', `/api/v1/ideas/${rejected.id}`, { status: 'rejected', note: 'Out of scope' })).statusCode,
      ).toBe(200);
      expect((await t.request(host, 'POST', `/api/v1/ideas/${merged.id}/merge`, { intoId: k1.id })).statusCode).toBe(200);
      for (let k = 0; k < 10; k++) {
        const { left, right } = (await get(crowd[2]!, `/challenges/${c.id}/pair`)).json();
        expect([left.id, right.id].sort()).toEqual([k1.id, k2.id].sort());
      }
      expect((await compare(crowd[2]!, c.id, { winnerId: rejected.id, loserId: k1.id })).json().error).toMatchObject({
        code: 'idea_rejected',
        details: { field: 'body.winnerId' },
      });
      expect((await compare(crowd[2]!, c.id, { winnerId: k1.id, loserId: merged.id })).json().error).toMatchObject({
        code: 'idea_merged',
        details: { field: 'body.loserId' },
      });

      const lonely = await votingChallenge(['Only one']);
      const res = await get(crowd[2]!, `/challenges/${lonely.c.id}/pair`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('not_enough_ideas');
    });

    it('favours ideas with few comparisons, so a new idea is shown soon', async () => {
      const { c, ideas } = await votingChallenge(['Old 1', 'Old 2', 'Old 3', 'Old 4']);
      // Every pair of the old ideas judged by three people.
      for (const voter of crowd.slice(0, 3)) {
        for (let i = 0; i < ideas.length; i++) {
          for (let j = i + 1; j < ideas.length; j++)
            expect((await compare(voter, c.id, { winnerId: ideas[i]!.id, loserId: ideas[j]!.id })).statusCode).toBe(201);
        }
      }
      const fresh = await makeIdea(t, host, c.id, 'Brand new');
      let shown = 0;
      for (let k = 0; k < 30; k++) {
        const { left, right } = (await get(crowd[3]!, `/challenges/${c.id}/pair`)).json();
        if (left.id === fresh.id || right.id === fresh.id) shown++;
      }
      // Uniform pairs would show it in 4 of 10 pairs (12 of 30).
      expect(shown).toBeGreaterThan(16);
    });

    it('answers 409 outside the voting phase', async () => {
      const { c } = await votingChallenge(['Phase 1', 'Phase 2']);
      await setPhase(t, host, c.id, 'review');
      const res = await get(crowd[0]!, `/challenges/${c.id}/pair`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'challenge_phase_closed', details: { phase: 'review', action: 'compare' } });
    });
  });

  describe('recordComparison', () => {
    it('records a choice or a tie once per person and pair, in the voting phase only', async () => {
      const { c, ideas } = await votingChallenge(['Cmp A', 'Cmp B']);
      const [a, b] = ideas as [I, I];
      const res = await compare(crowd[0]!, c.id, { winnerId: a.id, loserId: b.id });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ challengeId: c.id, winnerId: a.id, loserId: b.id, tie: false, ideaIds: [a.id, b.id] });
      expect(res.json().id).toMatch(/^cmp_/);
      const again = await compare(crowd[0]!, c.id, { leftId: b.id, rightId: a.id, outcome: 'tie' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('pair_already_compared');
      const tie = await compare(crowd[1]!, c.id, { leftId: b.id, rightId: a.id, outcome: 'tie' });
      expect(tie.statusCode).toBe(201);
      expect(tie.json()).toMatchObject({ tie: true, winnerId: null, loserId: null, ideaIds: [b.id, a.id] });
      expect((await compare(null, c.id, { winnerId: a.id, loserId: b.id })).statusCode).toBe(401);
      await setPhase(t, host, c.id, 'closed');
      expect((await compare(crowd[2]!, c.id, { winnerId: a.id, loserId: b.id })).json().error.code).toBe('challenge_phase_closed');
    });

    it.each([
      [{}, 'body.winnerId'],
      [{ winnerId: 'ide_1' }, 'body.loserId'],
      [{ winnerId: 'ide_1', loserId: 'ide_1' }, 'body.loserId'],
      [{ leftId: 'ide_1', outcome: 'tie' }, 'body.rightId'],
      [{ leftId: 'ide_1', rightId: 'ide_2', outcome: 'draw' }, 'body.outcome'],
    ])('answers 400 naming the field for %j', async (body, field) => {
      const { c } = await votingChallenge(['Bad 1', 'Bad 2']);
      const res = await compare(crowd[0]!, c.id, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('answers 404 naming the field for an idea of another challenge', async () => {
      const { c, ideas } = await votingChallenge(['Here 1', 'Here 2']);
      const other = await votingChallenge(['There']);
      const res = await compare(crowd[0]!, c.id, { winnerId: ideas[0]!.id, loserId: other.ideas[0]!.id });
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toMatchObject({ code: 'idea_not_found', details: { field: 'body.loserId' } });
    });
  });

  describe('ranked order', () => {
    it('ranks ideas by the Bradley–Terry fit of the comparisons, with scores and intervals, and new ideas enter at once', async () => {
      const { c, ideas } = await votingChallenge(['Strong', 'Middle', 'Weak']);
      const [strong, middle, weak] = ideas as [I, I, I];
      // Four people: Strong beats both always; Middle beats Weak three times out of four; one tie Strong–Middle.
      for (const [k, voter] of crowd.entries()) {
        await compare(voter, c.id, { winnerId: strong.id, loserId: weak.id });
        if (k === 0) await compare(voter, c.id, { leftId: strong.id, rightId: middle.id, outcome: 'tie' });
        else await compare(voter, c.id, { winnerId: strong.id, loserId: middle.id });
        if (k < 3) await compare(voter, c.id, { winnerId: middle.id, loserId: weak.id });
        else await compare(voter, c.id, { winnerId: weak.id, loserId: middle.id });
      }
      const res = await get(crowd[0]!, `/challenges/${c.id}/ideas?sort=ranked`);
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json().items as { id: string; rank: number; score: number; interval: [number, number]; comparisons: number }[];
      expect(items.map((i) => i.id)).toEqual([strong.id, middle.id, weak.id]);
      expect(items.map((i) => i.rank)).toEqual([1, 2, 3]);
      expect(items.map((i) => i.comparisons)).toEqual([8, 8, 8]);
      // The same numbers as the library on the same counts (index 0 Strong, 1 Middle, 2 Weak).
      const fit = fitBradleyTerry(3, [
        { i: 0, j: 2, winsI: 4, winsJ: 0 },
        { i: 0, j: 1, winsI: 3, winsJ: 0, ties: 1 },
        { i: 1, j: 2, winsI: 3, winsJ: 1 },
      ]);
      items.forEach((item, k) => {
        expect(item.score).toBeCloseTo(fit.score[k]!, 9);
        expect(item.interval[0]).toBeCloseTo(fit.interval[k]![0], 9);
        expect(item.interval[1]).toBeCloseTo(fit.interval[k]![1], 9);
        expect(item.interval[0]).toBeLessThan(item.score);
        expect(item.interval[1]).toBeGreaterThan(item.score);
      });
      const fresh = await makeIdea(t, host, c.id, 'Late arrival');
      const again = (await get(crowd[0]!, `/challenges/${c.id}/ideas?sort=ranked`)).json().items as typeof items;
      const late = again.find((i) => i.id === fresh.id)!;
      expect(late).toMatchObject({ comparisons: 0, rank: expect.any(Number) });
      expect(late.interval[1] - late.interval[0]).toBeGreaterThan(items[0]!.interval[1] - items[0]!.interval[0]);
      // Paging through the ranking.
      const first = (await get(crowd[0]!, `/challenges/${c.id}/ideas?sort=ranked&limit=2`)).json();
      const second = (await get(crowd[0]!, `/challenges/${c.id}/ideas?sort=ranked&limit=2&cursor=${first.nextCursor}`)).json();
      expect([...first.items, ...second.items].map((i: { id: string }) => i.id)).toEqual(again.map((i) => i.id));
      expect(second.nextCursor).toBeNull();
    });

    it('moves a merged duplicate’s comparisons, dropping those between the two and a person’s repeated judgement', async () => {
      const { c, ideas } = await votingChallenge(['Dup', 'Kept', 'Third']);
      const [dup, kept, third] = ideas as [I, I, I];
      const [v0, v1] = crowd as [TestUser, TestUser];
      await compare(v0, c.id, { winnerId: dup.id, loserId: third.id });
      await compare(v0, c.id, { winnerId: kept.id, loserId: third.id }); // v0 judged Kept–Third twice after the merge
      await compare(v0, c.id, { winnerId: dup.id, loserId: kept.id }); // between the two: dropped
      await compare(v1, c.id, { winnerId: third.id, loserId: dup.id }); // moves
      const res = await t.request(host, 'POST', `/api/v1/ideas/${dup.id}/merge`, { intoId: kept.id });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().merged).toMatchObject({ comparisonsMoved: 1, comparisonsDropped: 2 });
      const ranked = (await get(host, `/challenges/${c.id}/ideas?sort=ranked`)).json().items as { id: string; comparisons: number }[];
      expect(ranked.map((i) => i.id).sort()).toEqual([kept.id, third.id].sort());
      expect(ranked.every((i) => i.comparisons === 2)).toBe(true);
      expect((await get(host, `/challenges/${c.id}`)).json().comparisons).toBe(2);
    });
  });
});
