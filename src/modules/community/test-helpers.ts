// What the community module's tests do again and again through the API: comment, and read a person's notifications.
import { expect } from 'vitest';
import type { TestApp, TestUser } from '../../../test/support/test-app.js';

/**
 * A comment (or, with `parentId`, a reply) on `subject`, as `as`; answers the created comment.
 * @example const c = await comment(t, ann, `project:${p.id}`, 'First!')
 */
export async function comment(t: TestApp, as: TestUser, subject: string, body: string, parentId?: string) {
  const res = await t.request(as, 'POST', `/api/v1/comments?subject=${subject}`, { body, ...(parentId ? { parentId } : {}) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** A person's notifications, newest first (up to 100). */
export async function notificationsOf(t: TestApp, u: TestUser) {
  return (await t.request(u, 'GET', '/api/v1/notifications?limit=100')).json().items as {
    kind: string;
    subject: string;
    data: Record<string, unknown>;
  }[];
}
