// The operator account, from the environment at start or from the command line.
import type { AppContext } from '../../context.js';
import { newId } from '../../lib/ids.js';
import { recordAudit, SYSTEM } from '../audit/record-audit.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { insertUser, selectUserByEmail, updateUser } from './queries.js';

/**
 * Creates the operator account from FOULE_ADMIN_EMAIL/PASSWORD (`source` 'env', at start) or `foule operator create`
 * ('cli'), or updates its password and role. Each change is in the audit log, by the system.
 */
export async function ensureOperator(ctx: AppContext, email: string, password: string, name = 'Operator', source: 'env' | 'cli' = 'env') {
  const passwordHash = await hashPassword(password);
  const existing = await selectUserByEmail(ctx.db, email);
  const how = source === 'env' ? 'FOULE_ADMIN_EMAIL' : 'foule operator create';
  if (existing) {
    // A restart with the same settings changes nothing worth a record; a new role or password does.
    const promoted = existing.role !== 'operator';
    const newPassword = !(await verifyPassword(existing.passwordHash, password));
    await ctx.db.transaction(async (tx) => {
      await updateUser(tx, existing.id, { passwordHash, role: 'operator' });
      if (promoted || newPassword) {
        await recordAudit(
          tx,
          {
            action: promoted ? 'operator.grant' : 'operator.password_set',
            targetType: 'user',
            targetId: existing.id,
            summary: promoted ? `Made ${existing.id} an operator (${how})` : `Set a new password for operator ${existing.id} (${how})`,
            data: { source, promoted, newPassword },
            at: ctx.clock.now(),
          },
          SYSTEM,
        );
      }
    });
    return existing.id;
  }
  const id = newId('usr');
  await ctx.db.transaction(async (tx) => {
    await insertUser(tx, { id, email, passwordHash, name, role: 'operator' });
    await recordAudit(
      tx,
      {
        action: 'operator.create',
        targetType: 'user',
        targetId: id,
        summary: `Created operator account ${id} (${how})`,
        data: { source },
        at: ctx.clock.now(),
      },
      SYSTEM,
    );
  });
  return id;
}
