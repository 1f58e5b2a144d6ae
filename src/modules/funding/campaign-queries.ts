// Every statement on the campaigns table.
import { type SQL, and, desc, eq, inArray, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { campaigns, type CampaignStatus } from '../../db/schema/funding.js';
import { projectHiddenSql } from '../projects/project-sql.js';
import { subjectRowOf } from '../subjects/registry.js';

export type Campaign = typeof campaigns.$inferSelect;
export type NewCampaign = typeof campaigns.$inferInsert;
export type { CampaignStatus };

/** One campaign, or undefined. */
export async function selectCampaign(db: Executor, id: string): Promise<Campaign | undefined> {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, id)).limit(1);
  return campaign;
}

/** One campaign locked for update until the caller's transaction ends. */
export async function selectCampaignForUpdate(tx: Executor, id: string): Promise<Campaign | undefined> {
  const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, id)).for('update');
  return campaign;
}

/** One campaign with whether moderation hid its project (`hidden` null: no such project). */
export async function selectCampaignWithHidden(
  db: Executor,
  id: string,
): Promise<{ campaign: Campaign; hidden: boolean | null } | undefined> {
  const [row] = await db
    .select({ campaign: campaigns, hidden: projectHiddenSql(campaigns.projectId) })
    .from(campaigns)
    .where(eq(campaigns.id, id))
    .limit(1);
  return row;
}

/** The project a campaign belongs to (null for no such campaign). */
export async function selectCampaignProjectId(db: Executor, id: string): Promise<string | null> {
  const [row] = await db.select({ projectId: campaigns.projectId }).from(campaigns).where(eq(campaigns.id, id));
  return row?.projectId ?? null;
}

export async function insertCampaign(tx: Executor, values: NewCampaign): Promise<void> {
  await tx.insert(campaigns).values(values);
}

/** Applies `set` only while the campaign is still in `status`; false when it changed meanwhile. */
export async function updateCampaignInStatus(db: Executor, id: string, status: CampaignStatus, set: Partial<Campaign>): Promise<boolean> {
  const done = await db
    .update(campaigns)
    .set(set)
    .where(and(eq(campaigns.id, id), eq(campaigns.status, status)))
    .returning({ id: campaigns.id });
  return done.length > 0;
}

/** A project's campaigns, newest first, drafts left out unless asked for, after the cursor `beforeId`. */
export function selectCampaignsOfProject(
  db: Executor,
  projectId: string,
  opts: { withDrafts: boolean; beforeId?: string; limit: number },
): Promise<Campaign[]> {
  return db
    .select()
    .from(campaigns)
    .where(
      and(
        eq(campaigns.projectId, projectId),
        opts.withDrafts ? undefined : ne(campaigns.status, 'draft'),
        opts.beforeId ? lt(campaigns.id, opts.beforeId) : undefined,
      ),
    )
    .orderBy(desc(campaigns.id))
    .limit(opts.limit);
}

/** A project's latest draft or live campaign, else its latest one; undefined if none. */
export async function selectLatestCampaignOfProject(db: Executor, projectId: string): Promise<Campaign | undefined> {
  const [campaign] = await db
    .select()
    .from(campaigns)
    .where(eq(campaigns.projectId, projectId))
    .orderBy(sql`CASE WHEN ${campaigns.status} IN ('draft', 'live') THEN 0 ELSE 1 END`, desc(campaigns.createdAt), desc(campaigns.id))
    .limit(1);
  return campaign;
}

/** Campaigns to settle: live past their deadline, or decided and not settled yet. */
export async function selectDueCampaignIds(db: Executor, now: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(
      and(
        isNull(campaigns.settledAt),
        ne(campaigns.status, 'draft'),
        or(
          and(eq(campaigns.status, 'live'), lte(campaigns.deadline, now)),
          inArray(campaigns.status, ['succeeded', 'failed', 'ended', 'cancelled']),
        ),
      ),
    )
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Cancels a draft (settled at once); the campaign, or undefined when it was no longer a draft. */
export async function cancelDraftCampaign(tx: Executor, id: string, now: Date): Promise<Campaign | undefined> {
  const [done] = await tx
    .update(campaigns)
    .set({ status: 'cancelled', closedAt: now, settledAt: now, updatedAt: now })
    .where(and(eq(campaigns.id, id), eq(campaigns.status, 'draft')))
    .returning();
  return done;
}

/** Closes a campaign to new pledges (once: a closed one keeps its first closing time). */
export async function closeCampaign(db: Executor, id: string, now: Date): Promise<void> {
  await db
    .update(campaigns)
    .set({ closedAt: now, updatedAt: now })
    .where(and(eq(campaigns.id, id), isNull(campaigns.closedAt)));
}

/** Opens a live campaign again to pledges, unless its deadline has passed. */
export async function reopenCampaign(db: Executor, id: string, now: Date): Promise<void> {
  await db
    .update(campaigns)
    .set({ closedAt: null })
    .where(and(eq(campaigns.id, id), eq(campaigns.status, 'live'), sql`${campaigns.deadline} > ${now.toISOString()}::timestamptz`));
}

export async function setCampaignOutcome(tx: Executor, id: string, outcome: CampaignStatus, raised: number, now: Date): Promise<void> {
  await tx.update(campaigns).set({ status: outcome, decidedRaised: raised, updatedAt: now }).where(eq(campaigns.id, id));
}

/** Marks a campaign settled (once); the campaign, or undefined when it already was. */
export async function markCampaignSettled(tx: Executor, id: string, now: Date): Promise<Campaign | undefined> {
  const [done] = await tx
    .update(campaigns)
    .set({ settledAt: now, updatedAt: now })
    .where(and(eq(campaigns.id, id), isNull(campaigns.settledAt)))
    .returning();
  return done;
}

/** Launches a draft; false when it was no longer a draft. */
export function markCampaignLive(tx: Executor, id: string, now: Date): Promise<boolean> {
  return updateCampaignInStatus(tx, id, 'draft', { status: 'live', launchedAt: now, updatedAt: now });
}

/** The live campaigns hosted in a person's own name. */
export function selectLiveCampaignsHostedBy(db: Executor, owner: string) {
  return db
    .select({ id: campaigns.id, title: campaigns.title })
    .from(campaigns)
    .where(and(eq(campaigns.hostOwner, owner), eq(campaigns.status, 'live')))
    .orderBy(campaigns.id);
}

/** A campaign as a subject of comments and follows (its project, and whether it is a draft). */
export function selectCampaignSubject(db: Executor, id: string) {
  return subjectRowOf(db, sql`SELECT id, project_id, status = 'draft' AS draft FROM campaigns WHERE id = ${id}`);
}

/** The same, as a fragment for visibility checks inside another statement. */
export function campaignSubjectSql(id: SQL) {
  return sql`SELECT vs_c.project_id, vs_c.status = 'draft' AS draft FROM campaigns vs_c WHERE vs_c.id = ${id}`;
}
