import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';

// Every path of the public API map (docs: the resource map), as METHOD and OpenAPI path under /api/v1.
const API_MAP = `
POST /auth/signup
POST /auth/login
POST /auth/logout
GET /me
GET /auth/csrf
POST /tokens
GET /tokens
DELETE /tokens/{id}
POST /orgs
GET /orgs/{id}
POST /orgs/{id}/members
GET /users/{id}
POST /projects/{id}/follow
DELETE /projects/{id}/follow
GET /comments
POST /comments
GET /notifications
POST /notifications/read
POST /projects
GET /projects
GET /projects/{id}
PATCH /projects/{id}
POST /projects/{id}/updates
GET /projects/{id}/updates
POST /projects/{id}/signups
POST /projects/{id}/campaigns
POST /campaigns/{id}/launch
GET /campaigns/{id}
POST /campaigns/{id}/pledges
GET /campaigns/{id}/pledges
GET /me/pledges
PATCH /pledges/{id}
DELETE /pledges/{id}
POST /campaigns/{id}/settle
GET /campaigns/{id}/ledger
POST /payouts
GET /orgs/{id}/balance
POST /projects/{id}/surveys
POST /surveys/{id}/open
POST /surveys/{id}/close
POST /surveys/{id}/responses
GET /surveys/{id}/results
POST /projects/{id}/challenges
GET /challenges/{id}
POST /challenges/{id}/ideas
GET /challenges/{id}/ideas
POST /ideas/{id}/votes
DELETE /ideas/{id}/votes
GET /challenges/{id}/pair
POST /challenges/{id}/comparisons
PATCH /ideas/{id}
POST /projects/{id}/questions
POST /questions/{id}/answers
POST /answers/{id}/votes
POST /answers/{id}/accept
POST /projects/{id}/task-batches
POST /task-batches/{id}/items
POST /task-batches/{id}/imported-answers
POST /task-batches/{id}/publish
POST /task-batches/{id}/pause
POST /task-batches/{id}/assignments
POST /assignments/{id}/submit
POST /assignments/{id}/review
GET /task-batches/{id}/results
GET /task-batches/{id}/workers
GET /task-batches/{id}/results.csv
`
  .trim()
  .split('\n')
  .map((line) => line.trim().split(' ') as [string, string]);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('public API', () => {
  it('serves its OpenAPI document with every path of the API map', async () => {
    const res = await t.request(null, 'GET', '/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { paths: Record<string, Record<string, unknown>> };
    // Route params may carry another name than {id} (e.g. {idOrSlug}): compare shapes.
    const shape = (p: string) => p.replace(/\{[^}]+\}/g, '{}');
    const served = new Set(Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${shape(p)}`)));
    const missing = API_MAP.filter(([method, p]) => !served.has(`${method} ${shape(`/api/v1${p}`)}`)).map((x) => x.join(' '));
    expect(missing).toEqual([]);
  });

  it('answers an unknown API route with a 404 in the error shape', async () => {
    const res = await t.request(null, 'GET', '/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('route_not_found');
  });

  it('accepts a POST without a body where the body is optional', async () => {
    const user = await t.signup('NoBody');
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/notifications/read',
      headers: { cookie: user.cookie, 'x-csrf-token': user.csrf },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ marked: 0 });
  });

  it('answers an over-long id with a 4xx in the error shape', async () => {
    const res = await t.request(null, 'GET', `/api/v1/projects/${'x'.repeat(600)}`);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().error.code).toBeTruthy();
  });

  it('answers an unknown id on every GET route of the map with a 4xx, never a 500', async () => {
    const user = await t.signup('Prober');
    for (const [method, p] of API_MAP.filter(([m, p]) => m === 'GET' && p.includes('{id}'))) {
      const res = await t.request(user, method, `/api/v1${p.replace('{id}', 'nope_0000')}`);
      expect(res.statusCode, `${method} ${p}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${method} ${p}`).toBeLessThan(500);
      expect(res.json().error?.code, `${method} ${p}`).toBeTruthy();
    }
  });

  it('answers an empty or wrong body on every POST route of the map with a 4xx, never a 500', async () => {
    const user = await t.signup('Fuzzer');
    for (const [method, p] of API_MAP.filter(([m]) => m === 'POST' || m === 'PATCH')) {
      for (const body of [{}, { title: 12, amount: 'ten', value: [], answers: 'x' }]) {
        const res = await t.request(user, method, `/api/v1${p.replace('{id}', 'nope_0000')}`, body);
        expect(res.statusCode, `${method} ${p} ${JSON.stringify(body)}: ${res.body}`).toBeLessThan(500);
      }
    }
  });
});
