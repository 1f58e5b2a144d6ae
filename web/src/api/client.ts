/** The web app's client for the public API: same paths as everyone, cookie session plus CSRF header. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

async function ensureCsrf(): Promise<string> {
  if (!csrfToken) {
    const res = await fetch('/api/v1/auth/csrf', { credentials: 'same-origin' });
    csrfToken = ((await res.json()) as { token: string }).token;
  }
  return csrfToken;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /** Raw body (CSV, JSON Lines) with its content type. */
  raw?: { body: string | Blob; contentType: string };
}

/**
 * Calls the API and returns its JSON, or throws an ApiError with the server's message.
 * @example const me = await api<Me>('GET', '/me')
 */
export async function api<T>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { ...opts.headers };
  if (method !== 'GET') headers['x-csrf-token'] = await ensureCsrf();
  let payload: BodyInit | undefined;
  if (opts.raw) {
    headers['content-type'] = opts.raw.contentType;
    payload = opts.raw.body;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(`/api/v1${path}`, { method, headers, body: payload, credentials: 'same-origin' });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const json = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const err = json?.error ?? {};
    if (err.code === 'csrf_failed') csrfToken = null;
    throw new ApiError(res.status, err.code ?? 'error', err.message ?? res.statusText, err.details);
  }
  return json as T;
}

/** A fresh Idempotency-Key for a money-moving POST. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
