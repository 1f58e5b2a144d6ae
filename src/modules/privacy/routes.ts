import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { requireActor, SESSION_COOKIE } from '../../http/auth.js';
import { auditContext } from '../audit/record-audit.js';
import { RATE_LIMITS } from '../../http/rate-limit.js';
import { errorResponses } from '../../http/schemas.js';
import { eraseMyAccount } from './erase-account.js';
import { exportFileName, exportMyData } from './export-my-data.js';

export async function privacyRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['privacy'];

  r.get(
    '/me/export',
    {
      schema: {
        tags,
        summary: 'Download everything about me (JSON archive)',
        description:
          'A JSON file (`Content-Disposition: attachment; filename="foule-export-<date>.json"`): account, sessions (dates), API tokens (names and dates), ' +
          'organizations and roles, projects owned, comments, follows, launch sign-ups, notifications, reputation, ideas, idea votes and pairwise comparisons, ' +
          'questions, answers and votes, survey responses, task answers and earnings, pledges with their ledger transactions, refunds, payouts, ledger accounts, ' +
          'and the e-mails sent (subjects and dates). Never a password hash, a token or its hash, a CSRF token or a payment method token.',
        produces: ['application/json'],
        response: {
          200: z.object({ format: z.string(), version: z.number(), exportedAt: z.string() }).catchall(z.unknown()),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const archive = await exportMyData(ctx, requireActor(request).userId);
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${exportFileName(ctx.clock.now())}"`)
        .header('cache-control', 'no-store')
        .send(archive);
    },
  );

  r.delete(
    '/me',
    {
      config: { rateLimit: RATE_LIMITS.login },
      schema: {
        tags,
        summary: 'Delete my account (erasure)',
        description:
          'Asks for the current password of everyone, signed in by session or by API token (403 `wrong_password` naming `body.password`). ' +
          'Refused with 409 `last_org_owner` (details.orgs) while the person is the last owner of an organization, `hosts_live_campaign` (details.campaigns) ' +
          'while they host a live campaign, and `pledges_in_settlement` (details.pledges) while a pledge of theirs is being charged or voided. ' +
          'Pending pledges are cancelled; name, e-mail, password, profile, sessions, tokens, memberships, follows, pending launch sign-ups and notifications are removed; ' +
          'what the person wrote, their votes and the ledger stay, shown as "Deleted account". Signs the caller out.',
        body: z.object({ password: z.string().min(1).max(200) }),
        response: { 200: z.object({ erasedAt: z.string(), pledgesCancelled: z.number().int() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const answer = await eraseMyAccount(ctx, requireActor(request), request.body, auditContext(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return answer;
    },
  );
}
