import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from './context.js';
import { installAuth } from './http/auth.js';
import { installErrorHandler } from './http/errors.js';
import { asList, installIdempotency } from './http/idempotency.js';
import { installRateLimit } from './http/rate-limit.js';
import { installTextGuard } from './http/text-guard.js';
import { installSecurityHeaders, securityHeadersFor } from './http/security-headers.js';
import { AppError } from './http/errors.js';
import { moduleRoutes } from './modules/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_DIST = path.join(ROOT, 'web', 'dist');
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface BuildAppOptions {
  logger?: boolean | object;
}

/**
 * Builds the Fastify application (no listen): the API under /api/v1, its OpenAPI document, and the web app.
 * Used by main.ts and by tests through `app.inject()`.
 */
export async function buildApp(ctx: AppContext, opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  const headers = securityHeadersFor(ctx.config);
  const app = Fastify({
    logger: opts.logger ?? false,
    // Whose X-Forwarded-For to believe: by default only a proxy on this machine, so that a client cannot choose the
    // address that rate limits count and the audit log records.
    trustProxy: trustProxySetting(ctx.config.FOULE_TRUST_PROXY),
    bodyLimit: 1024 * 1024,
    // Request ids (in logs and the audit log) unique across processes and restarts, never taken from the client.
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // Long ids reach the route and get a 4xx in the error shape rather than the router's bare 414.
    routerOptions: { maxParamLength: 2000 },
    ajv: { customOptions: { coerceTypes: false } },
    // A URL the router cannot decode (`%FF`, an encoded lone surrogate) gets the documented error shape too.
    frameworkErrors: (error, _request, reply) => {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
      const code = (error.code ?? 'bad_request').replace(/^FST_ERR_/, '').toLowerCase();
      void (reply as unknown as FastifyReply)
        .headers(headers)
        .status(status)
        .send({ error: { code, message: error.message } });
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  // Uploads of items and imported answers arrive as CSV or JSON Lines, up to 200 MB.
  app.addContentTypeParser(
    ['text/csv', 'application/x-ndjson', 'application/jsonl'],
    { parseAs: 'string', bodyLimit: 200 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );

  // A POST without a body reaches validation as an empty object, so optional bodies need no special case
  // and required fields are named in the 400.
  // Set on the write routes alone, as a callback hook: a GET pays nothing for it.
  const emptyBody = (request: FastifyRequest, _reply: unknown, done: () => void) => {
    if (request.body === null || request.body === undefined) request.body = {};
    done();
  };
  // A PATCH whose body, once validated (unknown keys dropped), names nothing to change is refused the same way on
  // every route, rather than reaching an UPDATE with nothing to set.
  const somethingToChange = (request: FastifyRequest, _reply: unknown, done: (err?: Error) => void) => {
    const body = request.body;
    const empty = body !== null && typeof body === 'object' && !Array.isArray(body) && Object.values(body).every((v) => v === undefined);
    if (empty)
      return done(
        new AppError(400, 'nothing_to_change', 'The request names nothing to change.', [
          { field: 'body', message: 'names no field to change' },
        ]),
      );
    done();
  };
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.some((m) => WRITE_METHODS.has(m))) return;
    route.preValidation = [emptyBody, ...asList(route.preValidation)];
    if (methods.includes('PATCH')) route.preHandler = [somethingToChange, ...asList(route.preHandler)];
  });
  installTextGuard(app);

  installSecurityHeaders(app, headers);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Foule API',
        version: '1',
        description: 'Crowdsourcing and crowdfunding on one project. Amounts are integer minor units.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'foule_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  // staticCSP: the docs page gets a policy with the hashes of its own inline pieces, inside the strict one above.
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  await installRateLimit(app, ctx);
  installAuth(app, ctx);
  installIdempotency(app, ctx);

  await app.register(
    async (api) => {
      for (const register of moduleRoutes) await register(api, ctx);
    },
    { prefix: '/api/v1' },
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));

  await serveWebApp(app);
  return app;
}

/** FOULE_TRUST_PROXY as Fastify takes it: a boolean, or a list of addresses and CIDRs. */
export function trustProxySetting(value: string): boolean | string {
  return value === 'true' || value === 'false' ? value === 'true' : value;
}

/** Serves the built React app, with index.html for every client-side route. */
async function serveWebApp(app: FastifyInstance) {
  const hasBuild = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasBuild) await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: false, index: false });
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0]!;
    if (request.method !== 'GET' || url.startsWith('/api/')) {
      return reply.status(404).send({ error: { code: 'route_not_found', message: `No route ${request.method} ${url}.` } });
    }
    if (!hasBuild) return reply.type('text/html').send('<p>The web application is not built: run <code>npm run build:web</code>.</p>');
    return reply.type('text/html').sendFile('index.html');
  });
}
