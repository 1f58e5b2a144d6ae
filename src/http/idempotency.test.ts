import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../lib/ids.js';
import { requestHashOf } from '../modules/funding/create-pledge.js';
import { idempotencyKeyOf, keyReusedError, requestFingerprint } from './idempotency.js';
import { statusOf } from './status.js';

const withHeader = (value: string | string[] | undefined) => ({ headers: { 'idempotency-key': value } }) as unknown as FastifyRequest;

describe('idempotency', () => {
  describe('idempotencyKeyOf', () => {
    it('reads the key, the first one when sent twice, and nothing when none was sent', () => {
      expect(idempotencyKeyOf(withHeader('k-1'))).toBe('k-1');
      expect(idempotencyKeyOf(withHeader(['k-1', 'k-2']))).toBe('k-1');
      expect(idempotencyKeyOf(withHeader(undefined))).toBeUndefined();
    });

    it.each([[''], ['x'.repeat(256)]])('refuses a key of %s characters with a 400 naming the header', (key) => {
      expect(() => idempotencyKeyOf(withHeader(key))).toThrowError(
        expect.objectContaining({ code: 'invalid_idempotency_key', details: { field: 'header.Idempotency-Key' } }),
      );
    });
  });

  describe('requestFingerprint', () => {
    it('tells requests apart by their line and body', () => {
      expect(requestFingerprint('POST /a', { n: 1 })).toBe(requestFingerprint('POST /a', { n: 1 }));
      expect(requestFingerprint('POST /a', { n: 1 })).not.toBe(requestFingerprint('POST /a', { n: 2 }));
      expect(requestFingerprint('POST /a', { n: 1 })).not.toBe(requestFingerprint('POST /b', { n: 1 }));
    });

    it('gives a pledge the fingerprint pledges were always kept with, so a repeat of an older one is still recognised', () => {
      const body = { amount: 2500, payment: { type: 'test_card' as const, number: '4242424242424242' } };
      expect(requestHashOf('cmp_1', body)).toBe(sha256(`POST /campaigns/cmp_1/pledges\n${JSON.stringify(body)}`));
    });
  });

  it('refuses a key reused with another request with a 409', () => {
    const e = keyReusedError();
    expect(e.code).toBe('idempotency_key_reused');
    expect(statusOf(e)).toBe(409);
  });
});
