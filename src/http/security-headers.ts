import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { AppContext } from '../context.js';

/**
 * The headers helmet sets for these options, computed once. Why not run helmet on every request (as its Fastify
 * plugin does): building the same dozen headers again cost about 85 µs of CPU a request, 40% of a pledge.
 */
export function securityHeaders(options: Readonly<HelmetOptions>): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  let done = false;
  helmet(options)({} as never, response as never, () => {
    done = true;
  });
  // Every middleware of helmet is synchronous when no directive is a function (no nonces here).
  if (!done) throw new Error('helmet did not finish synchronously');
  return headers;
}

/**
 * Security headers on every answer, API and web app alike: a strict Content-Security-Policy (scripts and styles from
 * this origin only, no inline script; images may come from https for covers and Markdown), no framing, nosniff,
 * `Referrer-Policy: strict-origin-when-cross-origin`, and HSTS only when the public address is https (a plain-http
 * instance on a LAN must not tell browsers to insist on https).
 */
export function securityHeadersFor(config: AppContext['config']): Record<string, string> {
  const https = config.FOULE_PUBLIC_URL.startsWith('https://');
  return securityHeaders({
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
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
}

/** Puts `headers` on every answer that goes through the router (framework errors set them themselves). */
export function installSecurityHeaders(app: FastifyInstance, headers: Record<string, string>): void {
  // Set first, so a route with a policy of its own (the API docs' hashed one) replaces it.
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
