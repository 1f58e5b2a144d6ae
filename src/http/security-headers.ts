import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import type { AppContext } from '../context.js';

/**
 * Security headers on every answer, API and web app alike: a strict Content-Security-Policy (scripts and styles from
 * this origin only, no inline script; images may come from https for covers and Markdown), no framing, nosniff,
 * `Referrer-Policy: strict-origin-when-cross-origin`, and HSTS only when the public address is https (a plain-http
 * instance on a LAN must not tell browsers to insist on https).
 */
export async function installSecurityHeaders(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const https = ctx.config.FOULE_PUBLIC_URL.startsWith('https://');
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
}
