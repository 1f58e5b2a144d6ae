import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestUser } from '../../../test/support/test-app.js';
import { surveyResponses } from '../../db/schema/surveys.js';
import { answer, makeProject, makeSurvey } from '../../../test/support/fixtures.js';

let t: TestApp;
let host: TestUser;
let project: { id: string };
let survey: Awaited<ReturnType<typeof makeSurvey>>;
let q: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  host = await t.signup('Host');
  project = await makeProject(t, host);
  survey = await makeSurvey(t, host, project.id, {
    questions: [
      { kind: 'single', prompt: 'Back it?', options: ['Yes', 'Maybe', 'No'], required: true },
      { kind: 'multiple', prompt: 'Colours?', options: ['Red', 'Green', 'Blue'], max: 2 },
      { kind: 'scale', prompt: 'Useful?', scale: 5 },
      { kind: 'nps', prompt: 'Recommend?' },
      { kind: 'number', prompt: 'How many?', min: 0, max: 100 },
      { kind: 'text', prompt: 'Else?' },
      { kind: 'ranking', prompt: 'Rank', options: ['Speed', 'Price', 'Looks'] },
      { kind: 'price', prompt: 'Price?', currency: 'EUR' },
    ],
  });
  q = Object.fromEntries(survey.questions.map((x) => [x.kind, x.id]));
});
afterAll(() => t.close());

const full = () => [
  { questionId: q.single!, value: 'Maybe' },
  { questionId: q.multiple!, value: ['Blue', 'Red'] },
  { questionId: q.scale!, value: 4 },
  { questionId: q.nps!, value: 9 },
  { questionId: q.number!, value: 12.5 },
  { questionId: q.text!, value: '  Make it blue  ' },
  { questionId: q.ranking!, value: ['Price', 'Speed', 'Looks'] },
  { questionId: q.price!, value: { tooCheap: 1000, cheap: 2500, expensive: 6000, tooExpensive: 9000 } },
];

describe('responses', () => {
  describe('submit', () => {
    it('stores every kind of answer and gives it back as sent', async () => {
      const alice = await t.signup('Alice');
      const res = await answer(t, alice, survey.id, full());
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().created).toBe(true);
      const byQ = Object.fromEntries(res.json().answers.map((a: { questionId: string; value: unknown }) => [a.questionId, a.value]));
      expect(byQ).toEqual({
        [q.single!]: 'Maybe',
        [q.multiple!]: ['Red', 'Blue'], // in the options' order
        [q.scale!]: 4,
        [q.nps!]: 9,
        [q.number!]: 12.5,
        [q.text!]: 'Make it blue',
        [q.ranking!]: ['Price', 'Speed', 'Looks'],
        [q.price!]: { tooCheap: 1000, cheap: 2500, expensive: 6000, tooExpensive: 9000 },
      });
      const shown = (await t.request(alice, 'GET', `/api/v1/surveys/${survey.id}`)).json();
      expect(shown.myResponse.answers).toEqual(res.json().answers);
    });

    it('keeps one response per account: a second answer replaces the first', async () => {
      const bob = await t.signup('Bob');
      const first = await answer(t, bob, survey.id, [
        { questionId: q.single!, value: 'Yes' },
        { questionId: q.nps!, value: 3 },
      ]);
      expect(first.statusCode).toBe(201);
      const second = await answer(t, bob, survey.id, [{ questionId: q.single!, value: 'No' }]);
      expect(second.statusCode).toBe(200);
      expect(second.json()).toMatchObject({ id: first.json().id, created: false, answers: [{ questionId: q.single!, value: 'No' }] });
      const rows = await t.ctx.db
        .select()
        .from(surveyResponses)
        .where(and(eq(surveyResponses.surveyId, survey.id), eq(surveyResponses.userId, bob.id)));
      expect(rows).toHaveLength(1);
    });

    it('keeps one response per account when two answers race', async () => {
      const carol = await t.signup('Carol');
      const results = await Promise.all(
        [0, 1, 2].map((i) => answer(t, carol, survey.id, [{ questionId: q.single!, value: ['Yes', 'Maybe', 'No'][i] }])),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
      const rows = await t.ctx.db
        .select()
        .from(surveyResponses)
        .where(and(eq(surveyResponses.surveyId, survey.id), eq(surveyResponses.userId, carol.id)));
      expect(rows).toHaveLength(1);
    });

    it.each([
      ['single', 'Perhaps', 'is not one of the options'],
      ['single', 2, 'must be one option label'],
      ['multiple', ['Red', 'Green', 'Blue'], 'at most 2'],
      ['multiple', ['Red', 'Red'], 'twice'],
      ['multiple', 'Red', 'must be a list'],
      ['scale', 6, 'from 1 to 5'],
      ['scale', 2.5, 'from 1 to 5'],
      ['nps', 11, 'from 0 to 10'],
      ['nps', '9', 'from 0 to 10'],
      ['number', 101, 'at most 100'],
      ['number', 'ten', 'must be a number'],
      ['text', 42, 'must be text'],
      ['text', 'x'.repeat(5001), 'at most 5000'],
      ['ranking', ['Price', 'Speed'], 'rank all 3'],
      ['ranking', ['Price', 'Speed', 'Colour'], 'not one of the options'],
      ['price', { tooCheap: 5000, cheap: 2500, expensive: 6000, tooExpensive: 9000 }, 'must be ordered'],
      ['price', { tooCheap: 10.5, cheap: 2500, expensive: 6000, tooExpensive: 9000 }, 'whole amount'],
      ['price', { tooCheap: 1, cheap: 2, expensive: 3 }, 'tooExpensive'],
      ['price', [1, 2, 3, 4], 'must be {tooCheap'],
    ])('answers 400 naming answers[i].value for a %s answer %j', async (kind, value, message) => {
      const dan = await t.signup('Dan');
      const answers = [
        { questionId: q.single!, value: 'Yes' },
        { questionId: q[kind]!, value },
      ];
      const res = await answer(t, dan, survey.id, kind === 'single' ? [answers[1]!] : answers);
      expect(res.statusCode).toBe(400);
      const err = res.json().error;
      expect(err.code).toBe('invalid_answer');
      const i = kind === 'single' ? 0 : 1;
      expect(err.details).toEqual([{ field: `body.answers[${i}].value`, message: expect.stringContaining(message) }]);
    });

    it('names unknown and repeated questions, and missing required ones', async () => {
      const erin = await t.signup('Erin');
      const unknown = await answer(t, erin, survey.id, [
        { questionId: 'sq_nope', value: 1 },
        { questionId: q.single!, value: 'Yes' },
      ]);
      expect(unknown.json().error.details).toEqual([{ field: 'body.answers[0].questionId', message: 'is not a question of this survey' }]);
      const twice = await answer(t, erin, survey.id, [
        { questionId: q.single!, value: 'Yes' },
        { questionId: q.single!, value: 'No' },
      ]);
      expect(twice.json().error.details[0].field).toBe('body.answers[1].questionId');
      const missing = await answer(t, erin, survey.id, [{ questionId: q.nps!, value: 5 }]);
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.details).toEqual([{ field: 'body.answers', message: expect.stringContaining('required') }]);
      const nullRequired = await answer(t, erin, survey.id, [{ questionId: q.single!, value: null }]);
      expect(nullRequired.statusCode).toBe(400);
    });

    it('answers 400 for a body of the wrong shape', async () => {
      const fay = await t.signup('Fay');
      const res = await t.request(fay, 'POST', `/api/v1/surveys/${survey.id}/responses`, { answers: 'all yes' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('body.answers');
    });

    it('skips optional questions answered with null, an empty text or an empty selection', async () => {
      const gus = await t.signup('Gus');
      const res = await answer(t, gus, survey.id, [
        { questionId: q.single!, value: 'Yes' },
        { questionId: q.text!, value: '   ' },
        { questionId: q.multiple!, value: [] },
        { questionId: q.nps!, value: null },
      ]);
      expect(res.statusCode).toBe(201);
      expect(res.json().answers).toEqual([{ questionId: q.single!, value: 'Yes' }]);
    });
  });

  describe('status', () => {
    it('refuses answers to a draft (hosts) and to a closed survey, and edits after closing', async () => {
      const s = await makeSurvey(t, host, project.id, { questions: [{ kind: 'nps', prompt: 'x' }] }, false);
      const qid = s.questions[0]!.id;
      expect((await answer(t, host, s.id, [{ questionId: qid, value: 1 }])).json().error.code).toBe('survey_not_open');
      const ivy = await t.signup('Ivy');
      expect((await answer(t, ivy, s.id, [{ questionId: qid, value: 1 }])).statusCode).toBe(404);
      await t.request(host, 'POST', `/api/v1/surveys/${s.id}/open`);
      expect((await answer(t, ivy, s.id, [{ questionId: qid, value: 1 }])).statusCode).toBe(201);
      await t.request(host, 'POST', `/api/v1/surveys/${s.id}/close`);
      const late = await answer(t, ivy, s.id, [{ questionId: qid, value: 10 }]);
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe('survey_closed');
      expect((await t.request(ivy, 'GET', `/api/v1/surveys/${s.id}`)).json().myResponse.answers).toEqual([{ questionId: qid, value: 1 }]);
    });
  });

  describe('anonymous', () => {
    it('asks an anonymous person to sign in when the survey does not allow anonymous answers', async () => {
      const res = await answer(t, null, survey.id, [{ questionId: q.single!, value: 'Yes' }]);
      expect(res.statusCode).toBe(401);
    });

    it('lets an anonymous browser answer once per respondent cookie, with the CSRF token', async () => {
      const s = await makeSurvey(t, host, project.id, {
        anonymous: true,
        questions: [{ kind: 'single', prompt: 'x', options: ['A', 'B'] }],
      });
      const qid = s.questions[0]!.id;
      const noToken = await answer(t, null, s.id, [{ questionId: qid, value: 'A' }]);
      expect(noToken.statusCode).toBe(403);
      expect(noToken.json().error.code).toBe('csrf_failed');

      const csrfRes = await t.request(null, 'GET', '/api/v1/auth/csrf');
      const csrfCookie = csrfRes.cookies.find((c) => c.name === 'foule_csrf')!;
      const token = csrfRes.json().token;
      const wrong = await answer(t, null, s.id, [{ questionId: qid, value: 'A' }], {
        cookie: `foule_csrf=${csrfCookie.value}`,
        'x-csrf-token': 'forged',
      });
      expect(wrong.statusCode).toBe(403);

      const first = await answer(t, null, s.id, [{ questionId: qid, value: 'A' }], {
        cookie: `foule_csrf=${csrfCookie.value}`,
        'x-csrf-token': token,
      });
      expect(first.statusCode, first.body).toBe(201);
      const respondent = first.cookies.find((c) => c.name === 'foule_respondent')!;
      expect(respondent).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/surveys' });
      const cookie = `foule_csrf=${csrfCookie.value}; foule_respondent=${respondent.value}`;

      const again = await answer(t, null, s.id, [{ questionId: qid, value: 'B' }], { cookie, 'x-csrf-token': token });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ id: first.json().id, answers: [{ questionId: qid, value: 'B' }] });
      const shown = await t.inject({ method: 'GET', url: `/api/v1/surveys/${s.id}`, headers: { cookie } });
      expect(shown.json().myResponse.answers).toEqual([{ questionId: qid, value: 'B' }]);
      expect(shown.json().viewer.canAnswer).toBe(true);

      // Another browser (no respondent cookie) is another respondent: the limit of this protection.
      const other = await answer(t, null, s.id, [{ questionId: qid, value: 'A' }], {
        cookie: `foule_csrf=${csrfCookie.value}`,
        'x-csrf-token': token,
      });
      expect(other.statusCode).toBe(201);
      expect(other.json().id).not.toBe(first.json().id);
      const count = (await t.request(host, 'GET', `/api/v1/surveys/${s.id}`)).json().responses;
      expect(count).toBe(2);
    });
  });
});
