import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, createTestApp, type TestApp, type TestUser } from '../../test/support/test-app.js';

// Requests a stranger could send to any instance: each must end in a 4xx that names the field, never a 500.
let t: TestApp;
let alice: TestUser;
let orgId: string;
beforeAll(async () => {
  t = await createTestApp();
  alice = await t.signup('Alice');
  const org = await t.request(alice, 'POST', '/api/v1/orgs', { name: 'Bike Menders' });
  expect(org.statusCode).toBe(201);
  orgId = org.json().id;
});
afterAll(async () => {
  await t.close();
  await closeTestDatabase();
});

const fieldsOf = (body: string) => (JSON.parse(body).error.details as { field: string }[]).map((d) => d.field);

describe('text PostgreSQL cannot store', () => {
  it('refuses a NUL byte in a path id, a query and a JSON string, naming the field', async () => {
    const path = await t.request(null, 'GET', '/api/v1/projects/%00');
    expect(path.statusCode).toBe(400);
    expect(fieldsOf(path.body)).toEqual(['params.id']);

    const query = await t.request(null, 'GET', '/api/v1/projects?q=%00');
    expect(query.statusCode).toBe(400);
    expect(fieldsOf(query.body)).toEqual(['querystring.q']);

    const body = await t.request(null, 'POST', '/api/v1/auth/login', { email: 'a\u0000b@example.org', password: 'whatever-it-is' });
    expect(body.statusCode).toBe(400);
    expect(body.json().error.code).toBe('validation_failed');
    expect(fieldsOf(body.body)).toEqual(['body.email']);
  });

  it('refuses an unpaired surrogate sent as a JSON escape, and a bad object key', async () => {
    const res = await t.request(alice, 'POST', '/api/v1/orgs', '{"name":"Bad \\ud800x"}', { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['body.name']);
    const key = await t.request(alice, 'POST', '/api/v1/orgs', '{"name":"Good","meta":{"a\\u0000":1}}', {
      'content-type': 'application/json',
    });
    expect(key.statusCode).toBe(400);
    expect(fieldsOf(key.body)[0]).toMatch(/^body\.meta\./);
  });

  it('accepts well-formed text with characters outside the basic plane', async () => {
    const res = await t.request(alice, 'POST', '/api/v1/orgs', { name: 'Vélos 🚲 en fête' });
    expect(res.statusCode).toBe(201);
  });
});

describe('PATCH with nothing to change', () => {
  it.each([
    ['empty object', {}],
    ['only unknown keys', { colour: 'blue' }],
    ['null', null],
  ])('answers 400 nothing_to_change for %s on /me and /orgs/{id}', async (_label, body) => {
    for (const url of ['/api/v1/me', `/api/v1/orgs/${orgId}`]) {
      const res = await t.request(alice, 'PATCH', url, body);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toBe('nothing_to_change');
    }
  });

  it('still applies a real change', async () => {
    const res = await t.request(alice, 'PATCH', '/api/v1/me', { bio: 'I mend bikes.' });
    expect(res.statusCode).toBe(200);
    expect(res.json().bio).toBe('I mend bikes.');
  });
});

describe('authentication comes before validation', () => {
  it('answers 401 to an anonymous write whatever its body', async () => {
    for (const body of [undefined, {}, { title: 7 }, '[1,2', 'null']) {
      const res = await t.request(
        null,
        'POST',
        '/api/v1/projects',
        body,
        typeof body === 'string' ? { 'content-type': 'application/json' } : {},
      );
      expect(res.statusCode, String(body)).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
      expect(res.body).not.toMatch(/title|summary/);
    }
  });

  it('answers 401 to an anonymous read of private data with a bad query', async () => {
    const res = await t.request(null, 'GET', '/api/v1/notifications?limit=abc');
    expect(res.statusCode).toBe(401);
  });

  it('keeps anonymous routes open and an unknown route a 404', async () => {
    const login = await t.request(null, 'POST', '/api/v1/auth/login', {});
    expect(login.statusCode).toBe(400);
    const missing = await t.request(null, 'POST', '/api/v1/no-such-thing', {});
    expect(missing.statusCode).toBe(404);
  });
});

describe('URLs the router cannot decode', () => {
  it.each(['/api/v1/projects/%FF', '/api/v1/projects/%ED%A0%80'])('answer 400 in the error shape: %s', async (url) => {
    const res = await t.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  });
});

describe('validation details a translation can use', () => {
  it('names the zod issue code and its params in each detail, and tells a missing field from a wrong one', async () => {
    const res = await t.request(null, 'POST', '/api/v1/auth/signup', { email: 'eve@example.org', password: 'short', name: 42 });
    expect(res.statusCode).toBe(400);
    const { code, details } = res.json().error;
    expect(code).toBe('validation_failed');
    expect(details).toEqual(
      expect.arrayContaining([
        {
          field: 'body.password',
          code: 'too_small',
          origin: 'string',
          minimum: 10,
          inclusive: true,
          message: 'must be at least 10 characters',
        },
        expect.objectContaining({ field: 'body.name', code: 'invalid_type', expected: 'string' }),
      ]),
    );
    expect(details.find((d: { field: string }) => d.field === 'body.name')).not.toHaveProperty('received');
    const missing = await t.request(null, 'POST', '/api/v1/auth/signup', { email: 'eve@example.org', password: 'long enough password' });
    expect(missing.json().error.details).toEqual([
      expect.objectContaining({ field: 'body.name', code: 'invalid_type', received: 'undefined' }),
    ]);
  });

  it('answers a refusal of a use case with the status of its kind', async () => {
    const res = await t.request(alice, 'GET', '/api/v1/projects/prj_nope');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('project_not_found');
  });
});
