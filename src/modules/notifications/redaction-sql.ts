// What the notifications module does for moderation: a hidden comment's text must be shown nowhere, and the
// notifications it caused carry its excerpt. Offered here so that no other module names the notifications table.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';

/**
 * Drops the excerpt from every notification about a subject and marks them `hidden`, in the caller's transaction.
 * @example await redactNotificationsAbout(tx, `comment:${id}`)
 */
export async function redactNotificationsAbout(tx: Executor, subject: string): Promise<void> {
  await tx.execute(sql`UPDATE notifications SET data = (data - 'excerpt') || '{"hidden": true}'::jsonb WHERE subject = ${subject}`);
}
