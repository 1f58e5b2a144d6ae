import { describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { createTestApp, openTestApp } from '../../../test/support/test-app.js';
import { deliverOutbox, listOutbox } from '../mail/service.js';

const t = await openTestApp();

describe('accounts', () => {
  describe('signup', () => {
    it('creates an account, starts an HttpOnly SameSite session and never returns the hash', async () => {
      const res = await t.request(null, 'POST', '/api/v1/auth/signup', {
        email: 'Zoe.Case@Example.test',
        password: 'a long password',
        name: 'Zoé',
        locale: 'fr',
      });
      expect(res.statusCode).toBe(201);
      const cookie = res.cookies.find((c) => c.name === 'foule_session')!;
      expect(cookie.httpOnly).toBe(true);
      expect(cookie.sameSite).toBe('Lax');
      expect(res.body).not.toContain('argon2');
      expect(res.json().user).toMatchObject({ email: 'Zoe.Case@Example.test', locale: 'fr', role: 'member' });
    });

    it('refuses a second account for the same address, whatever its case', async () => {
      const a = await t.signup('Dup');
      const res = await t.request(null, 'POST', '/api/v1/auth/signup', {
        email: a.email.toUpperCase(),
        password: 'another password',
        name: 'Dup',
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('email_taken');
    });

    it.each([
      [{}, 'body.email'],
      [{ email: 'nope', password: 'long enough pw', name: 'A' }, 'body.email'],
      [{ email: 'a@b.test', password: 'short', name: 'A' }, 'body.password'],
      [{ email: 'a@b.test', password: 'long enough pw', name: 'x'.repeat(101) }, 'body.name'],
      [{ email: 'a@b.test', password: 12345678901, name: 'A' }, 'body.password'],
      [{ email: 'a@b.test', password: 'long enough pw', name: 'A', locale: 'de' }, 'body.locale'],
    ])('answers 400 naming the field for %j', async (body, field) => {
      const res = await t.request(null, 'POST', '/api/v1/auth/signup', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('answers 400 for a body that is not JSON', async () => {
      const res = await t.inject({
        method: 'POST',
        url: '/api/v1/auth/signup',
        headers: { 'content-type': 'application/json' },
        payload: '{oops',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBeTruthy();
    });
  });

  describe('login', () => {
    it('signs in with the right password and refuses a wrong one without saying which part was wrong', async () => {
      const u = await t.signup('Login');
      const ok = await t.request(null, 'POST', '/api/v1/auth/login', { email: u.email, password: u.password });
      expect(ok.statusCode).toBe(200);
      const bad = await t.request(null, 'POST', '/api/v1/auth/login', { email: u.email, password: 'wrong password!' });
      expect(bad.statusCode).toBe(401);
      const unknown = await t.request(null, 'POST', '/api/v1/auth/login', { email: 'nobody@example.test', password: 'wrong password!' });
      expect(unknown.json().error).toEqual(bad.json().error);
    });

    it('is rate limited per client', async () => {
      const limited = await createTestApp({ FOULE_RATE_LIMIT: 'on' });
      const codes: number[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await limited.request(null, 'POST', '/api/v1/auth/login', { email: 'x@example.test', password: 'whatever pw' });
        codes.push(res.statusCode);
      }
      expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
      expect(codes.slice(10)).toEqual([429, 429]);
      await limited.close();
    });
  });

  describe('sessions and CSRF', () => {
    it('GET /me answers the signed-in person and 401 otherwise', async () => {
      const u = await t.signup('Me');
      expect((await t.request(u, 'GET', '/api/v1/me')).json()).toMatchObject({ id: u.id, name: 'Me' });
      expect((await t.request(null, 'GET', '/api/v1/me')).statusCode).toBe(401);
    });

    it('refuses a cookie-authenticated write without the right X-CSRF-Token', async () => {
      const u = await t.signup('Csrf');
      const without = await t.request({ ...u, csrf: '' }, 'PATCH', '/api/v1/me', { bio: 'hi' });
      expect(without.statusCode).toBe(403);
      expect(without.json().error.code).toBe('csrf_failed');
      const wrong = await t.request({ ...u, csrf: 'forged' }, 'PATCH', '/api/v1/me', { bio: 'hi' });
      expect(wrong.statusCode).toBe(403);
      const csrf = (await t.request(u, 'GET', '/api/v1/auth/csrf')).json().token;
      expect(csrf).toBe(u.csrf);
      expect((await t.request(u, 'PATCH', '/api/v1/me', { bio: 'hi' })).json().bio).toBe('hi');
    });

    it('logout ends the session', async () => {
      const u = await t.signup('Bye');
      expect((await t.request(u, 'POST', '/api/v1/auth/logout')).statusCode).toBe(204);
      expect((await t.request(u, 'GET', '/api/v1/me')).statusCode).toBe(401);
    });
  });

  describe('API tokens', () => {
    it('shows a token once, authenticates with it without CSRF, and never shows it again', async () => {
      const u = await t.signup('Tokens');
      const created = await t.request(u, 'POST', '/api/v1/tokens', { name: 'ci' });
      expect(created.statusCode).toBe(201);
      const { id, token } = created.json();
      const listed = await t.request(u, 'GET', '/api/v1/tokens');
      expect(listed.body).not.toContain(token);
      expect(listed.json().items[0]).toMatchObject({ id, name: 'ci' });
      const bearer = await t.inject({
        method: 'PATCH',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ name: 'Bot' }),
      });
      expect(bearer.statusCode).toBe(200);
      expect(bearer.json().name).toBe('Bot');
    });

    it('lets only the owner revoke a token; a revoked token is refused', async () => {
      const u = await t.signup('Owner');
      const other = await t.signup('Other');
      const { id, token } = (await t.request(u, 'POST', '/api/v1/tokens', { name: 'x' })).json();
      expect((await t.request(other, 'DELETE', `/api/v1/tokens/${id}`)).statusCode).toBe(404);
      expect((await t.request(u, 'DELETE', `/api/v1/tokens/${id}`)).statusCode).toBe(204);
      const res = await t.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('invalid_token');
    });
  });

  describe('password reset', () => {
    it('mails a link through SMTP that sets a new password once and signs out old sessions', async () => {
      const received: string[] = [];
      const server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        onData(stream, _session, cb) {
          let data = '';
          stream.on('data', (c) => (data += c));
          stream.on('end', () => {
            received.push(data);
            cb();
          });
        },
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.server.address() as { port: number }).port;
      const smtp = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}` });
      try {
        const u = await smtp.signup('Forgetful');
        expect((await smtp.request(null, 'POST', '/api/v1/auth/password-reset', { email: u.email })).statusCode).toBe(202);
        // unknown addresses get the same answer
        expect((await smtp.request(null, 'POST', '/api/v1/auth/password-reset', { email: 'ghost@example.test' })).statusCode).toBe(202);
        await deliverOutbox(smtp.ctx);
        const mail = received.find((m) => m.includes(u.email))!;
        expect(mail).toContain('Reset your Foule password');
        const token = /token=([A-Za-z0-9_-]+)/.exec(mail.replace(/=\r?\n/g, '').replace(/=3D/g, '='))![1]!;
        const ok = await smtp.request(null, 'POST', '/api/v1/auth/password-reset/confirm', { token, password: 'a brand new password' });
        expect(ok.statusCode).toBe(200);
        expect((await smtp.request(u, 'GET', '/api/v1/me')).statusCode).toBe(401);
        const again = await smtp.request(null, 'POST', '/api/v1/auth/password-reset/confirm', { token, password: 'another new password' });
        expect(again.statusCode).toBe(400);
        expect(
          (await smtp.request(null, 'POST', '/api/v1/auth/login', { email: u.email, password: 'a brand new password' })).statusCode,
        ).toBe(200);
      } finally {
        await smtp.close();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    });

    it('keeps mail in the outbox for operators when no SMTP server is set', async () => {
      const u = await t.signup('NoSmtp');
      await t.request(null, 'POST', '/api/v1/auth/password-reset', { email: u.email });
      await deliverOutbox(t.ctx);
      const outbox = await listOutbox(t.ctx, 200);
      expect(outbox.find((m) => m.toAddress === u.email)?.status).toBe('kept');
    });
  });

  describe('profiles', () => {
    it('shows a public profile without the e-mail', async () => {
      const u = await t.signup('Public');
      const res = await t.request(null, 'GET', `/api/v1/users/${u.id}`);
      expect(res.json()).toMatchObject({ id: u.id, name: 'Public', reputation: 0 });
      expect(res.body).not.toContain(u.email);
      expect((await t.request(null, 'GET', '/api/v1/users/usr_nope')).statusCode).toBe(404);
    });
  });
});
