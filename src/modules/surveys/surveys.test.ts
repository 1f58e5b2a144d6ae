import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../../test/support/test-app.js';
import { makeProject, makeSurvey } from '../../../test/support/fixtures.js';

let t: TestApp;
let host: TestUser;
let other: TestUser;
let project: { id: string; slug: string };

beforeAll(async () => {
  t = await createTestApp();
  host = await t.signup('Host');
  other = await t.signup('Other');
  project = await makeProject(t, host);
});
afterAll(() => t.close());

const allKinds = [
  { kind: 'single', prompt: 'Would you back it?', options: ['Yes', 'Maybe', 'No'], required: true },
  { kind: 'multiple', prompt: 'Which colours?', options: ['Red', 'Green', 'Blue'], max: 2 },
  { kind: 'scale', prompt: 'How useful?', scale: 7, options: ['Useless', 'Essential'] },
  { kind: 'nps', prompt: 'Recommend it?' },
  { kind: 'number', prompt: 'How many kettles a year?', min: 0, max: 100 },
  { kind: 'text', prompt: 'Anything else?' },
  { kind: 'ranking', prompt: 'Rank the features', options: ['Speed', 'Price', 'Looks'] },
  { kind: 'price', prompt: 'What price?', currency: 'EUR' },
];

describe('surveys', () => {
  describe('create', () => {
    it('creates a draft with every kind of question and answers 201 with their ids', async () => {
      const res = await t.request(host, 'POST', `/api/v1/projects/${project.id}/surveys`, {
        title: 'Kettle',
        description: '**Tell us**',
        questions: allKinds,
      });
      expect(res.statusCode, res.body).toBe(201);
      const s = res.json();
      expect(s).toMatchObject({ status: 'draft', anonymous: false, resultsPublic: false, responses: 0, viewer: { isHost: true } });
      expect(s.descriptionHtml).toContain('<strong>Tell us</strong>');
      expect(s.questions.map((q: { kind: string }) => q.kind)).toEqual(allKinds.map((q) => q.kind));
      expect(s.questions.every((q: { id: string }) => q.id.startsWith('sq_'))).toBe(true);
      expect(s.questions[2]).toMatchObject({ scale: 7, options: ['Useless', 'Essential'] });
      expect(s.questions[7]).toMatchObject({ currency: 'EUR' });
    });

    it('accepts a project slug', async () => {
      const res = await t.request(host, 'POST', `/api/v1/projects/${project.slug}/surveys`, {
        title: 'By slug',
        questions: [{ kind: 'nps', prompt: 'Recommend?' }],
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().projectId).toBe(project.id);
    });

    it.each([
      [{ questions: [] }, 'body.questions'],
      [{ questions: [{ kind: 'single', prompt: 'Pick', options: ['Only one'] }] }, 'body.questions.0.options'],
      [{ questions: [{ kind: 'single', prompt: 'Pick', options: ['A', 'A'] }] }, 'body.questions.0.options'],
      [{ questions: [{ kind: 'nps', prompt: 'x', options: ['A', 'B'] }] }, 'body.questions.0.options'],
      [{ questions: [{ kind: 'price', prompt: 'Price?' }] }, 'body.questions.0.currency'],
      [{ questions: [{ kind: 'scale', prompt: 'x', scale: 11 }] }, 'body.questions.0.scale'],
      [{ questions: [{ kind: 'number', prompt: 'x', min: 5, max: 1 }] }, 'body.questions.0.max'],
      [{ questions: [{ kind: 'multiple', prompt: 'x', options: ['A', 'B'], max: 3 }] }, 'body.questions.0.max'],
      [{ questions: [{ kind: 'poll', prompt: 'x' }] }, 'body.questions.0.kind'],
      [{ questions: [{ kind: 'text', prompt: '' }] }, 'body.questions.0.prompt'],
      [{ title: '', questions: [{ kind: 'text', prompt: 'x' }] }, 'body.title'],
      [{ questions: [{ kind: 'nps', prompt: 'x', intent: true }] }, 'body.questions.0.intent'],
      [
        {
          questions: [
            { kind: 'scale', prompt: 'a', intent: true },
            { kind: 'single', prompt: 'b', options: ['Y', 'N'], intent: true },
          ],
        },
        'body.questions',
      ],
    ])('answers 400 naming the field for %j', async (body, field) => {
      const res = await t.request(host, 'POST', `/api/v1/projects/${project.id}/surveys`, { title: 'Bad', ...body });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('lets only hosts create surveys', async () => {
      const body = { title: 'Not mine', questions: [{ kind: 'text', prompt: 'x' }] };
      expect((await t.request(other, 'POST', `/api/v1/projects/${project.id}/surveys`, body)).statusCode).toBe(403);
      expect((await t.request(null, 'POST', `/api/v1/projects/${project.id}/surveys`, body)).statusCode).toBe(401);
      expect((await t.request(host, 'POST', `/api/v1/projects/prj_nope/surveys`, body)).statusCode).toBe(404);
    });
  });

  describe('visibility', () => {
    it('keeps drafts to hosts: 404 for others, left out of their list', async () => {
      const draft = await makeSurvey(t, host, project.id, { title: 'Secret draft', questions: [{ kind: 'text', prompt: 'x' }] }, false);
      expect((await t.request(host, 'GET', `/api/v1/surveys/${draft.id}`)).statusCode).toBe(200);
      expect((await t.request(other, 'GET', `/api/v1/surveys/${draft.id}`)).statusCode).toBe(404);
      expect((await t.request(null, 'GET', `/api/v1/surveys/${draft.id}`)).statusCode).toBe(404);
      expect((await t.request(other, 'GET', `/api/v1/surveys/${draft.id}/results`)).statusCode).toBe(404);
      const hostList = (await t.request(host, 'GET', `/api/v1/projects/${project.id}/surveys?limit=100`)).json();
      const otherList = (await t.request(other, 'GET', `/api/v1/projects/${project.id}/surveys?limit=100`)).json();
      expect(hostList.items.map((s: { id: string }) => s.id)).toContain(draft.id);
      expect(otherList.items.map((s: { id: string }) => s.id)).not.toContain(draft.id);
      expect(otherList.items.every((s: { status: string }) => s.status !== 'draft')).toBe(true);
    });

    it('shows an open survey to everyone, with what they may do', async () => {
      const s = await makeSurvey(t, host, project.id, { title: 'Open one', questions: [{ kind: 'text', prompt: 'x' }] });
      const anon = (await t.request(null, 'GET', `/api/v1/surveys/${s.id}`)).json();
      expect(anon).toMatchObject({ status: 'open', viewer: { isHost: false, canAnswer: false, canReadResults: false }, myResponse: null });
      const member = (await t.request(other, 'GET', `/api/v1/surveys/${s.id}`)).json();
      expect(member.viewer).toEqual({ isHost: false, canAnswer: true, canReadResults: false });
    });

    it('pages the list newest first', async () => {
      const p = await makeProject(t, host, 'Paged project');
      const ids: string[] = [];
      for (let i = 0; i < 3; i++)
        ids.push((await makeSurvey(t, host, p.id, { title: `S${i}`, questions: [{ kind: 'text', prompt: 'x' }] })).id);
      const first = (await t.request(other, 'GET', `/api/v1/projects/${p.id}/surveys?limit=2`)).json();
      expect(first.items.map((s: { id: string }) => s.id)).toEqual([ids[2], ids[1]]);
      const second = (await t.request(other, 'GET', `/api/v1/projects/${p.id}/surveys?limit=2&cursor=${first.nextCursor}`)).json();
      expect(second.items.map((s: { id: string }) => s.id)).toEqual([ids[0]]);
      expect(second.nextCursor).toBeNull();
    });
  });

  describe('open and close', () => {
    it('moves draft → open → closed → open, hosts only', async () => {
      const s = await makeSurvey(t, host, project.id, { questions: [{ kind: 'nps', prompt: 'x' }] }, false);
      expect((await t.request(other, 'POST', `/api/v1/surveys/${s.id}/open`)).statusCode).toBe(404); // a draft does not exist for them
      expect((await t.request(host, 'POST', `/api/v1/surveys/${s.id}/close`)).json().error.code).toBe('survey_not_open');
      const opened = await t.request(host, 'POST', `/api/v1/surveys/${s.id}/open`);
      expect(opened.json()).toMatchObject({ status: 'open' });
      expect(opened.json().openedAt).toBeTruthy();
      expect((await t.request(host, 'POST', `/api/v1/surveys/${s.id}/open`)).statusCode).toBe(409);
      expect((await t.request(other, 'POST', `/api/v1/surveys/${s.id}/close`)).statusCode).toBe(403);
      const closed = await t.request(host, 'POST', `/api/v1/surveys/${s.id}/close`);
      expect(closed.json()).toMatchObject({ status: 'closed' });
      expect((await t.request(host, 'POST', `/api/v1/surveys/${s.id}/open`)).json()).toMatchObject({ status: 'open', closedAt: null });
    });
  });

  describe('update and delete', () => {
    it('replaces the questions of a draft, and refuses once it is open', async () => {
      const s = await makeSurvey(t, host, project.id, { questions: [{ kind: 'nps', prompt: 'x' }] }, false);
      const res = await t.request(host, 'PATCH', `/api/v1/surveys/${s.id}`, {
        title: 'Renamed',
        questions: [
          { kind: 'text', prompt: 'a' },
          { kind: 'number', prompt: 'b' },
        ],
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().title).toBe('Renamed');
      expect(res.json().questions.map((q: { kind: string }) => q.kind)).toEqual(['text', 'number']);
      await t.request(host, 'POST', `/api/v1/surveys/${s.id}/open`);
      const late = await t.request(host, 'PATCH', `/api/v1/surveys/${s.id}`, { questions: [{ kind: 'text', prompt: 'c' }] });
      expect(late.statusCode).toBe(409);
      expect(late.json().error).toMatchObject({ code: 'survey_not_draft', details: { field: 'body.questions' } });
      expect((await t.request(host, 'PATCH', `/api/v1/surveys/${s.id}`, { resultsPublic: true })).json().resultsPublic).toBe(true);
      expect((await t.request(other, 'PATCH', `/api/v1/surveys/${s.id}`, { title: 'Mine now' })).statusCode).toBe(403);
    });

    it('deletes drafts only', async () => {
      const draft = await makeSurvey(t, host, project.id, { questions: [{ kind: 'nps', prompt: 'x' }] }, false);
      const open = await makeSurvey(t, host, project.id, { questions: [{ kind: 'nps', prompt: 'x' }] });
      expect((await t.request(host, 'DELETE', `/api/v1/surveys/${open.id}`)).statusCode).toBe(409);
      expect((await t.request(host, 'DELETE', `/api/v1/surveys/${draft.id}`)).statusCode).toBe(204);
      expect((await t.request(host, 'GET', `/api/v1/surveys/${draft.id}`)).statusCode).toBe(404);
    });
  });

  describe('openapi', () => {
    it('documents every surveys and validation route', async () => {
      const res = await t.request(null, 'GET', '/api/openapi.json');
      expect(res.statusCode).toBe(200);
      const paths = Object.keys(res.json().paths);
      for (const p of [
        '/api/v1/projects/{id}/surveys',
        '/api/v1/surveys/{id}',
        '/api/v1/surveys/{id}/open',
        '/api/v1/surveys/{id}/close',
        '/api/v1/surveys/{id}/responses',
        '/api/v1/surveys/{id}/results',
        '/api/v1/surveys/{id}/results.csv',
        '/api/v1/projects/{id}/validation',
      ]) {
        expect(paths).toContain(p);
      }
    });
  });
});
