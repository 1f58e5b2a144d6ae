import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { ProjectSummary } from '../types';
import { IdeasTab } from './IdeasTab';

const project = (isHost: boolean): ProjectSummary => ({
  id: 'prj_1',
  slug: 'lamps',
  title: 'Lamps',
  ownerId: 'u1',
  orgId: null,
  viewer: { isHost },
});

const challenge = {
  id: 'chl_1',
  title: 'Where should the lamps go?',
  status: 'published',
  phase: 'voting',
  phases: {
    submission: '2026-01-01T00:00:00Z',
    voting: '2026-01-02T00:00:00Z',
    review: '2026-01-10T00:00:00Z',
    closed: '2026-01-20T00:00:00Z',
  },
  ideas: 1,
  viewer: { canVote: true },
};

function answer(items: unknown[]) {
  const fetch = vi.fn(async (_url: string) => new Response(JSON.stringify({ items, nextCursor: null }), { status: 200 }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const show = (host: boolean) =>
  render(
    <MemoryRouter>
      <IdeasTab project={project(host)} />
    </MemoryRouter>,
  );

describe('IdeasTab', () => {
  it("lists the project's challenges with their phase, count and links", async () => {
    const fetch = answer([challenge]);
    show(false);
    const title = await screen.findByRole('link', { name: 'Where should the lamps go?' });
    expect(title.getAttribute('href')).toBe('/challenges/chl_1');
    expect(fetch.mock.calls[0]![0]).toBe('/api/v1/projects/prj_1/challenges?limit=20');
    expect(screen.getByText('1 idea')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Vote in pairs' }).getAttribute('href')).toBe('/challenges/chl_1/vote');
    expect(screen.queryByRole('link', { name: 'New challenge' })).toBeNull();
  });

  it('offers hosts a new challenge, and says so when there is none', async () => {
    answer([]);
    show(true);
    expect(await screen.findByRole('heading', { name: 'No idea challenges yet' })).toBeTruthy();
    expect(screen.getByText(/Ask your crowd for ideas/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'New challenge' }).getAttribute('href')).toBe('/p/lamps/challenges/new');
  });
});
