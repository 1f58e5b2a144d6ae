import { describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { createTestApp, openTestApp, type TestUser } from '../../../test/support/test-app.js';
import { mailOutbox } from '../../db/schema/mail.js';

const t = await openTestApp();

/** Signs the same person in again: a second session, as from another browser. */
async function secondSession(u: TestUser, password = u.password): Promise<TestUser> {
  const res = await t.request(null, 'POST', '/api/v1/auth/login', { email: u.email, password });
  expect(res.statusCode, res.body).toBe(200);
  return { ...u, cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; '), csrf: res.json().csrfToken };
}

async function newToken(u: TestUser): Promise<string> {
  const res = await t.request(u, 'POST', '/api/v1/tokens', { name: 'script' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().token;
}

const withToken = (token: string) => t.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });

async function mailsTo(email: string) {
  return t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email)).orderBy(desc(mailOutbox.createdAt));
}

/** Asks for a reset e-mail, then sets `password` with the token it holds; answers that token and the reply. */
async function resetPassword(u: TestUser, password: string) {
  await t.request(null, 'POST', '/api/v1/auth/password-reset', { email: u.email });
  const resetToken = /token=([A-Za-z0-9_-]+)/.exec((await mailsTo(u.email))[0]!.bodyText)![1]!;
  const res = await t.request(null, 'POST', '/api/v1/auth/password-reset/confirm', { token: resetToken, password });
  return { resetToken, res };
}

describe('sessions and API tokens after a password change', () => {
  describe('POST /auth/password-reset/confirm', () => {
    it('ends every session and revokes every API token at once, and the e-mail says so', async () => {
      const u = await t.signup('Reset Rita');
      const other = await secondSession(u);
      const token = await newToken(u);
      // Used before the reset: the lookups have seen this token and these sessions.
      expect((await withToken(token)).statusCode).toBe(200);
      expect((await t.request(other, 'GET', '/api/v1/me')).statusCode).toBe(200);

      const { resetToken, res: ok } = await resetPassword(u, 'a brand new password');
      expect(ok.statusCode, ok.body).toBe(200);

      const gone = await withToken(token);
      expect(gone.statusCode).toBe(401);
      expect(gone.json().error.code).toBe('invalid_token');
      expect((await t.request(u, 'GET', '/api/v1/me')).statusCode).toBe(401);
      expect((await t.request(other, 'GET', '/api/v1/me')).statusCode).toBe(401);

      const [told] = await mailsTo(u.email);
      expect(told!.subject).toBe('Your Foule password was changed');
      expect(told!.bodyText).toContain('we ended every session and revoked every API token');
      expect(told!.bodyText).toContain('Sessions ended: 2. API tokens revoked: 1.');
      expect(told!.bodyText).not.toContain(resetToken);
    });

    it('tells a French speaker in French', async () => {
      const u = await t.signup('Reset Rémi', { locale: 'fr' });
      expect((await resetPassword(u, 'un tout nouveau mot')).res.statusCode).toBe(200);
      const [told] = await mailsTo(u.email);
      expect(told!.subject).toBe('Votre mot de passe Foule a changé');
      expect(told!.bodyText).toContain('Sessions fermées : 1. Jetons d’API révoqués : 0.');
    });
  });

  describe('POST /me/password', () => {
    it('keeps the caller signed in, ends the other sessions, revokes the tokens, and mails the person', async () => {
      const u = await t.signup('Change Chloé');
      const other = await secondSession(u);
      const token = await newToken(u);
      expect((await withToken(token)).statusCode).toBe(200);

      const res = await t.request(u, 'POST', '/api/v1/me/password', { currentPassword: u.password, newPassword: 'another long password' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ sessionsEnded: 1, tokensRevoked: 1 });

      expect((await t.request(u, 'GET', '/api/v1/me')).statusCode).toBe(200);
      expect((await t.request(other, 'GET', '/api/v1/me')).statusCode).toBe(401);
      expect((await withToken(token)).statusCode).toBe(401);

      const [told] = await mailsTo(u.email);
      expect(told!.subject).toBe('Your Foule password was changed');
      expect(told!.bodyText).toContain('we ended every other session and revoked every API token');
      expect(told!.bodyText).toContain('Sessions ended: 1. API tokens revoked: 1.');

      const oldLogin = await t.request(null, 'POST', '/api/v1/auth/login', { email: u.email, password: u.password });
      expect(oldLogin.statusCode).toBe(401);
      await secondSession(u, 'another long password');
    });

    it('refuses a wrong current password with 403 naming the field, and changes nothing', async () => {
      const u = await t.signup('Wrong Walid');
      const other = await secondSession(u);
      const res = await t.request(u, 'POST', '/api/v1/me/password', {
        currentPassword: 'not my password',
        newPassword: 'another long password',
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'wrong_password', details: { field: 'body.currentPassword' } });
      expect((await t.request(other, 'GET', '/api/v1/me')).statusCode).toBe(200);
      await secondSession(u, u.password);
    });

    it('checks the new password like sign-up, and needs a signed-in person', async () => {
      const u = await t.signup('Short Sam');
      const res = await t.request(u, 'POST', '/api/v1/me/password', { currentPassword: u.password, newPassword: 'short' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('body.newPassword');
      expect(
        (await t.request(null, 'POST', '/api/v1/me/password', { currentPassword: 'x', newPassword: 'another long password' })).statusCode,
      ).toBe(401);
    });

    it('with an API token, revokes that token too', async () => {
      const u = await t.signup('Token Tom');
      const token = await newToken(u);
      const res = await t.inject({
        method: 'POST',
        url: '/api/v1/me/password',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ currentPassword: u.password, newPassword: 'another long password' }),
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ sessionsEnded: 1, tokensRevoked: 1 });
      expect((await withToken(token)).statusCode).toBe(401);
      expect((await t.request(u, 'GET', '/api/v1/me')).statusCode).toBe(401);
    });

    it('is rate limited like sign-in', async () => {
      const limited = await createTestApp({ FOULE_RATE_LIMIT: 'on' });
      try {
        const u = await limited.signup('Guesser Gus');
        const codes: number[] = [];
        for (let i = 0; i < 11; i++) {
          codes.push(
            (
              await limited.request(u, 'POST', '/api/v1/me/password', {
                currentPassword: `guess ${i}`,
                newPassword: 'another long password',
              })
            ).statusCode,
          );
        }
        expect(codes.slice(0, 10).every((c) => c === 403)).toBe(true);
        expect(codes[10]).toBe(429);
      } finally {
        await limited.close();
      }
    });
  });
});
