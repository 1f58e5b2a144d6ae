import i18n from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { apiErrorMessage, problemMessage } from './apiErrors';

const tooShort = (minimum: number) => ({ field: 'body.title', code: 'too_small', origin: 'string', minimum, message: 'server text' });

describe('problemMessage', () => {
  afterEach(() => i18n.changeLanguage('en'));

  it('makes a length agree with its number, in English and in French', async () => {
    expect(problemMessage(tooShort(1))).toBe('Must be at least 1 character long.');
    expect(problemMessage(tooShort(3))).toBe('Must be at least 3 characters long.');
    expect(problemMessage({ code: 'too_big', origin: 'array', maximum: 1 })).toBe('Must hold at most 1 item.');
    await i18n.changeLanguage('fr');
    expect(problemMessage(tooShort(1))).toBe('Doit compter au moins 1 caractère.');
    expect(problemMessage(tooShort(2))).toBe('Doit compter au moins 2 caractères.');
  });

  it('keeps a number bound as it is, and falls back to the server text for an unknown code', () => {
    expect(problemMessage({ code: 'too_small', origin: 'number', minimum: 1 })).toBe('Must be at least 1.');
    expect(problemMessage({ code: 'no_such_issue', message: 'server text' })).toBe('server text');
  });
});

describe('apiErrorMessage', () => {
  it('lists each refused field of a validation error with its translated message', () => {
    const error = new ApiError(400, 'validation_failed', 'body.title: too short', [tooShort(1)]);
    expect(apiErrorMessage(error)).toBe('title: Must be at least 1 character long.');
  });
});
