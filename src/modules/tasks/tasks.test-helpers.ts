// Shared steps of the micro-tasks tests.
import { expect } from 'vitest';
import type { TestApp, TestUser } from '../../../test/support/test-app.js';

export async function makeProject(t: TestApp, host: TestUser, title = 'Label the birds'): Promise<string> {
  const res = await t.request(host, 'POST', '/api/v1/projects', { title, summary: 'Micro-tasks for the crowd', category: 'science' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

export const LABELS = ['cat', 'dog', 'bird'];

/** Creates a batch (default: label cat/dog/bird, overlap 3), uploads `items` as JSON Lines, publishes when asked. */
export async function makeBatch(
  t: TestApp,
  host: TestUser,
  opts: { body?: Record<string, unknown>; items?: Record<string, unknown>[]; publish?: boolean; projectId?: string } = {},
): Promise<{ id: string; projectId: string }> {
  const projectId = opts.projectId ?? (await makeProject(t, host));
  const res = await t.request(host, 'POST', `/api/v1/projects/${projectId}/task-batches`, {
    title: 'Which animal?',
    instructions: 'Pick the **animal** in the picture.',
    answer: { kind: 'label', labels: LABELS },
    overlap: 3,
    ...opts.body,
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  if (opts.items) {
    const up = await upload(t, host, id, opts.items.map((i) => JSON.stringify(i)).join('\n'), 'application/x-ndjson');
    expect(up.statusCode, up.body).toBe(201);
  }
  if (opts.publish) {
    const pub = await t.request(host, 'POST', `/api/v1/task-batches/${id}/publish`);
    expect(pub.statusCode, pub.body).toBe(200);
  }
  return { id, projectId };
}

export function upload(t: TestApp, as: TestUser, batchId: string, body: string, type: string, path = 'items') {
  return t.request(as, 'POST', `/api/v1/task-batches/${batchId}/${path}`, body, { 'content-type': type });
}

export const items = (n: number, extra: (i: number) => Record<string, unknown> = () => ({})) =>
  Array.from({ length: n }, (_, i) => ({ externalId: `it-${i}`, url: `https://img.example/${i}.jpg`, ...extra(i) }));

export async function lease(t: TestApp, worker: TestUser, batchId: string) {
  return t.request(worker, 'POST', `/api/v1/task-batches/${batchId}/assignments`);
}

/** Leases and answers one item; returns the submit response's JSON, or null when nothing was left. */
export async function work(t: TestApp, worker: TestUser, batchId: string, answer: unknown | ((data: Record<string, unknown>) => unknown)) {
  const l = await lease(t, worker, batchId);
  if (l.statusCode === 204) return null;
  expect(l.statusCode, l.body).toBe(201);
  const { id, item } = l.json();
  const value = typeof answer === 'function' ? (answer as (d: Record<string, unknown>) => unknown)(item.data) : answer;
  const s = await t.request(worker, 'POST', `/api/v1/assignments/${id}/submit`, { answer: value });
  expect(s.statusCode, s.body).toBe(200);
  return { assignmentId: id as string, itemId: item.id as string, ...s.json() };
}
