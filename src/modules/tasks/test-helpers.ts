// Shared set-up for the micro-task tests (not a test file).
import type { TestApp, TestUser } from '../../../test/support/test-app.js';

export async function makeProject(t: TestApp, owner: TestUser) {
  const res = await t.request(owner, 'POST', '/api/v1/projects', { title: 'Labelling project', summary: 'Crowd work', category: 'science' });
  if (res.statusCode !== 201) throw new Error(`project: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; slug: string; orgId: string | null; ownerId: string };
}

export async function makeBatch(t: TestApp, host: TestUser, projectId: string, body: Record<string, unknown> = {}) {
  const res = await t.request(host, 'POST', `/api/v1/projects/${projectId}/task-batches`, {
    title: 'Cats or dogs',
    instructions: 'Is it a **cat** or a dog?',
    answer: { kind: 'label', labels: ['cat', 'dog'] },
    overlap: 2,
    ...body,
  });
  if (res.statusCode !== 201) throw new Error(`batch: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; status: string };
}

export async function upload(t: TestApp, host: TestUser, batchId: string, body: string, type = 'text/csv') {
  return t.request(host, 'POST', `/api/v1/task-batches/${batchId}/items`, body, { 'content-type': type });
}

export async function publish(t: TestApp, host: TestUser, batchId: string) {
  const res = await t.request(host, 'POST', `/api/v1/task-batches/${batchId}/publish`, {});
  if (res.statusCode !== 200) throw new Error(`publish: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function lease(t: TestApp, worker: TestUser, batchId: string) {
  return t.request(worker, 'POST', `/api/v1/task-batches/${batchId}/assignments`, {});
}

export async function submit(t: TestApp, worker: TestUser, assignmentId: string, answer: unknown) {
  return t.request(worker, 'POST', `/api/v1/assignments/${assignmentId}/submit`, { answer });
}

/** A CSV of n items with ids i1 … in and a text column. */
export const itemsCsv = (n: number, gold: Record<number, string> = {}) =>
  ['externalId,text,gold', ...Array.from({ length: n }, (_, k) => `i${k + 1},Picture ${k + 1},${gold[k + 1] ?? ''}`)].join('\n');
