import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { createTestApp, type TestApp, type TestUser } from '../../../test/support/test-app.js';
import {
  borda,
  histogram,
  meanInterval,
  median,
  moments,
  nps,
  npsGroup,
  priceSensitivity,
  wilsonInterval,
} from '../../lib/statistics/index.js';
import { loadQuestions, loadSurvey } from './access.js';
import { surveyResults } from './results.js';
import { segmentFilter } from './segments.js';
import { readTallies, rebuildTallies } from './tally-queries.js';
import { answer, back, follow, makeProject, makeSurvey } from '../../../test/support/fixtures.js';

let t: TestApp;
let host: TestUser;
let project: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  host = await t.signup('Host');
  project = await makeProject(t, host);
});
afterAll(() => t.close());

const questions = [
  { kind: 'single', prompt: 'Would you back it?', options: ['Yes', 'Maybe', 'No'] },
  { kind: 'multiple', prompt: 'Colours?', options: ['Red', 'Green', 'Blue'] },
  { kind: 'scale', prompt: 'Useful?', scale: 5 },
  { kind: 'nps', prompt: 'Recommend?' },
  { kind: 'number', prompt: 'Kettles a year?' },
  { kind: 'text', prompt: 'Anything else?' },
  { kind: 'ranking', prompt: 'Rank', options: ['Speed', 'Price', 'Looks'] },
  { kind: 'price', prompt: 'Price?', currency: 'EUR' },
];

interface Person {
  single: string;
  multiple: string[];
  scale: number;
  nps: number;
  number: number;
  text: string;
  ranking: string[];
  price: { tooCheap: number; cheap: number; expensive: number; tooExpensive: number };
}

/** One person's answers, in the order of `questions`; the price as [tooCheap, cheap, expensive, tooExpensive]. */
const person = (
  single: string,
  multiple: string[],
  scale: number,
  nps: number,
  number: number,
  text: string,
  ranking: string[],
  [tooCheap, cheap, expensive, tooExpensive]: number[],
): Person => ({
  single,
  multiple,
  scale,
  nps,
  number,
  text,
  ranking,
  price: { tooCheap: tooCheap!, cheap: cheap!, expensive: expensive!, tooExpensive: tooExpensive! },
});

const people: Person[] = [
  person('Yes', ['Red'], 5, 10, 1, '=cmd|x', ['Speed', 'Price', 'Looks'], [500, 1000, 2000, 3000]),
  person('Yes', ['Red', 'Blue'], 4, 9, 2, 'Blue, please', ['Price', 'Speed', 'Looks'], [1000, 1500, 2500, 3500]),
  person('Maybe', ['Green'], 3, 7, 4, 'Say "hi"', ['Speed', 'Looks', 'Price'], [500, 1000, 1500, 2500]),
  person('No', [], 2, 3, 8, 'No thanks', ['Looks', 'Price', 'Speed'], [1000, 2000, 3000, 4000]),
  person('Yes', ['Blue'], 5, 6, 100, 'Great', ['Speed', 'Price', 'Looks'], [1500, 2000, 2500, 3000]),
];

async function setUp() {
  const s = await makeSurvey(t, host, project.id, { questions });
  const id = (kind: string) => s.questions.find((q) => q.kind === kind)!.id;
  const users: TestUser[] = [];
  for (const [i, p] of people.entries()) {
    const u = await t.signup(`Person${i}`);
    users.push(u);
    const res = await answer(
      t,
      u,
      s.id,
      (Object.keys(p) as (keyof Person)[]).map((k) => ({ questionId: id(k), value: p[k] })),
    );
    expect(res.statusCode, res.body).toBe(201);
  }
  return { s, users };
}

// biome-ignore lint/suspicious/noExplicitAny: a result is read loosely, by kind, in the assertions
type Q = Record<string, any>;

/** A result with its floating-point figures rounded (SQL and TypeScript sum in different orders). */
const roundNumbers = (q: unknown): unknown =>
  typeof q === 'number'
    ? Math.round(q * 1e9) / 1e9
    : Array.isArray(q)
      ? q.map(roundNumbers)
      : q && typeof q === 'object'
        ? Object.fromEntries(Object.entries(q).map(([k, v]) => [k, roundNumbers(v)]))
        : q;

describe('results', () => {
  describe('everyone', () => {
    it('computes counts, shares, intervals, means, medians, histograms, NPS, Borda and price sensitivity', async () => {
      const { s } = await setUp();
      const res = await t.request(host, 'GET', `/api/v1/surveys/${s.id}/results`);
      expect(res.statusCode, res.body).toBe(200);
      const r = res.json();
      expect(r).toMatchObject({ surveyId: s.id, segment: 'everyone', responses: 5 });
      const by = Object.fromEntries(r.questions.map((q: Q) => [q.kind, q])) as Record<string, Q>;

      expect(by.single!.responses).toBe(5);
      expect(by.single!.options).toEqual([
        { label: 'Yes', count: 3, share: 0.6, interval: wilsonInterval(3, 5) },
        { label: 'Maybe', count: 1, share: 0.2, interval: wilsonInterval(1, 5) },
        { label: 'No', count: 1, share: 0.2, interval: wilsonInterval(1, 5) },
      ]);
      expect(by.single!.options[0].interval[0]).toBeCloseTo(0.2307, 4); // Wilson 3/5: [0.2307, 0.8824]
      expect(by.single!.options[0].interval[1]).toBeCloseTo(0.8824, 4);

      // multiple: the person with an empty selection did not answer it
      expect(by.multiple!.responses).toBe(4);
      expect(by.multiple!.options.map((o: Q) => [o.label, o.count, o.share])).toEqual([
        ['Red', 2, 0.5],
        ['Green', 1, 0.25],
        ['Blue', 2, 0.5],
      ]);

      const scale = [5, 4, 3, 2, 5];
      expect(by.scale!.mean).toBeCloseTo(3.8, 12);
      expect(by.scale!.meanInterval).toEqual(meanInterval(moments(scale)));
      expect(by.scale!.median).toBe(4);
      expect(by.scale!.histogram.map((b: Q) => b.count)).toEqual([0, 1, 1, 1, 2]);

      // NPS: promoters 10, 9; passive 7; detractors 3, 6 → (2 − 2)/5 = 0
      expect(by.nps!.nps).toEqual(nps(2, 1, 2));
      expect(by.nps!.nps.score).toBe(0);
      expect(people.map((p) => npsGroup(p.nps))).toEqual(['promoter', 'promoter', 'passive', 'detractor', 'detractor']);

      expect(by.number!.mean).toBeCloseTo(23, 12);
      expect(by.number!.median).toBe(4);
      expect(by.number!.meanInterval[0]).toBeCloseTo(meanInterval(moments([1, 2, 4, 8, 100]))![0], 9);
      expect(by.number!.histogram.reduce((sum: number, b: Q) => sum + b.count, 0)).toBe(5);
      expect(by.number!.histogram[0].count).toBe(4); // 1, 2, 4, 8 in the first of 4 bins over [1, 100]

      expect(by.text!.responses).toBe(5);
      expect(by.text!.texts).toHaveLength(5);
      expect(by.text!.texts).toContain('Say "hi"');

      const positions = [0, 1, 2].map((o) =>
        [0, 1, 2].map((pos) => people.filter((p) => p.ranking[pos] === ['Speed', 'Price', 'Looks'][o]).length),
      );
      expect(by.ranking!.borda).toEqual(
        borda(positions).map(({ option, ...rest }) => ({ label: ['Speed', 'Price', 'Looks'][option], ...rest })),
      );
      expect(by.ranking!.borda[0]).toMatchObject({ label: 'Speed', score: 7, firstPlace: 3 }); // 2 + 1 + 2 + 0 + 2;

      const expected = priceSensitivity(people.map((p) => p.price));
      expect(by.price!.responses).toBe(5);
      expect(by.price!.price).toMatchObject({
        currency: 'EUR',
        acceptableRange: expected.acceptableRange,
        optimalPricePoint: expected.optimalPricePoint,
        indifferencePricePoint: expected.indifferencePricePoint,
      });
      expect(by.price!.price.curves).toEqual(expected.curves);
      expect(expected.acceptableRange).not.toBeNull();
    });

    it('follows edits: the tallies match a recount from the answers after random answers and edits', async () => {
      const s = await makeSurvey(t, host, project.id, { questions });
      const qs = await loadQuestions(t.ctx.db, s.id);
      const id = (kind: string) => s.questions.find((q) => q.kind === kind)!.id;
      const users = await Promise.all([0, 1, 2, 3].map((i) => t.signup(`Editor${i}`)));
      const personArb = fc.record({
        user: fc.integer({ min: 0, max: 3 }),
        single: fc.constantFrom('Yes', 'Maybe', 'No', null),
        multiple: fc.subarray(['Red', 'Green', 'Blue']),
        nps: fc.integer({ min: 0, max: 10 }),
        ranking: fc.shuffledSubarray(['Speed', 'Price', 'Looks'], { minLength: 3, maxLength: 3 }),
        price: fc
          .array(fc.integer({ min: 1, max: 20 }), { minLength: 4, maxLength: 4 })
          .map((a) => a.sort((x, y) => x - y).map((x) => x * 100)),
      });
      const edits = fc.sample(personArb, { numRuns: 25, seed: 42 });
      for (const e of edits) {
        const res = await answer(t, users[e.user]!, s.id, [
          { questionId: id('single'), value: e.single },
          { questionId: id('multiple'), value: e.multiple },
          { questionId: id('nps'), value: e.nps },
          { questionId: id('ranking'), value: e.ranking },
          { questionId: id('price'), value: { tooCheap: e.price[0], cheap: e.price[1], expensive: e.price[2], tooExpensive: e.price[3] } },
        ]);
        expect([200, 201]).toContain(res.statusCode);
      }
      const seqs = qs.map((q) => q.seq);
      const sortKey = (c: { questionSeq: number; item: number; num: number }) => `${c.questionSeq}|${c.item}|${c.num}`;
      const running = (await readTallies(t.ctx.db, seqs)).sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
      const before = (await t.request(host, 'GET', `/api/v1/surveys/${s.id}/results`)).json();
      await t.ctx.db.transaction((tx) => rebuildTallies(tx, s.id));
      const recounted = (await readTallies(t.ctx.db, seqs)).sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
      expect(running).toEqual(recounted);
      expect((await t.request(host, 'GET', `/api/v1/surveys/${s.id}/results`)).json()).toEqual(before);
      // The last answer of each person is what counts.
      const last = new Map(edits.map((e) => [e.user, e]));
      expect(before.responses).toBe(last.size);
      const yes = [...last.values()].filter((e) => e.single === 'Yes').length;
      expect(before.questions[0].options[0].count).toBe(yes);
    });
  });

  describe('number questions', () => {
    it('match the statistics library on random answers: mean, t interval, median, histogram', async () => {
      const s = await makeSurvey(t, host, project.id, {
        questions: [
          { kind: 'number', prompt: 'Any number' },
          { kind: 'number', prompt: 'Whole numbers' },
        ],
      });
      const [qa, qb] = s.questions.map((q) => q.id) as [string, string];
      const values = fc.sample(fc.tuple(fc.double({ min: -1000, max: 1000, noNaN: true }), fc.integer({ min: 0, max: 12 })), {
        numRuns: 24,
        seed: 7,
      });
      for (const [i, [a, b]] of values.entries()) {
        const res = await answer(t, await t.signup(`Num${i}`), s.id, [
          { questionId: qa, value: a },
          { questionId: qb, value: b },
        ]);
        expect(res.statusCode).toBe(201);
      }
      const r = (await t.request(host, 'GET', `/api/v1/surveys/${s.id}/results`)).json();
      for (const [k, q] of [0, 1].map((k) => [k, r.questions[k]] as const)) {
        const list = values.map((v) => v[k]!);
        const m = moments(list);
        expect(q.responses).toBe(24);
        expect(q.mean).toBeCloseTo(m.mean, 9);
        expect(q.meanInterval[0]).toBeCloseTo(meanInterval(m)![0], 8);
        expect(q.median).toBeCloseTo(median(list)!, 9);
        expect(q.histogram).toEqual(histogram(list).map((b) => ({ ...b, from: expect.closeTo(b.from, 9), to: expect.closeTo(b.to, 9) })));
      }
      // The same figures when the questions are summarized in SQL (as when they have many distinct values).
      const survey = await loadSurvey(t.ctx.db, s.id);
      const inSql = await surveyResults(t.ctx.db, survey, await loadQuestions(t.ctx.db, s.id), { kind: 'all' }, 'everyone', true, {
        distinctLimit: 0,
      });
      expect(inSql.questions.map(roundNumbers)).toEqual(r.questions.map(roundNumbers));
    });
  });

  describe('segments', () => {
    it('splits respondents into backers, followers and others', async () => {
      const s = await makeSurvey(t, host, project.id, {
        anonymous: true,
        questions: [
          { kind: 'single', prompt: 'Back it?', options: ['Yes', 'No'] },
          { kind: 'number', prompt: 'How many?' },
        ],
      });
      const [qs, qn] = s.questions.map((q) => q.id) as [string, string];
      const backer = await t.signup('Backer');
      const backerFollower = await t.signup('BackerFollower');
      const follower = await t.signup('Follower');
      const stranger = await t.signup('Stranger');
      await back(t, project.id, host, backer);
      await back(t, project.id, host, backerFollower);
      await follow(t, backerFollower, project.id);
      await follow(t, follower, project.id);
      const given = [
        [backer, 'Yes', 10],
        [backerFollower, 'Yes', 20],
        [follower, 'No', 30],
        [stranger, 'No', 40],
      ] as const;
      for (const [who, single, n] of given)
        await answer(t, who, s.id, [
          { questionId: qs, value: single },
          { questionId: qn, value: n },
        ]);
      const csrf = await t.request(null, 'GET', '/api/v1/auth/csrf');
      const cookie = `foule_csrf=${csrf.cookies.find((c) => c.name === 'foule_csrf')!.value}`;
      const anon = await answer(
        t,
        null,
        s.id,
        [
          { questionId: qs, value: 'Yes' },
          { questionId: qn, value: 50 },
        ],
        { cookie, 'x-csrf-token': csrf.json().token },
      );
      expect(anon.statusCode).toBe(201);

      const get = async (segment: string) => {
        const res = await t.request(host, 'GET', `/api/v1/surveys/${s.id}/results?segment=${segment}`);
        expect(res.statusCode, res.body).toBe(200);
        const r = res.json();
        const num = r.questions[1];
        return {
          responses: r.responses,
          yes: r.questions[0].options[0].count,
          no: r.questions[0].options[1].count,
          mean: num.mean,
          median: num.median,
          n: num.responses,
        };
      };
      expect(await get('everyone')).toEqual({ responses: 5, yes: 3, no: 2, mean: 30, median: 30, n: 5 });
      expect(await get('backers')).toEqual({ responses: 2, yes: 2, no: 0, mean: 15, median: 15, n: 2 });
      expect(await get('followers')).toEqual({ responses: 2, yes: 1, no: 1, mean: 25, median: 25, n: 2 });
      expect(await get('others')).toEqual({ responses: 2, yes: 1, no: 1, mean: 45, median: 45, n: 2 });
      // Summarized in SQL, the number question gives the same figures in every segment.
      const survey = await loadSurvey(t.ctx.db, s.id);
      const loaded = await loadQuestions(t.ctx.db, s.id);
      for (const segment of ['everyone', 'backers', 'followers', 'others'] as const) {
        const filter = await segmentFilter(t.ctx.db, project.id, segment);
        const viaSql = await surveyResults(t.ctx.db, survey, loaded, filter, segment, true, { distinctLimit: 0 });
        const viaCounts = await surveyResults(t.ctx.db, survey, loaded, filter, segment, true);
        expect(viaSql.questions[1]).toEqual(viaCounts.questions[1]);
      }
    });

    it('answers empty segments with zeros, not errors', async () => {
      const p = await makeProject(t, host, 'Lonely project');
      const s = await makeSurvey(t, host, p.id, {
        questions: [
          { kind: 'single', prompt: 'x', options: ['A', 'B'] },
          { kind: 'number', prompt: 'n' },
          { kind: 'price', prompt: 'p', currency: 'EUR' },
        ],
      });
      const u = await t.signup('Only');
      await answer(t, u, s.id, [{ questionId: s.questions[0]!.id, value: 'A' }]);
      const r = (await t.request(host, 'GET', `/api/v1/surveys/${s.id}/results?segment=backers`)).json();
      expect(r.responses).toBe(0);
      expect(r.questions[0].options[0]).toEqual({ label: 'A', count: 0, share: 0, interval: [0, 1] });
      expect(r.questions[1]).toMatchObject({ responses: 0, mean: null, meanInterval: null, median: null, histogram: [] });
      expect(r.questions[2].price).toMatchObject({ curves: [], acceptableRange: null, optimalPricePoint: null });
      expect((await t.request(host, 'GET', `/api/v1/surveys/${s.id}/results?segment=others`)).json().responses).toBe(1);
    });

    it('refuses an unknown segment with a 400 naming it', async () => {
      const s = await makeSurvey(t, host, project.id, { questions: [{ kind: 'nps', prompt: 'x' }] });
      const res = await t.request(host, 'GET', `/api/v1/surveys/${s.id}/results?segment=vips`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('querystring.segment');
    });
  });

  describe('authorization', () => {
    it('keeps results private to hosts unless published, and segments and texts to hosts always', async () => {
      const s = await makeSurvey(t, host, project.id, { questions: [{ kind: 'text', prompt: 'Say' }] });
      const reader = await t.signup('Reader');
      await answer(t, reader, s.id, [{ questionId: s.questions[0]!.id, value: 'my secret thought' }]);
      const privateRes = await t.request(reader, 'GET', `/api/v1/surveys/${s.id}/results`);
      expect(privateRes.statusCode).toBe(403);
      expect(privateRes.json().error.code).toBe('results_private');
      expect((await t.request(null, 'GET', `/api/v1/surveys/${s.id}/results`)).statusCode).toBe(403);

      await t.request(host, 'PATCH', `/api/v1/surveys/${s.id}`, { resultsPublic: true });
      const pub = await t.request(null, 'GET', `/api/v1/surveys/${s.id}/results`);
      expect(pub.statusCode).toBe(200);
      expect(pub.json().questions[0].responses).toBe(1);
      expect(pub.json().questions[0].texts).toBeUndefined();
      expect(pub.body).not.toContain('my secret thought');
      expect((await t.request(reader, 'GET', `/api/v1/surveys/${s.id}/results?segment=backers`)).json().error.code).toBe('segment_private');
      expect((await t.request(host, 'GET', `/api/v1/surveys/${s.id}/results`)).json().questions[0].texts).toEqual(['my secret thought']);
    });

    it('keeps a published draft private: drafts are not there for others', async () => {
      const s = await makeSurvey(t, host, project.id, { resultsPublic: true, questions: [{ kind: 'nps', prompt: 'x' }] }, false);
      expect((await t.request(null, 'GET', `/api/v1/surveys/${s.id}/results`)).statusCode).toBe(404);
      expect((await t.request(host, 'GET', `/api/v1/surveys/${s.id}/results`)).statusCode).toBe(200);
    });
  });

  describe('csv', () => {
    it('exports every response for hosts only, one column per question and four for a price', async () => {
      const { s, users } = await setUp();
      await follow(t, users[1]!, project.id);
      expect((await t.request(users[0]!, 'GET', `/api/v1/surveys/${s.id}/results.csv`)).statusCode).toBe(403);
      expect((await t.request(null, 'GET', `/api/v1/surveys/${s.id}/results.csv`)).statusCode).toBe(401);
      const res = await t.request(host, 'GET', `/api/v1/surveys/${s.id}/results.csv`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(res.headers['content-disposition']).toContain(`survey-${s.id}.csv`);
      const rows = parse(res.body, { bom: true }) as string[][];
      expect(rows[0]!.slice(0, 6)).toEqual(['response', 'submittedAt', 'updatedAt', 'backer', 'follower', 'Q1 Would you back it?']);
      expect(rows[0]).toHaveLength(5 + 7 + 4);
      expect(rows[0]!.slice(-4)).toEqual([
        'Q8 Price? (too cheap, EUR)',
        'Q8 Price? (cheap, EUR)',
        'Q8 Price? (expensive, EUR)',
        'Q8 Price? (too expensive, EUR)',
      ]);
      expect(rows).toHaveLength(1 + people.length);
      const first = rows[1]!;
      expect(first.slice(3)).toEqual([
        'no',
        'no',
        'Yes',
        'Red',
        '5',
        '10',
        '1',
        "'=cmd|x",
        'Speed > Price > Looks',
        '5.00',
        '10.00',
        '20.00',
        '30.00',
      ]);
      expect(rows[2]!.slice(3, 7)).toEqual(['no', 'yes', 'Yes', 'Red; Blue']);
      expect(rows[3]![10]).toBe('Say "hi"');
      expect(rows[4]![6]).toBe('');
    });
  });
});
