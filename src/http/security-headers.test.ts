import { afterAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, createTestApp } from '../../test/support/test-app.js';

afterAll(async () => {
  await closeTestDatabase();
});

describe('security headers', () => {
  it('are on API answers, errors and web pages, with a strict policy and no HSTS over plain http', async () => {
    const t = await createTestApp();
    try {
      for (const url of [
        '/api/v1/projects',
        '/api/v1/projects/nope',
        '/api/v1/me',
        '/explore',
        '/api/openapi.json',
        '/api/v1/projects/%FF',
      ]) {
        const res = await t.inject({ method: 'GET', url });
        const csp = String(res.headers['content-security-policy']);
        expect(csp, url).toContain("default-src 'self'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain("object-src 'none'");
        expect(csp).not.toContain('unsafe-inline');
        expect(csp).not.toContain('unsafe-eval');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['x-frame-options']).toBe('DENY');
        expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
        expect(res.headers['strict-transport-security']).toBeUndefined();
      }
    } finally {
      await t.close();
    }
  });

  it('add HSTS when the public address is https', async () => {
    const t = await createTestApp({ FOULE_PUBLIC_URL: 'https://crowd.example.org' });
    try {
      const res = await t.inject({ method: 'GET', url: '/api/v1/projects' });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+; includeSubDomains/);
      expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    } finally {
      await t.close();
    }
  });

  it('keep the API docs page working', async () => {
    const t = await createTestApp();
    try {
      const page = await t.inject({ method: 'GET', url: '/api/docs' });
      expect(page.statusCode).toBe(200);
      expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
      const json = await t.inject({ method: 'GET', url: '/api/docs/json' });
      expect(json.statusCode).toBe(200);
      expect(json.json().openapi).toMatch(/^3\./);
    } finally {
      await t.close();
    }
  });
});
