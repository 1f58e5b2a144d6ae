// Every statement on the mail outbox.
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { mailOutbox } from '../../db/schema/mail.js';

export type OutboxMail = typeof mailOutbox.$inferSelect;

const to = (email: string) => eq(sql`lower(${mailOutbox.toAddress})`, email.toLowerCase());

export async function insertMail(tx: Executor, mail: { id: string; toAddress: string; subject: string; bodyText: string }) {
  await tx.insert(mailOutbox).values(mail);
}

/** The oldest pending mail first. */
export function selectPendingMail(db: Executor, limit: number): Promise<OutboxMail[]> {
  return db.select().from(mailOutbox).where(eq(mailOutbox.status, 'pending')).orderBy(asc(mailOutbox.createdAt)).limit(limit);
}

export async function markMailKept(db: Executor, id: string) {
  await db.update(mailOutbox).set({ status: 'kept' }).where(eq(mailOutbox.id, id));
}

/** One more attempt, which delivered the mail. */
export async function markMailSent(db: Executor, id: string, at: Date) {
  await db
    .update(mailOutbox)
    .set({ status: 'sent', sentAt: at, attempts: sql`${mailOutbox.attempts} + 1` })
    .where(eq(mailOutbox.id, id));
}

/** One more attempt, which failed: the count, the error and the status (pending again, or failed for good). */
export async function markMailAttemptFailed(
  db: Executor,
  id: string,
  attempt: { attempts: number; lastError: string; status: 'pending' | 'failed' },
) {
  await db.update(mailOutbox).set(attempt).where(eq(mailOutbox.id, id));
}

/** The most recent mail, newest first. */
export function selectRecentMail(db: Executor, limit: number): Promise<OutboxMail[]> {
  return db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(limit);
}

/** The mail addressed to `email` (any case), newest first, without its body. */
export function selectMailTo(db: Executor, email: string) {
  return db
    .select({ subject: mailOutbox.subject, status: mailOutbox.status, createdAt: mailOutbox.createdAt, sentAt: mailOutbox.sentAt })
    .from(mailOutbox)
    .where(to(email))
    .orderBy(desc(mailOutbox.createdAt));
}

export async function deleteMailTo(tx: Executor, email: string): Promise<void> {
  await tx.delete(mailOutbox).where(to(email));
}
