// Shared setup for the ideas tests: projects, challenges in a chosen phase, and ideas, all made through the API.
import { expect } from 'vitest';
import type { TestApp, TestUser } from '../../../test/support/test-app.js';

export const HOUR = 3600_000;
export type PhaseName = 'upcoming' | 'submission' | 'voting' | 'review' | 'closed';

export async function makeProject(t: TestApp, host: TestUser, title = 'Greener town'): Promise<{ id: string; slug: string }> {
  const res = await t.request(host, 'POST', '/api/v1/projects', { title, summary: 'Ideas for a greener town', category: 'civic' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Phase start dates that put the test clock's "now" in the given phase. */
export function phasesFor(t: TestApp, phase: PhaseName) {
  const now = t.clock.now().getTime();
  const at = (hours: number) => new Date(now + hours * HOUR).toISOString();
  const offsets: Record<PhaseName, number[]> = {
    upcoming: [1, 2, 3, 4],
    submission: [-1, 1, 2, 3],
    voting: [-2, -1, 1, 2],
    review: [-3, -2, -1, 1],
    closed: [-4, -3, -2, -1],
  };
  const [submission, voting, review, closed] = offsets[phase].map(at) as [string, string, string, string];
  return { submission, voting, review, closed };
}

export async function makeChallenge(
  t: TestApp,
  host: TestUser,
  projectId: string,
  opts: { phase?: PhaseName; rules?: Record<string, unknown>; status?: 'draft' | 'published'; title?: string } = {},
) {
  const res = await t.request(host, 'POST', `/api/v1/projects/${projectId}/challenges`, {
    title: opts.title ?? 'How can the town get greener?',
    prompt: 'Share **one** idea at a time.',
    phases: phasesFor(t, opts.phase ?? 'submission'),
    rules: opts.rules ?? {},
    status: opts.status ?? 'published',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; phase: string; viewer: { budget: { limit: number | null; used: number; remaining: number | null } | null } };
}

export async function setPhase(t: TestApp, host: TestUser, challengeId: string, phase: PhaseName) {
  const res = await t.request(host, 'PATCH', `/api/v1/challenges/${challengeId}`, { phases: phasesFor(t, phase) });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().phase).toBe(phase);
}

export async function makeIdea(t: TestApp, author: TestUser, challengeId: string, title: string, extra: Record<string, unknown> = {}) {
  const res = await t.request(author, 'POST', `/api/v1/challenges/${challengeId}/ideas`, { title, body: `About ${title}`, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; title: string };
}

export async function vote(t: TestApp, user: TestUser, ideaId: string, value: 1 | -1) {
  return t.request(user, 'POST', `/api/v1/ideas/${ideaId}/votes`, { value });
}
