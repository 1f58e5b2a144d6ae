import crypto from 'node:crypto';
import type { E2EServer } from './server.js';

/** A person created through the API, with what a browser or a script needs to act as them. */
export interface E2EUser {
  id: string;
  email: string;
  password: string;
  name: string;
  /** "foule_session=…", for a Cookie header or signInContext. */
  cookie: string;
  csrf: string;
}

/** An error answer of the API, with its status and `{error: {code, message}}`. */
export class E2EApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${status} ${code}: ${message}`);
  }
}

/**
 * Calls the API as a person (cookie + CSRF header) or anonymously (null) and returns the JSON answer; throws E2EApiError on 4xx/5xx.
 * Use it to prepare data quickly; drive the browser for what the test is about.
 * @example const project = await apiCall<{ id: string; slug: string }>(server, alice, 'POST', '/projects', { title: 'Bikes', summary: 's', category: 'civic' })
 */
export async function apiCall<T = unknown>(
  server: E2EServer,
  as: E2EUser | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: {
      ...(as ? { cookie: as.cookie, 'x-csrf-token': as.csrf } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw new E2EApiError(res.status, json?.error?.code ?? 'error', json?.error?.message ?? text);
  return json as T;
}

function sessionFrom(res: Response): string {
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('foule_session='));
  if (!setCookie) throw new Error('no session cookie in the answer');
  return setCookie.split(';')[0]!;
}

/**
 * Signs a new person up through the API (unique e-mail, password "correct-horse-battery").
 * @example const alice = await createUser(server, { name: 'Alice', locale: 'fr' })
 */
export async function createUser(server: E2EServer, opts: { name?: string; locale?: 'en' | 'fr'; email?: string } = {}): Promise<E2EUser> {
  const name = opts.name ?? 'Member';
  const email = opts.email ?? `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${crypto.randomBytes(4).toString('hex')}@example.test`;
  const password = 'correct-horse-battery';
  const res = await fetch(`${server.url}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, name, ...(opts.locale ? { locale: opts.locale } : {}) }),
  });
  const json = (await res.json()) as { user: { id: string }; csrfToken: string; error?: { code: string; message: string } };
  if (res.status !== 201) throw new E2EApiError(res.status, json.error?.code ?? 'error', json.error?.message ?? 'signup failed');
  return { id: json.user.id, email, password, name, cookie: sessionFrom(res), csrf: json.csrfToken };
}

/**
 * Signs in an existing account through the API (for the server's operator: `login(server, server.operator)`).
 * @example const operator = await login(server, server.operator)
 */
export async function login(server: E2EServer, credentials: { email: string; password: string }): Promise<E2EUser> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  const json = (await res.json()) as { user: { id: string; name: string }; csrfToken: string; error?: { code: string; message: string } };
  if (!res.ok) throw new E2EApiError(res.status, json.error?.code ?? 'error', json.error?.message ?? 'login failed');
  return {
    id: json.user.id,
    email: credentials.email,
    password: credentials.password,
    name: json.user.name,
    cookie: sessionFrom(res),
    csrf: json.csrfToken,
  };
}
