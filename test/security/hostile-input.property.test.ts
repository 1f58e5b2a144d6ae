// Hostile input on every operation of the OpenAPI document: NUL bytes and lone surrogates in path ids, query
// strings and JSON strings, huge and negative numbers, wrong types, deep nesting, very long strings, `{}`, `null`,
// arrays for objects, unknown and `__proto__` keys; anonymous and signed in (with CSRF). Never a 5xx, and every
// 4xx in the `{ error: { code, message } }` shape.
// Bounded: FC_SEED (default 42) and FC_RUNS runs per operation (default 20), plus fixed examples per operation.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.js';

const PREFIX = '/api/v1';
const SEED = Number(process.env.FC_SEED ?? 42);
const RUNS = Number(process.env.FC_RUNS ?? 20);

const t: TestApp = await createTestApp();
const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
const operations = Object.entries(doc.paths).flatMap(([p, ops]) =>
  Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path: p, key: `${m.toUpperCase()} ${p.slice(PREFIX.length)}` })),
);

let person: TestUser;
let projectId = '';
beforeAll(async () => {
  person = await t.signup('Hostile');
  const res = await t.request(person, 'POST', `${PREFIX}/projects`, {
    title: 'Target project',
    summary: 'Receives hostile input',
    category: 'technology',
  });
  expect(res.statusCode, res.body).toBe(201);
  projectId = res.json().id;
});
afterAll(() => t.close());

// ---------------------------------------------------------------- hostile pieces, as raw text

/** JSON string literals, written by hand where JSON.stringify could not produce them. */
const RAW_STRINGS = [
  '"\\u0000"',
  '"a\\u0000b"',
  '"\\ud800x"',
  '"x\\udc00"',
  '"\\ud800"',
  '"\\udfff\\ud800"',
  '"\\uffff\\ufffe"',
  '"%00"',
  '"\' OR 1=1 --"',
  '"<script>alert(1)</script>"',
  '"../../etc/passwd"',
  '""',
  '"   "',
  '"javascript:alert(1)"',
  '"1e309"',
];
const RAW_NUMBERS = [
  '1e309',
  '-1e309',
  '-1',
  '-100000',
  '1e300',
  '9007199254740993',
  '1.5',
  '-0',
  '0',
  '1e-400',
  '123456789012345678901234567890',
  '-9223372036854775809',
];
const KEYS = [
  'title',
  'summary',
  'description',
  'category',
  'body',
  'name',
  'email',
  'password',
  'bio',
  'locale',
  'amount',
  'currency',
  'goal',
  'model',
  'deadline',
  'tiers',
  'payment',
  'answers',
  'questionId',
  'value',
  'questions',
  'kind',
  'options',
  'answer',
  'orgId',
  'userId',
  'role',
  'reason',
  'action',
  'status',
  'phases',
  'rules',
  'intoId',
  'winnerId',
  'loserId',
  'decision',
  'workerId',
  'token',
  'ids',
  'subject',
  'parentId',
  'endNow',
  'slug',
  'tags',
  'note',
  'currentPassword',
  'newPassword',
  '__proto__',
  'constructor',
  'prototype',
  'unknownKey',
  '',
  '\u0000',
];

const anyChar = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const rawString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...RAW_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: anyChar, maxLength: 30 }).map((s) => JSON.stringify(s)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(JSON.stringify('x'.repeat(70_000)), JSON.stringify('é'.repeat(20_001)), `"${'\\u0000'.repeat(500)}"`),
  },
);
const rawLeaf = fc.oneof(
  { weight: 4, arbitrary: rawString },
  { weight: 2, arbitrary: fc.constantFrom(...RAW_NUMBERS) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.constantFrom('true', 'false', 'null', '{}', '[]') },
);
const rawKey = fc.oneof(
  fc.constantFrom(...KEYS).map((k) => JSON.stringify(k)),
  rawString,
);
const { json: rawJson } = fc.letrec<{ json: string }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    rawLeaf,
    fc.array(tie('json'), { maxLength: 3 }).map((xs) => `[${xs.join(',')}]`),
    fc.array(fc.tuple(rawKey, tie('json')), { maxLength: 4 }).map((kv) => `{${kv.map(([k, v]) => `${k}:${v}`).join(',')}}`),
  ),
}));
const DEEP = [
  '['.repeat(5000) + ']'.repeat(5000),
  '{"a":'.repeat(2000) + '1' + '}'.repeat(2000),
  `{"answers":${'['.repeat(3000)}${']'.repeat(3000)}}`,
];
const BROKEN = [
  '{',
  'not json',
  '{"a":1,}',
  '\u0000',
  '{"a":"\u0000"}',
  '{"a":"\ud800"}',
  '""',
  '[1,2',
  'null',
  '[]',
  '{}',
  '123',
  '"just a string"',
];

/** Valid-looking bodies for the routes that store text, so a hostile value can get past validation to the database. */
const TEMPLATES: Record<string, Record<string, unknown>> = {
  'POST /auth/signup': { email: 'someone@example.test', password: 'correct horse battery', name: 'Someone' },
  'POST /auth/login': { email: 'someone@example.test', password: 'correct horse battery' },
  'POST /auth/password-reset': { email: 'someone@example.test' },
  'PATCH /me': { name: 'Someone', bio: 'Hello' },
  'POST /tokens': { name: 'laptop' },
  'POST /orgs': { name: 'Some org', description: 'About us' },
  'POST /projects': { title: 'A project', summary: 'Short', description: 'Long', category: 'technology' },
  'PATCH /projects/{id}': { title: 'A project', summary: 'Short' },
  'POST /comments': { body: 'A comment', subject: 'project:PROJECT' },
  'POST /projects/{id}/updates': { title: 'News', body: 'Text' },
  'POST /projects/{id}/signups': { email: 'launch@example.test' },
  'POST /projects/{id}/report': { reason: 'Looks wrong' },
  'POST /projects/{id}/questions': { title: 'A question of ten characters', body: 'Details', tags: ['kettle'] },
  'POST /questions': { title: 'A question of ten characters', body: 'Details', tags: ['kettle'] },
  'POST /projects/{id}/surveys': { title: 'Survey', questions: [{ kind: 'single', prompt: 'Which?', options: ['a', 'b'] }] },
  'POST /projects/{id}/challenges': {
    title: 'A challenge',
    prompt: 'Ideas?',
    phases: {
      submission: '2030-01-01T00:00:00Z',
      voting: '2030-02-01T00:00:00Z',
      review: '2030-03-01T00:00:00Z',
      closed: '2030-04-01T00:00:00Z',
    },
  },
  'POST /projects/{id}/campaigns': {
    title: 'Campaign',
    goal: { amount: 10000, currency: 'EUR' },
    model: 'keep_it_all',
    deadline: '2030-01-01T00:00:00Z',
    tiers: [{ title: 'Tier', price: 1000 }],
  },
  'POST /projects/{id}/task-batches': { title: 'Batch', instructions: 'Do it', answer: { kind: 'text' }, overlap: 1 },
};
const HOLE = '"__HOLE__"';
/** A template with one field (or a new key) set to a hostile raw value. */
const mutatedTemplate = (template: Record<string, unknown>) =>
  fc.tuple(fc.constantFrom(...Object.keys(template), '__proto__', 'constructor', 'unknownKey'), rawJson).map(([key, value]) => {
    const base = { ...template, subject: template.subject === 'project:PROJECT' ? `project:${projectId}` : template.subject };
    if (base.subject === undefined) delete base.subject;
    const text = JSON.stringify(base).slice(0, -1);
    return `${text}${text.length > 1 ? ',' : ''}${JSON.stringify(key)}:${HOLE}}`.replace(HOLE, () => value);
  });

/** Path ids as they appear in a URL (already percent-encoded). */
const pathId = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '%00',
      'a%00b',
      'prj_%00',
      '%ED%A0%80',
      '%ED%B0%80x',
      '%FF',
      '%C0%AF',
      '..',
      '%2e%2e',
      '__proto__',
      'constructor',
      '%27%3B%20drop%20table%20projects--',
      'x'.repeat(1990),
      '%E9',
      'PROJECT',
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: anyChar, minLength: 1, maxLength: 20 }).map((s) => encodeUtf16(s)) },
);
/** Percent-encodes a JS string, lone surrogates included (as the bytes a careless client would send). */
function encodeUtf16(s: string): string {
  let out = '';
  for (const ch of s) {
    try {
      out += encodeURIComponent(ch);
    } catch {
      const c = ch.charCodeAt(0);
      out +=
        `%${(0xe0 | (c >> 12)).toString(16)}%${(0x80 | ((c >> 6) & 0x3f)).toString(16)}%${(0x80 | (c & 0x3f)).toString(16)}`.toUpperCase();
    }
  }
  return out;
}
const QUERY_KEYS = [
  'limit',
  'cursor',
  'q',
  'subject',
  'segment',
  'method',
  'days',
  'status',
  'sort',
  'tag',
  'unanswered',
  'kind',
  'review',
  'category',
  'orgId',
  'ownerId',
  'projectId',
  'surveyId',
  'scope',
  '__proto__',
  'constructor',
  'x',
];
const queryValue = fc.oneof(
  fc.constantFrom(
    '%00',
    'a%00',
    '%ED%A0%80',
    '-1',
    '1e309',
    '99999999999999999999',
    '0',
    'NaN',
    'true',
    '%FF',
    'project%3A%00',
    'project:' + 'x'.repeat(200),
    '',
    '%5B%5D',
    'x'.repeat(5000),
  ),
  fc.string({ unit: anyChar, maxLength: 20 }).map(encodeUtf16),
);
const query = fc
  .array(fc.tuple(fc.constantFrom(...QUERY_KEYS), queryValue), { maxLength: 4 })
  .map((kv) => kv.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join('&'));

interface Attempt {
  caller: 'anonymous' | 'person';
  id: string;
  query: string;
  contentType: string;
  body: string | null;
}

function bodyFor(key: string) {
  const template = TEMPLATES[key];
  return fc.oneof(
    { weight: 4, arbitrary: rawJson },
    { weight: 1, arbitrary: fc.constantFrom(...DEEP, ...BROKEN) },
    { weight: template ? 5 : 0, arbitrary: template ? mutatedTemplate(template) : fc.constant('{}') },
  );
}

const attemptFor = (key: string, hasBody: boolean): fc.Arbitrary<Attempt> =>
  fc.record({
    caller: fc.constantFrom('anonymous' as const, 'person' as const),
    id: pathId,
    query,
    contentType: hasBody
      ? fc.constantFrom('application/json', 'application/json', 'application/json', 'text/csv', 'application/x-ndjson')
      : fc.constant('application/json'),
    body: hasBody ? fc.option(bodyFor(key), { nil: null, freq: 8 }) : fc.constant(null),
  });

/** Inputs every operation gets, whatever the random runs draw: the ones known to reach the database. */
const examples = (hasBody: boolean): Attempt[] => {
  const base = { query: '', contentType: 'application/json', body: null } as const;
  const list: Attempt[] = [
    { ...base, caller: 'person', id: 'a%00b' },
    { ...base, caller: 'anonymous', id: 'a%00b' },
    { ...base, caller: 'person', id: '%ED%A0%80' },
    { ...base, caller: 'person', id: 'PROJECT', query: 'q=a%00b&cursor=%00&subject=project%3A%00' },
  ];
  if (hasBody) {
    for (const body of [
      '{}',
      'null',
      '[]',
      '{"title":"a\\u0000b","name":"a\\u0000b","body":"a\\u0000b","bio":"\\u0000"}',
      '{"title":"\\ud800x","name":"\\ud800x","body":"\\ud800x","bio":"\\ud800x"}',
    ]) {
      list.push({ ...base, caller: 'person', id: 'PROJECT', body });
    }
  }
  return list;
};

async function send(method: string, path: string, a: Attempt) {
  const id = a.id === 'PROJECT' ? projectId : a.id;
  let url = path.replace(/\{[^}]+\}/g, id);
  if (a.query) url += `?${a.query}`;
  const headers: Record<string, string> = {};
  if (a.caller === 'person' && !(method === 'POST' && path.endsWith('/auth/logout'))) {
    headers.cookie = person.cookie;
    headers['x-csrf-token'] = person.csrf;
  }
  if (a.body !== null) headers['content-type'] = a.contentType;
  if (method !== 'GET') headers['idempotency-key'] = `hostile-${Math.random()}`;
  return t.inject({ method: method as 'GET', url, headers, ...(a.body !== null ? { payload: a.body } : {}) });
}

describe('hostile input', () => {
  for (const op of operations) {
    const hasBody = op.method !== 'GET';
    it(`${op.key} never answers 5xx, and every 4xx has the error shape`, async () => {
      // Every kind of problem (status and error code) with its first example: one bad answer does not hide another.
      const problems = new Map<string, string>();
      await fc.assert(
        fc.asyncProperty(attemptFor(op.key, hasBody), async (a) => {
          const res = await send(op.method, op.path, a);
          const shown = () =>
            `as ${a.caller}, id ${a.id.slice(0, 60)}, query ${a.query.slice(0, 100)}, ${a.contentType} body ${String(a.body).slice(0, 160)}: ${res.body.slice(0, 240)}`;
          if (res.statusCode >= 500) {
            const kind = `${res.statusCode}`;
            if (!problems.has(kind)) problems.set(kind, shown());
          } else if (res.statusCode >= 400) {
            let error: { code?: unknown; message?: unknown } | undefined;
            try {
              error = (res.json() as { error?: typeof error }).error;
            } catch {
              error = undefined;
            }
            if (typeof error?.code !== 'string' || typeof error?.message !== 'string') {
              const kind = `${res.statusCode} without {error:{code,message}}`;
              if (!problems.has(kind)) problems.set(kind, shown());
            }
          }
        }),
        { seed: SEED, numRuns: RUNS, examples: examples(hasBody).map((e) => [e]) },
      );
      const list = [...problems].map(([kind, example]) => `  ${kind}: ${example}`).join('\n');
      expect(problems.size, `${op.key} (seed ${SEED}):\n${list}`).toBe(0);
    });
  }
});
