// A person's API tokens: created, listed and revoked by their owner, each change in the audit log.
import type { AppContext } from '../../context.js';
import { notFound } from '../../lib/errors.js';
import { newId, randomToken, sha256 } from '../../lib/ids.js';
import { quote, recordAudit, type AuditFrom } from '../audit/record-audit.js';
import { deleteApiTokenOf, insertApiToken, selectApiTokensOf } from './queries.js';

/** A person acting on their own account, when the route passed no request details. */
function ownAccount(userId: string): AuditFrom {
  return { actorId: userId, actorRole: 'member', ip: null, requestId: null };
}

export async function createToken(ctx: AppContext, userId: string, name: string, from?: AuditFrom) {
  const token = `foule_${randomToken()}`;
  const id = newId('tok');
  await ctx.db.transaction(async (tx) => {
    await insertApiToken(tx, { id, userId, name, tokenHash: sha256(token), tokenPrefix: token.slice(0, 10) });
    await recordAudit(
      tx,
      {
        action: 'api_token.create',
        targetType: 'api_token',
        targetId: id,
        summary: `Created API token ${quote(name)} (${token.slice(0, 10)}…) for ${userId}`,
        data: { userId, name, prefix: token.slice(0, 10) },
        at: ctx.clock.now(),
      },
      from ?? ownAccount(userId),
    );
  });
  return { id, name, token };
}

export async function listTokens(ctx: AppContext, userId: string) {
  const rows = await selectApiTokensOf(ctx.db, userId);
  return rows.map((r) => ({ ...r, lastUsedAt: r.lastUsedAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString() }));
}

export async function deleteToken(ctx: AppContext, userId: string, id: string, from?: AuditFrom) {
  await ctx.db.transaction(async (tx) => {
    // Why: a token is deleted only by its owner; another person's id answers as not found.
    const deleted = await deleteApiTokenOf(tx, userId, id);
    if (!deleted) throw notFound('token');
    await recordAudit(
      tx,
      {
        action: 'api_token.revoke',
        targetType: 'api_token',
        targetId: id,
        summary: `Revoked API token ${quote(deleted.name)} (${deleted.prefix}…) of ${userId}`,
        data: { userId, name: deleted.name, prefix: deleted.prefix },
        at: ctx.clock.now(),
      },
      from ?? ownAccount(userId),
    );
  });
}
