import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { VoteControl } from './VoteControl';

/** A server stub: the CSRF token, then each vote call answered by `reply`. */
function server(reply: (method: string, body: unknown) => Response) {
  const calls: { method: string; url: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/v1/auth/csrf') return new Response(JSON.stringify({ token: 't' }));
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ method: init?.method ?? 'GET', url, body });
      return reply(init?.method ?? 'GET', body);
    }),
  );
  return calls;
}

const score = () => screen.getByText(/^Score /).textContent;

describe('VoteControl', () => {
  it('votes up, shows the new score, and takes the vote back on a second press', async () => {
    const calls = server((method) =>
      method === 'POST' ? new Response(JSON.stringify({ score: 5, value: 1 })) : new Response(JSON.stringify({ score: 4, value: null })),
    );
    render(<VoteControl path="/questions/q1" score={4} vote={null} label="question" />);
    const up = screen.getByRole('button', { name: 'Vote up the question' });
    expect(score()).toBe('Score 4');
    await userEvent.click(up);
    expect(score()).toBe('Score 5');
    expect(up.getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(up);
    expect(score()).toBe('Score 4');
    expect(up.getAttribute('aria-pressed')).toBe('false');
    expect(calls.map((c) => [c.method, c.url, c.body])).toEqual([
      ['POST', '/api/v1/questions/q1/votes', { value: 1 }],
      ['DELETE', '/api/v1/questions/q1/votes', undefined],
    ]);
  });

  it('keeps the score and shows the translated reason when the server refuses', async () => {
    server(() => new Response(JSON.stringify({ error: { code: 'own_post', message: 'server text' } }), { status: 409 }));
    render(<VoteControl path="/answers/a1" score={2} vote={null} label="answer" />);
    await userEvent.click(screen.getByRole('button', { name: 'Vote down the answer' }));
    expect((await screen.findByRole('alert')).textContent).toContain('You cannot vote on what you wrote.');
    expect(score()).toBe('Score 2');
  });

  it('cannot be used when disabled', () => {
    server(() => new Response('{}'));
    render(<VoteControl path="/answers/a1" score={2} vote={null} label="answer" disabled disabledReason="Sign in to vote." />);
    for (const b of screen.getAllByRole('button')) expect((b as HTMLButtonElement).disabled).toBe(true);
  });
});
