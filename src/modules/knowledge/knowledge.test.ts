import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../../test/support/test-app.js';
import { REPUTATION_RULES } from './reputation.js';

let t: TestApp;
let host: TestUser;
let asker: TestUser;
let expert: TestUser;
let rival: TestUser;
let voters: TestUser[];
let project: { id: string; slug: string };

beforeAll(async () => {
  t = await createTestApp();
  host = await t.signup('Host');
  asker = await t.signup('Asker');
  expert = await t.signup('Expert');
  rival = await t.signup('Rival');
  voters = [];
  for (let k = 0; k < 3; k++) voters.push(await t.signup(`Voter ${k}`));
  const res = await t.request(host, 'POST', '/api/v1/projects', {
    title: 'Solar kettle',
    summary: 'A kettle that boils with sunlight',
    category: 'technology',
  });
  project = res.json();
});
afterAll(() => t.close());

const get = (as: TestUser | null, url: string) => t.request(as, 'GET', `/api/v1${url}`);
const reputation = async (u: TestUser) => (await get(null, `/users/${u.id}`)).json().reputation as number;

async function ask(as: TestUser, title: string, extra: Record<string, unknown> = {}, projectId: string | null = project.id) {
  const res = await t.request(as, 'POST', projectId ? `/api/v1/projects/${projectId}/questions` : '/api/v1/questions', { title, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; projectId: string | null };
}

async function answer(as: TestUser, questionId: string, body: string) {
  const res = await t.request(as, 'POST', `/api/v1/questions/${questionId}/answers`, { body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

describe('knowledge', () => {
  describe('askQuestion', () => {
    it('asks on a project or site-wide, with Markdown rendered safely and tags normalised', async () => {
      const res = await t.request(asker, 'POST', `/api/v1/projects/${project.slug}/questions`, {
        title: 'Does the kettle work in winter?',
        body: 'I live in **Lyon** <img src=x onerror=alert(1)>',
        tags: ['Winter', 'winter', 'solar'],
      });
      expect(res.statusCode, res.body).toBe(201);
      const q = res.json();
      expect(q).toMatchObject({
        projectId: project.id,
        tags: ['winter', 'solar'],
        score: 0,
        answersCount: 0,
        acceptedAnswerId: null,
        answers: [],
        author: { id: asker.id, name: 'Asker' },
      });
      expect(q.id).toMatch(/^qst_/);
      expect(q.bodyHtml).toContain('<strong>Lyon</strong>');
      expect(q.bodyHtml).not.toContain('onerror');
      expect(q.viewer).toEqual({ vote: null, isAuthor: true, canAccept: true, canEdit: true });
      const site = await ask(asker, 'Which projects accept volunteers?', {}, null);
      expect(site.projectId).toBeNull();
      expect((await get(null, `/questions/${site.id}`)).statusCode).toBe(200);
    });

    it.each([
      [{ title: 'Too short' }, 'body.title'],
      [{ title: 'A long enough question title', tags: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'body.tags'],
      [{ title: 'A long enough question title', tags: ['has space'] }, 'body.tags.0'],
      [{ title: 'A long enough question title', body: 5 }, 'body.body'],
    ])('answers 400 naming the field for %j', async (body, field) => {
      const res = await t.request(asker, 'POST', `/api/v1/projects/${project.id}/questions`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('needs a signed-in person and a project they can see', async () => {
      expect((await t.request(null, 'POST', '/api/v1/questions', { title: 'Anonymous question here' })).statusCode).toBe(401);
      expect(
        (await t.request(asker, 'POST', '/api/v1/projects/prj_nope/questions', { title: 'Nowhere question here' })).json().error.code,
      ).toBe('project_not_found');
    });

    it('lets the author and the hosts edit, and nobody else', async () => {
      const q = await ask(asker, 'How long does it take to boil?');
      expect((await t.request(asker, 'PATCH', `/api/v1/questions/${q.id}`, { tags: ['speed'] })).json().tags).toEqual(['speed']);
      expect(
        (await t.request(host, 'PATCH', `/api/v1/questions/${q.id}`, { title: 'How long does it take to boil water?' })).statusCode,
      ).toBe(200);
      expect((await t.request(rival, 'PATCH', `/api/v1/questions/${q.id}`, { title: 'Rival was here, hello' })).statusCode).toBe(403);
      expect((await t.request(asker, 'PATCH', `/api/v1/questions/${q.id}`, {})).statusCode).toBe(400);
    });
  });

  describe('answers and acceptance', () => {
    it('answers, tells the asker, orders the accepted answer first, and only the asker accepts', async () => {
      const q = await ask(asker, 'What is the warranty on the kettle?');
      const a1 = await answer(expert, q.id, 'Two years, parts and labour.');
      const a2 = await answer(rival, q.id, 'One year, I think.');
      const notes = (await get(asker, '/notifications')).json().items;
      expect(
        notes.filter((n: { kind: string; subject: string }) => n.kind === 'question_answered' && n.subject === `question:${q.id}`),
      ).toHaveLength(2);
      expect((await t.request(expert, 'POST', `/api/v1/answers/${a1.id}/accept`)).statusCode).toBe(403);
      await t.request(voters[0]!, 'POST', `/api/v1/answers/${a2.id}/votes`, { value: 1 });
      let shown = (await get(null, `/questions/${q.id}`)).json();
      expect(shown.answers.map((a: { id: string }) => a.id)).toEqual([a2.id, a1.id]);
      const res = await t.request(asker, 'POST', `/api/v1/answers/${a1.id}/accept`);
      expect(res.statusCode, res.body).toBe(200);
      shown = res.json();
      expect(shown.acceptedAnswerId).toBe(a1.id);
      expect(shown.answersCount).toBe(2);
      expect(shown.answers.map((a: { id: string; accepted: boolean }) => [a.id, a.accepted])).toEqual([
        [a1.id, true],
        [a2.id, false],
      ]);
      const told = (await get(expert, '/notifications')).json().items;
      expect(told.some((n: { kind: string; subject: string }) => n.kind === 'answer_accepted' && n.subject === `question:${q.id}`)).toBe(
        true,
      );
      // Un-accepting something not accepted is a conflict.
      expect((await t.request(asker, 'DELETE', `/api/v1/answers/${a2.id}/accept`)).json().error.code).toBe('answer_not_accepted');
    });

    it('lets an answer be edited by its author only', async () => {
      const q = await ask(asker, 'Can I use it indoors near a window?');
      const a = await answer(expert, q.id, 'Yes, behind glass it loses about 10%.');
      expect(
        (await t.request(expert, 'PATCH', `/api/v1/answers/${a.id}`, { body: 'Yes, behind glass it loses about 15%.' })).json().body,
      ).toMatch(/15%/);
      expect((await t.request(rival, 'PATCH', `/api/v1/answers/${a.id}`, { body: 'No.' })).statusCode).toBe(403);
      expect((await t.request(expert, 'PATCH', `/api/v1/answers/${a.id}`, { body: '   ' })).json().error.details[0].field).toBe(
        'body.body',
      );
    });
  });

  describe('votes and reputation', () => {
    it('follows the documented rules, and reverses points when a vote is changed, taken back or an acceptance moves', async () => {
      const [a0, e0, r0] = [await reputation(asker), await reputation(expert), await reputation(rival)];
      const q = await ask(asker, 'Is the glass dishwasher safe?');
      const good = await answer(expert, q.id, 'Yes, top rack.');
      const other = await answer(rival, q.id, 'No idea.');

      // Question: two up, one down.
      for (const [k, value] of [1, 1, -1].entries()) {
        const res = await t.request(voters[k]!, 'POST', `/api/v1/questions/${q.id}/votes`, { value });
        expect(res.statusCode, res.body).toBe(200);
      }
      expect((await get(null, `/questions/${q.id}`)).json().score).toBe(1);
      expect(await reputation(asker)).toBe(a0 + 2 * REPUTATION_RULES.question_upvoted + REPUTATION_RULES.question_downvoted);

      // Answer: up by two, down by one, then the down vote changes to up.
      await t.request(voters[0]!, 'POST', `/api/v1/answers/${good.id}/votes`, { value: 1 });
      await t.request(voters[1]!, 'POST', `/api/v1/answers/${good.id}/votes`, { value: 1 });
      await t.request(voters[2]!, 'POST', `/api/v1/answers/${good.id}/votes`, { value: -1 });
      expect(await reputation(expert)).toBe(e0 + 2 * 10 - 2);
      const changed = await t.request(voters[2]!, 'POST', `/api/v1/answers/${good.id}/votes`, { value: 1 });
      expect(changed.json()).toEqual({ id: good.id, value: 1, score: 3 });
      expect(await reputation(expert)).toBe(e0 + 3 * 10);
      // Voting the same way again changes nothing.
      expect((await t.request(voters[2]!, 'POST', `/api/v1/answers/${good.id}/votes`, { value: 1 })).json().score).toBe(3);
      expect(await reputation(expert)).toBe(e0 + 30);
      // Taking a vote back.
      expect((await t.request(voters[1]!, 'DELETE', `/api/v1/answers/${good.id}/votes`)).json()).toEqual({
        id: good.id,
        value: null,
        score: 2,
      });
      expect(await reputation(expert)).toBe(e0 + 20);

      // Acceptance: +15 to the answerer, +2 to the asker; moving it reverses both first.
      const aBefore = await reputation(asker);
      await t.request(asker, 'POST', `/api/v1/answers/${good.id}/accept`);
      expect(await reputation(expert)).toBe(e0 + 20 + 15);
      expect(await reputation(asker)).toBe(aBefore + 2);
      await t.request(asker, 'POST', `/api/v1/answers/${other.id}/accept`);
      expect(await reputation(expert)).toBe(e0 + 20);
      expect(await reputation(rival)).toBe(r0 + 15);
      expect(await reputation(asker)).toBe(aBefore + 2);
      // Accepting the same answer twice counts once; un-accepting reverses it.
      await t.request(asker, 'POST', `/api/v1/answers/${other.id}/accept`);
      expect(await reputation(rival)).toBe(r0 + 15);
      expect((await t.request(asker, 'DELETE', `/api/v1/answers/${other.id}/accept`)).json().acceptedAnswerId).toBeNull();
      expect(await reputation(rival)).toBe(r0);
      expect(await reputation(asker)).toBe(aBefore);
    });

    it('earns nothing from accepting one’s own answer, and refuses votes on one’s own posts', async () => {
      const q = await ask(asker, 'Answering my own question here');
      const mine = await answer(asker, q.id, 'Found it myself.');
      const before = await reputation(asker);
      expect((await t.request(asker, 'POST', `/api/v1/answers/${mine.id}/accept`)).json().acceptedAnswerId).toBe(mine.id);
      expect(await reputation(asker)).toBe(before);
      expect((await t.request(asker, 'POST', `/api/v1/answers/${mine.id}/votes`, { value: 1 })).json().error.code).toBe('own_post');
      expect((await t.request(asker, 'POST', `/api/v1/questions/${q.id}/votes`, { value: 1 })).json().error.code).toBe('own_post');
      const bad = await t.request(expert, 'POST', `/api/v1/questions/${q.id}/votes`, { value: 0 });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].field).toBe('body.value');
      expect((await t.request(null, 'POST', `/api/v1/questions/${q.id}/votes`, { value: 1 })).statusCode).toBe(401);
    });

    it('keeps the score and the reputation in step under concurrent votes', async () => {
      const q = await ask(asker, 'Concurrent votes on this question');
      const a = await answer(expert, q.id, 'Concurrent answer');
      const before = await reputation(expert);
      const crowd = [...voters, host, rival];
      const results = await Promise.all(
        crowd.flatMap((v) => [1, 1].map(() => t.request(v, 'POST', `/api/v1/answers/${a.id}/votes`, { value: 1 }))),
      );
      expect(results.every((r) => r.statusCode === 200)).toBe(true);
      expect((await get(null, `/questions/${q.id}`)).json().answers[0].score).toBe(crowd.length);
      expect(await reputation(expert)).toBe(before + 10 * crowd.length);
    });

    it('shows each author’s reputation next to their posts and the viewer’s own votes', async () => {
      const q = await ask(asker, 'Where can I buy spare parts?');
      const a = await answer(expert, q.id, 'From the project shop.');
      await t.request(voters[0]!, 'POST', `/api/v1/answers/${a.id}/votes`, { value: -1 });
      const shown = (await get(voters[0]!, `/questions/${q.id}`)).json();
      expect(shown.answers[0].author).toEqual({ id: expert.id, name: 'Expert', reputation: await reputation(expert) });
      expect(shown.answers[0].viewer).toEqual({ vote: -1, isAuthor: false });
      expect(shown.viewer).toMatchObject({ vote: null, isAuthor: false, canAccept: false, canEdit: false });
    });
  });

  describe('listQuestions', () => {
    it('searches titles and bodies in English and French, accents ignored, with tag and unanswered filters', async () => {
      const p = (
        await t.request(host, 'POST', '/api/v1/projects', {
          title: 'Vélo cargo',
          summary: 'Un vélo pour les courses',
          category: 'community',
        })
      ).json();
      const fr = await ask(
        asker,
        'Quel vélo électrique choisir ?',
        { body: 'Pour les **enfants**, et les courses.\n\nAvec un panier.', tags: ['vélo'] },
        p.id,
      );
      const en = await ask(asker, 'Which cargo bikes carry two children?', { tags: ['bikes'] }, p.id);
      const other = await ask(asker, 'How heavy is the battery pack?', { tags: ['battery'] }, p.id);
      await answer(expert, other.id, 'About 3 kg.');
      const ids = async (query: string) => {
        const res = await get(null, `/questions?${query}`);
        expect(res.statusCode, res.body).toBe(200);
        return res.json().items.map((i: { id: string }) => i.id) as string[];
      };
      expect(await ids(`projectId=${p.id}&q=velo`)).toEqual([fr.id]);
      expect(await ids(`projectId=${p.id}&q=électriques`)).toEqual([fr.id]);
      expect(await ids(`projectId=${p.id}&q=children`)).toEqual([en.id]);
      expect(await ids(`projectId=${p.id}&q=enfant`)).toEqual([fr.id]);
      expect(await ids(`projectId=${p.id}&tag=bikes`)).toEqual([en.id]);
      expect((await ids(`projectId=${p.id}&unanswered=true`)).sort()).toEqual([fr.id, en.id].sort());
      expect(await ids(`projectId=${p.id}`)).toEqual([other.id, en.id, fr.id]);
      expect(
        (await get(null, `/projects/${p.slug}/questions?tag=battery`)).json().items.map((i: { id: string; excerpt: string }) => i.id),
      ).toEqual([other.id]);
      const summary = (await get(null, `/projects/${p.id}/questions`)).json().items.find((i: { id: string }) => i.id === fr.id);
      expect(summary).toMatchObject({ excerpt: 'Pour les enfants, et les courses. Avec un panier.', answersCount: 0, tags: ['vélo'] });
      expect((await get(null, '/questions?q=velo&sort=relevance&limit=100')).json().items.map((i: { id: string }) => i.id)).toContain(
        fr.id,
      );
      expect((await get(null, '/questions?sort=relevance')).json().error.code).toBe('search_words_required');
      expect((await get(null, '/questions?unanswered=maybe')).json().error.details[0].field).toBe('querystring.unanswered');
    });

    it('sorts by votes and pages without repeats; site scope lists site-wide questions only', async () => {
      const made = [];
      for (let k = 0; k < 5; k++) made.push(await ask(asker, `Site-wide question number ${k}`, { tags: ['paging'] }, null));
      for (let k = 0; k < 3; k++) await t.request(voters[k]!, 'POST', `/api/v1/questions/${made[2]!.id}/votes`, { value: 1 });
      await t.request(voters[0]!, 'POST', `/api/v1/questions/${made[4]!.id}/votes`, { value: 1 });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await get(null, `/questions?scope=site&tag=paging&sort=votes&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...res.json().items.map((i: { id: string }) => i.id));
        cursor = res.json().nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(5);
      expect(seen.slice(0, 2)).toEqual([made[2]!.id, made[4]!.id]);
      const projectOnes = (await get(null, '/questions?scope=site&limit=100'))
        .json()
        .items.filter((i: { projectId: string | null }) => i.projectId !== null);
      expect(projectOnes).toEqual([]);
      expect((await get(null, '/questions?cursor=nonsense')).json().error.code).toBe('invalid_cursor');
    });

    it('keeps the questions of a hidden project out of lists and pages, except for its hosts', async () => {
      const p = (
        await t.request(host, 'POST', '/api/v1/projects', { title: 'Hidden project', summary: 'To be hidden', category: 'other' })
      ).json();
      const q = await ask(asker, 'A question on a soon hidden project', { tags: ['hiddenproj'] }, p.id);
      const a = await answer(expert, q.id, 'An answer there.');
      const operator = await t.operator();
      expect((await t.request(operator, 'POST', `/api/v1/projects/${p.id}/hide`, { reason: 'test' })).statusCode).toBe(200);
      expect((await get(asker, `/questions/${q.id}`)).json().error.code).toBe('question_not_found');
      expect((await t.request(voters[0]!, 'POST', `/api/v1/answers/${a.id}/votes`, { value: 1 })).json().error.code).toBe(
        'answer_not_found',
      );
      expect((await get(null, '/questions?tag=hiddenproj')).json().items).toEqual([]);
      expect((await get(host, `/questions/${q.id}`)).statusCode).toBe(200);
      expect((await get(host, `/projects/${p.id}/questions`)).json().items.map((i: { id: string }) => i.id)).toEqual([q.id]);
    });
  });
});
