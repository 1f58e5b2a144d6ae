import { randomBytes, createHash } from 'node:crypto';
import { uuidv7 } from 'uuidv7';

/**
 * A new opaque id: a short prefix naming the kind and a time-ordered UUIDv7, so ids sort by creation
 * but cannot be guessed or counted.
 * @example newId('prj') // 'prj_0192f5c1a2b37c4d9e8f0a1b2c3d4e5f'
 */
export function newId(prefix: string): string {
  return `${prefix}_${uuidv7().replace(/-/g, '')}`;
}

/** A random secret for tokens and cookies (base64url, 256 bits by default). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256 of a secret, hex: what we store instead of a token. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
