// The mail module's share of a personal-data export and of an erasure: the e-mails addressed to a person.
import type { Executor } from '../../db/client.js';
import { deleteMailTo, selectMailTo } from './queries.js';

/**
 * The e-mails addressed to a person: subject, status and dates, never the body (a reset link is a secret).
 * @example await exportPersonalData(db, 'ann@example.org') // { emails: [{ subject, status, createdAt, sentAt }] }
 */
export async function exportPersonalData(db: Executor, email: string) {
  return { emails: await selectMailTo(db, email) };
}

/** Erasure, in the caller's transaction: mail to the address, sent or not, is deleted from the outbox. */
export function erasePersonalData(tx: Executor, email: string): Promise<void> {
  return deleteMailTo(tx, email);
}
