import { describe, expect, it } from 'vitest';
import { conflict, DomainError, forbidden, invalid, isKind, notFound, unauthenticated } from './errors.js';

describe('DomainError', () => {
  it('takes its kind from the catalogue and carries no status', () => {
    const e = new DomainError('survey_closed', 'This survey is closed.', { field: 'body' });
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ code: 'survey_closed', kind: 'conflict', message: 'This survey is closed.', details: { field: 'body' } });
    expect(e).not.toHaveProperty('status');
    expect(new DomainError('card_declined', 'Declined.').kind).toBe('payment_declined');
  });

  it('refuses, at compile time, a code that is not catalogued or a helper of another kind', () => {
    // @ts-expect-error not in the catalogue
    expect(() => new DomainError('no_such_code', 'x')).toThrow(TypeError);
    // @ts-expect-error campaign_closed is a conflict, not an invalid request
    invalid('campaign_closed', 'x');
    // @ts-expect-error deadline_in_past is an invalid request, not a conflict
    conflict('deadline_in_past', 'x');
    // @ts-expect-error no gizmo_not_found in the catalogue, and no code given
    expect(() => notFound('gizmo')).toThrow(TypeError);
    // @ts-expect-error idea_not_found is not a conflict
    conflict('idea_not_found', 'x');
  });
});

describe('helpers', () => {
  it('notFound builds <what>_not_found, or takes the code given', () => {
    expect(notFound('campaign')).toMatchObject({ code: 'campaign_not_found', kind: 'not_found', message: 'No campaign with this id.' });
    expect(notFound('task batch', 'batch_not_found')).toMatchObject({ code: 'batch_not_found', message: 'No task batch with this id.' });
  });

  it('forbidden and unauthenticated use their generic codes', () => {
    expect(forbidden()).toMatchObject({ code: 'forbidden', kind: 'forbidden', message: 'You are not allowed to do this.' });
    expect(forbidden('Only hosts.', { field: 'body.status' }).details).toEqual({ field: 'body.status' });
    expect(unauthenticated()).toMatchObject({ code: 'unauthenticated', kind: 'unauthenticated', message: 'Sign in first.' });
  });

  it('invalid and conflict keep code, message and details', () => {
    expect(invalid('deadline_in_past', 'In the past.', { field: 'body.deadline' })).toMatchObject({
      kind: 'invalid',
      details: { field: 'body.deadline' },
    });
    expect(conflict('tier_sold_out', 'Sold out.')).toMatchObject({ kind: 'conflict', code: 'tier_sold_out' });
  });
});

describe(isKind.name, () => {
  it('is true only for a DomainError of that kind', () => {
    expect(isKind(notFound('idea'), 'not_found')).toBe(true);
    expect(isKind(forbidden(), 'not_found')).toBe(false);
    expect(isKind(Object.assign(new Error('x'), { kind: 'not_found' }), 'not_found')).toBe(false);
    expect(isKind(undefined, 'not_found')).toBe(false);
  });
});
