// The mail module's share of a personal-data export and of an erasure: the e-mails addressed to a person.
import { desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { mailOutbox } from '../../db/schema/mail.js';

const to = (email: string) => eq(sql`lower(${mailOutbox.toAddress})`, email.toLowerCase());

/**
 * The e-mails addressed to a person: subject, status and dates, never the body (a reset link is a secret).
 * @example await exportPersonalData(db, 'ann@example.org') // { emails: [{ subject, status, createdAt, sentAt }] }
 */
export async function exportPersonalData(db: Executor, email: string) {
  const rows = await db
    .select({ subject: mailOutbox.subject, status: mailOutbox.status, createdAt: mailOutbox.createdAt, sentAt: mailOutbox.sentAt })
    .from(mailOutbox)
    .where(to(email))
    .orderBy(desc(mailOutbox.createdAt));
  return { emails: rows };
}

/** Erasure, in the caller's transaction: mail to the address, sent or not, is deleted from the outbox. */
export async function erasePersonalData(tx: Executor, email: string): Promise<void> {
  await tx.delete(mailOutbox).where(to(email));
}
