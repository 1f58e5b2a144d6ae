import nodemailer from 'nodemailer';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { newId } from '../../lib/ids.js';
import { insertMail, markMailAttemptFailed, markMailKept, markMailSent, selectPendingMail, selectRecentMail } from './queries.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Queues an e-mail in the outbox inside the caller's transaction, so mail goes out only if the change
 * that caused it is committed. The outbox job sends it (or keeps it for operators when SMTP_URL is unset).
 */
export async function queueMail(tx: Executor, mail: OutgoingMail): Promise<string> {
  const id = newId('mail');
  await insertMail(tx, { id, toAddress: mail.to, subject: mail.subject, bodyText: mail.text });
  return id;
}

/** Sends pending mail through SMTP; without SMTP_URL marks it `kept` (listed by `foule outbox`). */
export async function deliverOutbox(ctx: AppContext, batch = 50): Promise<number> {
  const pending = await selectPendingMail(ctx.db, batch);
  if (!pending.length) return 0;
  if (!ctx.config.SMTP_URL) {
    for (const mail of pending) await markMailKept(ctx.db, mail.id);
    return pending.length;
  }
  const transport = nodemailer.createTransport(ctx.config.SMTP_URL);
  try {
    for (const mail of pending) {
      try {
        await transport.sendMail({ from: ctx.config.MAIL_FROM, to: mail.toAddress, subject: mail.subject, text: mail.bodyText });
        await markMailSent(ctx.db, mail.id, ctx.clock.now());
      } catch (e) {
        const attempts = mail.attempts + 1;
        await markMailAttemptFailed(ctx.db, mail.id, {
          attempts,
          lastError: String((e as Error).message).slice(0, 500),
          status: attempts >= 5 ? 'failed' : 'pending',
        });
      }
    }
  } finally {
    transport.close();
  }
  return pending.length;
}

/** The most recent mail, newest first, for operators. */
export async function listOutbox(ctx: Pick<AppContext, 'db'>, limit = 50) {
  return selectRecentMail(ctx.db, limit);
}
