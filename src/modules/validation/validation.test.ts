import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, createTestApp, type TestApp, type TestUser } from '../../../test/support/test-app.js';
import {
  answer,
  back,
  follow,
  liveCampaign,
  makeChallenge,
  makeIdea,
  makeProject,
  makeSurvey,
  setPhase,
  vote,
} from '../../../test/support/fixtures.js';

let t: TestApp;
let host: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  host = await t.signup('Host');
});
afterAll(() => t.close());

const signUp = (projectId: string, email: string) => t.request(null, 'POST', `/api/v1/projects/${projectId}/signups`, { email });

describe('validation', () => {
  describe('GET /projects/:id/validation', () => {
    it('answers "should I launch?" from followers, sign-ups, the survey, ideas and the campaign', async () => {
      const project = await makeProject(t, host, 'Validated kettle');
      // Two followers and three sign-ups three days ago, one more follower and one more sign-up today.
      const early = [await t.signup('Early1'), await t.signup('Early2')];
      for (const u of early) await follow(t, u, project.id);
      for (const i of [1, 2, 3]) expect((await signUp(project.id, `early${i}@example.test`)).statusCode).toBe(201);
      t.clock.advance(3 * DAY);
      await follow(t, await t.signup('Late'), project.id);
      expect((await signUp(project.id, 'late@example.test')).statusCode).toBe(201);

      const survey = await makeSurvey(t, host, project.id, {
        questions: [
          { kind: 'single', prompt: 'Would you back it?', options: ['Yes', 'No'], intent: true, required: true },
          { kind: 'price', prompt: 'What price?', currency: 'EUR' },
        ],
      });
      const [intentQ, priceQ] = survey.questions.map((q) => q.id) as [string, string];
      const prices = [
        [1000, 2000, 4000, 6000],
        [1500, 2500, 5000, 7000],
        [1000, 3000, 5000, 8000],
        [2000, 3000, 6000, 9000],
        [1500, 2000, 4000, 6000],
      ];
      for (let i = 0; i < 10; i++) {
        const p = prices[i % 5]!;
        const res = await answer(t, await t.signup(`Resp${i}`), survey.id, [
          { questionId: intentQ, value: i < 6 ? 'Yes' : 'No' },
          { questionId: priceQ, value: { tooCheap: p[0], cheap: p[1], expensive: p[2], tooExpensive: p[3] } },
        ]);
        expect(res.statusCode).toBe(201);
      }

      const challenge = await makeChallenge(t, host, project.id, { phase: 'submission' });
      const a = await makeIdea(t, early[0]!, challenge.id, 'Blue lid');
      const b = await makeIdea(t, early[1]!, challenge.id, 'Bigger handle');
      await setPhase(t, host, challenge.id, 'voting');
      const voters = [await t.signup('Voter1'), await t.signup('Voter2')];
      for (const u of voters) expect((await vote(t, u, b.id, 1)).statusCode).toBeLessThan(300);
      expect((await vote(t, voters[0]!, a.id, -1)).statusCode).toBeLessThan(300);

      await liveCampaign(t, project.id, host, {
        goal: { amount: 1_000_000, currency: 'EUR' },
        tiers: [
          { title: 'Small', price: 2500 },
          { title: 'Kettle', price: 5000 },
          { title: 'Two kettles', price: 10_000 },
        ],
      });

      const res = await t.request(host, 'GET', `/api/v1/projects/${project.id}/validation?days=30`);
      expect(res.statusCode, res.body).toBe(200);
      const v = res.json();
      expect(v.days).toBe(30);
      expect(v.followers.daily).toHaveLength(30);
      expect(v.followers.total).toBe(3);
      expect(v.followers.daily.at(-1)).toMatchObject({ count: 1, total: 3 });
      expect(v.followers.daily.at(-4)).toMatchObject({ count: 2, total: 2 });
      expect(v.signups.total).toBe(4);
      expect(v.signups.daily.at(-1)).toMatchObject({ count: 1, total: 4 });
      expect(v.signups.daily.at(-4)).toMatchObject({ count: 3, total: 3 });

      expect(v.survey).toMatchObject({ id: survey.id, responses: 10 });
      expect(v.survey.intent).toMatchObject({ questionId: intentQ, definition: 'Yes', yes: 6, respondents: 10, share: 0.6 });
      expect(v.survey.intent.interval[0]).toBeCloseTo(0.3127, 4); // Wilson 6/10
      expect(v.survey.price.acceptableRange).toHaveLength(2);
      expect(v.survey.price.acceptableRange[0]).toBeLessThan(v.survey.price.acceptableRange[1]);

      expect(v.ideas).toMatchObject({ challenges: 1, ideas: 2, votes: 3, upvotes: 2, voters: 2 });
      expect(v.ideas.top.map((i: { title: string; score: number }) => [i.title, i.score])).toEqual([
        ['Bigger handle', 2],
        ['Blue lid', -1],
      ]);

      expect(v.campaign).toMatchObject({ goal: 1_000_000, currency: 'EUR', medianTierPrice: 5000, status: 'live' });
      // 1,000,000 / 5,000 = 200 backers needed; 4 sign-ups × 60% = 2.4 expected
      expect(v.summary).toMatchObject({ verdict: 'wait', backersNeeded: 200 });
      expect(v.summary.expectedBackers.estimate).toBeCloseTo(2.4, 10);
      expect(v.summary.coverage).toBeCloseTo(0.012, 10);
      expect(v.summary.reasons).toContain('signups_short_of_goal');
      expect(v.summary.reasons).toContain('few_responses');
    });

    it('degrades to "unknown" for a project with nothing yet', async () => {
      const project = await makeProject(t, host, 'Empty project');
      const v = (await t.request(host, 'GET', `/api/v1/projects/${project.slug}/validation`)).json();
      expect(v).toMatchObject({ days: 90, survey: null, campaign: null, followers: { total: 0 }, signups: { total: 0 } });
      expect(v.ideas).toEqual({ challenges: 0, ideas: 0, votes: 0, upvotes: 0, voters: 0, top: [] });
      expect(v.summary).toMatchObject({ verdict: 'unknown', backersNeeded: null, expectedBackers: null });
      expect(v.summary.reasons).toEqual(expect.arrayContaining(['no_campaign', 'no_intent_question', 'no_signups']));
    });

    it('takes a chosen survey, but only one of this project', async () => {
      const project = await makeProject(t, host, 'Chosen survey');
      const other = await makeProject(t, host, 'Other project');
      const mine = await makeSurvey(t, host, project.id, {
        questions: [{ kind: 'scale', prompt: 'Would you back it?', scale: 5, intent: true }],
      });
      const foreign = await makeSurvey(t, host, other.id, { questions: [{ kind: 'nps', prompt: 'x' }] });
      for (const [i, value] of [5, 4, 2].entries())
        await answer(t, await t.signup(`Scale${i}`), mine.id, [{ questionId: mine.questions[0]!.id, value }]);
      const v = (await t.request(host, 'GET', `/api/v1/projects/${project.id}/validation?surveyId=${mine.id}`)).json();
      expect(v.survey.intent).toMatchObject({ kind: 'scale', definition: '4–5', yes: 2, respondents: 3 }); // top-two-box
      const wrong = await t.request(host, 'GET', `/api/v1/projects/${project.id}/validation?surveyId=${foreign.id}`);
      expect(wrong.statusCode).toBe(404);
      expect(wrong.json().error.details).toEqual({ field: 'querystring.surveyId' });
    });

    it('is for hosts only', async () => {
      const project = await makeProject(t, host, 'Private figures');
      const stranger = await t.signup('Stranger');
      await back(t, project.id, host, stranger);
      expect((await t.request(stranger, 'GET', `/api/v1/projects/${project.id}/validation`)).statusCode).toBe(403);
      expect((await t.request(null, 'GET', `/api/v1/projects/${project.id}/validation`)).statusCode).toBe(401);
      expect((await t.request(host, 'GET', `/api/v1/projects/prj_nope/validation`)).statusCode).toBe(404);
      const bad = await t.request(host, 'GET', `/api/v1/projects/${project.id}/validation?days=3`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].field).toBe('querystring.days');
      const v = (await t.request(host, 'GET', `/api/v1/projects/${project.id}/validation`)).json();
      expect(v.campaign).toMatchObject({ backers: 1, raised: 2500 });
    });
  });
});
