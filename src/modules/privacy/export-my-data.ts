// GDPR articles 15 and 20: everything the platform holds about the signed-in person, as one JSON archive.
import type { AppContext } from '../../context.js';
import { exportPersonalData as accountsData } from '../accounts/personal-data.js';
import { exportPersonalData as communityData } from '../community/personal-data.js';
import { exportPersonalData as fundingData } from '../funding/personal-data.js';
import { exportPersonalData as ideasData } from '../ideas/personal-data.js';
import { exportPersonalData as knowledgeData } from '../knowledge/personal-data.js';
import { exportPersonalData as ledgerData } from '../ledger/personal-data.js';
import { exportPersonalData as mailData } from '../mail/personal-data.js';
import { exportPersonalData as notificationsData } from '../notifications/personal-data.js';
import { exportPersonalData as orgsData } from '../orgs/personal-data.js';
import { exportPersonalData as projectsData } from '../projects/personal-data.js';
import { exportPersonalData as surveysData } from '../surveys/personal-data.js';
import { exportPersonalData as tasksData } from '../tasks/personal-data.js';

export const EXPORT_FORMAT = 'foule-personal-data';
export const EXPORT_VERSION = 1;

/**
 * The archive of one person's data, each module contributing its own part. Secrets never appear: no password
 * hash, no session or API token (nor their hashes), no CSRF token, no payment method token, no e-mail body.
 * Read from one snapshot of the database is not promised: each part is read as it stands when it is reached.
 * @example const archive = await exportMyData(ctx, actor.userId) // { format, version, exportedAt, account, … }
 */
export async function exportMyData(ctx: AppContext, userId: string) {
  const db = ctx.db;
  const accounts = await accountsData(db, userId);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: ctx.clock.now().toISOString(),
    account: accounts.account,
    sessions: accounts.sessions,
    apiTokens: accounts.apiTokens,
    ...(await orgsData(db, userId)),
    ...(await projectsData(db, userId)),
    community: await communityData(db, userId, accounts.account.email),
    ...(await notificationsData(db, userId)),
    ideas: await ideasData(db, userId),
    knowledge: await knowledgeData(db, userId),
    surveys: await surveysData(db, userId),
    tasks: await tasksData(db, userId),
    funding: await fundingData(db, userId),
    ledger: await ledgerData(db, userId),
    ...(await mailData(db, accounts.account.email)),
  };
}

/** The archive's file name: `foule-export-<UTC date>.json`. */
export function exportFileName(now: Date): string {
  return `foule-export-${now.toISOString().slice(0, 10)}.json`;
}
